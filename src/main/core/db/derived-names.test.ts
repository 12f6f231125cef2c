import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../create-core';
import { tempDir } from '../../../../test/support/test-core';

let core: Core | null = null;
let dir: ReturnType<typeof tempDir> | null = null;
afterEach(() => {
  core?.close();
  dir?.cleanup();
});

describe('derived names on open', () => {
  it("gives existing rows the current sort key ('t Hart under H) without a History entry", async () => {
    dir = tempDir();
    const file = path.join(dir.dir, 'a.sqlite');
    core = createCore({ file, actor: 'test' });
    for (const name of ["'t Hart Bakkerij", 'Haan BV', 'Hoek BV', 'Aalders BV']) await core.call('relations.create', { kind: 'organisation', fields: { name } });
    // As an older version stored it: the apostrophe sorted first, and its version not yet recorded.
    core.ctx.sqlite.exec(`DROP TRIGGER audit_relations_update`);
    core.ctx.sqlite.exec(`UPDATE relations SET sort_key = '''t hart bakkerij' WHERE display_name LIKE '''t%'`);
    core.ctx.sqlite.exec(`DELETE FROM settings WHERE key = 'derived_names_version'`);
    core.close();

    core = createCore({ file, actor: 'test' });
    const names = (await core.call('relations.list', { sort: 'name' })).rows.map((r) => r.displayName);
    expect(names).toEqual(['Aalders BV', 'Haan BV', "'t Hart Bakkerij", 'Hoek BV']);
    const audited = core.ctx.sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'update'`).get() as { n: number };
    expect(audited.n).toBe(0);
    // The triggers set aside for the rewrite are back: an edit is audited and searchable again.
    const hart = (await core.call('relations.search', { query: 'hart' })).rows[0]!;
    await core.call('relations.update', { id: hart.id, fields: { name: "'t Hart Brood" } });
    expect((core.ctx.sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'update'`).get() as { n: number }).n).toBeGreaterThan(0);
    expect((await core.call('relations.search', { query: 'brood' })).rows.map((r) => r.displayName)).toEqual(["'t Hart Brood"]);
  });
});
