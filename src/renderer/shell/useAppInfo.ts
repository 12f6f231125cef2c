import { useQuery } from '../rpc/useQuery';

export function useAppInfo() {
  return useQuery('app.info', {}, { refreshOn: ['relations.changed'] });
}
