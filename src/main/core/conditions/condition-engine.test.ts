import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore } from '../../../../test/support/test-core';
import type { Condition } from '../../../shared/contract';
import { evaluateCondition } from './condition-engine';
import { contains, toDay, toPeriods } from './interval-set';

let core: ReturnType<typeof createTestCore>;
let ids: Record<string, string>;

const person = async (key: string, fields: Record<string, unknown>, address?: Record<string, unknown>) => {
  const { id } = await core.call('relations.create', { kind: 'person', fields: fields as never, ...(address ? { address: address as never } : {}) });
  ids[key] = id;
  return id;
};

beforeEach(async () => {
  core = createTestCore();
  ids = {};
  await person('jan', { firstName: 'Jan', lastName: 'Jansen', gender: 'm', birthDate: '1960-03-15' }, { street: 'A', houseNumber: 1, postcode: '3511AB', validFrom: '2000-01-01' });
  await core.call('addresses.move', { relationId: ids.jan!, date: '2020-06-01', address: { street: 'B', houseNumber: 2, postcode: '6211CK' } });
  await person('els', { firstName: 'Els', lastName: 'Bos', gender: 'v', birthDate: '2010-02-28' }, { street: 'C', houseNumber: 3, postcode: '3584CS', city: 'Utrecht' });
  await person('piet', { firstName: 'Piet', lastName: 'Smit', deathDate: '2023-05-01' });
  const org = await core.call('relations.create', { kind: 'organisation', fields: { name: 'Lid BV' } });
  ids.org = org.id;
});
afterEach(() => core.close());

const on = (cond: Condition, date: string) => [...evaluateCondition(core.ctx, cond, { on: date }).keys()].sort();
const history = (cond: Condition, key: string) => toPeriods(evaluateCondition(core.ctx, cond, 'always').get(ids[key]!) ?? []);
const names = (list: string[]) => list.map((id) => Object.entries(ids).find(([, v]) => v === id)?.[0]).sort();

describe('condition atoms on real data', () => {
  it('address: postcode ranges and municipality follow the address history', () => {
    const utrechtPc: Condition = { type: 'address', postcodeRanges: [{ from: 3500, to: 3599 }] };
    expect(names(on(utrechtPc, '2019-01-01'))).toEqual(['els', 'jan']);
    expect(names(on(utrechtPc, '2021-01-01'))).toEqual(['els']);
    expect(history(utrechtPc, 'jan')).toEqual([{ from: '2000-01-01', to: '2020-06-01' }]);
    expect(names(on({ type: 'address', municipalities: ['maastricht'] }, '2021-01-01'))).toEqual(['jan']);
    expect(names(on({ type: 'address', provinces: ['Limburg'] }, '2019-01-01'))).toEqual([]);
  });

  it('age is dated: someone turns 18 on their birthday (29 Feb → 1 Mar)', () => {
    const adult: Condition = { type: 'age', min: 18 };
    expect(history(adult, 'els')).toEqual([{ from: '2028-02-28', to: null }]);
    expect(history({ type: 'age', min: 12, max: 17 }, 'els')).toEqual([{ from: '2022-02-28', to: '2028-02-28' }]);
    expect(names(on(adult, '2026-01-01'))).toEqual(['jan']);
  });

  it('age on a date agrees with the full history (the window pre-filter drops no one)', async () => {
    for (const [i, birth] of ['2004-02-29', '2006-03-01', '1959-12-31', '1960-01-01', '2008-02-28'].entries()) {
      await person(`b${i}`, { firstName: `B${i}`, lastName: 'Jarig', birthDate: birth });
    }
    const conditions: Condition[] = [{ type: 'age', min: 18 }, { type: 'age', min: 12, max: 17 }, { type: 'age', max: 65 }, { type: 'age', min: 66 }];
    const days = ['2022-02-28', '2022-03-01', '2024-02-28', '2024-02-29', '2024-03-01', '2025-12-31', '2026-01-01', '2026-02-28', '2026-03-01'];
    for (const c of conditions) {
      const always = evaluateCondition(core.ctx, c, 'always');
      for (const day of days) {
        const expected = [...always].filter(([, set]) => contains(set, toDay(day))).map(([id]) => id).sort();
        expect(on(c, day), `${JSON.stringify(c)} on ${day}`).toEqual(expected);
      }
    }
  });

  it('kind, gender, birth date and alive', () => {
    expect(names(on({ type: 'kind', kind: 'organisation' }, '2026-01-01'))).toEqual(['org']);
    expect(names(on({ type: 'gender', values: ['v'] }, '2026-01-01'))).toEqual(['els']);
    expect(names(on({ type: 'gender', values: ['unknown'] }, '2026-01-01'))).toEqual(['piet']);
    expect(names(on({ type: 'birthDate', from: '1950-01-01', to: '1969-12-31' }, '2026-01-01'))).toEqual(['jan']);
    const alive: Condition = { type: 'and', items: [{ type: 'alive' }, { type: 'kind', kind: 'person' }] };
    expect(names(on(alive, '2023-04-30'))).toEqual(['els', 'jan', 'piet']);
    expect(names(on(alive, '2023-05-01'))).toEqual(['els', 'jan']);
  });

  it('relation types with periods, NOT and OR', async () => {
    const types = await core.call('relationTypes.list', {});
    const lid = types.rows.find((t) => t.code === 'lid')!;
    await core.call('relations.addType', { relationId: ids.jan!, typeId: lid.id, validFrom: '2005-01-01', validTo: '2010-01-01' });
    await core.call('relations.addType', { relationId: ids.jan!, typeId: lid.id, validFrom: '2010-01-01' });
    await core.call('relations.addType', { relationId: ids.els!, typeId: lid.id, validFrom: '2024-01-01', validTo: '2025-01-01' });
    const member: Condition = { type: 'relationType', codes: ['lid'] };
    // Touching periods form one run.
    expect(history(member, 'jan')).toEqual([{ from: '2005-01-01', to: null }]);
    expect(names(on({ type: 'not', item: member }, '2024-06-01'))).toEqual(['org', 'piet']);
    expect(names(on({ type: 'or', items: [member, { type: 'kind', kind: 'organisation' }] }, '2025-06-01'))).toEqual(['jan', 'org']);
  });

  it('duration: new in the last N days, or at least N years', async () => {
    const types = await core.call('relationTypes.list', {});
    const lid = types.rows.find((t) => t.code === 'lid')!;
    await core.call('relations.addType', { relationId: ids.jan!, typeId: lid.id, validFrom: '2000-01-01' });
    await core.call('relations.addType', { relationId: ids.els!, typeId: lid.id, validFrom: '2026-09-01' });
    const member: Condition = { type: 'relationType', codes: ['lid'] };
    expect(names(on({ type: 'duration', item: member, maxDays: 183 }, '2026-11-22'))).toEqual(['els']);
    expect(names(on({ type: 'duration', item: member, minDays: 25 * 365 }, '2026-11-22'))).toEqual(['jan']);
    expect(history({ type: 'duration', item: member, maxDays: 10 }, 'els')).toEqual([{ from: '2026-09-01', to: '2026-09-12' }]);
  });

  it('link to an organisation that itself satisfies a condition ("directors of member companies")', async () => {
    const types = await core.call('relationTypes.list', {});
    const lid = types.rows.find((t) => t.code === 'lid')!;
    await core.call('relations.addType', { relationId: ids.org!, typeId: lid.id, validFrom: '2015-01-01', validTo: '2022-01-01' });
    const linkTypes = await core.call('linkTypes.list', {});
    const director = linkTypes.rows.find((t) => t.code === 'director')!;
    await core.call('links.add', { linkTypeId: director.id, fromRelationId: ids.jan!, toRelationId: ids.org!, link: { validFrom: '2018-01-01' } });
    const cond: Condition = { type: 'link', linkTypeCodes: ['director'], direction: 'from', target: { type: 'relationType', codes: ['lid'] } };
    expect(history(cond, 'jan')).toEqual([{ from: '2018-01-01', to: '2022-01-01' }]);
    expect(names(on({ type: 'link', linkTypeCodes: ['director'], direction: 'to' }, '2026-01-01'))).toEqual(['org']);
  });

  it('a link never counts a relation at the other end that is in the trash', async () => {
    const types = await core.call('relationTypes.list', {});
    const lid = types.rows.find((t) => t.code === 'lid')!;
    await core.call('relations.addType', { relationId: ids.org!, typeId: lid.id, validFrom: '2015-01-01' });
    const linkTypes = await core.call('linkTypes.list', {});
    const director = linkTypes.rows.find((t) => t.code === 'director')!;
    await core.call('links.add', { linkTypeId: director.id, fromRelationId: ids.jan!, toRelationId: ids.org!, link: { validFrom: '2018-01-01' } });
    const ofMember: Condition = { type: 'link', linkTypeCodes: ['director'], direction: 'from', target: { type: 'relationType', codes: ['lid'] } };
    // A target that holds by default (NOT) must not let a trashed relation in either.
    const ofNonPerson: Condition = { type: 'link', linkTypeCodes: ['director'], direction: 'from', target: { type: 'not', item: { type: 'kind', kind: 'person' } } };
    const anyDirector: Condition = { type: 'link', linkTypeCodes: ['director'], direction: 'from' };
    for (const c of [ofMember, ofNonPerson, anyDirector]) expect(names(on(c, '2026-01-01'))).toEqual(['jan']);
    await core.call('relations.delete', { id: ids.org! });
    for (const c of [ofMember, ofNonPerson, anyDirector]) expect(names(on(c, '2026-01-01')), JSON.stringify(c)).toEqual([]);
    // The same through a smart group, as the secretary sees it.
    const group = await core.call('groups.create', { name: 'Directeuren van leden', type: 'other', condition: ofMember });
    expect((await core.call('groups.members', { groupId: group.id, on: '2026-01-01' })).total).toBe(0);
    await core.call('relations.restore', { id: ids.org! });
    expect((await core.call('groups.members', { groupId: group.id, on: '2026-01-01' })).total).toBe(1);
    // And in stored memberships: trashing the company recomputes its director (a linked relation).
    await core.call('membershipTypes.create', { code: 'directeur', name: 'Directeur van een lid', baseCondition: ofMember });
    const unit = await core.call('units.create', { unit: { name: 'Vereniging', startDate: '2000-01-01' }, parentId: null });
    const members = async () => (await core.call('memberships.list', { unitId: unit.id!, on: '2026-01-01' })).rows.map((r) => r.relation.displayName);
    expect(await members()).toEqual(['Jan Jansen']);
    await core.call('relations.delete', { id: ids.org! });
    const stored = core.ctx.sqlite.prepare('SELECT count(*) FROM memberships WHERE relation_id = ?').pluck().get(ids.jan!);
    expect(stored).toBe(0);
  });

  it('tags count with their subtree', async () => {
    const europe = await core.call('tags.create', { name: 'Oost-Europa' });
    const hungary = await core.call('tags.create', { name: 'Hongarije', parentId: europe.id });
    await core.call('relations.setTags', { relationId: ids.els!, tagIds: [hungary.id] });
    expect(names(on({ type: 'tag', tagIds: [europe.id], includeDescendants: true }, '2026-01-01'))).toEqual(['els']);
    expect(names(on({ type: 'tag', tagIds: [europe.id], includeDescendants: false }, '2026-01-01'))).toEqual([]);
  });

  it('custom field comparisons by type', async () => {
    await core.call('customFields.create', { code: 'schoenmaat', label: 'Schoenmaat', dataType: 'number' });
    await core.call('relations.setCustomValues', { relationId: ids.jan!, values: { schoenmaat: 44 } });
    await core.call('relations.setCustomValues', { relationId: ids.els!, values: { schoenmaat: '9' } });
    expect(names(on({ type: 'customField', code: 'schoenmaat', op: 'gt', value: '10' }, '2026-01-01'))).toEqual(['jan']);
    expect(names(on({ type: 'customField', code: 'schoenmaat', op: 'empty' }, '2026-01-01'))).toEqual(['org', 'piet']);
  });

  it('excludes relations in the trash', async () => {
    await core.call('relations.delete', { id: ids.els! });
    expect(names(on({ type: 'gender', values: ['v'] }, '2026-01-01'))).toEqual([]);
  });
});
