import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore } from '../../../../test/support/test-core';
import type { ListSource } from '../../../shared/contract';

let core: ReturnType<typeof createTestCore>;
const ids: string[] = [];
const source = (): ListSource => ({ kind: 'condition', condition: { type: 'kind', kind: 'person' }, moment: { on: '2026-06-15' } });

beforeAll(async () => {
  core = createTestCore();
  for (const [first, email] of [['Anna', 'anna@example.nl'], ['Bert', null], ['Cor', 'ANNA@example.nl'], ['Dina', 'dina@example.nl']] as const) {
    ids.push((await core.call('relations.create', { kind: 'person', fields: { firstName: first, lastName: 'Test', email } })).id);
  }
  await core.call('relations.create', { kind: 'organisation', fields: { name: 'Club BV' } });
});
afterAll(() => core.close());

describe('list actions', () => {
  it('adds the whole list to a group with a role and dates as one operation, and not twice', async () => {
    const group = await core.call('groups.create', { name: 'Feestcommissie', type: 'committee' });
    const role = (await core.call('groupRoles.list', {})).rows[0]!;
    const before = (await core.call('audit.operations', { offset: 0, limit: 1 })).total;
    const r = await core.call('lists.addToGroup', { source: source(), groupId: group.id, roleId: role.id, validFrom: '2026-07-01', validTo: null });
    expect(r).toEqual({ changed: 4, unchanged: 0 });
    const ops = await core.call('audit.operations', { offset: 0, limit: 1 });
    expect(ops.total).toBe(before + 1);
    expect(ops.rows[0]!.kind).toBe('lists.addToGroup');
    const members = await core.call('conditions.evaluate', { condition: { type: 'groupMember', groupId: group.id, roleCodes: [role.code] }, moment: { on: '2026-07-01' }, offset: 0, limit: 10 });
    expect(members.total).toBe(4);
    expect(await core.call('lists.addToGroup', { source: source(), groupId: group.id, roleId: role.id, validFrom: '2026-08-01', validTo: null })).toEqual({ changed: 0, unchanged: 4 });
  });

  it('refuses an end before the start and leaves the group as it was', async () => {
    const group = await core.call('groups.create', { name: 'Kascommissie', type: 'committee' });
    await expect(core.call('lists.addToGroup', { source: source(), groupId: group.id, validFrom: '2026-07-01', validTo: '2026-06-01' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect((await core.call('groups.entries', { groupId: group.id })).rows).toHaveLength(0);
  });

  it('collects e-mail addresses once each, and names who has none', async () => {
    const r = await core.call('lists.emails', { source: source() });
    expect(r.relations).toBe(4);
    expect(r.emails).toEqual(['anna@example.nl', 'dina@example.nl']);
    expect(r.without.map((w) => w.displayName)).toEqual(['Bert Test']);
  });

  it('adds and removes a tag, and moves a hand-picked list to the trash', async () => {
    const tag = await core.call('tags.create', { name: 'Vrijwilliger' });
    expect(await core.call('lists.tag', { source: source(), tagId: tag.id, mode: 'add' })).toEqual({ changed: 4, unchanged: 0 });
    const tagged = { type: 'tag' as const, tagIds: [tag.id], includeDescendants: true };
    expect((await core.call('conditions.evaluate', { condition: tagged, moment: { on: '2026-06-15' }, offset: 0, limit: 10 })).total).toBe(4);
    expect(await core.call('lists.tag', { source: { kind: 'relations', ids: [ids[0]!] }, tagId: tag.id, mode: 'remove' })).toEqual({ changed: 1, unchanged: 0 });
    expect((await core.call('conditions.evaluate', { condition: tagged, moment: { on: '2026-06-15' }, offset: 0, limit: 10 })).total).toBe(3);
    expect(await core.call('lists.trash', { source: { kind: 'relations', ids: [ids[1]!, ids[2]!] } })).toEqual({ changed: 2, unchanged: 0 });
    expect((await core.call('lists.emails', { source: source() })).relations).toBe(2);
  });
});
