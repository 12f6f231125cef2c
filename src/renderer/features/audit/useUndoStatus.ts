import type { EventName } from '../../../shared/contract/events';
import type { UndoStatusDto } from '../../../shared/contract';
import { useQuery } from '../../rpc/useQuery';

/** Reloaded after any write: a later edit can put an operation out of reach of undo. */
const REFRESH: EventName[] = ['relations.changed', 'memberships.changed', 'groups.changed', 'classification.changed'];

/** The undo state of the operations on screen that can be undone as a whole (imports, …), by operation id. */
export function useUndoStatus(operationIds: string[]): Map<string, UndoStatusDto> {
  const ids = operationIds.slice(0, 500);
  const q = useQuery('audit.undoStatus', { operationIds: ids }, { refreshOn: REFRESH, enabled: ids.length > 0 });
  return new Map((q.data?.rows ?? []).map((s) => [s.operationId, s]));
}
