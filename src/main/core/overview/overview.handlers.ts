import type { CoreContext } from '../context';
import type { HandlerGroup } from '../rpc/dispatcher';
import { z } from 'zod';
import type { overviewContract } from '../../../shared/contract';
import { overviewDto } from '../../../shared/contract/overview';
import { noteDerivedChange, readDerivedJsonOnce, registerDerivedPart, storeDerivedWhenIdle } from '../db/derived-state';
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
const kept = new WeakMap<CoreContext['sqlite'], { mark: number; money: Money }>();
const MONEY_TABLES = ['invoices', 'invoice_lines', 'invoice_instalments', 'payments', 'payment_allocations', 'invoice_reminders', 'contribution_runs', 'fee_schedules'];

function money(ctx: CoreContext, on: string): Money {
  const mark = auditMark(ctx.sqlite);
  if (!kept.has(ctx.sqlite) && keepable(ctx.sqlite)) {
    const stored = readDerivedJsonOnce(ctx.sqlite, PART, moneyStore);
    if (stored) kept.set(ctx.sqlite, stored);
  }
  const hit = kept.get(ctx.sqlite);
  if (hit && hit.mark === mark) return hit.money;
  if (hit && hit.mark < mark && !touchedSince(ctx.sqlite, MONEY_TABLES, hit.mark, mark)) {
    if (keepable(ctx.sqlite)) {
      hit.mark = mark;
      noteDerivedChange(ctx.sqlite, PART, 'patched');
    }
    return hit.money;
  }
  const open = openItems(ctx, { asOf: on, offset: 0, limit: 0 });
  const m: Money = { openItems: open.total, openCents: open.openCents, lastRun: listRuns(ctx)[0] ?? null };
  if (keepable(ctx.sqlite)) {
    kept.set(ctx.sqlite, { mark, money: m });
    noteDerivedChange(ctx.sqlite, PART, 'rebuilt');
  }
  return m;
}

/*
 * Stored across closing the file (db/derived-state.ts), read back on the first overview after
 * opening and checked like the kept one: used while none of MONEY_TABLES was written since its mark.
 */
const PART = 'overview.money';
// The overview's own output schema for the stored figures: a body of another shape is computed again.
const moneyStore = z.object({ mark: z.number().int(), money: overviewDto.shape.money });
registerDerivedPart({
  name: PART,
  oldestMark: (sqlite) => kept.get(sqlite)?.mark ?? null,
  save: (sqlite) => {
    const k = kept.get(sqlite);
    return k ? Buffer.from(JSON.stringify(k)) : null;
  },
});

export function overviewHandlers(ctx: CoreContext): HandlerGroup<keyof typeof overviewContract> {
  return {
    'overview.get': ({ on, birthdayDays, jubileeDays }) => {
      const started = performance.now();
      const definitions = overviewFigures(ctx, { on, birthdayDays, jubileeDays });
      // The counts of the very evaluation conditions.evaluate lists (overview.test.ts: each number is its list's length).
      const counts = countConditions(ctx, definitions);
      const answer = {
        on,
        figures: definitions.map((d, i) => ({ ...d, count: counts[i]! })),
        money: money(ctx, on),
        ms: Math.round(performance.now() - started),
      };
      // What was computed in full is stored for the next opening once the secretary pauses (db/derived-state.ts).
      storeDerivedWhenIdle(ctx.sqlite);
      return answer;
    },
    'overview.series': (q) => {
      const started = performance.now();
      const answer = { ...memberSeries(ctx, q), ms: Math.round(performance.now() - started) };
      storeDerivedWhenIdle(ctx.sqlite);
      return answer;
    },
  };
}
