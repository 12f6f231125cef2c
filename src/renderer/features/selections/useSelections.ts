import type { EventName } from '../../../shared/contract/events';
import { useMutation, useQuery } from '../../rpc/useQuery';

const REFRESH: EventName[] = ['selections.changed'];

/*
 * selections.create announces no event (update and delete do), so the page reloads the
 * list itself after creating; the events keep other open screens in step.
 */
export function useSelectionList() {
  return useQuery('selections.list', {}, { refreshOn: REFRESH });
}

export function useSelection(id: string | undefined) {
  return useQuery('selections.get', { id: id ?? '' }, { enabled: Boolean(id), refreshOn: REFRESH });
}

export function useSelectionMutations() {
  return {
    create: useMutation('selections.create'),
    update: useMutation('selections.update'),
    remove: useMutation('selections.delete'),
  };
}
