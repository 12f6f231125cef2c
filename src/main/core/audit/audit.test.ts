import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore } from '../../../../test/support/test-core';

let core: ReturnType<typeof createTestCore>;
afterEach(() => core.close());

describe('History by operation', () => {
  it('counts every change of a large operation and pages through all of them', async () => {
    core = createTestCore();
    core.ctx.write('test.bulk', null, () => {
      const insert = core.ctx.sqlite.prepare(`INSERT INTO tags (id, name, position, created_at) VALUES (?, ?, 0, 0)`);
      for (let i = 0; i < 260; i++) insert.run(`tag-${i}`, `Kenmerk ${i}`);
    });
    const { rows, total } = await core.call('audit.operations', {});
    const bulk = rows.find((o) => o.kind === 'test.bulk');
    expect(bulk?.changes).toBe(260);
    expect(bulk?.entries).toHaveLength(12);
    expect(total).toBe(rows.length);
    const seen = new Set(bulk?.entries.map((e) => e.id));
    for (let offset = 12; offset < 260; offset += 100) {
      const page = await core.call('audit.changes', { operationId: bulk!.id, offset, limit: 100 });
      expect(page.total).toBe(260);
      for (const e of page.rows) seen.add(e.id);
    }
    expect(seen.size).toBe(260);
  });

  it('names the person, group and role of a group membership, and filters by date, kind, record and who', async () => {
    core = createTestCore(); // 2026-11-22
    const jan = await core.call('relations.create', { kind: 'person', fields: { firstName: 'Jan', infix: 'de', lastName: 'Vries' } });
    core.clock.set('2026-11-25');
    const board = await core.call('groups.create', { name: 'Bestuur', type: 'board' });
    const chair = (await core.call('groupRoles.list', {})).rows.find((r) => r.code === 'voorzitter')!;
    await core.call('groups.addMember', { groupId: board.id, relationId: jan.id, member: { roleId: chair.id, validFrom: '2026-03-01' } });

    const added = (await core.call('audit.operations', { kind: 'groups.addMember' })).rows;
    expect(added).toHaveLength(1);
    const entry = added[0]!.entries.find((e) => e.tableName === 'group_members')!;
    expect(entry.names).toMatchObject({ [jan.id]: 'Jan de Vries', [board.id]: 'Bestuur', [chair.id]: chair.name });

    const kinds = async (f: Record<string, string>) => (await core.call('audit.operations', f)).rows.map((o) => o.kind);
    expect(await kinds({ to: '2026-11-22' })).toContain('relations.create');
    expect(await kinds({ to: '2026-11-22' })).not.toContain('groups.create');
    expect(await kinds({ from: '2026-11-25', to: '2026-11-25' })).toEqual(['groups.addMember', 'groups.create']);
    expect(await kinds({ table: 'group_members' })).toEqual(['groups.addMember']);
    expect(await kinds({ actor: 'niemand' })).toEqual([]);
    expect(await kinds({ relationId: jan.id, from: '2026-11-23' })).toEqual(['groups.addMember']);
    const facets = await core.call('audit.facets', {});
    expect(facets.kinds).toEqual(expect.arrayContaining(['groups.addMember', 'relations.create']));
    expect(facets.actors).toEqual(['test']);
    expect(facets.tables).toContain('memberships');
  });
});
