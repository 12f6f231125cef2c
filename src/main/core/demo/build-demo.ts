import type { ReferenceData } from '../reference/reference-data';
import { isIsoDate } from '../../../shared/dutch/dates';
import { createAccounts } from './dutch-finance';
import { createPlaces } from './dutch-places';
import { generateDefinitions, generateTagsAndValues, generateTypes } from './demo-classification';
import { DemoClock, type DemoData, DemoIds, emptyDemoData } from './demo-model';
import { generateOrganisations, generateWork } from './demo-organisations';
import { generatePeople, type PeopleDeps } from './demo-people';
import { createRng } from './prng';
import { addDemoDoubles } from './demo-doubles';
import { MAX_DEMO_RELATIONS } from './limits';

export interface BuildDemoOptions {
  relations: number;
  seed: string | number;
  /** 'YYYY-MM-DD': the last day of the generated history. */
  today: string;
}

export interface DemoEnvironment {
  reference: ReferenceData;
  /** Existing relation and link types by code; missing ones are created by the demo. */
  relationTypeIds: ReadonlyMap<string, string>;
  linkTypeIds: ReadonlyMap<string, string>;
  /** The counter value of the demo's first record id (db/record-ids.ts); the rest follow. */
  firstId: number;
}

// The codes the demo uses, with definitions for when the administration lacks one.
const RELATION_TYPES = {
  lid: { name: 'Lid', appliesTo: 'both' },
  donateur: { name: 'Donateur', appliesTo: 'both' },
  vrijwilliger: { name: 'Vrijwilliger', appliesTo: 'person' },
  medewerker: { name: 'Medewerker', appliesTo: 'person' },
  leverancier: { name: 'Leverancier', appliesTo: 'organisation' },
  gemeente: { name: 'Gemeente', appliesTo: 'organisation' },
  sponsor: { name: 'Sponsor', appliesTo: 'both' },
} as const;

const LINK_TYPES = {
  employment: { name: 'werkt bij', reverseName: 'heeft als medewerker', fromKind: 'person', toKind: 'organisation', symmetric: false },
  director: { name: 'bestuurder van', reverseName: 'heeft als bestuurder', fromKind: 'person', toKind: 'organisation', symmetric: false },
  contact: { name: 'contactpersoon van', reverseName: 'heeft als contactpersoon', fromKind: 'person', toKind: 'organisation', symmetric: false },
  partner: { name: 'partner van', reverseName: 'partner van', fromKind: 'person', toKind: 'person', symmetric: true },
  parent: { name: 'ouder van', reverseName: 'kind van', fromKind: 'person', toKind: 'person', symmetric: false },
  household: { name: 'gezinslid van', reverseName: 'gezinslid van', fromKind: 'person', toKind: 'person', symmetric: true },
} as const;

export { MAX_DEMO_RELATIONS };

/**
 * A realistic Dutch member administration, as rows: ~90% persons in households, ~10%
 * organisations, 20 years of history (moves, memberships that start and end, jobs), tags and
 * custom fields. Pure and deterministic: the same options give the same rows, byte for byte.
 */
export function buildDemoData(opts: BuildDemoOptions, env: DemoEnvironment): DemoData {
  if (!Number.isInteger(opts.relations) || opts.relations < 0 || opts.relations > MAX_DEMO_RELATIONS) {
    throw new RangeError(`relations must be an integer from 0 to ${MAX_DEMO_RELATIONS}`);
  }
  if (!isIsoDate(opts.today)) throw new RangeError(`today must be a date 'YYYY-MM-DD'`);
  const seed = String(opts.seed);
  const rng = createRng(seed);
  const out = emptyDemoData();
  const clock = new DemoClock(opts.today);
  const ids = new DemoIds(env.firstId);
  const definedAt = clock.stamp(rng, clock.start) - 2 * 86_400_000;

  const relationTypeIds = new Map(env.relationTypeIds);
  Object.entries(RELATION_TYPES).forEach(([code, t], i) => {
    if (relationTypeIds.has(code)) return;
    const id = ids.at(definedAt + i);
    relationTypeIds.set(code, id);
    out.relationTypes.push({ id, code, ...t, position: 100 + i, createdAt: definedAt + i });
  });
  const linkTypeIds = new Map(env.linkTypeIds);
  Object.entries(LINK_TYPES).forEach(([code, t], i) => {
    if (linkTypeIds.has(code)) return;
    const id = ids.at(definedAt + 100 + i);
    linkTypeIds.set(code, id);
    out.linkTypes.push({ id, code, ...t, position: 100 + i, createdAt: definedAt + 100 + i });
  });

  const places = createPlaces(env.reference.pc4, seed);
  const deps: PeopleDeps = {
    rng: rng.fork('people'),
    ids,
    clock,
    places,
    account: createAccounts(env.reference.banks),
    linkTypeId: (code) => linkTypeIds.get(code) as string,
    out,
  };
  const classification = { rng: rng.fork('classification'), ids, clock, out, relationTypeId: (code: string) => relationTypeIds.get(code) as string };
  const defs = generateDefinitions(classification);

  const orgCount = Math.round(opts.relations * 0.1);
  const people = generatePeople(deps, opts.relations - orgCount);
  const municipalities = [...new Set([...env.reference.pc4.values()].map((p) => p.municipality))].sort();
  const orgs = generateOrganisations({ ...deps, rng: rng.fork('organisations') }, orgCount, municipalities);
  generateWork({ ...deps, rng: rng.fork('work') }, people, orgs);
  addDemoDoubles(out, rng.fork('doubles'));

  // Relation numbers follow registration order, as a member administration hands them out.
  out.relations.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  out.relations.forEach((r, i) => (r.number = i + 1));

  generateTypes(classification, people, orgs);
  generateTagsAndValues(classification, defs, people, orgs);
  return out;
}
