import type { CoreContext } from '../context';
import type { Condition, EvaluationMoment } from '../../../shared/contract';
import { evaluateCondition, evaluateConditions } from '../conditions/condition-engine';
import { toDay, type IntervalSet } from '../conditions/interval-set';
import { membershipTypes, unitsOn } from './overview-figures';

/** The first day of each of `months` months, the last one the month of `until`. */
export function monthStarts(until: string, months: number): string[] {
  let y = Number(until.slice(0, 4));
  let m = Number(until.slice(5, 7));
  const out: string[] = [];
  for (let i = 0; i < months; i++) {
    out.push(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`);
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return out.reverse();
}

/**
 * How many relations meet `condition` on each of `days` (sorted): one evaluation over the whole
 * span, then each relation's periods are counted at the days they contain. The count of a day
 * is the size of the same condition evaluated on that day alone.
 */
export function countOnDays(ctx: CoreContext, condition: Condition, days: string[]): number[] {
  const span = spanOf(days);
  return span ? countIn(evaluateCondition(ctx, condition, span), days) : [];
}

/** The moment from the first of `days` to the last, inclusive (null for none). */
function spanOf(days: string[]): EvaluationMoment | null {
  const last = days[days.length - 1];
  return last ? { from: days[0]!, to: nextDay(last) } : null;
}

/** For each of `days`, how many relations of an evaluation result hold on it. */
function countIn(result: Map<string, IntervalSet>, days: string[]): number[] {
  const points = days.map(toDay);
  const counts = new Array<number>(points.length + 1).fill(0);
  const firstAtOrAfter = (day: number) => {
    let lo = 0;
    let hi = points.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (points[mid]! < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // A difference array: +1 at the first point a period covers, −1 after its last.
  for (const set of result.values()) {
    for (const run of set) {
      const a = firstAtOrAfter(run.from);
      const b = firstAtOrAfter(run.to);
      if (a < b) {
        counts[a]! += 1;
        counts[b]! -= 1;
      }
    }
  }
  const out: number[] = [];
  let running = 0;
  for (let i = 0; i < points.length; i++) out.push((running += counts[i]!));
  return out;
}

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Series per membership type, or per unit (the given ones, else the top of the tree on `until`). */
export function memberSeries(ctx: CoreContext, q: { until: string; months: number; by: 'type' | 'unit'; unitIds?: string[] | undefined }) {
  const months = monthStarts(q.until, q.months);
  const lines: { key: string; name: string; condition: Condition }[] =
    q.by === 'type'
      ? membershipTypes(ctx).map((t) => ({ key: `type:${t.code}`, name: t.name, condition: { type: 'membership', typeCodes: [t.code], includeSubunits: true } }))
      : pickUnits(ctx, q.until, q.unitIds).map((u) => ({ key: `unit:${u.id}`, name: u.name, condition: { type: 'membership', unitId: u.id, includeSubunits: true } }));
  // The lines evaluated together share one read of the membership periods.
  const span = spanOf(months);
  const results = span ? evaluateConditions(ctx, lines.map((l) => ({ condition: l.condition, moment: span }))) : [];
  return { months, series: lines.map((l, i) => ({ ...l, counts: results[i] ? countIn(results[i], months) : [] })) };
}

function pickUnits(ctx: CoreContext, on: string, ids: string[] | undefined) {
  const all = unitsOn(ctx, on);
  if (ids) return all.filter((u) => ids.includes(u.id));
  const roots = all.filter((u) => u.depth === 0);
  // One organisation at the top: its departments are what the secretary compares.
  const level = roots.length === 1 ? all.filter((u) => u.depth === 1) : roots;
  return level.slice(0, 12);
}
