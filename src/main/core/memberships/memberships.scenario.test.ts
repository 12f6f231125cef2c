import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { createTestCore } from '../../../../test/support/test-core';
import { naiveMemberships } from '../../../../test/support/naive-membership';
import type { Condition } from '../../../shared/contract';

/**
 * A party in the style of seed 001: Partij > Provincies > Gemeenten > Afdelingen, with people
 * moving house, subscriptions starting and ending, a scheduled rule change, a new unit, a unit
 * move, a unit stop and an exception. Every expected period is asserted, and the whole
 * result is compared with the naive day-by-day definition.
 */
let core: ReturnType<typeof createTestCore>;
const u: Record<string, string> = {};
const p: Record<string, string> = {};
const t: Record<string, string> = {};

const province = (name: string): Condition => ({ type: 'address', addressTypes: ['home'], provinces: [name] });
const municipality = (name: string): Condition => ({ type: 'address', addressTypes: ['home'], municipalities: [name] });
const postcodes = (from: number, to: number): Condition => ({ type: 'address', addressTypes: ['home'], postcodeRanges: [{ from, to }] });

async function unit(key: string, name: string, parent: string | null, rule: Condition | null, startDate = '2000-01-01') {
  const r = await core.call('units.create', { unit: { name, startDate }, parentId: parent ? u[parent]! : null, generalRule: rule });
  u[key] = r.id!;
}

async function person(key: string, name: string, address: { postcode: string; from: string }, subscription?: { type: string; from: string; to?: string }) {
  const { id } = await core.call('relations.create', {
    kind: 'person',
    fields: { firstName: name, lastName: 'Test' },
    address: { street: 'Straat', houseNumber: 1, postcode: address.postcode, validFrom: address.from },
  });
  p[key] = id;
  if (subscription) {
    await core.call('subscriptions.add', { relationId: id, subscription: { typeId: t[subscription.type]!, startDate: subscription.from, endDate: subscription.to ?? null } });
  }
}

/** A relation's stored periods per unit for one type, as 'unit: from..to' strings. */
async function periods(key: string, type = 'lid') {
  const rows = (await core.call('memberships.ofRelation', { relationId: p[key]! })).rows.filter((r) => r.typeCode === type);
  return rows.map((r) => `${r.unitName}: ${r.startDate ?? '…'}..${r.endDate ?? '…'}`).sort();
}

beforeAll(async () => {
  core = createTestCore(); // today: 2026-11-22
  t.lidmaatschap = (await core.call('subscriptionTypes.create', { code: 'lidmaatschap', name: 'Lidmaatschap' })).id;
  t.donatie = (await core.call('subscriptionTypes.create', { code: 'donatie', name: 'Donatie' })).id;
  await core.call('membershipTypes.create', { code: 'lid', name: 'Lid', baseCondition: { type: 'subscription', typeCodes: ['lidmaatschap'] } });
  await core.call('membershipTypes.create', { code: 'donateur', name: 'Donateur', baseCondition: { type: 'subscription', typeCodes: ['donatie'] } });
  await unit('partij', 'Partij', null, null);
  await unit('pvUtrecht', 'PV Utrecht', 'partij', province('Utrecht'));
  await unit('pvLimburg', 'PV Limburg', 'partij', province('Limburg'));
  await unit('gmUtrecht', 'GM Utrecht', 'pvUtrecht', municipality('Utrecht'));
  await unit('gmZeist', 'GM Zeist', 'pvUtrecht', municipality('Zeist'));
  await unit('oost', 'Afdeling Oost', 'gmUtrecht', postcodes(3581, 3585));
  await unit('west', 'Afdeling West', 'gmUtrecht', postcodes(3511, 3513));

  await person('anna', 'Anna', { postcode: '3584 CS', from: '2010-01-01' }, { type: 'lidmaatschap', from: '2012-01-01' });
  await person('bram', 'Bram', { postcode: '3511 AB', from: '2010-01-01' }, { type: 'lidmaatschap', from: '2015-01-01', to: '2023-01-01' });
  await core.call('addresses.move', { relationId: p.bram!, date: '2020-06-01', address: { street: 'Markt', houseNumber: 1, postcode: '6211 CK' } });
  await person('cees', 'Cees', { postcode: '3701 AA', from: '2005-01-01' }, { type: 'donatie', from: '2019-03-01' });
  await person('dirk', 'Dirk', { postcode: '3583 AA', from: '2000-01-01' }, { type: 'lidmaatschap', from: '2001-01-01' });
  await core.call('exceptions.add', {
    relationId: p.dirk!,
    exception: { unitId: u.west!, membershipTypeId: (await core.call('membershipTypes.list', {})).rows.find((x) => x.code === 'lid')!.id, validFrom: '2022-01-01', validTo: '2024-01-01', reason: 'Wil bij West' },
  });
});
afterAll(() => core.close());

describe('membership scenario', () => {
  it('derives memberships of a unit and all its ancestors from address and subscription', async () => {
    expect(await periods('anna')).toEqual([
      'Afdeling Oost: 2012-01-01..…',
      'GM Utrecht: 2012-01-01..…',
      'PV Utrecht: 2012-01-01..…',
      'Partij: 2012-01-01..…',
    ]);
    expect(await periods('cees', 'donateur')).toEqual(['GM Zeist: 2019-03-01..…', 'PV Utrecht: 2019-03-01..…', 'Partij: 2019-03-01..…']);
    expect(await periods('cees', 'lid')).toEqual([]);
  });

  it('follows a move across provinces, with one contiguous run at the top', async () => {
    expect(await periods('bram')).toEqual([
      'Afdeling West: 2015-01-01..2020-06-01',
      'GM Utrecht: 2015-01-01..2020-06-01',
      'PV Limburg: 2020-06-01..2023-01-01',
      'PV Utrecht: 2015-01-01..2020-06-01',
      'Partij: 2015-01-01..2023-01-01',
    ]);
  });

  it('an exception places a member in another unit and takes them out of their own for that period', async () => {
    const rows = (await core.call('memberships.ofRelation', { relationId: p.dirk! })).rows;
    expect(rows.map((r) => `${r.unitName}: ${r.startDate}..${r.endDate ?? '…'}${r.viaException ? ' (uitzondering)' : ''}`).sort()).toEqual([
      'Afdeling Oost: 2001-01-01..2022-01-01',
      // Touches the exception but starts when it ends: back in Oost by the rules.
      'Afdeling Oost: 2024-01-01..…',
      'Afdeling West: 2022-01-01..2024-01-01 (uitzondering)',
      'GM Utrecht: 2001-01-01..… (uitzondering)',
      'PV Utrecht: 2001-01-01..… (uitzondering)',
      'Partij: 2001-01-01..… (uitzondering)',
    ]);
  });

  it('previews a scheduled rule change and a new unit without saving, then saves it', async () => {
    // Postcodes 3584-3585 move from Afdeling Oost to the new Afdeling Uithof per 2027-01-01.
    const lid = (await core.call('membershipTypes.list', {})).rows.find((x) => x.code === 'lid')!;
    const before = await periods('anna');
    const preview = await core.call('units.create', { unit: { name: 'Afdeling Uithof', startDate: '2027-01-01' }, parentId: u.gmUtrecht!, generalRule: postcodes(3584, 3585), dryRun: true });
    expect(preview.saved).toBe(false);
    expect(preview.changes.changes.map((c) => [c.displayName, c.unitName, c.gained, c.lost])).toEqual([
      ['Anna Test', 'Afdeling Uithof', [{ from: '2027-01-01', to: null }], []],
    ]);
    expect(await periods('anna')).toEqual(before);
    expect((await core.call('units.list', {})).rows.map((x) => x.name)).not.toContain('Afdeling Uithof');

    const created = await core.call('units.create', { unit: { name: 'Afdeling Uithof', startDate: '2027-01-01' }, parentId: u.gmUtrecht!, generalRule: postcodes(3584, 3585) });
    u.uithof = created.id!;
    const change = await core.call('rules.setVersion', { unitId: u.oost!, validFrom: '2027-01-01', condition: postcodes(3581, 3583), dryRun: true });
    expect(change.changes.perUnit).toEqual([{ unitId: u.oost, unitName: 'Afdeling Oost', gained: 0, lost: 1 }]);
    expect(change.changes.changes[0]).toMatchObject({ displayName: 'Anna Test', lost: [{ from: '2027-01-01', to: null }] });
    await core.call('rules.setVersion', { unitId: u.oost!, validFrom: '2027-01-01', condition: postcodes(3581, 3583) });
    expect(await periods('anna')).toEqual([
      'Afdeling Oost: 2012-01-01..2027-01-01',
      'Afdeling Uithof: 2027-01-01..…',
      'GM Utrecht: 2012-01-01..…',
      'PV Utrecht: 2012-01-01..…',
      'Partij: 2012-01-01..…',
    ]);
    void lid;
  });

  it('stopping a unit ends the memberships under it on its stop date', async () => {
    await core.call('units.update', { id: u.pvLimburg!, unit: { name: 'PV Limburg', startDate: '2000-01-01', endDate: '2022-06-01' } });
    expect(await periods('bram')).toContain('PV Limburg: 2020-06-01..2022-06-01');
    expect(await periods('bram')).toContain('Partij: 2015-01-01..2023-01-01');
  });

  it('moving a unit under another parent changes its members\' chain from that date, retroactively too', async () => {
    // Regio Oost covers 3581-3583 only; Oost hangs under it from 2025 (a date in the past).
    await unit('regioOost', 'Regio Oost', 'pvUtrecht', postcodes(3581, 3583), '2024-01-01');
    const preview = await core.call('units.move', { id: u.oost!, parentId: u.regioOost!, date: '2025-01-01', dryRun: true });
    expect(preview.changes.changes.map((c) => [c.displayName, c.unitName, c.lost])).toEqual([['Anna Test', 'Afdeling Oost', [{ from: '2025-01-01', to: '2027-01-01' }]]]);
    await core.call('units.move', { id: u.oost!, parentId: u.regioOost!, date: '2025-01-01' });
    expect(await periods('anna')).toContain('Afdeling Oost: 2012-01-01..2025-01-01');
    expect(await periods('anna')).not.toContain('Regio Oost: 2024-01-01..…');
    expect(await periods('dirk')).toContain('Regio Oost: 2024-01-01..…');
    const oostOn = async (on: string) => (await core.call('units.list', { on })).rows.find((x) => x.id === u.oost)?.parentId;
    expect(await oostOn('2024-06-01')).toBe(u.gmUtrecht);
    expect(await oostOn('2026-06-01')).toBe(u.regioOost);
  });

  it('recomputes one relation within the write that changes its data', async () => {
    await core.call('subscriptions.add', { relationId: p.cees!, subscription: { typeId: t.lidmaatschap!, startDate: '2026-01-01' } });
    expect(await periods('cees')).toEqual(['GM Zeist: 2026-01-01..…', 'PV Utrecht: 2026-01-01..…', 'Partij: 2026-01-01..…']);
    const audit = (await core.call('audit.forRelation', { relationId: p.cees! })).rows.filter((r) => r.tableName === 'memberships');
    expect(audit.length).toBeGreaterThanOrEqual(3);
    expect(new Set(audit.map((r) => r.operationKind))).toContain('subscriptions.add');
  });

  it('explains why someone is or is not a member on a date', async () => {
    const lid = (await core.call('membershipTypes.list', {})).rows.find((x) => x.code === 'lid')!;
    const yes = await core.call('memberships.explain', { relationId: p.bram!, unitId: u.west!, membershipTypeId: lid.id, on: '2019-01-01' });
    expect(yes.member).toBe(true);
    const no = await core.call('memberships.explain', { relationId: p.bram!, unitId: u.west!, membershipTypeId: lid.id, on: '2021-01-01' });
    expect(no.member).toBe(false);
    const unitNode = no.tree.children.find((c) => c.label === 'UNIT' && c.detail === 'Afdeling West')!;
    expect(unitNode.holds).toBe(false);
    expect(unitNode.children.find((c) => c.label === 'RULE_GENERAL')?.holds).toBe(false);
    expect(no.tree.children.find((c) => c.label === 'BASE_RULE')?.holds).toBe(true);
  });

  it('lists jubilees and members per unit with counts per type', async () => {
    const jub = await core.call('memberships.jubilees', { years: [10, 25], from: '2026-01-01', to: '2026-12-31' });
    expect(jub.rows.map((r) => [r.relation.displayName, r.years, r.date])).toEqual([['Dirk Test', 25, '2026-01-01']]);
    const list = await core.call('memberships.list', { unitId: u.partij!, on: '2026-11-22' });
    expect(list.counts).toEqual({ lid: 3, donateur: 1 });
    expect(list.rows.map((r) => r.relation.displayName)).toEqual(['Anna Test', 'Cees Test', 'Dirk Test']);
  });

  it('agrees with the naive day-by-day definition on every day that matters', () => {
    const holds = naiveMemberships(core.ctx.sqlite);
    const stored = core.ctx.sqlite
      .prepare('SELECT relation_id AS rid, unit_id AS unit, membership_type_id AS type, start_date AS vf, end_date AS vt FROM memberships')
      .all() as { rid: string; unit: string; type: string; vf: string | null; vt: string | null }[];
    const typeIds = (core.ctx.sqlite.prepare('SELECT id FROM membership_types').all() as { id: string }[]).map((x) => x.id);
    const dates = new Set<string>(['1999-12-31', '2030-01-01']);
    for (const row of core.ctx.sqlite.prepare(
      `SELECT valid_from AS d FROM addresses UNION SELECT valid_to FROM addresses UNION SELECT start_date FROM subscriptions UNION SELECT end_date FROM subscriptions
       UNION SELECT valid_from FROM unit_rules UNION SELECT start_date FROM units UNION SELECT end_date FROM units UNION SELECT valid_from FROM unit_placements
       UNION SELECT valid_from FROM membership_exceptions UNION SELECT valid_to FROM membership_exceptions`).all() as { d: string | null }[]) {
      if (!row.d) continue;
      dates.add(row.d);
      dates.add(new Date(Date.parse(row.d) - 86_400_000).toISOString().slice(0, 10));
    }
    let checked = 0;
    for (const rid of Object.values(p)) for (const unit of Object.values(u)) for (const type of typeIds) for (const day of dates) {
      const engine = stored.some((s) => s.rid === rid && s.unit === unit && s.type === type && (s.vf === null || s.vf <= day) && (s.vt === null || s.vt > day));
      expect(engine, `${rid} ${unit} ${type} ${day}`).toBe(holds(rid, unit, type, day));
      checked++;
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
