import type { EventName } from '../../../../shared/contract/events';
import { useMutation, useQuery } from '../../../rpc/useQuery';

// Targets, columns and fields include custom fields; a change there must show up here.
const FIELDS: EventName[] = ['classification.changed'];

export function useImportTargets() {
  return useQuery('io.importTargets', {}, { refreshOn: FIELDS });
}

export function useSavedMappings() {
  return useQuery('io.listMappings', {}, {});
}

export function useMappingMutations() {
  return { save: useMutation('io.saveMapping'), remove: useMutation('io.deleteMapping') };
}

export function useImportCalls() {
  return { inspect: useMutation('io.inspectImport'), rows: useMutation('io.importPlanRows'), undo: useMutation('io.undoImport') };
}

export function useExportColumns() {
  return useQuery('io.exportColumns', {}, { refreshOn: FIELDS });
}

export function useColumnSets() {
  return useQuery('io.listColumnSets', {}, {});
}

export function useColumnSetMutations() {
  return { save: useMutation('io.saveColumnSet'), remove: useMutation('io.deleteColumnSet') };
}

export function useMergeFields() {
  return useQuery('io.mergeFields', {}, { refreshOn: FIELDS });
}

export function useMergeCalls() {
  return { check: useMutation('io.checkTemplate'), preview: useMutation('io.previewMerge') };
}

export function useLabelSheets() {
  return useQuery('io.labelSheets', {}, {});
}

/** What a list, export, merge or label run can be about: groups, selections, relation types. */
export function useSourceLists() {
  return {
    groups: useQuery('groups.list', {}, { refreshOn: ['groups.changed'] }),
    selections: useQuery('selections.list', {}, { refreshOn: ['selections.changed'] }),
    types: useQuery('relationTypes.list', {}, { refreshOn: ['classification.changed'] }),
  };
}
