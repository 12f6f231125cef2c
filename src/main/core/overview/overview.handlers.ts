import type { CoreContext } from '../context';
import type { HandlerGroup } from '../rpc/dispatcher';
import type { overviewContract } from '../../../shared/contract';
import { evaluateConditions } from '../conditions/condition-engine';
import { openItems } from '../contributions/payments';
import { listRuns } from '../contributions/runs';
import { overviewFigures } from './overview-figures';
import { memberSeries } from './member-series';

export function overviewHandlers(ctx: CoreContext): HandlerGroup<keyof typeof overviewContract> {
  return {
    'overview.get': ({ on, birthdayDays, jubileeDays }) => {
      const started = performance.now();
      const definitions = overviewFigures(ctx, { on, birthdayDays, jubileeDays });
      const results = evaluateConditions(ctx, definitions);
      const open = openItems(ctx, { asOf: on, offset: 0, limit: 0 });
      return {
        on,
        figures: definitions.map((d, i) => ({ ...d, count: results[i]!.size })),
        money: { openItems: open.total, openCents: open.openCents, lastRun: listRuns(ctx)[0] ?? null },
        ms: Math.round(performance.now() - started),
      };
    },
    'overview.series': (q) => {
      const started = performance.now();
      return { ...memberSeries(ctx, q), ms: Math.round(performance.now() - started) };
    },
  };
}
