import type { CoreContext } from '../context';
import type { HandlerGroup } from '../rpc/dispatcher';
import type { overviewContract } from '../../../shared/contract';
import { countConditions } from '../conditions/condition-engine';
import { auditMark, keepable, touchedSince } from '../db/audit-mark';
import { openItems } from '../contributions/payments';
import { listRuns } from '../contributions/runs';
import { overviewFigures } from './overview-figures';
import { memberSeries } from './member-series';

type Money = { openItems: number; openCents: number; lastRun: ReturnType<typeof listRuns>[number] | null };

/*
 * The open items (0.3–0.6 s at 100,000 relations: three sums per invoice) are what is open now:
 * openItems' total and openCents do not depend on `asOf` (only its ageing buckets do). So they
 * are kept while none of the tables they are read from was written (db/audit-mark.ts): another
 * date, or an edit of a relation or a membership, costs only the figures.
 */
const kept = new WeakMap<CoreContext, { mark: number; money: Money }>();
const MONEY_TABLES = ['invoices', 'invoice_lines', 'invoice_instalments', 'payments', 'payment_allocations', 'invoice_reminders', 'contribution_runs', 'fee_schedules'];

function money(ctx: CoreContext, on: string): Money {
  const mark = auditMark(ctx.sqlite);
  const hit = kept.get(ctx);
  if (hit && hit.mark === mark) return hit.money;
  if (hit && hit.mark < mark && !touchedSince(ctx.sqlite, MONEY_TABLES, hit.mark, mark)) {
    if (keepable(ctx.sqlite)) hit.mark = mark;
    return hit.money;
  }
  const open = openItems(ctx, { asOf: on, offset: 0, limit: 0 });
  const m: Money = { openItems: open.total, openCents: open.openCents, lastRun: listRuns(ctx)[0] ?? null };
  if (keepable(ctx.sqlite)) kept.set(ctx, { mark, money: m });
  return m;
}

export function overviewHandlers(ctx: CoreContext): HandlerGroup<keyof typeof overviewContract> {
  return {
    'overview.get': ({ on, birthdayDays, jubileeDays }) => {
      const started = performance.now();
      const definitions = overviewFigures(ctx, { on, birthdayDays, jubileeDays });
      // The counts of the very evaluation conditions.evaluate lists (overview.test.ts: each number is its list's length).
      const counts = countConditions(ctx, definitions);
      return {
        on,
        figures: definitions.map((d, i) => ({ ...d, count: counts[i]! })),
        money: money(ctx, on),
        ms: Math.round(performance.now() - started),
      };
    },
    'overview.series': (q) => {
      const started = performance.now();
      return { ...memberSeries(ctx, q), ms: Math.round(performance.now() - started) };
    },
  };
}
