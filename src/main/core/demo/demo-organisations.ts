import type { BulkRow } from '../exchange/bulk-load';
import { kvkNumber } from './dutch-finance';
import { mailPart } from './dutch-names';
import { organisationName, pickFunction } from './demo-catalog';
import { addressRow, isoOf, randomDay } from './demo-model';
import type { DemoAddress } from './dutch-places';
import type { DemoPerson, PeopleDeps } from './demo-people';
import { type Rng, zipf } from './prng';

export interface DemoOrganisation {
  id: string;
  row: BulkRow<'relations'>;
  createdDay: number;
  domain: string;
  isMunicipality: boolean;
}

function uniqueDomain(taken: Set<string>, stem: string, rng: Rng): string {
  let domain = `${stem.slice(0, 40) || 'organisatie'}.nl`;
  while (taken.has(domain)) domain = `${stem.slice(0, 40)}${rng.int(2, 99)}.nl`;
  taken.add(domain);
  return domain;
}

export function generateOrganisations(d: PeopleDeps, count: number, municipalities: readonly string[]): DemoOrganisation[] {
  const { rng, clock, ids, out } = d;
  const orgs: DemoOrganisation[] = [];
  const names = new Set<string>();
  const domains = new Set<string>();
  while (orgs.length < count) {
    let n = organisationName(rng, d.places.regionPlaces, municipalities);
    for (let i = 0; i < 5 && names.has(n.name); i++) n = organisationName(rng, d.places.regionPlaces, municipalities);
    if (names.has(n.name)) n = { ...n, name: `${n.name} ${rng.pick(d.places.regionPlaces)}`, isMunicipality: false };
    if (names.has(n.name)) continue;
    names.add(n.name);
    const createdDay = rng.chance(0.15) ? randomDay(rng, clock.start, clock.start + 30) : randomDay(rng, clock.start, clock.today);
    const createdAt = clock.stamp(rng, createdDay);
    const id = ids.at(createdAt);
    const domain = uniqueDomain(domains, n.domainStem, rng);
    const business = rng.chance(0.7) ? d.places.local(rng) : d.places.anywhere(rng);
    const acc = rng.chance(0.8) ? d.account(rng) : null;
    const mailbox = n.legalForm === 'Stichting' || n.legalForm === 'Vereniging' ? 'secretariaat' : rng.pick(['info', 'info', 'contact', 'administratie']);
    const row: BulkRow<'relations'> = {
      id,
      kind: 'organisation',
      number: 0,
      name: n.name,
      legalForm: n.legalForm,
      kvkNumber: n.isMunicipality || rng.chance(0.05) ? null : kvkNumber(rng),
      emailDomain: domain,
      email: rng.chance(0.85) ? `${mailbox}@${domain}` : null,
      phone: rng.chance(0.85) ? d.places.landline(rng, business.postcode) : null,
      website: rng.chance(0.7) ? `https://www.${domain}/` : null,
      iban: acc?.iban ?? null,
      bic: acc ? acc.bic : null,
      createdAt,
      updatedAt: rng.chance(0.4) ? clock.stamp(rng, randomDay(rng, createdDay, clock.today)) : createdAt,
      deletedAt: rng.chance(0.003) ? clock.stamp(rng, randomDay(rng, createdDay, clock.today)) : null,
    };
    if (row.updatedAt < createdAt) row.updatedAt = createdAt;
    addOrganisationAddresses(d, { id, createdDay, createdAt }, business);
    out.relations.push(row);
    orgs.push({ id, row, createdDay, domain, isMunicipality: n.isMunicipality });
  }
  return orgs;
}

function addOrganisationAddresses(
  d: PeopleDeps,
  org: { id: string; createdDay: number; createdAt: number },
  business: DemoAddress,
): void {
  const { rng, clock, ids, out } = d;
  const moved = rng.chance(0.2) && clock.today - org.createdDay > 200 ? randomDay(rng, org.createdDay + 100, clock.today) : null;
  type Period = { type: 'business' | 'postal'; address: DemoAddress; from: number; to: number | null; at: number; updatedAt: number };
  const row = (p: Period) =>
    out.addresses.push(
      addressRow({ ...p, id: ids.at(p.at), relationId: org.id, validFrom: isoOf(p.from), validTo: p.to === null ? null : isoOf(p.to), createdAt: p.at }),
    );
  const movedAt = moved === null ? null : clock.stamp(rng, moved);
  row({ type: 'business', address: business, from: org.createdDay, to: moved, at: org.createdAt, updatedAt: movedAt ?? org.createdAt });
  if (moved !== null && movedAt !== null) row({ type: 'business', address: d.places.local(rng), from: moved, to: null, at: movedAt, updatedAt: movedAt });
  if (rng.chance(0.25)) {
    const poBox: DemoAddress = {
      street: null,
      houseNumber: null,
      houseLetter: null,
      houseNumberSuffix: null,
      poBox: `Postbus ${rng.int(1, 9999)}`,
      postcode: `${business.postcode.slice(0, 4)} ${rng.pick(['AA', 'AB', 'AC', 'AD', 'AE'])}`,
      city: business.city,
      municipality: business.municipality,
      province: business.province,
    };
    row({ type: 'postal', address: poBox, from: org.createdDay, to: null, at: org.createdAt + 1, updatedAt: org.createdAt + 1 });
  }
}

interface LinkInput {
  code: string;
  person: DemoPerson;
  org: DemoOrganisation;
  fn: string;
  from: number;
  to: number | null;
}

function pushLink(d: PeopleDeps, l: LinkInput): void {
  const at = Math.max(l.person.row.createdAt, l.org.row.createdAt) + 1000;
  d.out.relationLinks.push({
    id: d.ids.at(at),
    linkTypeId: d.linkTypeId(l.code),
    fromRelationId: l.person.id,
    toRelationId: l.org.id,
    function: l.fn,
    validFrom: isoOf(l.from),
    validTo: l.to === null ? null : isoOf(l.to),
    notes: null,
    createdAt: at,
    updatedAt: l.to === null ? at : Math.max(at, d.clock.stamp(d.rng, l.to)),
  });
}

/** A working life: a job, sometimes ended and followed by one elsewhere. */
function jobsOf(d: PeopleDeps, person: DemoPerson, pickOrg: (rng: Rng) => DemoOrganisation): void {
  const { rng, clock } = d;
  const adultDay = person.birthDay === null ? clock.start : person.birthDay + Math.floor(18 * 365.25);
  let from = randomDay(rng, Math.max(adultDay, clock.start - 3650), clock.today - 30);
  for (let job = 0; job < 2 && from < clock.today; job++) {
    const org = pickOrg(rng);
    const ended = rng.chance(job === 0 ? 0.4 : 0.2) && clock.today - from > 120;
    const to = ended ? randomDay(rng, from + 90, clock.today) : null;
    pushLink(d, { code: 'employment', person, org, fn: pickFunction(rng), from, to });
    if (to === null) {
      // A current job: the work address is often known, and sometimes the main one.
      if (rng.chance(0.4)) {
        const f = mailPart(person.row.firstName ?? person.row.initials ?? 'x');
        const work = `${f}.${mailPart(person.row.lastName ?? 'x')}@${org.domain}`;
        if (!person.row.email && rng.chance(0.5)) person.row.email = work;
        else person.row.email2 = work;
      }
      return;
    }
    if (!rng.chance(0.5)) return;
    from = to + rng.int(0, 60);
  }
}

/** Employment, board (director) and contact-person links between people and organisations. */
export function generateWork(d: PeopleDeps, people: DemoPerson[], orgs: DemoOrganisation[]): void {
  if (orgs.length === 0) return;
  const { rng, clock } = d;
  // Some employers are far bigger than others.
  const pickOrg = zipf([...orgs].sort((a, b) => (a.id < b.id ? -1 : 1)), 0.8);
  const adults = people.filter((p) => p.age >= 20 && p.deathDay === null);
  for (const p of adults) if (rng.chance(0.28)) jobsOf(d, p, pickOrg);
  if (adults.length === 0) return;
  for (const org of orgs) {
    if (rng.chance(0.4)) {
      const board = org.row.legalForm === 'Stichting' || org.row.legalForm === 'Vereniging';
      for (let i = rng.int(1, 3); i > 0; i--) {
        const fn = board ? rng.pick(['Voorzitter', 'Secretaris', 'Penningmeester', 'Bestuurslid']) : rng.pick(['Directeur', 'Directeur', 'Commissaris']);
        const from = randomDay(rng, Math.max(org.createdDay - 1000, clock.start - 2000), clock.today - 10);
        const to = rng.chance(0.3) ? randomDay(rng, from + 180, clock.today) : null;
        pushLink(d, { code: 'director', person: rng.pick(adults), org, fn, from, to: to !== null && to > from ? to : null });
      }
    }
    if (rng.chance(0.5)) {
      const from = randomDay(rng, org.createdDay, clock.today);
      pushLink(d, { code: 'contact', person: rng.pick(adults), org, fn: rng.pick(['Contactpersoon', 'Secretariaat', 'Ledenadministratie']), from, to: null });
    }
  }
}
