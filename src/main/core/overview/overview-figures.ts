import type { CoreContext } from '../context';
import type { Condition, EvaluationMoment, OverviewSection } from '../../../shared/contract';
import { dataSignals } from '../../../shared/contract/conditions';
import { addDays } from '../../../shared/dutch/dates';
import { JUBILEE_YEARS, jubileeCondition } from '../memberships/jubilees';

/** A figure before it is counted: what it is, and the condition and moment that produce it. */
export interface FigureDefinition {
  key: string;
  section: OverviewSection;
  name: string | null;
  depth?: number;
  condition: Condition;
  moment: EvaluationMoment;
}

/** Anyone holding a membership of any type in any unit. */
export const MEMBER: Condition = { type: 'membership', includeSubunits: true };

/** Age bands of the overview (whole years, inclusive); the last is open-ended. */
export const AGE_BANDS: { min: number; max?: number }[] = [
  { min: 0, max: 17 },
  { min: 18, max: 29 },
  { min: 30, max: 44 },
  { min: 45, max: 64 },
  { min: 65, max: 79 },
  { min: 80 },
];

const and = (...items: Condition[]): Condition => ({ type: 'and', items });
const startOfYear = (on: string) => `${on.slice(0, 4)}-01-01`;

/** The units in the tree on a day, in tree order, with their depth. */
export function unitsOn(ctx: CoreContext, on: string): { id: string; name: string; depth: number }[] {
  const rows = ctx.sqlite
    .prepare(
      `SELECT u.id, u.name, u.position, p.parent_id AS parent FROM units u
         LEFT JOIN unit_placements p ON p.unit_id = u.id AND (p.valid_from IS NULL OR p.valid_from <= @on) AND (p.valid_to IS NULL OR p.valid_to > @on)
        WHERE (u.start_date IS NULL OR u.start_date <= @on) AND (u.end_date IS NULL OR u.end_date > @on)
        ORDER BY u.position, u.name`,
    )
    .all({ on }) as { id: string; name: string; parent: string | null }[];
  const children = new Map<string | null, typeof rows>();
  const ids = new Set(rows.map((r) => r.id));
  for (const r of rows) {
    const parent = r.parent && ids.has(r.parent) ? r.parent : null;
    children.set(parent, [...(children.get(parent) ?? []), r]);
  }
  const out: { id: string; name: string; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const r of children.get(parent) ?? []) {
      out.push({ id: r.id, name: r.name, depth });
      walk(r.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export function membershipTypes(ctx: CoreContext): { code: string; name: string }[] {
  return ctx.sqlite.prepare('SELECT code, name FROM membership_types ORDER BY position, name').all() as { code: string; name: string }[];
}

/** Every figure of the overview on `on`, as conditions (docs/overview.md). */
export function overviewFigures(ctx: CoreContext, q: { on: string; birthdayDays: number; jubileeDays: number }): FigureDefinition[] {
  const on: EvaluationMoment = { on: q.on };
  const thisYear: EvaluationMoment = { from: startOfYear(q.on), to: addDays(q.on, 1) };
  const figures: FigureDefinition[] = [];
  for (const t of membershipTypes(ctx))
    figures.push({ key: `type:${t.code}`, section: 'types', name: t.name, condition: { type: 'membership', typeCodes: [t.code], includeSubunits: true }, moment: on });
  for (const u of unitsOn(ctx, q.on))
    figures.push({ key: `unit:${u.id}`, section: 'units', name: u.name, depth: u.depth, condition: { type: 'membership', unitId: u.id, includeSubunits: true }, moment: on });
  // A run that starts (or a non-membership run that starts, i.e. a membership that ends) on a day of this year.
  figures.push({ key: 'joined', section: 'movement', name: null, condition: { type: 'duration', item: MEMBER, maxDays: 0 }, moment: thisYear });
  figures.push({ key: 'left', section: 'movement', name: null, condition: { type: 'duration', item: { type: 'not', item: MEMBER }, maxDays: 0 }, moment: thisYear });
  for (const b of AGE_BANDS)
    figures.push({
      key: `age:${b.min}-${b.max ?? ''}`,
      section: 'ages',
      name: null,
      condition: and(MEMBER, { type: 'age', min: b.min, ...(b.max !== undefined ? { max: b.max } : {}) }),
      moment: on,
    });
  figures.push({ key: 'age:unknown', section: 'ages', name: null, condition: and(MEMBER, { type: 'kind', kind: 'person' }, { type: 'not', item: { type: 'age', min: 0 } }), moment: on });
  figures.push({
    key: 'birthdays',
    section: 'birthdays',
    name: null,
    condition: and(MEMBER, { type: 'alive' }, { type: 'birthday' }),
    moment: { from: q.on, to: addDays(q.on, q.birthdayDays) },
  });
  for (const years of JUBILEE_YEARS)
    figures.push({ key: `jubilee:${years}`, section: 'jubilees', name: null, condition: jubileeCondition(q.on, q.jubileeDays, years), moment: on });
  figures.push({ key: 'noAddress', section: 'quality', name: null, condition: and(MEMBER, { type: 'not', item: { type: 'address' } }), moment: on });
  for (const signal of dataSignals) {
    // Payment signals concern whoever pays, member or not; the others the members.
    const scoped = signal === 'debitWithoutIban' || signal === 'debitWithoutMandate' || signal === 'returnedDebit' || signal === 'suspectedDuplicate';
    figures.push({
      key: `signal:${signal}`,
      section: 'quality',
      name: null,
      condition: scoped ? { type: 'dataSignal', signal } : and(MEMBER, { type: 'dataSignal', signal }),
      moment: on,
    });
  }
  return figures;
}
