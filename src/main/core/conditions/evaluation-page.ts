import type { CoreContext } from '../context';
import type { PeriodDto, RelationSummary } from '../../../shared/contract';
import { loadSummaries } from '../relations/relation-summaries';
import { toPeriods, type IntervalSet } from './interval-set';

/** Ids of a result sorted by name, one page of them. */
export function sortedPage(ctx: CoreContext, ids: string[], offset: number, limit: number): string[] {
  if (ids.length === 0) return [];
  return (
    ctx.sqlite
      .prepare(`SELECT id FROM relations WHERE id IN (SELECT value FROM json_each(?)) ORDER BY sort_key, id LIMIT ? OFFSET ?`)
      .all(JSON.stringify(ids), limit, offset) as { id: string }[]
  ).map((r) => r.id);
}

/**
 * A page of an evaluation result: relation summaries sorted by name, each with its periods
 * from `history` (typically the whole history, so the user sees since when, not just "yes").
 */
export function resultPage(
  ctx: CoreContext,
  result: Map<string, IntervalSet>,
  page: { offset: number; limit: number },
  history: (ids: string[]) => Map<string, IntervalSet>,
): { total: number; rows: (RelationSummary & { periods: PeriodDto[] })[] } {
  const ids = sortedPage(ctx, [...result.keys()], page.offset, page.limit);
  const periods = ids.length ? history(ids) : new Map<string, IntervalSet>();
  return {
    total: result.size,
    rows: loadSummaries(ctx, ids).map((s) => ({ ...s, periods: toPeriods(periods.get(s.id) ?? result.get(s.id) ?? []) })),
  };
}
