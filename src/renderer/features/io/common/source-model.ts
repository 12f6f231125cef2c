import type { ListSource } from '../../../../shared/contract/io';

export interface SourceChoice {
  kind: 'all' | 'group' | 'selection';
  groupId: string | null;
  selectionId: string | null;
  /** Only for 'all': one relation type, or every relation. */
  typeCode: string | null;
  /** The date members of a group or selection (and ages, addresses) are taken on; today when null. */
  on: string | null;
}

export const INITIAL_SOURCE: SourceChoice = { kind: 'all', groupId: null, selectionId: null, typeCode: null, on: null };

/** The contract's list source, or null while the choice is incomplete (no group picked yet). */
export function toListSource(c: SourceChoice): ListSource | null {
  const on = c.on ?? undefined;
  switch (c.kind) {
    case 'all':
      return c.typeCode ? { kind: 'all', typeCode: c.typeCode } : { kind: 'all' };
    case 'group':
      return c.groupId ? { kind: 'group', groupId: c.groupId, ...(on ? { on } : {}) } : null;
    case 'selection':
      return c.selectionId ? { kind: 'selection', selectionId: c.selectionId, ...(on ? { on } : {}) } : null;
  }
}
