import { useQuery } from '../../rpc/useQuery';

/** The trash, newest deletions first (the core orders it so); 500 is far more than a trash holds. */
export function useTrash() {
  return useQuery('relations.list', { trash: true, offset: 0, limit: 500 }, { refreshOn: ['relations.changed'] });
}
