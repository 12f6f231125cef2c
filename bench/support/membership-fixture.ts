import fs from 'node:fs';
import path from 'node:path';
import { createCore, type Core } from '../../src/main/core/create-core';
import { dropSearchTriggers, createSearchTriggers, rebuildSearchIndex } from '../../src/main/core/db/search-index';
import { derivedNames } from '../../src/main/core/relations/relation-names';
import { parseCsvRecords } from '../../src/shared/dutch/csv';

/** Seeded PRNG so every run measures the same administration. */
export function prng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

const FIRST = ['Jan', 'Anna', 'Pieter', 'Sanne', 'Daan', 'Emma', 'Mohammed', 'Fleur', 'Bram', 'Lotte', 'Kees', 'Zoë'];
const LAST: [string | null, string][] = [[null, 'Jansen'], ['de', 'Vries'], ['van den', 'Berg'], [null, 'Bakker'], ['van', 'Dijk'], [null, 'Visser'], ['de', 'Boer'], [null, 'Smit']];

/**
 * A party of `relations` people with 20 years of history: home addresses on real postcodes
 * (about a third moved once), a Lidmaatschap subscription for 70% (some ended), and a
 * 4-level unit tree: Partij > 12 provinces > municipalities > departments by postcode range,
 * about `units` units in all. Written through the audit machinery, search indexed once.
 */
export async function buildPartyAdministration(dir: string, relations: number, seed = 42) {
  const file = path.join(dir, `party-${relations}.sqlite`);
  for (const s of ['', '-wal', '-shm']) fs.rmSync(file + s, { force: true });
  const core = createCore({ file, actor: 'bench' });
  // The tree first, on an empty administration: each unit change recomputes everyone.
  const tree = await buildUnitTree(core);
  const relationIds = fillPeople(core, relations, seed);
  return { core, file, relationIds, ...tree };
}

function fillPeople(core: Core, relations: number, seed: number): string[] {
  const ctx = core.ctx;
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const pc4 = parseCsvRecords(fs.readFileSync(path.resolve(import.meta.dirname, '../../resources/data/pc4-gemeente-provincie.csv'), 'utf8'));
  const ids: string[] = [];
  const day = (y: number) => `${y}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;

  ctx.write('bench.fill', null, () => {
    dropSearchTriggers(ctx.sqlite);
    const rel = ctx.sqlite.prepare(
      `INSERT INTO relations (id, kind, number, first_name, infix, last_name, birth_date, display_name, sort_key, created_at, updated_at)
       VALUES (?, 'person', ?, ?, ?, ?, ?, ?, ?, 0, 0)`,
    );
    const addr = ctx.sqlite.prepare(
      `INSERT INTO addresses (id, relation_id, type, street, house_number, postcode, city, municipality, province, country, valid_from, valid_to, created_at, updated_at)
       VALUES (?, ?, 'home', 'Straat', ?, ?, ?, ?, ?, 'NL', ?, ?, 0, 0)`,
    );
    const subType = (ctx.sqlite.prepare(`SELECT id FROM subscription_types WHERE code = 'lidmaatschap'`).get() as { id: string }).id;
    const sub = ctx.sqlite.prepare(`INSERT INTO subscriptions (id, relation_id, type_id, quantity, start_date, end_date, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?, 0, 0)`);
    for (let i = 0; i < relations; i++) {
      const id = `r${i}`;
      ids.push(id);
      const first = pick(FIRST);
      const [infix, last] = pick(LAST);
      const names = derivedNames('person', { initials: null, firstName: first, infix, lastName: last, exactName: false, name: null, email: null });
      rel.run(id, i + 1, first, infix, last, day(1940 + Math.floor(rnd() * 70)), names.displayName, names.sortKey);
      const a = pick(pc4);
      const postcode = `${a.pc4} AB`;
      const moved = rnd() < 0.33 ? day(2008 + Math.floor(rnd() * 18)) : null;
      addr.run(`${id}-a1`, id, 1 + Math.floor(rnd() * 200), postcode, a.gemeente, a.gemeente, a.provincie, '2000-01-01', moved);
      if (moved) {
        const b = pick(pc4);
        addr.run(`${id}-a2`, id, 1 + Math.floor(rnd() * 200), `${b.pc4} CD`, b.gemeente, b.gemeente, b.provincie, moved, null);
      }
      if (rnd() < 0.7) sub.run(`${id}-s`, id, subType, day(2006 + Math.floor(rnd() * 20)), rnd() < 0.2 ? day(2026) : null);
    }
    rebuildSearchIndex(ctx.sqlite);
    createSearchTriggers(ctx.sqlite);
  });
  return ids;
}

/** The unit tree: provinces by name, the largest municipalities, and departments by PC4 range. */
export async function buildUnitTree(core: Core, maxUnits = 200): Promise<{ unitIds: string[]; typeId: string }> {
  await core.call('subscriptionTypes.create', { code: 'lidmaatschap', name: 'Lidmaatschap' });
  const created = await core.call('membershipTypes.create', { code: 'lid', name: 'Lid', baseCondition: { type: 'subscription', typeCodes: ['lidmaatschap'] } });
  const typeId = created.id!;
  const root = await core.call('units.create', { unit: { name: 'Partij', startDate: '2000-01-01' }, parentId: null });
  const unitIds = [root.id!];
  const pc4 = parseCsvRecords(fs.readFileSync(path.resolve(import.meta.dirname, '../../resources/data/pc4-gemeente-provincie.csv'), 'utf8'));
  const byProvince = new Map<string, Map<string, number[]>>();
  for (const r of pc4) {
    const m = byProvince.get(r.provincie!) ?? new Map<string, number[]>();
    byProvince.set(r.provincie!, m);
    m.set(r.gemeente!, [...(m.get(r.gemeente!) ?? []), Number(r.pc4)]);
  }
  const perProvince = Math.floor((maxUnits - 13) / 12 / 2);
  for (const [province, municipalities] of byProvince) {
    const pv = await core.call('units.create', { unit: { name: `PV ${province}`, startDate: '2000-01-01' }, parentId: root.id!, generalRule: { type: 'address', addressTypes: ['home'], provinces: [province] } });
    unitIds.push(pv.id!);
    const largest = [...municipalities].sort((a, b) => b[1].length - a[1].length).slice(0, perProvince);
    for (const [name, codes] of largest) {
      const gm = await core.call('units.create', { unit: { name: `GM ${name}`, startDate: '2000-01-01' }, parentId: pv.id!, generalRule: { type: 'address', addressTypes: ['home'], municipalities: [name] } });
      unitIds.push(gm.id!);
      const sorted = [...codes].sort((a, b) => a - b);
      const half = sorted[Math.floor(sorted.length / 2)]!;
      const dept = await core.call('units.create', {
        unit: { name: `Afdeling ${name}-Noord`, startDate: '2005-01-01' },
        parentId: gm.id!,
        generalRule: { type: 'address', addressTypes: ['home'], postcodeRanges: [{ from: sorted[0]!, to: half }] },
      });
      unitIds.push(dept.id!);
    }
  }
  return { unitIds, typeId };
}
