import type { BulkRow } from '../exchange/bulk-load';
import type { DemoAccount } from './dutch-finance';
import { initialsFor, mailPart, pickFirstName, pickSurname, splitSurname } from './dutch-names';
import type { DemoAddress, Places } from './dutch-places';
import { addressRow, type DemoClock, type DemoData, type DemoIds, isoOf, randomDay } from './demo-model';
import { type Rng, weighted } from './prng';

/** What later steps (types, jobs, tags, custom fields) need to know about a generated person. */
export interface DemoPerson {
  id: string;
  row: BulkRow<'relations'>;
  birthDay: number | null;
  /** Age today. */
  age: number;
  createdDay: number;
  deathDay: number | null;
}

export interface PeopleDeps {
  rng: Rng;
  ids: DemoIds;
  clock: DemoClock;
  places: Places;
  account: (rng: Rng) => DemoAccount;
  linkTypeId: (code: string) => string;
  out: DemoData;
}

const pickHousehold = weighted([['single', 45], ['couple', 25], ['family', 22], ['singleParent', 8]] as const);
const pickAdultAge = weighted([[[18, 30], 16], [[31, 50], 30], [[51, 70], 33], [[71, 95], 21]] as const);
const pickProvider = weighted([
  ['gmail.com', 30], ['hotmail.com', 15], ['ziggo.nl', 10], ['outlook.com', 8], ['kpnmail.nl', 7], ['icloud.com', 5],
  ['live.nl', 5], ['planet.nl', 4], ['xs4all.nl', 3], ['home.nl', 3], ['hetnet.nl', 3], ['hotmail.nl', 3], ['caiway.nl', 1],
] as const);
const NOTES = [
  'Wil de nieuwsbrief graag op papier ontvangen.',
  'Heeft aangeboden te helpen bij de jaarmarkt.',
  'Contributie wordt door werkgever vergoed.',
  'Liever niet bellen onder werktijd.',
  'Oud-bestuurslid (penningmeester).',
  'Slechtziend: brieven in groot lettertype.',
];
const YEAR = 365.25;

interface Member {
  gender: 'm' | 'v' | 'x';
  age: number;
  surname: string;
  role: 'adult' | 'child';
}

function otherGender(rng: Rng, g: 'm' | 'v' | 'x'): 'm' | 'v' | 'x' {
  if (rng.chance(0.06)) return g;
  return g === 'm' ? 'v' : 'm';
}

function householdMembers(rng: Rng, remaining: number): Member[] {
  const type = pickHousehold(rng);
  const [lo, hi] = pickAdultAge(rng);
  const first: Member = { gender: rng.chance(0.02) ? 'x' : rng.chance(0.5) ? 'm' : 'v', age: rng.int(lo, hi), surname: pickSurname(rng), role: 'adult' };
  const members = [first];
  if (type === 'couple' || type === 'family') {
    const age = Math.min(95, Math.max(18, first.age + rng.int(-5, 5)));
    members.push({ gender: otherGender(rng, first.gender), age, surname: rng.chance(0.45) ? first.surname : pickSurname(rng), role: 'adult' });
  }
  if (type === 'family' || type === 'singleParent') {
    const kids = rng.int(1, 3);
    for (let i = 0; i < kids; i++) {
      const age = first.age - rng.int(22, 40);
      if (age >= 6 && age <= 24) members.push({ gender: rng.chance(0.5) ? 'm' : 'v', age, surname: first.surname, role: 'child' });
    }
  }
  return members.slice(0, remaining);
}

/** The household's addresses over time: [fromDay, toDay) segments, the last one open. */
function addressTimeline(d: PeopleDeps, firstDay: number): { from: number; to: number | null; address: DemoAddress }[] {
  const { rng, places, clock } = d;
  const segments = [{ from: firstDay, to: null as number | null, address: rng.chance(0.7) ? places.local(rng) : places.anywhere(rng) }];
  let moves = rng.chance(0.38) ? (rng.chance(0.25) ? 2 : 1) : 0;
  while (moves-- > 0) {
    const last = segments[segments.length - 1] as (typeof segments)[number];
    if (clock.today - last.from < 120) break;
    const day = randomDay(rng, last.from + 60, clock.today);
    last.to = day;
    segments.push({ from: day, to: null, address: rng.chance(0.75) ? places.local(rng) : places.anywhere(rng) });
  }
  return segments;
}

function emailFor(d: PeopleDeps, taken: Set<string>, first: string, last: string, birthYear: number): string {
  const f = mailPart(first) || 'x';
  const l = mailPart(last);
  const style = d.rng.int(0, 99);
  let local =
    style < 35 ? `${f}.${l}` : style < 50 ? `${f}${l}` : style < 65 ? `${f[0] ?? 'x'}.${l}` : style < 85 ? `${f}${l}${d.rng.int(1, 99)}` : `${f}${birthYear}`;
  let email = `${local}@${pickProvider(d.rng)}`;
  while (taken.has(email)) {
    local = `${local}${d.rng.int(1, 9)}`;
    email = `${local}@${email.split('@')[1]}`;
  }
  taken.add(email);
  return email;
}

/** Persons in households (singles, couples, families), with their address history and family links. */
export function generatePeople(d: PeopleDeps, count: number): DemoPerson[] {
  const { rng, clock } = d;
  const people: DemoPerson[] = [];
  const emails = new Set<string>();
  const initialImportEnd = clock.start + 30;
  while (people.length < count) {
    const members = householdMembers(rng, count - people.length);
    // When the household first registered; 20% came over from the old administration at the start.
    const join = rng.chance(0.2) ? randomDay(rng, clock.start, initialImportEnd) : randomDay(rng, clock.start, clock.today);
    const created = members.map((m) => {
      const birth = clock.today - Math.floor(m.age * YEAR) - rng.int(0, 364);
      const earliest = Math.max(clock.start, birth + Math.floor(5 * YEAR));
      const day = join >= earliest && rng.chance(0.7) ? join : randomDay(rng, Math.max(earliest, join), clock.today);
      return { birth, day };
    });
    const timeline = addressTimeline(d, Math.min(...created.map((c) => c.day)));
    const landline = rng.chance(0.4) ? d.places.landline(rng, (timeline[0] as (typeof timeline)[number]).address.postcode) : null;
    const household: DemoPerson[] = members.map((m, i) => {
      const { birth, day } = created[i] as { birth: number; day: number };
      return makePerson(d, { member: m, birth, createdDay: day, landline, emails, timeline });
    });
    linkHousehold(d, household, members);
    people.push(...household);
  }
  return people;
}

interface PersonInput {
  member: Member;
  birth: number;
  createdDay: number;
  landline: string | null;
  emails: Set<string>;
  timeline: { from: number; to: number | null; address: DemoAddress }[];
}

function makePerson(d: PeopleDeps, p: PersonInput): DemoPerson {
  const { rng, clock, ids, out } = d;
  const { member: m } = p;
  const createdAt = clock.stamp(rng, p.createdDay);
  const id = ids.at(createdAt);
  const birthYear = Number(isoOf(p.birth).slice(0, 4));
  const firstName = pickFirstName(rng, m.gender, birthYear);
  const { infix, lastName } = splitSurname(m.surname);
  // Records from the old administration of older members often have initials only.
  const onlyInitials = birthYear < 1955 && rng.chance(0.08);
  const knowsBirth = rng.chance(0.97);
  const deathDay = m.age >= 75 && rng.chance(0.04) ? randomDay(rng, p.createdDay + 365, clock.today) : null;
  const initials = initialsFor(rng, firstName, birthYear);
  const row: BulkRow<'relations'> = {
    id,
    kind: 'person',
    number: 0,
    initials,
    firstName: onlyInitials ? null : firstName,
    infix,
    lastName,
    gender: m.gender,
    addressForm: m.gender === 'm' ? 'heer' : m.gender === 'v' ? 'mevrouw' : 'neutraal',
    birthDate: knowsBirth ? isoOf(p.birth) : null,
    deathDate: deathDay === null || deathDay > clock.today ? null : isoOf(deathDay),
    email: m.age >= 12 && rng.chance(0.82) ? emailFor(d, p.emails, onlyInitials ? (initials as string) : firstName, lastName, birthYear) : null,
    email2: null,
    phone: m.role === 'adult' ? p.landline : null,
    mobile: m.age >= 12 && rng.chance(0.78) ? d.places.mobile(rng) : null,
    iban: null,
    bic: null,
    notes: rng.chance(0.03) ? rng.pick(NOTES) : null,
    createdAt,
    updatedAt: rng.chance(0.5) ? clock.stamp(rng, randomDay(rng, p.createdDay, clock.today)) : createdAt,
    deletedAt: rng.chance(0.003) ? clock.stamp(rng, randomDay(rng, p.createdDay, clock.today)) : null,
  };
  if (row.updatedAt < createdAt) row.updatedAt = createdAt;
  if (m.role === 'adult' && rng.chance(0.7)) {
    const acc = d.account(rng);
    row.iban = acc.iban;
    row.bic = rng.chance(0.6) ? acc.bic : null;
  }
  for (const seg of p.timeline) {
    if (seg.to !== null && seg.to <= p.createdDay) continue;
    const from = Math.max(seg.from, p.createdDay);
    const at = from === p.createdDay ? createdAt : clock.stamp(rng, from);
    out.addresses.push(
      addressRow({
        id: ids.at(at),
        relationId: id,
        type: 'home',
        address: seg.address,
        validFrom: isoOf(from),
        validTo: seg.to === null ? null : isoOf(seg.to),
        createdAt: at,
        updatedAt: seg.to === null ? at : Math.max(at, clock.stamp(rng, seg.to)),
      }),
    );
  }
  out.relations.push(row);
  return { id, row, birthDay: knowsBirth ? p.birth : null, age: m.age, createdDay: p.createdDay, deathDay: row.deathDate ? deathDay : null };
}

/** Partners, parent → child and sibling (household) links inside one household. */
function linkHousehold(d: PeopleDeps, people: DemoPerson[], members: Member[]): void {
  const adults = people.filter((_, i) => members[i]?.role === 'adult');
  const kids = people.filter((_, i) => members[i]?.role === 'child');
  const link = (code: string, from: DemoPerson, to: DemoPerson, validFrom: number | null) => {
    const at = Math.max(from.row.createdAt, to.row.createdAt) + 1000;
    d.out.relationLinks.push({
      id: d.ids.at(at),
      linkTypeId: d.linkTypeId(code),
      fromRelationId: from.id,
      toRelationId: to.id,
      function: null,
      validFrom: validFrom === null ? null : isoOf(validFrom),
      validTo: null,
      notes: null,
      createdAt: at,
      updatedAt: at,
    });
  };
  const [a, b] = adults;
  if (a && b) link('partner', a, b, null);
  for (const parent of adults) for (const kid of kids) link('parent', parent, kid, kid.birthDay);
  for (let i = 0; i < kids.length; i++) {
    for (let j = i + 1; j < kids.length; j++) link('household', kids[i] as DemoPerson, kids[j] as DemoPerson, null);
  }
}
