import { z } from 'zod';
import { defineContract } from './define';
import { id, pageInput } from './fields';

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
});
export type AuditEntryDto = z.infer<typeof auditEntryDto>;

export const auditContract = defineContract({
  'audit.forRelation': {
    input: z.object({ relationId: id, ...pageInput }),
    output: z.object({ rows: z.array(auditEntryDto), total: z.number().int() }),
  },
  'audit.list': {
    input: z.object({ ...pageInput }),
    output: z.object({ rows: z.array(auditEntryDto), total: z.number().int() }),
  },
});
