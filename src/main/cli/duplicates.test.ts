import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../core/create-core';
import { tempDir } from '../../../test/support/test-core';
import { runCli } from './run-cli';

/** `duplicates scan | merge | not-a-duplicate` on a real administration file. */
const dir = tempDir();
const db = path.join(dir.dir, 'vereniging.sqlite');
afterAll(() => dir.cleanup());
const n: Record<string, number> = {};

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

beforeAll(async () => {
  const core = createCore({ file: db, actor: 'test' });
  const add = async (key: string, fields: Record<string, unknown>) => {
    n[key] = (await core.call('relations.create', { kind: 'person', fields } as never)).number;
  };
  await add('jan', { firstName: 'Jan', lastName: 'Visser', birthDate: '1975-03-04', email: 'jan@visser.nl' });
  await add('johannes', { firstName: 'Johannes', lastName: 'Visser', birthDate: '1975-03-04', phone: '030 123 4567' });
  await add('piet', { firstName: 'Piet', lastName: 'Kok', email: 'kok@thuis.nl', birthDate: '1960-01-01' });
  await add('petrus', { firstName: 'Petrus', lastName: 'Kok', email: 'kok@thuis.nl' });
  core.close();
});

describe('duplicates', () => {
  it('scan lists pairs with per-field scores, as JSON too', async () => {
    const r = await run('duplicates', 'scan', '--db', db, '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { total: number; pairs: { a: { number: number }; b: { number: number }; fields: { field: string; outcome: string; reason: string }[] }[] };
    expect(out.pairs.map((p) => [p.a.number, p.b.number])).toEqual(expect.arrayContaining([[n.jan, n.johannes], [n.piet, n.petrus]]));
    const visser = out.pairs.find((p) => p.a.number === n.jan)!;
    expect(visser.fields.find((f) => f.field === 'firstName')).toMatchObject({ outcome: 'agree', reason: 'ROEPNAAM' });
    const text = await run('duplicates', 'scan', '--db', db, '--threshold', '90');
    expect(text.stdout).toContain('mogelijke dubbel');
    expect(text.stdout).not.toContain(`nr. ${n.piet} `);
  });

  it('not-a-duplicate is remembered by the next scan', async () => {
    const r = await run('duplicates', 'not-a-duplicate', '--db', db, String(n.piet), String(n.petrus));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('geen dubbel');
    const scan = JSON.parse((await run('duplicates', 'scan', '--db', db, '--json')).stdout) as { pairs: { a: { number: number } }[]; dismissed: number };
    expect(scan.pairs.map((p) => p.a.number)).not.toContain(n.piet);
    expect(scan.dismissed).toBe(1);
  });

  it('merge takes picked fields, moves everything, and the old number is then refused with where it went', async () => {
    const dry = await run('duplicates', 'merge', '--db', db, '--keep', String(n.jan), '--remove', String(n.johannes), '--take', `firstName=${n.johannes}`, '--dry-run', '--json');
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ saved: false });
    const r = await run('duplicates', 'merge', '--db', db, '--keep', String(n.jan), '--remove', String(n.johannes), '--take', `firstName=${n.johannes}`, '--take', 'phone=both');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Samengevoegd: nr. ${n.johannes}`);
    expect(r.stdout).toContain('firstName: Johannes');
    // The backup before the merge is in place when the command returns (not still being
    // compressed into a .part file while the caller, here the test's teardown, goes on).
    const backups = fs.readdirSync(path.join(dir.dir, 'backups'));
    expect(backups.filter((f) => f.endsWith('-merge.sqlite.gz'))).toHaveLength(1);
    expect(backups.filter((f) => f.includes('.part-'))).toEqual([]);
    const again = await run('duplicates', 'merge', '--db', db, '--keep', String(n.jan), '--remove', String(n.johannes));
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain(`is al samengevoegd in nr. ${n.jan}`);
    const bad = await run('duplicates', 'merge', '--db', db, '--keep', String(n.jan), '--remove', String(n.piet), '--take', 'firstName=12345');
    expect(bad.stderr).toContain('geen van beide');
    const search = await run('search', '--db', db, String(n.johannes), '--json');
    expect(search.stdout).toContain('Johannes Visser');
  });
});
