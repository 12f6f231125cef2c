import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore } from '../../../../test/support/test-core';
import { DomainError } from '../../../shared/errors';

let core: ReturnType<typeof createTestCore>;
const people: Record<string, string> = {};
let roles: Record<string, string>;

beforeEach(async () => {
  core = createTestCore(); // today = 2026-11-22
  for (const [key, first, last] of [['anna', 'Anna', 'Aalders'], ['bert', 'Bert', 'Bakker'], ['cor', 'Cor', 'Claassen'], ['dina', 'Dina', 'Dekker']] as const) {
    people[key] = (await core.call('relations.create', { kind: 'person', fields: { firstName: first, lastName: last } })).id;
  }
  roles = Object.fromEntries((await core.call('groupRoles.list', {})).rows.map((r) => [r.code, r.id]));
});
afterEach(() => core.close());

const memberNames = async (groupId: string, opts: { on?: string; scope?: 'current' | 'past' | 'future' | 'all' }) =>
  (await core.call('groups.members', { groupId, ...opts })).rows.map((r) => `${r.relation.displayName}${r.roles.length ? ` (${r.roles.map((x) => x.code).join(',')})` : ''}`);

describe('groups', () => {
  it('answers who was on the board on a date, who will be next month, and who were members before', async () => {
    const board = await core.call('groups.create', { name: 'Bestuur', type: 'board' });
    await core.call('groups.addMember', { groupId: board.id, relationId: people.anna!, member: { roleId: roles.voorzitter!, validFrom: '2020-01-01', validTo: '2026-12-01' } });
    await core.call('groups.addMember', { groupId: board.id, relationId: people.bert!, member: { roleId: roles.secretaris!, validFrom: '2022-05-01' } });
    await core.call('groups.addMember', { groupId: board.id, relationId: people.cor!, member: { roleId: roles.penningmeester!, validFrom: '2018-01-01', validTo: '2024-01-01' } });
    // A change scheduled today for next month: Dina becomes chair on 1 December.
    await core.call('groups.addMember', { groupId: board.id, relationId: people.dina!, member: { roleId: roles.voorzitter!, validFrom: '2026-12-01' } });

    expect(await memberNames(board.id, { on: '2024-03-01' })).toEqual(['Anna Aalders (voorzitter)', 'Bert Bakker (secretaris)']);
    expect(await memberNames(board.id, { on: '2023-06-01' })).toEqual(['Anna Aalders (voorzitter)', 'Bert Bakker (secretaris)', 'Cor Claassen (penningmeester)']);
    expect(await memberNames(board.id, { on: '2026-12-15' })).toEqual(['Bert Bakker (secretaris)', 'Dina Dekker (voorzitter)']);
    expect(await memberNames(board.id, { scope: 'current' })).toEqual(['Anna Aalders (voorzitter)', 'Bert Bakker (secretaris)']);
    expect(await memberNames(board.id, { scope: 'future' })).toEqual(['Dina Dekker (voorzitter)']);
    expect((await core.call('groups.members', { groupId: board.id, scope: 'past' })).rows.map((r) => r.relation.displayName)).toEqual(['Cor Claassen']);
    expect((await core.call('groups.get', { id: board.id })).memberCount).toBe(2);
  });

  it('a smart group follows its condition, with manual additions and exclusions on top', async () => {
    const tag = await core.call('tags.create', { name: 'ICT' });
    await core.call('relations.setTags', { relationId: people.anna!, tagIds: [tag.id] });
    await core.call('relations.setTags', { relationId: people.bert!, tagIds: [tag.id] });
    const ict = await core.call('groups.create', { name: 'Werkgroep ICT', type: 'working_group', condition: { type: 'tag', tagIds: [tag.id], includeDescendants: true } });
    expect(ict.memberCount).toBe(2);
    await core.call('groups.addMember', { groupId: ict.id, relationId: people.cor!, member: { validFrom: '2026-01-01' } });
    await core.call('groups.exclude', { groupId: ict.id, relationId: people.bert!, validFrom: '2026-06-01' });
    const rows = (await core.call('groups.members', { groupId: ict.id })).rows;
    expect(rows.map((r) => [r.relation.displayName, r.sources])).toEqual([
      ['Anna Aalders', ['rule']],
      ['Cor Claassen', ['manual']],
    ]);
    expect(await memberNames(ict.id, { on: '2026-05-01' })).toEqual(['Anna Aalders', 'Bert Bakker', 'Cor Claassen (lid)']);
  });

  it('groups of groups: "board members and the ICT working group", with role filter', async () => {
    const board = await core.call('groups.create', { name: 'Bestuur', type: 'board' });
    const ict = await core.call('groups.create', { name: 'ICT', type: 'working_group' });
    await core.call('groups.addMember', { groupId: board.id, relationId: people.anna!, member: { roleId: roles.voorzitter!, validFrom: '2020-01-01' } });
    await core.call('groups.addMember', { groupId: board.id, relationId: people.bert!, member: { roleId: roles.secretaris!, validFrom: '2020-01-01' } });
    await core.call('groups.addMember', { groupId: ict.id, relationId: people.dina!, member: {} });
    const both = await core.call('conditions.evaluate', {
      condition: { type: 'or', items: [{ type: 'groupMember', groupId: board.id }, { type: 'groupMember', groupId: ict.id }] },
      moment: { on: '2026-11-22' },
    });
    expect(both.rows.map((r) => r.displayName)).toEqual(['Anna Aalders', 'Bert Bakker', 'Dina Dekker']);
    const secretaries = await core.call('conditions.evaluate', {
      condition: { type: 'groupMember', groupId: board.id, roleCodes: ['secretaris'] },
      moment: { on: '2026-11-22' },
    });
    expect(secretaries.rows.map((r) => r.displayName)).toEqual(['Bert Bakker']);
  });

  it('shows a relation its groups past, present and future', async () => {
    const board = await core.call('groups.create', { name: 'Bestuur', type: 'board' });
    const kas = await core.call('groups.create', { name: 'Kascommissie', type: 'committee' });
    const feest = await core.call('groups.create', { name: 'Feestcommissie', type: 'committee' });
    await core.call('groups.addMember', { groupId: board.id, relationId: people.anna!, member: { roleId: roles.voorzitter!, validFrom: '2020-01-01' } });
    await core.call('groups.addMember', { groupId: kas.id, relationId: people.anna!, member: { validFrom: '2015-01-01', validTo: '2017-01-01' } });
    await core.call('groups.addMember', { groupId: feest.id, relationId: people.anna!, member: { validFrom: '2027-01-01' } });
    const rows = (await core.call('groups.ofRelation', { relationId: people.anna! })).rows;
    expect(rows.map((r) => [r.groupName, r.status, r.roles, r.periods])).toEqual(
      expect.arrayContaining([
        ['Bestuur', 'current', ['Voorzitter'], [{ from: '2020-01-01', to: null }]],
        ['Kascommissie', 'past', ['Lid'], [{ from: '2015-01-01', to: '2017-01-01' }]],
        ['Feestcommissie', 'future', ['Lid'], [{ from: '2027-01-01', to: null }]],
      ]),
    );
  });

  it('refuses to delete a group another group or selection uses, and reference cycles', async () => {
    const a = await core.call('groups.create', { name: 'A', type: 'other' });
    const b = await core.call('groups.create', { name: 'B', type: 'mailing_list', condition: { type: 'groupMember', groupId: a.id } });
    const err = await core.call('groups.delete', { id: a.id }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).details).toMatchObject({ reason: 'IN_USE', usedBy: [{ kind: 'group', id: b.id, name: 'B' }] });
    await expect(core.call('groups.update', { id: a.id, group: { name: 'A', type: 'other', condition: { type: 'groupMember', groupId: b.id } } })).rejects.toThrow(/CONDITION_CYCLE/);
    await core.call('groups.delete', { id: b.id });
    await expect(core.call('groups.delete', { id: a.id })).resolves.toEqual({ id: a.id });
  });

  it('keeps the group tree a tree', async () => {
    const parent = await core.call('groups.create', { name: 'Commissies', type: 'other' });
    const child = await core.call('groups.create', { name: 'Kascommissie', type: 'committee', parentId: parent.id });
    await expect(core.call('groups.update', { id: parent.id, group: { name: 'Commissies', type: 'other', parentId: child.id } })).rejects.toThrow(/GROUP_TREE_CYCLE/);
    await expect(core.call('groups.delete', { id: parent.id })).rejects.toThrow(/CONFLICT/);
  });
});

describe('selections', () => {
  it('are saved by name, reused by other selections, evaluated on any date, and protected from deletion while used', async () => {
    const lid = (await core.call('relationTypes.list', {})).rows.find((t) => t.code === 'lid')!;
    await core.call('relations.addType', { relationId: people.anna!, typeId: lid.id, validFrom: '2026-08-01' });
    await core.call('relations.addType', { relationId: people.bert!, typeId: lid.id, validFrom: '2010-01-01' });
    const newMembers = await core.call('selections.create', {
      name: 'Nieuwe leden laatste halfjaar',
      condition: { type: 'duration', item: { type: 'relationType', codes: ['lid'] }, maxDays: 183 },
    });
    const now = await core.call('selections.evaluate', { id: newMembers.id, moment: { on: '2026-11-22' } });
    // New for 183 days: the last such day is 2027-01-31, so the (exclusive) end is 2027-02-01.
    expect(now.rows.map((r) => [r.displayName, r.periods])).toEqual([['Anna Aalders', [{ from: '2026-08-01', to: '2027-02-01' }]]]);
    expect((await core.call('selections.evaluate', { id: newMembers.id, moment: { on: '2010-03-01' } })).rows.map((r) => r.displayName)).toEqual(['Bert Bakker']);

    const list = await core.call('groups.create', { name: 'Welkomstbrief', type: 'mailing_list', condition: { type: 'selection', selectionId: newMembers.id } });
    await core.call('groups.addMember', { groupId: list.id, relationId: people.dina!, member: {} });
    await core.call('groups.exclude', { groupId: list.id, relationId: people.anna! });
    expect(await memberNames(list.id, {})).toEqual(['Dina Dekker (lid)']);

    await expect(core.call('selections.delete', { id: newMembers.id })).rejects.toThrow(/CONFLICT/);
    await expect(core.call('selections.create', { name: 'Nieuwe leden laatste halfjaar', condition: { type: 'alive' } })).rejects.toThrow(/NAME_TAKEN/);
    await expect(
      core.call('selections.update', { id: newMembers.id, selection: { name: 'x', condition: { type: 'groupMember', groupId: list.id } } }),
    ).rejects.toThrow(/CONDITION_CYCLE/);
  });

  it('rejects malformed conditions with a field path', async () => {
    const err = (await core
      .call('conditions.evaluate', { condition: { type: 'age' } as never, moment: { on: '2026-01-01' } })
      .catch((e: unknown) => e)) as DomainError;
    expect(err.issues?.[0]).toMatchObject({ field: 'condition', code: 'AGE_NEEDS_BOUND' });
  });
});
