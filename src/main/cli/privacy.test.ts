import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../core/create-core';
import { tempDir } from '../../../test/support/test-core';
import { ZipReader } from '../core/io/read/zip-reader';
import { runCli } from './run-cli';

/** privacy export / retention / anonymise / reapply on a real administration file, as a script would use them. */
const dir = tempDir();
const db = path.join(dir.dir, 'vereniging.sqlite');
afterAll(() => dir.cleanup());

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

beforeAll(async () => {
  const core = createCore({ file: db, actor: 'test' });
  const lid = (await core.call('relationTypes.list', {})).rows.find((t) => t.code === 'lid')!;
  const a = await core.call('relations.create', { kind: 'person', number: 10, fields: { firstName: 'Jan', lastName: 'Vertrokken', email: 'jan.vertrokken@example.nl' } });
  await core.call('relations.addType', { relationId: a.id, typeId: lid.id, validFrom: '2000-01-01', validTo: '2015-01-01' });
  const b = await core.call('relations.create', { kind: 'person', number: 11, fields: { firstName: 'Els', lastName: 'Blijft' } });
  await core.call('relations.addType', { relationId: b.id, typeId: lid.id, validFrom: '2000-01-01' });
  core.close();
});

describe('privacy commands', () => {
  it('exports everything about a person as a zip', async () => {
    const out = path.join(dir.dir, 'jan.zip');
    const r = await run('privacy', 'export', '--db', db, '--relation', '10', '--out', out, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ name: 'Jan Vertrokken' });
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    const zip = new ZipReader(fs.readFileSync(out), { maxPartBytes: 1e7, maxTotalBytes: 1e8 });
    expect(JSON.parse(zip.read('persoonsgegevens.json').toString('utf8')).records.relations[0].email).toBe('jan.vertrokken@example.nl');
    // In Dutch, with History's words.
    const xml = new ZipReader(zip.read('persoonsgegevens.docx'), { maxPartBytes: 1e7, maxTotalBytes: 1e8 }).read('word/document.xml').toString('utf8');
    for (const text of ['Alles over Jan Vertrokken', 'Achternaam', 'Relatietype (1)', 'Relatie aangemaakt']) expect(xml).toContain(text);
  });

  it('lists former members past the period, anonymises one, and reapply has nothing left to do', async () => {
    const list = JSON.parse((await run('privacy', 'retention', '--db', db, '--years', '2', '--json')).stdout) as { rows: { number: number }[] };
    expect(list.rows.map((x) => x.number)).toEqual([10]);
    const text = await run('privacy', 'retention', '--db', db);
    expect(text.stdout).toContain('Jan Vertrokken');
    const done = await run('privacy', 'anonymise', '--db', db, '--relation', '10');
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain('Geanonimiseerd: 10.');
    expect(JSON.parse((await run('privacy', 'retention', '--db', db, '--json')).stdout).rows).toEqual([]);
    const search = await run('search', '--db', db, 'Vertrokken', '--json');
    expect(search.code, search.stderr).toBe(0);
    expect(search.stdout).not.toContain('Vertrokken');
    expect((await run('search', '--db', db, 'Blijft', '--json')).stdout).toContain('Els Blijft');
    expect(JSON.parse((await run('privacy', 'reapply', '--db', db, '--json')).stdout)).toEqual({ anonymised: [] });
  });

  it('says what is wrong in Dutch', async () => {
    const r = await run('privacy', 'anonymise', '--db', db);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('--relation');
    expect((await run('privacy', 'wis', '--db', db)).stderr).toContain('onbekende actie');
  });
});
