import type { CoreContext } from '../context';
import type { Condition, EvaluationMoment } from '../../../shared/contract';
import { addDays, formatDutchDate } from '../../../shared/dutch/dates';
import { countConditions } from '../conditions/condition-engine';
import { membershipTypes, unitsOn } from '../overview/overview-figures';
import { reportTable, type ReportTable } from './report-table';

// The lists' own evaluation, counted without building them: each cell equals the length of its list.
type Counted = { condition: Condition; moment: EvaluationMoment };

/**
 * Members per unit and type over a period [from, to): on the first day, who came in, who went
 * out, on the last day — each the condition the overview uses, so every cell is a list.
 */
export function membersPerUnit(ctx: CoreContext, q: { from: string; to: string }): ReportTable {
  const last = addDays(q.to, -1);
  const types = membershipTypes(ctx);
  const units = unitsOn(ctx, last);
  const rows: ReportTable['rows'] = [];
  const items: Counted[] = [];
  for (const u of units)
    for (const t of types) {
      const m: Condition = { type: 'membership', unitId: u.id, typeCodes: [t.code], includeSubunits: true };
      items.push(
        { condition: m, moment: { on: q.from } },
        { condition: { type: 'duration', item: m, maxDays: 0 }, moment: { from: q.from, to: q.to } },
        { condition: { type: 'duration', item: { type: 'not', item: m }, maxDays: 0 }, moment: { from: q.from, to: q.to } },
        { condition: m, moment: { on: last } },
      );
      rows.push({ unit: `${'  '.repeat(u.depth)}${u.name}`, type: t.name });
    }
  const counts = countConditions(ctx, items);
  rows.forEach((r, i) => Object.assign(r, { start: counts[4 * i]!, in: counts[4 * i + 1]!, out: counts[4 * i + 2]!, end: counts[4 * i + 3]! }));
  return reportTable(
    { title: 'Leden per afdeling en type', subtitle: `${formatDutchDate(q.from)} t/m ${formatDutchDate(last)}` },
    [
      ['unit', 'Afdeling', 'text'],
      ['type', 'Type', 'text'],
      ['start', `Op ${formatDutchDate(q.from)}`, 'integer'],
      ['in', 'Erbij', 'integer'],
      ['out', 'Eraf', 'integer'],
      ['end', `Op ${formatDutchDate(last)}`, 'integer'],
    ],
    rows,
  );
}

export interface AgeCategory {
  name: string;
  min: number;
  max?: number | undefined;
  levyCents: number;
}

/** What a federation typically asks: youth, seniors and veterans, each with its own levy per head. */
export const DEFAULT_AGE_CATEGORIES: AgeCategory[] = [
  { name: 'Jeugd (t/m 17)', min: 0, max: 17, levyCents: 500 },
  { name: 'Senioren (18–64)', min: 18, max: 64, levyCents: 1250 },
  { name: 'Veteranen (65+)', min: 65, levyCents: 750 },
];

/** Members of a type by age on 1 January of the year, per category, with the levy per head. */
export function ageCategories(ctx: CoreContext, q: { year: number; typeCode?: string | undefined; categories: AgeCategory[] }): ReportTable {
  const on = `${String(q.year).padStart(4, '0')}-01-01`;
  const member: Condition = { type: 'membership', includeSubunits: true, ...(q.typeCode ? { typeCodes: [q.typeCode] } : {}) };
  const counts = countConditions(
    ctx,
    q.categories.map((c) => ({ condition: { type: 'and', items: [member, { type: 'age', min: c.min, ...(c.max !== undefined ? { max: c.max } : {}) }] }, moment: { on } })),
  );
  const rows = q.categories.map((c, i) => ({ category: c.name, members: counts[i]!, levy: c.levyCents, amount: counts[i]! * c.levyCents }));
  return {
    title: 'Leeftijdscategorieën voor de bond',
    subtitle: `Leeftijd op ${formatDutchDate(on)}${q.typeCode ? `, type ${membershipTypes(ctx).find((t) => t.code === q.typeCode)?.name ?? q.typeCode}` : ''}`,
    columns: [
      { key: 'category', label: 'Categorie', type: 'text' },
      { key: 'members', label: 'Leden', type: 'integer' },
      { key: 'levy', label: 'Afdracht per lid', type: 'amount' },
      { key: 'amount', label: 'Afdracht', type: 'amount' },
    ],
    rows,
    totals: { category: 'Totaal', members: rows.reduce((s, r) => s + r.members, 0), amount: rows.reduce((s, r) => s + r.amount, 0) },
  };
}
