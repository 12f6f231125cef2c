import type { EventName } from '../../../shared/contract/events';
import { useQuery } from '../../rpc/useQuery';

// Reference lists change rarely; any write to them announces itself with one of these events.
const REFRESH: EventName[] = ['relations.changed', 'classification.changed'];

export function useRelationTypes() {
  return useQuery('relationTypes.list', {}, { refreshOn: REFRESH });
}

export function useTags() {
  return useQuery('tags.list', {}, { refreshOn: REFRESH });
}

export function useCustomFields() {
  return useQuery('customFields.list', {}, { refreshOn: REFRESH });
}

export function useLinkTypes() {
  return useQuery('linkTypes.list', {}, { refreshOn: ['linkTypes.changed'] });
}
