import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, tempDir } from '../../../../test/support/test-core';
import { exportJson } from '../exchange/json-export';

let core: ReturnType<typeof createTestCore>;
let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
  core = createTestCore({ file: path.join(tmp.dir, 'admin.sqlite') });
});
afterEach(() => {
  core.close();
  tmp.cleanup();
});

const sql = () => core.ctx.sqlite;
const person = async (firstName: string, lastName: string, extra: Record<string, unknown> = {}) =>
  (await core.call('relations.create', { kind: 'person', fields: { firstName, lastName, ...extra } })) as { id: string; number: number };

/**
 * The export without its header line (exportedAt): what "byte-identical" is measured on.
 * Memberships are computed, not stored facts: recomputed after the undo they are the same
 * periods under new row ids, so only their ids are left out.
 */
function exported(name: string): string {
  const file = exportJson(core.ctx, path.join(tmp.dir, name)).file;
  let section = '';
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => !l.includes('"exportedAt"'))
    .map((l) => {
      section = /^ {2}"(\w+)": \[/.exec(l)?.[1] ?? section;
      return section === 'memberships' ? l.replace(/^(\s*\{)"id":"[^"]*",/, '$1') : l;
    })
    .join('\n');
}

describe('undoing a merge', () => {
  async function twoAnnas() {
    const keep = await person('Anna', 'Smit', { email: 'anna@smit.nl' });
    const remove = await person('Anna', 'Smit', { birthDate: '1980-03-04', email: 'a.smit@example.nl' });
    const other = await person('Piet', 'Smit');
    await core.call('subscriptionTypes.create', { code: 'blad', name: 'Clubblad' });
    await core.call('membershipTypes.create', { code: 'lid', name: 'Lid', baseCondition: { type: 'subscription', typeCodes: ['blad'] } });
    await core.call('units.create', { unit: { name: 'Vereniging', startDate: '2000-01-01' }, parentId: null, generalRule: null });
    const lt = sql().prepare(`SELECT id FROM link_types LIMIT 1`).get() as { id: string };
    core.ctx.write('test.seed', null, (op) => {
      const t = core.ctx.now();
      sql().prepare(`INSERT INTO addresses (id, relation_id, type, street, house_number, postcode, city, country, created_at, updated_at) VALUES ('addr-r', ?, 'home', 'Dorpsstraat', 3, '3511 AB', 'Utrecht', 'NL', ?, ?)`).run(remove.id, t, t);
      sql().prepare(`INSERT INTO tags (id, name, created_at) VALUES ('tag', 'Vrijwilliger', ?)`).run(t);
      sql().prepare(`INSERT INTO relation_tags (id, relation_id, tag_id, created_at) VALUES ('rt-k', ?, 'tag', ?), ('rt-r', ?, 'tag', ?)`).run(keep.id, t, remove.id, t);
      sql().prepare(`INSERT INTO groups (id, name, type, created_at, updated_at) VALUES ('grp', 'Bestuur', 'static', ?, ?)`).run(t, t);
      sql().prepare(`INSERT INTO group_members (id, group_id, relation_id, valid_from, valid_to, notes, created_at, updated_at) VALUES ('gm-k', 'grp', ?, '2010-01-01', '2015-01-01', 'penningmeester', ?, ?), ('gm-r', 'grp', ?, '2014-06-01', '2018-01-01', 'voorzitter', ?, ?)`).run(keep.id, t, t, remove.id, t, t);
      sql().prepare(`INSERT INTO relation_links (id, link_type_id, from_relation_id, to_relation_id, created_at, updated_at) VALUES ('l-r', ?, ?, ?, ?, ?), ('l-self', ?, ?, ?, ?, ?)`).run(lt.id, remove.id, other.id, t, t, lt.id, remove.id, keep.id, t, t);
      sql().prepare(`INSERT INTO custom_fields (id, code, label, data_type, created_at) VALUES ('cf', 'shirt', 'Shirtmaat', 'text', ?)`).run(t);
      sql().prepare(`INSERT INTO custom_values (id, relation_id, field_id, value) VALUES ('cv-k', ?, 'cf', 'M'), ('cv-r', ?, 'cf', 'L')`).run(keep.id, remove.id);
      const st = sql().prepare(`SELECT id FROM subscription_types WHERE code = 'blad'`).get() as { id: string };
      sql().prepare(`INSERT INTO subscriptions (id, relation_id, type_id, start_date, created_at, updated_at) VALUES ('s-r', ?, ?, '2022-01-01', ?, ?)`).run(remove.id, st.id, t, t);
      op.touch([keep.id, remove.id]);
    });
    return { keep, remove, other };
  }

  it('gives back a byte-identical export: both relations, every moved and folded row, memberships', async () => {
    const { keep, remove } = await twoAnnas();
    core.clock.advance(60_000);
    const before = exported('before.json');
    expect(before).toContain('Dorpsstraat');
    const merged = await core.call('dedupe.merge', { keepId: keep.id, removeId: remove.id, take: { birthDate: 'remove', email: 'remove', 'custom.shirt': 'remove' } });
    expect(merged.collisions.length).toBeGreaterThan(0);
    core.clock.advance(60_000);
    expect(exported('merged.json')).not.toEqual(before);

    const status = await core.call('audit.undoStatus', { operationIds: [merged.operationId as string] });
    expect(status.rows[0]).toMatchObject({ state: 'undoable' });
    core.clock.advance(60_000);
    await core.call('audit.undo', { operationId: merged.operationId as string });
    expect(exported('after.json')).toEqual(before);
    // The old number finds the removed relation itself again, not a redirect.
    expect(sql().prepare('SELECT count(*) AS n FROM relation_redirects').get()).toEqual({ n: 0 });
    const undone = await core.call('audit.undoStatus', { operationIds: [merged.operationId as string] });
    expect(undone.rows[0]).toMatchObject({ state: 'undone' });
  });

  it('lists a later change to a moved row as a conflict and changes nothing', async () => {
    const { keep, remove } = await twoAnnas();
    const merged = await core.call('dedupe.merge', { keepId: keep.id, removeId: remove.id, take: {} });
    core.clock.advance(60_000);
    // The moved address is edited afterwards: undoing the merge would throw that away.
    core.ctx.write('test.seed', null, () => {
      sql().prepare(`UPDATE addresses SET street = 'Kerkstraat' WHERE id = 'addr-r'`).run();
    });
    const beforeUndo = exported('blocked.json');
    await expect(core.call('audit.undo', { operationId: merged.operationId as string })).rejects.toMatchObject({ code: 'CONFLICT' });
    const status = await core.call('audit.undoStatus', { operationIds: [merged.operationId as string] });
    expect(status.rows[0]?.state).toBe('conflict');
    expect(status.rows[0]?.conflicts.map((c) => c.kind)).toEqual(['test.seed']);
    expect(exported('blocked-after.json')).toEqual(beforeUndo);
  });
});
