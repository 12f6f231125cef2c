import type { CoreContext } from '../context';
import type { Condition } from '../../../shared/contract';
import { addDays, addYears, formatDutchDate } from '../../../shared/dutch/dates';
import { evaluateCondition } from '../conditions/condition-engine';
import { NEG_INF, fromDay, toDay } from '../conditions/interval-set';
import { JUBILEE_YEARS, MEMBER } from '../overview/overview-figures';
import type { ReportTable } from './report-table';

const and = (...items: Condition[]): Condition => ({ type: 'and', items });
const memberOf = (typeCode: string | undefined): Condition => (typeCode ? { type: 'membership', includeSubunits: true, typeCodes: [typeCode] } : MEMBER);
const period = (from: string, to: string) => `${formatDutchDate(from)} t/m ${formatDutchDate(addDays(to, -1))}`;

type Person = { id: string; number: number; name: string; birth: string | null };
function people(ctx: CoreContext, ids: string[]): Map<string, Person> {
  const rows = ctx.sqlite
    .prepare(`SELECT r.id, r.number, r.display_name AS name, r.birth_date AS birth FROM json_each(?) j JOIN relations r ON r.id = j.value`)
    .all(JSON.stringify(ids)) as Person[];
  return new Map(rows.map((r) => [r.id, r]));
}

/** The membership types a relation holds on a day, by name (any unit). */
function typesOn(ctx: CoreContext): (relationId: string, on: string) => string {
  const q = ctx.sqlite.prepare(
    `SELECT DISTINCT t.name FROM memberships m JOIN membership_types t ON t.id = m.membership_type_id
      WHERE m.relation_id = ? AND (m.start_date IS NULL OR m.start_date <= ?) AND (m.end_date IS NULL OR m.end_date > ?) ORDER BY t.position, t.name`,
  );
  return (id, on) => (q.pluck().all(id, on, on) as string[]).join(', ');
}

const byDateThenName = (a: Record<string, string | number>, b: Record<string, string | number>) =>
  String(a['date']).localeCompare(String(b['date'])) || String(a['name']).localeCompare(String(b['name']), 'nl');

/**
 * Birthdays of living members in [from, to): one line per birthday (a period longer than a
 * year gives two), with the age turned that day. The relations are the overview's birthday
 * condition on the same period; its days are the birthdays on which they are members.
 */
export function birthdaysReport(ctx: CoreContext, q: { from: string; to: string; typeCode?: string | undefined }): ReportTable {
  const hits = evaluateCondition(ctx, and(memberOf(q.typeCode), { type: 'alive' }, { type: 'birthday' }), { from: q.from, to: q.to });
  const who = people(ctx, [...hits.keys()]);
  const types = typesOn(ctx);
  const rows: ReportTable['rows'] = [];
  for (const [id, set] of hits) {
    const p = who.get(id)!;
    for (const iv of set)
      for (let day = iv.from; day < iv.to; day++) {
        const date = fromDay(day);
        rows.push({ relationId: id, date, name: p.name, number: p.number, birthDate: p.birth ?? '', age: Number(date.slice(0, 4)) - Number(p.birth!.slice(0, 4)), types: types(id, date) });
      }
  }
  rows.sort(byDateThenName);
  return {
    title: 'Verjaardagen',
    subtitle: `${period(q.from, q.to)}, ${rows.length} ${rows.length === 1 ? 'verjaardag' : 'verjaardagen'}`,
    columns: [
      { key: 'date', label: 'Datum', type: 'date' },
      { key: 'name', label: 'Naam', type: 'text' },
      { key: 'number', label: 'Nummer', type: 'code' },
      { key: 'birthDate', label: 'Geboortedatum', type: 'date' },
      { key: 'age', label: 'Wordt', type: 'integer' },
      { key: 'types', label: 'Lidmaatschap', type: 'text' },
    ],
    rows,
    totals: null,
  };
}

/**
 * Members whose unbroken membership (any type, any unit: the runs of the membership periods)
 * reaches a jubilee of `years` in [from, to), and who are alive members on that day. The run
 * is the one the `duration` condition counts; a run whose start is unknown has no jubilee.
 */
export function jubileesReport(ctx: CoreContext, q: { from: string; to: string; years?: number[] | undefined; typeCode?: string | undefined }): ReportTable {
  const years = [...new Set(q.years ?? JUBILEE_YEARS)].sort((a, b) => a - b);
  // Runs that can reach a jubilee in the period start on or after this day; one clipped to it started earlier.
  const earliest = addDays(addYears(q.from, -years[years.length - 1]!), -1);
  const runs = evaluateCondition(ctx, and(memberOf(q.typeCode), { type: 'alive' }), { from: earliest, to: q.to });
  const [from, to, floor] = [toDay(q.from), toDay(q.to), toDay(earliest)];
  const found: { id: string; date: string; years: number; since: string }[] = [];
  for (const [id, set] of runs)
    for (const run of set) {
      if (run.from === NEG_INF || run.from <= floor) continue;
      const since = fromDay(run.from);
      for (const n of years) {
        const date = addYears(since, n);
        const day = toDay(date);
        if (day >= from && day < to && day < run.to) found.push({ id, date, years: n, since });
      }
    }
  const who = people(ctx, [...new Set(found.map((f) => f.id))]);
  const types = typesOn(ctx);
  const rows: ReportTable['rows'] = found.map((f) => ({
    relationId: f.id,
    date: f.date,
    years: f.years,
    name: who.get(f.id)!.name,
    number: who.get(f.id)!.number,
    since: f.since,
    types: types(f.id, f.date),
  }));
  rows.sort(byDateThenName);
  return {
    title: 'Jubilea',
    subtitle: `${period(q.from, q.to)}; ${years.join(', ')} jaar onafgebroken lid, alle afdelingen; ${rows.length} ${rows.length === 1 ? 'jubileum' : 'jubilea'}`,
    columns: [
      { key: 'date', label: 'Datum', type: 'date' },
      { key: 'years', label: 'Jaar lid', type: 'integer' },
      { key: 'name', label: 'Naam', type: 'text' },
      { key: 'number', label: 'Nummer', type: 'code' },
      { key: 'since', label: 'Lid sinds', type: 'date' },
      { key: 'types', label: 'Lidmaatschap', type: 'text' },
    ],
    rows,
    totals: null,
  };
}
