import { z } from 'zod';
import { defineContract } from './define';
import { id, isoDate, pageInput } from './fields';

export const auditEntryDto = z.object({
  id: z.number().int(),
  operationId: z.string(),
  operationKind: z.string(),
  actor: z.string(),
  at: z.number(),
  tableName: z.string(),
  recordId: z.string(),
  relationId: z.string().nullable(),
  action: z.enum(['insert', 'update', 'delete']),
  field: z.string().nullable(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  /** What the record is, for people: "Oudegracht 12 3511 AB Utrecht", "werkt bij Bakkerij Brood BV". */
  recordLabel: z.string().nullable(),
  /** Names of the records this change refers to by id (person, group, unit, role, type…), by id. */
  names: z.record(z.string(), z.string()).default({}),
});
export type AuditEntryDto = z.infer<typeof auditEntryDto>;

/** What History can be narrowed to: a date range (inclusive days), an operation kind, a kind of record, who. */
export const auditFilter = {
  relationId: id.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  kind: z.string().max(100).optional(),
  table: z.string().max(100).optional(),
  actor: z.string().max(200).optional(),
};

export const auditOperationDto = z.object({
  id: z.string(),
  kind: z.string(),
  actor: z.string(),
  at: z.number(),
  /** How many changes it made (within the filter: one relation, one kind of record). */
  changes: z.number().int(),
  /** The first changes, in the order written; audit.changes pages through the rest. */
  entries: z.array(auditEntryDto),
});
export type AuditOperationDto = z.infer<typeof auditOperationDto>;
/** A later operation in the way of an undo. */
export const undoConflictDto = z.object({ operationId: z.string(), kind: z.string(), at: z.number(), actor: z.string(), changes: z.number().int() });
export const undoStatusDto = z.object({
  operationId: z.string(),
  kind: z.string(),
  /** undoable: can be undone now; undone: it was (undoneBy); conflict: later operations changed its records. */
  state: z.enum(['undoable', 'undone', 'conflict']),
  undoneBy: z.string().nullable(),
  conflicts: z.array(undoConflictDto),
});
export type UndoStatusDto = z.infer<typeof undoStatusDto>;

export const auditContract = defineContract({
  'audit.operations': {
    input: z.object({ ...auditFilter, ...pageInput, limit: z.number().int().min(1).max(200).default(50) }),
    output: z.object({ rows: z.array(auditOperationDto), total: z.number().int() }),
  },
  'audit.changes': {
    input: z.object({ operationId: id, relationId: id.optional(), table: z.string().max(100).optional(), ...pageInput }),
    output: z.object({ rows: z.array(auditEntryDto), total: z.number().int() }),
  },
  /** The values the History filters offer. */
  'audit.facets': {
    input: z.object({}),
    output: z.object({ kinds: z.array(z.string()), tables: z.array(z.string()), actors: z.array(z.string()) }),
  },
  'audit.forRelation': {
    input: z.object({ relationId: id, ...pageInput }),
    output: z.object({ rows: z.array(auditEntryDto), total: z.number().int() }),
  },
  'audit.list': {
    input: z.object({ ...pageInput }),
    output: z.object({ rows: z.array(auditEntryDto), total: z.number().int() }),
  },
  /** Of the operations given, those that can be undone as a whole (imports, later merges and runs), with their state. */
  'audit.undoStatus': {
    input: z.object({ operationIds: z.array(id).max(500) }),
    output: z.object({ rows: z.array(undoStatusDto) }),
  },
  /** Undoes an operation as a new operation; CONFLICT (reason CHANGED_LATER, details.operations) when later work is in the way. */
  'audit.undo': {
    input: z.object({ operationId: id }),
    output: z.object({ operationId: z.string(), reverted: z.number().int() }),
  },
});
