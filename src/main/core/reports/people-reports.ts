import type { CoreContext } from '../context';
import type { Condition } from '../../../shared/contract';
import { addDays, formatDutchDate } from '../../../shared/dutch/dates';
import { evaluateCondition } from '../conditions/condition-engine';
import { fromDay } from '../conditions/interval-set';
import { MEMBER } from '../overview/overview-figures';
import { JUBILEE_YEARS, jubileesIn, membershipNamesOn } from '../memberships/jubilees';
import { reportTable, type ReportTable } from './report-table';

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
  const { types } = membershipNamesOn(ctx);
  return (id, on) => types(id, on).join(', ');
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
  return reportTable(
    { title: 'Verjaardagen', subtitle: `${period(q.from, q.to)}, ${rows.length} ${rows.length === 1 ? 'verjaardag' : 'verjaardagen'}` },
    [
      ['date', 'Datum', 'date'],
      ['name', 'Naam', 'text'],
      ['number', 'Nummer', 'code'],
      ['birthDate', 'Geboortedatum', 'date'],
      ['age', 'Wordt', 'integer'],
      ['types', 'Lidmaatschap', 'text'],
    ],
    rows,
  );
}

/** The jubilees in [from, to), by the one rule of `memberships/jubilees.ts`, with the types held that day. */
export function jubileesReport(ctx: CoreContext, q: { from: string; to: string; years?: number[] | undefined; typeCode?: string | undefined }): ReportTable {
  const years = [...new Set(q.years ?? JUBILEE_YEARS)].sort((a, b) => a - b);
  const found = jubileesIn(ctx, { from: q.from, to: q.to, years, typeCode: q.typeCode }).map((j) => ({ ...j, id: j.relationId }));
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
  return reportTable(
    { title: 'Jubilea', subtitle: `${period(q.from, q.to)}; ${years.join(', ')} jaar onafgebroken lid, alle afdelingen; ${rows.length} ${rows.length === 1 ? 'jubileum' : 'jubilea'}` },
    [
      ['date', 'Datum', 'date'],
      ['years', 'Jaar lid', 'integer'],
      ['name', 'Naam', 'text'],
      ['number', 'Nummer', 'code'],
      ['since', 'Lid sinds', 'date'],
      ['types', 'Lidmaatschap', 'text'],
    ],
    rows,
  );
}
