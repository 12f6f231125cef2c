import type { CoreContext } from '../context';
import type { Condition } from '../../../shared/contract';
import { addDays, addYears, daysBetween } from '../../../shared/dutch/dates';
import { evaluateCondition } from '../conditions/condition-engine';
import { NEG_INF, contains, fromDay, toDay } from '../conditions/interval-set';

/*
 * What a jubilee is: one rule for the overview's jubilee figures, the jubilees report and the
 * jubilees tab of a unit (Lidmaatschappen). SPEC M: "a membership is a maximal run of
 * consecutive qualifying days … counting contiguous days gives length of membership and
 * jubilees". What a secretary celebrates is years of membership of the association, so:
 *
 * - A jubilee of n years is the day n whole calendar years after the start of an unbroken run
 *   of membership: of any unit (moving house, or a postcode moved to another unit, does not
 *   break it; the association does not start counting again because the member's branch
 *   changed) and of any type (Jeugdlid to Lid, or Lid to Donateur from the same day, is one
 *   run). Asked for one membership type, only that type's days count ("25 jaar Lid").
 * - A day without membership breaks the run; the years start again after it.
 * - The run is of a living member: a deceased person has no jubilee, and neither has someone
 *   whose membership ended before the day.
 * - A run whose start is unknown (a membership without a start date) has no jubilee.
 * - Asking for a unit chooses whom to list (the unit's members, with its subunits, on the
 *   jubilee day); it does not change how the years count.
 */

export const JUBILEE_YEARS = [10, 25, 40, 50, 60];

/** The days counted towards a jubilee: a living member, of `typeCode` only when asked. */
export function jubileeRun(typeCode?: string): Condition {
  const membership: Condition = { type: 'membership', includeSubunits: true, ...(typeCode ? { typeCodes: [typeCode] } : {}) };
  return { type: 'and', items: [membership, { type: 'alive' }] };
}

/**
 * The overview's figure as a condition on `on` (so its list is `select --condition`): the run
 * holds on `on` and completes `years` years within [on, on + days), i.e. it started in
 * [on + days − years, on − years], exact calendar years. As a condition on one day it sees the
 * run as it stands on `on`, so a membership already set to end between `on` and the jubilee
 * day still counts there; the lists (`jubileesIn`) are exact.
 */
export function jubileeCondition(on: string, days: number, years: number): Condition {
  const end = addDays(on, days);
  return {
    type: 'duration',
    item: jubileeRun(),
    minDays: daysBetween(addYears(end, -years), on) + 1,
    maxDays: daysBetween(addYears(on, -years), on),
  };
}

export interface Jubilee {
  relationId: string;
  years: number;
  date: string;
  /** The first day of the run. */
  since: string;
}

/** Every jubilee of `years` on a day in [from, to) (to exclusive), by date. */
export function jubileesIn(ctx: CoreContext, q: { from: string; to: string; years: number[]; typeCode?: string | undefined; unitId?: string | undefined }): Jubilee[] {
  const years = [...new Set(q.years)].sort((a, b) => a - b);
  if (years.length === 0 || q.from >= q.to) return [];
  // Runs that can reach a jubilee in the period start on or after this day; one clipped to it started earlier.
  const earliest = addDays(addYears(q.from, -years[years.length - 1]!), -1);
  const runs = evaluateCondition(ctx, jubileeRun(q.typeCode), { from: earliest, to: q.to });
  const inUnit = q.unitId ? evaluateCondition(ctx, { type: 'membership', unitId: q.unitId, includeSubunits: true }, { from: q.from, to: q.to }) : null;
  const [from, to, floor] = [toDay(q.from), toDay(q.to), toDay(earliest)];
  const found: Jubilee[] = [];
  for (const [relationId, set] of runs)
    for (const run of set) {
      if (run.from === NEG_INF || run.from <= floor) continue;
      const since = fromDay(run.from);
      for (const n of years) {
        const date = addYears(since, n);
        const day = toDay(date);
        if (day < from || day >= to || day >= run.to) continue;
        if (inUnit && !contains(inUnit.get(relationId) ?? [], day)) continue;
        found.push({ relationId, years: n, date, since });
      }
    }
  return found.sort((a, b) => a.date.localeCompare(b.date));
}

/** The names of the membership types and of the units a relation holds on a day (any unit, or the top-level ones). */
export function membershipNamesOn(ctx: CoreContext): { types: (relationId: string, on: string) => string[]; topUnits: (relationId: string, on: string) => string[] } {
  const held = `m.relation_id = @id AND (m.start_date IS NULL OR m.start_date <= @on) AND (m.end_date IS NULL OR m.end_date > @on)`;
  const types = ctx.sqlite.prepare(
    `SELECT DISTINCT t.name FROM memberships m JOIN membership_types t ON t.id = m.membership_type_id WHERE ${held} ORDER BY t.position, t.name`,
  );
  // A unit is top-level on a day when no placement under a parent holds then (as in the overview's tree).
  const units = ctx.sqlite.prepare(
    `SELECT DISTINCT u.name FROM memberships m JOIN units u ON u.id = m.unit_id
      WHERE ${held} AND NOT EXISTS (SELECT 1 FROM unit_placements p WHERE p.unit_id = m.unit_id AND p.parent_id IS NOT NULL
                                       AND (p.valid_from IS NULL OR p.valid_from <= @on) AND (p.valid_to IS NULL OR p.valid_to > @on))
      ORDER BY u.position, u.name`,
  );
  return {
    types: (id, on) => types.pluck().all({ id, on }) as string[],
    topUnits: (id, on) => units.pluck().all({ id, on }) as string[],
  };
}
