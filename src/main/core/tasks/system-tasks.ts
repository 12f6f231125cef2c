import type { CoreContext } from '../context';
import { addDays, formatDutchDate } from '../../../shared/dutch/dates';
import { INVOICE_FIGURES, OPEN_EXPR } from '../contributions/invoices.repo';
import { mandateExpiresOnSql } from '../sepa/mandates';

export interface SystemTaskSpec {
  systemKey: string;
  title: string;
  notes?: string | null;
  relationId?: string | null;
  groupId?: string | null;
  dueDate: string;
}

/** Makes the app's own task once: a key that was ever used (even closed by the user) is not made again. Inside an operation. */
export function ensureSystemTask(ctx: CoreContext, spec: SystemTaskSpec): boolean {
  const now = ctx.now();
  const r = ctx.sqlite
    .prepare(
      `INSERT INTO tasks (id, title, notes, due_date, priority, recurrence, relation_id, group_id, system_key, created_at, updated_at)
       VALUES (@id, @title, @notes, @due, 'normal', 'none', @relationId, @groupId, @key, @now, @now)
       ON CONFLICT (system_key) DO NOTHING`,
    )
    .run({ id: ctx.newId(), title: spec.title, notes: spec.notes ?? null, due: spec.dueDate, relationId: spec.relationId ?? null, groupId: spec.groupId ?? null, key: spec.systemKey, now });
  return r.changes > 0;
}

/** How long a change request may wait before the app asks for it. */
export const REQUEST_WAIT_DAYS = 14;

/**
 * A source of the app's own tasks: the tasks that should be open now, keyed by system key
 * prefix. A task of this prefix that is open but no longer wanted is closed: the fact is fixed.
 */
export interface SystemTaskSource {
  prefix: string;
  wanted(ctx: CoreContext): SystemTaskSpec[];
}

const staleRequests: SystemTaskSource = {
  prefix: 'request-stale:',
  wanted(ctx) {
    const limit = addDays(ctx.today(), -REQUEST_WAIT_DAYS);
    const rows = ctx.sqlite
      .prepare(`SELECT id, title, relation_id AS relationId, requested_on AS requestedOn FROM change_requests WHERE status = 'open' AND requested_on < ?`)
      .all(limit) as { id: string; title: string; relationId: string | null; requestedOn: string }[];
    return rows.map((r) => ({
      systemKey: `request-stale:${r.id}`,
      title: `Wijzigingsverzoek wacht langer dan ${REQUEST_WAIT_DAYS} dagen`,
      notes: r.title,
      relationId: r.relationId,
      dueDate: addDays(r.requestedOn, REQUEST_WAIT_DAYS),
    }));
  },
};

/*
 * The sources run after every operation (the navigation's task count follows each change), so
 * each query starts from the few rows that can qualify and only then joins relations:
 * CROSS JOIN fixes SQLite's join order, which otherwise walks all 100,000 relations first
 * (seconds on a large administration, bench/tasks.bench.ts).
 */

/**
 * A member whose membership type changes by age next period (jeugdlid → senior): the stored
 * membership runs already say so, since birthdays are dated facts. The period is the calendar
 * year until contributions define their own periods (then this should ask the fee schedule).
 */
const ageCategory: SystemTaskSource = {
  prefix: 'age-category:',
  wanted(ctx) {
    const year = Number(ctx.today().slice(0, 4));
    const from = `${year + 1}-01-01`;
    const to = `${year + 2}-01-01`;
    const rows = ctx.sqlite
      .prepare(
        `SELECT a.relation_id AS relationId, a.end_date AS date, min(ta.name) AS fromType, min(tb.name) AS toType
         FROM memberships a
         CROSS JOIN memberships b ON b.relation_id = a.relation_id AND b.unit_id = a.unit_id AND b.start_date = a.end_date AND b.membership_type_id <> a.membership_type_id
         CROSS JOIN relations r ON r.id = a.relation_id AND r.deleted_at IS NULL
         JOIN membership_types ta ON ta.id = a.membership_type_id
         JOIN membership_types tb ON tb.id = b.membership_type_id
         WHERE a.end_date >= @from AND a.end_date < @to
         GROUP BY a.relation_id, a.end_date`,
      )
      .all({ from, to }) as { relationId: string; date: string; fromType: string; toType: string }[];
    return rows.map((r) => ({
      systemKey: `age-category:${r.relationId}:${r.date}`,
      title: `Leeftijdscategorie wijzigt: ${r.fromType} → ${r.toType}`,
      notes: `Per ${r.date.split('-').reverse().join('-')}. Controleer contributie en communicatie.`,
      relationId: r.relationId,
      dueDate: `${year}-12-01`,
    }));
  },
};

/** The prefix of the treasurer's task for a returned debit (made by the bank import with the details). */
export const RETURN_TASK_PREFIX = 'debit-returned:';

/**
 * A returned direct debit stays a task while its invoice is open again; paid (by transfer or a
 * retry) or credited, the task closes itself. The bank import makes the task when the return
 * arrives, with what it did; this source only keeps it open while the fact stands.
 */
const returnedDebits: SystemTaskSource = {
  prefix: RETURN_TASK_PREFIX,
  wanted(ctx) {
    const rows = ctx.sqlite
      .prepare(
        `SELECT b.entry_id AS entryId, b.code, b.relation_id AS relationId, f.number, date(b.created_at / 1000, 'unixepoch') AS day
           FROM bank_returns b JOIN (${INVOICE_FIGURES}) f ON f.id = b.invoice_id
          WHERE ${OPEN_EXPR} > 0`,
      )
      .all() as { entryId: string; code: string; relationId: string | null; number: string; day: string }[];
    return rows.map((r) => ({
      systemKey: `${RETURN_TASK_PREFIX}${r.entryId}`,
      title: `Incasso gestorneerd (${r.code}): factuur ${r.number}`,
      relationId: r.relationId,
      dueDate: addDays(r.day, 7),
    }));
  },
};

/** How long before a mandate lapses (36 months unused) the treasurer is asked to act. */
export const MANDATE_WARN_DAYS = 60;

/**
 * An active mandate that lapses within MANDATE_WARN_DAYS: collect with it, or ask for a new
 * one. Used in a collection (last used moves on), revoked or ended, the task closes itself.
 */
const mandateExpiry: SystemTaskSource = {
  prefix: 'mandate-expiry:',
  wanted(ctx) {
    const today = ctx.today();
    const rows = ctx.sqlite
      .prepare(
        `SELECT m.id, m.reference, m.relation_id AS relationId, ${mandateExpiresOnSql('m')} AS lapses
           FROM sepa_mandates m CROSS JOIN relations r ON r.id = m.relation_id AND r.deleted_at IS NULL
          WHERE m.status = 'active' AND lapses BETWEEN @today AND @until`,
      )
      .all({ today, until: addDays(today, MANDATE_WARN_DAYS) }) as { id: string; reference: string; relationId: string; lapses: string }[];
    return rows.map((r) => ({
      // Keyed by the lapse date too: after a new collection the same mandate may near expiry again, years later.
      systemKey: `mandate-expiry:${r.id}:${r.lapses}`,
      title: `Machtiging ${r.reference} vervalt op ${formatDutchDate(r.lapses)}`,
      notes: 'Een machtiging die 36 maanden niet is gebruikt vervalt. Incasseer vóór die datum of vraag een nieuwe machtiging.',
      relationId: r.relationId,
      dueDate: addDays(r.lapses, -14) < today ? today : addDays(r.lapses, -14),
    }));
  },
};

export const SYSTEM_TASK_SOURCES: SystemTaskSource[] = [staleRequests, ageCategory, returnedDebits, mandateExpiry];

/** What the sync would do: cheap to compute, so the sync only writes when something changed. */
export function systemTaskDiff(ctx: CoreContext): { create: SystemTaskSpec[]; close: string[] } {
  const create: SystemTaskSpec[] = [];
  const close: string[] = [];
  const existing = ctx.sqlite.prepare(`SELECT system_key AS key, done_at AS doneAt FROM tasks WHERE system_key LIKE ? || '%'`);
  for (const source of SYSTEM_TASK_SOURCES) {
    const wanted = source.wanted(ctx);
    const have = new Map((existing.all(source.prefix) as { key: string; doneAt: string | null }[]).map((r) => [r.key, r.doneAt]));
    const keys = new Set(wanted.map((w) => w.systemKey));
    for (const w of wanted) if (!have.has(w.systemKey)) create.push(w);
    for (const [key, doneAt] of have) if (doneAt === null && !keys.has(key)) close.push(key);
  }
  return { create, close };
}

/**
 * The facts system tasks follow change only through an operation or with the date: the last
 * operation's rowid and today say whether a sync can find anything new. The navigation asks
 * for the task count on every refresh, so an unchanged administration costs one lookup.
 */
const syncedAt = new WeakMap<CoreContext, string>();
const stateKey = (ctx: CoreContext) =>
  `${ctx.today()}|${String((ctx.sqlite.prepare('SELECT max(rowid) AS n FROM operations').get() as { n: number | null }).n ?? 0)}`;

/** Brings the app's own tasks up to date: one operation, only when there is something to do. */
export function syncSystemTasks(ctx: CoreContext): void {
  const key = stateKey(ctx);
  if (syncedAt.get(ctx) === key) return;
  const diff = systemTaskDiff(ctx);
  if (diff.create.length === 0 && diff.close.length === 0) {
    syncedAt.set(ctx, key);
    return;
  }
  ctx.write('tasks.sync', { create: diff.create.length, close: diff.close.length }, (op) => {
    for (const spec of diff.create) ensureSystemTask(ctx, spec);
    const done = ctx.sqlite.prepare('UPDATE tasks SET done_at = ?, updated_at = ? WHERE system_key = ? AND done_at IS NULL');
    for (const key of diff.close) done.run(ctx.today(), ctx.now(), key);
    op.changed('tasks.changed', {});
  });
  syncedAt.set(ctx, stateKey(ctx));
}
