import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore } from '../../../../test/support/test-core';
import type { Condition } from '../../../shared/contract';

/**
 * The one jubilee rule (jubilees.ts) through its three doors: the jubilees tab of a unit
 * (memberships.jubilees), the jubilees report and the overview's figures. A small
 * administration built by hand, answers counted by hand for 2026.
 */
let core: ReturnType<typeof createTestCore>;
const p: Record<string, string> = {};
const u: Record<string, string> = {};

async function person(key: string, o: { postcode: string; lid?: { from: string; to?: string }[]; donatie?: string; death?: string }) {
  const { id } = await core.call('relations.create', {
    kind: 'person',
    fields: { firstName: key[0]!.toUpperCase() + key.slice(1), lastName: 'Jubel', deathDate: o.death ?? null },
    address: { street: 'Straat', houseNumber: 1, postcode: o.postcode, validFrom: '1970-01-01' },
  });
  p[key] = id;
  const types = (await core.call('subscriptionTypes.list', {})).rows;
  const typeId = (code: string) => types.find((t) => t.code === code)!.id;
  for (const run of o.lid ?? []) await core.call('subscriptions.add', { relationId: id, subscription: { typeId: typeId('lidmaatschap'), startDate: run.from, endDate: run.to ?? null } });
  if (o.donatie) await core.call('subscriptions.add', { relationId: id, subscription: { typeId: typeId('donatie'), startDate: o.donatie, endDate: null } });
}

const name = (relationId: unknown) => Object.keys(p).find((k) => p[k] === relationId);

beforeAll(async () => {
  core = createTestCore();
  core.clock.set('2026-12-15'); // after Hans's death: no date of death lies in the future
  await core.call('subscriptionTypes.create', { code: 'lidmaatschap', name: 'Lidmaatschap' });
  await core.call('subscriptionTypes.create', { code: 'donatie', name: 'Donatie' });
  await core.call('membershipTypes.create', { code: 'lid', name: 'Lid', baseCondition: { type: 'subscription', typeCodes: ['lidmaatschap'] } });
  await core.call('membershipTypes.create', { code: 'donateur', name: 'Donateur', baseCondition: { type: 'subscription', typeCodes: ['donatie'] } });
  const pc = (from: number, to: number): Condition => ({ type: 'address', postcodeRanges: [{ from, to }] });
  u.root = (await core.call('units.create', { unit: { name: 'Vereniging', startDate: '1970-01-01' }, parentId: null, generalRule: null })).id!;
  u.noord = (await core.call('units.create', { unit: { name: 'Noord', startDate: '1970-01-01' }, parentId: u.root, generalRule: pc(9000, 9999) })).id!;
  u.zuid = (await core.call('units.create', { unit: { name: 'Zuid', startDate: '1970-01-01' }, parentId: u.root, generalRule: pc(1000, 8999) })).id!;

  await person('anna', { postcode: '9711 LM', lid: [{ from: '2001-06-25' }] }); // 25 years on 25 June
  // Moved from Noord to Zuid in 2021: still 25 years of the association on 1 March, now in Zuid.
  await person('bert', { postcode: '9711 AB', lid: [{ from: '2001-03-01' }] });
  await core.call('addresses.move', { relationId: p.bert!, date: '2021-01-01', address: { street: 'Markt', houseNumber: 2, postcode: '3511 AB' } });
  // A year without membership: the years start again in 2021 (5 on 1 January), no 25 on 20 June.
  await person('cor', { postcode: '9711 CD', lid: [{ from: '2001-06-20', to: '2020-01-01' }, { from: '2021-01-01' }] });
  // Lid, then Donateur from the same day: one unbroken run since 2001; 25 years on 1 June.
  await person('eva', { postcode: '3581 AA', lid: [{ from: '2001-06-01', to: '2010-01-01' }], donatie: '2010-01-01' });
  // 50 years on 10 June, but died on 1 May: no jubilee.
  await person('gerda', { postcode: '9711 EF', lid: [{ from: '1976-06-10' }], death: '2026-05-01' });
  // 10 years on 15 September, died on 1 November: the jubilee was reached alive.
  await person('hans', { postcode: '9711 GH', lid: [{ from: '2016-09-15' }], death: '2026-11-01' });
});
afterAll(() => core.close());

const YEARS = [5, 10, 25, 50];

describe('one jubilee rule', () => {
  it('lists the jubilees of the association: across units and types, broken by a gap, not for the deceased', async () => {
    const all = await core.call('memberships.jubilees', { years: YEARS, from: '2026-01-01', to: '2026-12-31' });
    expect(all.rows.map((r) => `${r.date} ${r.years} ${name(r.relation.id)} since ${r.since} ${r.typeName} in ${r.unitName}`)).toEqual([
      '2026-01-01 5 cor since 2021-01-01 Lid in Vereniging',
      '2026-03-01 25 bert since 2001-03-01 Lid in Vereniging',
      '2026-06-01 25 eva since 2001-06-01 Donateur in Vereniging',
      '2026-06-25 25 anna since 2001-06-25 Lid in Vereniging',
      '2026-09-15 10 hans since 2016-09-15 Lid in Vereniging',
    ]);
    const report = await core.call('reports.jubilees', { from: '2026-01-01', to: '2027-01-01', years: YEARS });
    expect(report.rows.map((r) => `${String(r['date'])} ${String(r['years'])} ${name(r['relationId'])}`)).toEqual(all.rows.map((r) => `${r.date} ${r.years} ${name(r.relation.id)}`));
  });

  it('counts only the days of one type when a type is asked', async () => {
    const lid = await core.call('memberships.jubilees', { years: YEARS, from: '2026-01-01', to: '2026-12-31', typeCode: 'lid' });
    expect(lid.rows.map((r) => name(r.relation.id))).toEqual(['cor', 'bert', 'anna', 'hans']); // Eva's Lid run ended in 2010
    const report = await core.call('reports.jubilees', { from: '2026-01-01', to: '2027-01-01', years: YEARS, typeCode: 'lid' });
    expect(report.rows.map((r) => name(r['relationId']))).toEqual(['cor', 'bert', 'anna', 'hans']);
  });

  it('lists in a unit its members on the jubilee day, with the years of the whole association', async () => {
    const zuid = await core.call('memberships.jubilees', { years: YEARS, from: '2026-01-01', to: '2026-12-31', unitId: u.zuid! });
    expect(zuid.rows.map((r) => `${r.years} ${name(r.relation.id)} ${r.unitName}`)).toEqual(['25 bert Zuid', '25 eva Zuid']);
    const noord = await core.call('memberships.jubilees', { years: YEARS, from: '2026-01-01', to: '2026-12-31', unitId: u.noord! });
    expect(noord.rows.map((r) => name(r.relation.id))).toEqual(['cor', 'anna', 'hans']);
    const root = await core.call('memberships.jubilees', { years: YEARS, from: '2026-01-01', to: '2026-12-31', unitId: u.root! });
    expect(root.rows.map((r) => name(r.relation.id))).toEqual(['cor', 'bert', 'eva', 'anna', 'hans']);
  });

  it('gives the overview the same jubilarians as the lists, and its figure opens that list', async () => {
    for (const on of ['2026-02-20', '2026-06-01', '2026-06-05', '2026-09-01']) {
      const o = await core.call('overview.get', { on, jubileeDays: 31 });
      const to = new Date(Date.parse(on) + 31 * 86_400_000).toISOString().slice(0, 10);
      const listed = await core.call('reports.jubilees', { from: on, to, years: [10, 25, 40, 50, 60] });
      for (const years of [10, 25, 40, 50, 60]) {
        const figure = o.figures.find((f) => f.key === `jubilee:${years}`)!;
        const expected = listed.rows.filter((r) => r['years'] === years).map((r) => name(r['relationId'])).sort();
        const page = await core.call('conditions.evaluate', { condition: figure.condition, moment: figure.moment, offset: 0, limit: 100 });
        expect(page.rows.map((r) => name(r.id)).sort(), `${on} ${years}`).toEqual(expected);
        expect(figure.count, `${on} ${years}`).toBe(expected.length);
      }
    }
    // By hand: on 1 June Eva (that day) and Anna (25 June) reach 25 within 31 days; Gerda's 50 on 10 June does not count.
    const june = await core.call('overview.get', { on: '2026-06-01', jubileeDays: 31 });
    expect(june.figures.filter((f) => f.key.startsWith('jubilee:')).map((f) => `${f.key}=${f.count}`)).toEqual(['jubilee:10=0', 'jubilee:25=2', 'jubilee:40=0', 'jubilee:50=0', 'jubilee:60=0']);
  });
});
