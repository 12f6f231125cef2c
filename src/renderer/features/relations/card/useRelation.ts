import { useQuery } from '../../../rpc/useQuery';

/** The whole card in one call, reloaded after every relations.changed (own edits included). */
export function useRelation(id: string) {
  return useQuery('relations.get', { id }, { refreshOn: ['relations.changed'] });
}
