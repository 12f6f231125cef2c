import { CUSTOM_FIELDS, SHIRT_SIZES, TAG_TREE, TAG_WEIGHTS, type TagNode } from './demo-catalog';
import { type DemoClock, type DemoData, type DemoIds, dayOf, isoOf, randomDay } from './demo-model';
import type { DemoOrganisation } from './demo-organisations';
import type { DemoPerson } from './demo-people';
import { type Rng, weighted } from './prng';

export interface ClassificationDeps {
  rng: Rng;
  ids: DemoIds;
  clock: DemoClock;
  out: DemoData;
  relationTypeId: (code: string) => string;
}

/** The tag tree and custom field definitions; returns tag ids and custom field ids by name/code. */
export function generateDefinitions(d: ClassificationDeps): { tagIds: Map<string, string>; fieldIds: Map<string, string> } {
  const at = d.clock.stamp(d.rng, d.clock.start) - 86_400_000;
  const tagIds = new Map<string, string>();
  let tagStamp = at;
  const addTags = (nodes: TagNode[], parentId: string | null) =>
    nodes.forEach((node, position) => {
      const id = d.ids.at(++tagStamp);
      tagIds.set(node.name, id);
      d.out.tags.push({ id, parentId, name: node.name, position, createdAt: tagStamp });
      if (node.children) addTags(node.children, id);
    });
  addTags(TAG_TREE, null);
  const fieldIds = new Map<string, string>();
  CUSTOM_FIELDS.forEach((f, position) => {
    const id = d.ids.at(at + 1000 + position);
    fieldIds.set(f.code, id);
    d.out.customFields.push({ ...f, id, options: f.options ? JSON.stringify(f.options) : null, position: position + 1, createdAt: at + 1000 + position });
  });
  return { tagIds, fieldIds };
}

interface Who {
  id: string;
  createdDay: number;
  createdAt: number;
  endDay: number | null;
}

/** Periods of a type: from `from` on; maybe ended, maybe later rejoined; cut off at death. */
function addPeriods(d: ClassificationDeps, who: Who, code: string, endChance: number): void {
  const { rng, clock } = d;
  let from = randomDay(rng, who.createdDay, Math.min(clock.today, who.createdDay + (rng.chance(0.8) ? 0 : 700)));
  for (let round = 0; round < 2 && from <= clock.today; round++) {
    let to: number | null = null;
    if (rng.chance(endChance) && clock.today - from > 60) to = randomDay(rng, from + 30, clock.today);
    // Cancelled per the end of this year: a planned end in the future.
    else if (rng.chance(0.03)) to = dayOf(`${Number(isoOf(clock.today).slice(0, 4)) + 1}-01-01`);
    if (who.endDay !== null && (to === null || to > who.endDay)) to = who.endDay;
    if (to !== null && to <= from) return;
    const at = Math.max(who.createdAt, clock.stamp(rng, from));
    d.out.relationTypeAssignments.push({
      id: d.ids.at(at),
      relationId: who.id,
      typeId: d.relationTypeId(code),
      validFrom: isoOf(from),
      validTo: to === null ? null : isoOf(to),
      createdAt: at,
    });
    if (to === null || to > clock.today || !rng.chance(0.15)) return;
    from = randomDay(rng, to + 200, to + 2000);
  }
}

export function generateTypes(d: ClassificationDeps, people: DemoPerson[], orgs: DemoOrganisation[]): void {
  const { rng } = d;
  for (const p of people) {
    const who = { id: p.id, createdDay: p.createdDay, createdAt: p.row.createdAt, endDay: p.deathDay };
    if (rng.chance(0.72)) addPeriods(d, who, 'lid', 0.3);
    if (rng.chance(0.12)) addPeriods(d, who, 'donateur', 0.25);
    if (p.age >= 16 && rng.chance(0.1)) addPeriods(d, who, 'vrijwilliger', 0.4);
    if (p.age >= 18 && rng.chance(0.005)) addPeriods(d, who, 'medewerker', 0.3);
    if (rng.chance(0.01)) addPeriods(d, who, 'sponsor', 0.3);
  }
  for (const o of orgs) {
    const who = { id: o.id, createdDay: o.createdDay, createdAt: o.row.createdAt, endDay: null };
    if (o.isMunicipality) addPeriods(d, who, 'gemeente', 0);
    if (rng.chance(0.25)) addPeriods(d, who, 'sponsor', 0.35);
    if (rng.chance(0.2)) addPeriods(d, who, 'leverancier', 0.3);
    if (rng.chance(0.15)) addPeriods(d, who, 'lid', 0.2);
    if (rng.chance(0.08)) addPeriods(d, who, 'donateur', 0.3);
  }
}

const pickTag = weighted(TAG_WEIGHTS);
const pickAdultShirt = weighted([['S', 12], ['M', 30], ['L', 30], ['XL', 18], ['XXL', 7], ['XS', 3]] as const);

/** Tags for ~30% of relations, and custom field values that fit them (footballers have a KNVB date). */
export function generateTagsAndValues(
  d: ClassificationDeps,
  defs: { tagIds: Map<string, string>; fieldIds: Map<string, string> },
  people: DemoPerson[],
  orgs: DemoOrganisation[],
): void {
  const { rng, clock, out } = d;
  const field = (code: string) => defs.fieldIds.get(code) as string;
  const value = (relationId: string, code: string, v: string) =>
    out.customValues.push({ id: d.ids.at(clock.stamp(rng, clock.today)), relationId, fieldId: field(code), value: v });
  const tagsOf = (who: { id: string; createdDay: number; createdAt: number }): Set<string> => {
    const names = new Set<string>();
    if (!rng.chance(0.3)) return names;
    for (let i = rng.int(1, 3); i > 0; i--) names.add(pickTag(rng));
    for (const name of names) {
      const at = Math.max(who.createdAt, clock.stamp(rng, randomDay(rng, who.createdDay, clock.today)));
      out.relationTags.push({ id: d.ids.at(at), relationId: who.id, tagId: defs.tagIds.get(name) as string, createdAt: at });
    }
    return names;
  };
  for (const p of people) {
    const tags = tagsOf({ id: p.id, createdDay: p.createdDay, createdAt: p.row.createdAt });
    const sporty = ['Voetbal', 'Tennis', 'Hockey', 'Wielrennen', 'Zwemmen'].some((t) => tags.has(t));
    if (p.age >= 18 && rng.chance(0.45)) value(p.id, 'rijbewijs', rng.chance(0.85) ? 'true' : 'false');
    if (rng.chance(sporty ? 0.8 : 0.12)) value(p.id, 'shirtmaat', p.age < 12 ? rng.pick(SHIRT_SIZES.slice(0, 2)) : pickAdultShirt(rng));
    if (p.birthDay !== null && p.age >= 7 && rng.chance(tags.has('Voetbal') ? 0.75 : 0.03)) {
      value(p.id, 'lid_knvb_sinds', isoOf(randomDay(rng, p.birthDay + 6 * 365, clock.today)));
    }
  }
  for (const o of orgs) {
    tagsOf({ id: o.id, createdDay: o.createdDay, createdAt: o.row.createdAt });
    if (rng.chance(0.6)) value(o.id, 'aantal_medewerkers', String(1 + Math.floor(Math.pow(rng.next(), 3) * 500)));
  }
}
