import { z } from 'zod';

/**
 * Every event the core emits, declared like the methods: a name and its payload schema.
 * Write events are queued by an operation (`op.changed`) and emitted after its commit; the
 * progress events come from long io calls that carry a `jobId`. The renderer can only listen
 * for names declared here, so it never waits for an event nobody sends.
 */
const ids = z.array(z.string());
const progress = z.object({ jobId: z.string(), phase: z.string(), done: z.number(), total: z.number() });

export const eventContract = {
  /** Relations whose facts changed (`ids`), how many when too many to list (`count`), or `all` after a bulk change. */
  'relations.changed': z.object({ ids: ids.optional(), count: z.number().int().optional(), all: z.literal(true).optional() }),
  /** Relation types, tags or custom fields changed; `kind` names the operation. */
  'classification.changed': z.object({ kind: z.string() }),
  'groups.changed': z.object({ ids }),
  'selections.changed': z.object({ ids }),
  'linkTypes.changed': z.object({ ids }),
  /** Stored membership periods changed (`relations` counts them), or the units / subscription types behind them. */
  'memberships.changed': z.object({ relations: z.number().int().optional(), units: ids.optional(), subscriptionTypes: ids.optional() }),
  /** Fee schedules, payment settings, runs, invoices, payments or reminders changed; the key says which. */
  'contributions.changed': z.object({
    invoiceId: z.string().optional(), invoiceIds: ids.optional(), paymentId: z.string().optional(), periodCode: z.string().optional(),
    relationId: z.string().optional(), reminders: z.number().int().optional(), runId: z.string().optional(),
  }),
  /** Creditor settings, mandates or SEPA batches changed. */
  'sepa.changed': z.object({ batchId: z.string().optional(), mandateIds: ids.optional(), relationId: z.string().optional() }),
  /** Contact log entries changed, with the relations and groups they are about. */
  'log.changed': z.object({ ids, relationIds: ids.optional(), groupIds: ids.optional() }),
  'meetings.changed': z.object({ ids, groupId: z.string().optional() }),
  'requests.changed': z.object({ ids }),
  /** Tasks changed; no ids after the automatic tasks were brought up to date. */
  'tasks.changed': z.object({ ids: ids.optional() }),
  /** Bank statements or their entries changed (an import, a match by hand). */
  'bank.changed': z.object({ statementId: z.string().optional(), entryIds: ids.optional() }),
  'bank.progressed': progress,
  'import.progressed': progress,
  'io.progressed': progress,
  /** The host opened, closed, switched or restored the administration (main/administrations); every screen starts over. */
  'administration.changed': z.object({ file: z.string().nullable() }),
  /** The background check after opening found the file damaged (`backups.checkFile`), or the automatic backup failed. */
  'administration.problem': z.object({ code: z.string(), file: z.string() }),
} as const;

export type EventContract = typeof eventContract;
export type EventName = keyof EventContract & string;
export type EventPayload<N extends EventName> = z.infer<EventContract[N]>;
/** One event as it travels from the core to a host and the renderer. */
export type TypedCoreEvent = { [N in EventName]: { name: N; payload: EventPayload<N> } }[EventName];

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(eventContract, name);
}
