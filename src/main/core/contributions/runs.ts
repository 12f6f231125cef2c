import type { CoreContext } from '../context';
import { writeOrPreview } from '../audit/operation-writer';
import { DomainError, notFound } from '../../../shared/errors';
import type { RunDto, RunResultDto } from '../../../shared/contract/contributions';
import { computeRun } from './run-engine';
import { loadRunFacts } from './run-facts';
import { getSchedule } from './schedules';
import { getInvoicingSettings } from './invoicing-settings';
import { writeRunInvoices } from './run-writer';
import type { RunOutcome } from './run-model';
import { checkpoint, type Progress } from '../io/progress';
import { administrationVersion, assertUnchangedSince } from '../plans/plan-store';

/** Read the facts, compute, write (or preview): the steps a run reports. */
const RUN_STEPS = 3;

export interface RunOptions {
  periodCode: string;
  invoiceDate?: string | undefined;
  dryRun: boolean;
  itemLimit: number;
  /** Commit what this dry run computed (its held plan) instead of reading and computing again. */
  planId?: string | undefined;
}

/** What a dry run computed, held between the preview and its commit (plan-store). */
interface HeldRun {
  periodCode: string;
  invoiceDate: string;
  /** The run's header facts; the relation facts are not kept (the outcome is what counts). */
  read: RunHeader;
  outcome: RunOutcome;
}
const RUN_PLAN = 'contributions.run';

/**
 * A contribution run. The dry run is the commit rolled back (writeOrPreview), so the preview
 * shows exactly what the commit writes, invoice numbers included. A dry run without problems
 * holds what it computed as a plan; committing that plan writes exactly what was shown,
 * without reading and computing again, and is refused when anything was saved since the
 * preview read (RUN_DATA_CHANGED). Blocking problems stop the commit before anything is
 * written; the preview reports them. A long run reports its steps and can be cancelled
 * until its write starts (the write is one transaction).
 */
export async function runContributions(ctx: CoreContext, opts: RunOptions, progress?: Progress): Promise<RunResultDto> {
  if (opts.planId && !opts.dryRun) {
    const held = heldRun(ctx, opts);
    progress?.onProgress?.({ phase: 'commit', done: 2, total: RUN_STEPS });
    const result = writeRun(ctx, opts, held.value.read, held.value.outcome, held.basis);
    ctx.plans.drop(held.planId);
    progress?.onProgress?.({ phase: 'run', done: RUN_STEPS, total: RUN_STEPS });
    return result;
  }
  // Reading and computing come before the operation, with a chance to cancel after each;
  // the operation then checks that nothing was written since, so it saves what was computed.
  const basis = administrationVersion(ctx.sqlite);
  await checkpoint(progress, { phase: 'run', done: 0, total: RUN_STEPS });
  const read = readRun(ctx, opts);
  await checkpoint(progress, { phase: 'run', done: 1, total: RUN_STEPS });
  const outcome = computeRun(read.facts);
  await checkpoint(progress, { phase: 'run', done: 2, total: RUN_STEPS });
  // From here the run is one transaction: it can no longer be stopped half-way (the bar hides Cancel).
  progress?.onProgress?.({ phase: 'commit', done: 2, total: RUN_STEPS });
  const result = writeRun(ctx, opts, read, outcome, basis);
  progress?.onProgress?.({ phase: 'run', done: RUN_STEPS, total: RUN_STEPS });
  if (!opts.dryRun || result.problems.length > 0 || result.invoiceCount === 0) return result;
  const held = ctx.plans.hold<HeldRun>(RUN_PLAN, { periodCode: opts.periodCode, invoiceDate: read.invoiceDate, read: header(read), outcome }, { weight: Math.max(1, outcome.invoices.length), basis });
  return { ...result, planId: held.planId };
}

/** The held plan of an earlier dry run, for the same period and invoice date. */
function heldRun(ctx: CoreContext, opts: RunOptions) {
  let held;
  try {
    held = ctx.plans.use<HeldRun>(RUN_PLAN, opts.planId!);
  } catch (e) {
    if (e instanceof DomainError) throw new DomainError('CONFLICT', { reason: 'RUN_PLAN_EXPIRED' });
    throw e;
  }
  const { periodCode, invoiceDate } = held.value;
  if (periodCode !== opts.periodCode || (opts.invoiceDate !== undefined && opts.invoiceDate !== invoiceDate)) {
    throw new DomainError('CONFLICT', { reason: 'RUN_PLAN_MISMATCH' });
  }
  return held;
}

/** The same run in one go, without pauses: for a caller already inside an operation (the demo). */
export function runContributionsNow(ctx: CoreContext, opts: RunOptions): RunResultDto {
  const basis = administrationVersion(ctx.sqlite);
  const read = readRun(ctx, opts);
  return writeRun(ctx, opts, read, computeRun(read.facts), basis);
}

type RunHeader = Omit<ReturnType<typeof readRun>, 'facts'>;
const header = ({ facts: _facts, ...rest }: ReturnType<typeof readRun>): RunHeader => rest;

function readRun(ctx: CoreContext, opts: RunOptions) {
  const { id: scheduleId, version, schedule } = getSchedule(ctx, opts.periodCode);
  const invoiceDate = opts.invoiceDate ?? ctx.today();
  const { termDays } = getInvoicingSettings(ctx);
  return { scheduleId, version, schedule, invoiceDate, termDays, facts: loadRunFacts(ctx, schedule, { invoiceDate, termDays }) };
}

function writeRun(ctx: CoreContext, opts: RunOptions, read: RunHeader, outcome: RunOutcome, basis: number): RunResultDto {
  const { scheduleId, version, schedule, invoiceDate, termDays } = read;
  const { saved, result } = writeOrPreview(ctx.write, opts.dryRun, 'contributionRuns.run', { periodCode: opts.periodCode, version }, (op) => {
    assertUnchangedSince(ctx.sqlite, basis, op.id, 'RUN_DATA_CHANGED');
    const base = {
      periodCode: opts.periodCode,
      scheduleVersion: version,
      invoiceCount: outcome.invoices.length,
      lineCount: outcome.invoices.reduce((n, i) => n + i.lines.length, 0),
      totalCents: outcome.totalCents,
      alreadyBilled: outcome.alreadyBilled,
      problems: outcome.problems,
      exempt: outcome.exempt,
      planId: null,
    };
    const shown = outcome.invoices.slice(0, opts.itemLimit).map((i) => ({ ...i, number: null as string | null }));
    if (outcome.problems.length > 0) {
      if (!opts.dryRun) throw new DomainError('CONFLICT', { reason: 'RUN_HAS_PROBLEMS', problems: outcome.problems.slice(0, 100), count: outcome.problems.length });
      return { ...base, runId: null, invoices: shown };
    }
    if (outcome.invoices.length === 0) return { ...base, runId: null, invoices: shown };
    const runId = ctx.newId();
    ctx.sqlite
      .prepare(
        `INSERT INTO contribution_runs (id, period_code, schedule_id, invoice_date, status, invoice_count, total_cents, created_at)
         VALUES (?, ?, ?, ?, 'open', ?, ?, ?)`,
      )
      .run(runId, opts.periodCode, scheduleId, invoiceDate, outcome.invoices.length, outcome.totalCents, ctx.now());
    const numbers = writeRunInvoices(ctx, { runId, periodCode: opts.periodCode, invoiceDate, termDays, description: `Contributie ${schedule.period.name ?? schedule.period.code}` }, outcome.invoices);
    shown.forEach((inv, k) => (inv.number = numbers[k] ?? null));
    op.changed('contributions.changed', { runId });
    return { ...base, runId, invoices: shown };
  });
  return { ...result, saved: saved && result.runId !== null };
}

const RUN_SELECT = `SELECT r.id, r.period_code AS periodCode, s.version AS scheduleVersion, r.invoice_date AS invoiceDate, r.status,
       r.invoice_count AS invoiceCount, r.total_cents AS totalCents, r.created_at AS createdAt
  FROM contribution_runs r JOIN fee_schedules s ON s.id = r.schedule_id`;

export function listRuns(ctx: CoreContext): RunDto[] {
  return ctx.sqlite.prepare(`${RUN_SELECT} ORDER BY r.created_at DESC, r.id DESC`).all() as RunDto[];
}

function getRun(ctx: CoreContext, runId: string): RunDto {
  const run = ctx.sqlite.prepare(`${RUN_SELECT} WHERE r.id = ?`).get(runId) as RunDto | undefined;
  if (!run) throw notFound('contributionRun', runId);
  return run;
}

/** Closed runs (exported or sent) can only be corrected with credit notes. */
export function closeRun(ctx: CoreContext, runId: string): RunDto {
  return ctx.write('contributionRuns.close', { runId }, (op) => {
    getRun(ctx, runId);
    ctx.sqlite.prepare(`UPDATE contribution_runs SET status = 'closed', closed_at = ? WHERE id = ? AND status = 'open'`).run(ctx.now(), runId);
    op.changed('contributions.changed', { runId });
    return getRun(ctx, runId);
  });
}

/**
 * Undoes a run as a whole: its invoices, lines and instalments go (History keeps them).
 * Only while nothing left the building: not closed, nothing sent, paid, reminded or
 * credited; and only when its numbers are the newest, so numbering stays without gaps.
 */
export function undoRun(ctx: CoreContext, runId: string): { removedInvoices: number } {
  return ctx.write('contributionRuns.undo', { runId }, (op) => {
    const run = getRun(ctx, runId);
    const refuse = (reason: string) => new DomainError('CONFLICT', { reason, runId });
    if (run.status === 'closed') throw refuse('RUN_CLOSED');
    const q = (sql: string) => (ctx.sqlite.prepare(sql).get(runId) as { n: number }).n;
    if (q(`SELECT count(*) AS n FROM invoices WHERE run_id = ? AND sent_at IS NOT NULL`) > 0) throw refuse('RUN_SENT');
    if (q(`SELECT count(*) AS n FROM payment_allocations a JOIN invoices i ON i.id = a.invoice_id WHERE i.run_id = ?`) > 0) throw refuse('RUN_HAS_PAYMENTS');
    if (q(`SELECT count(*) AS n FROM invoice_reminders m JOIN invoices i ON i.id = m.invoice_id WHERE i.run_id = ?`) > 0) throw refuse('RUN_HAS_REMINDERS');
    if (q(`SELECT count(*) AS n FROM invoices c JOIN invoices i ON i.id = c.credits_invoice_id WHERE i.run_id = ?`) > 0) throw refuse('RUN_HAS_CREDITS');
    const later = q(`SELECT count(*) AS n FROM invoices o JOIN (SELECT year, max(sequence) AS s FROM invoices WHERE run_id = ? GROUP BY year) r
                      ON o.year = r.year AND o.sequence > r.s`);
    if (later > 0) throw refuse('RUN_NOT_LAST');
    ctx.sqlite.prepare('DELETE FROM invoice_instalments WHERE invoice_id IN (SELECT id FROM invoices WHERE run_id = ?)').run(runId);
    ctx.sqlite.prepare('DELETE FROM invoice_lines WHERE invoice_id IN (SELECT id FROM invoices WHERE run_id = ?)').run(runId);
    const removed = ctx.sqlite.prepare('DELETE FROM invoices WHERE run_id = ?').run(runId).changes;
    ctx.sqlite.prepare('DELETE FROM contribution_runs WHERE id = ?').run(runId);
    op.changed('contributions.changed', { runId });
    return { removedInvoices: removed };
  });
}
