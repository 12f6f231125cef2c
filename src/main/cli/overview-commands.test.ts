import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../core/create-core';
import { tempDir } from '../../../test/support/test-core';
import { runCli } from './run-cli';

/** `overview`, `report` and `list` on a real administration file. */
const dir = tempDir();
const db = path.join(dir.dir, 'vereniging.sqlite');
afterAll(() => dir.cleanup());
const numbers: number[] = [];

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

beforeAll(async () => {
  const core = createCore({ file: db, actor: 'test' });
  const sub = await core.call('subscriptionTypes.create', { code: 'lidmaatschap', name: 'Lidmaatschap' });
  await core.call('membershipTypes.create', { code: 'lid', name: 'Lid', baseCondition: { type: 'subscription', typeCodes: ['lidmaatschap'] } });
  await core.call('units.create', { unit: { name: 'Club', startDate: '2000-01-01' }, parentId: null });
  for (const [first, birth, email] of [['Anna', '1960-06-20', 'anna@example.nl'], ['Bert', '2010-03-01', null]] as const) {
    const r = await core.call('relations.create', { kind: 'person', fields: { firstName: first, lastName: 'Test', birthDate: birth, email } });
    numbers.push(r.number);
    await core.call('subscriptions.add', { relationId: r.id, subscription: { typeId: sub.id, startDate: '2020-01-01' } });
  }
  await core.call('groups.create', { name: 'Bestuur', type: 'board' });
  core.close();
});

describe('overview, report and list commands', () => {
  it('overview --json carries each count with the condition that gives its list', async () => {
    const r = await run('overview', '--db', db, '--on', '2026-06-15', '--json');
    expect(r.code, r.stderr).toBe(0);
    const o = JSON.parse(r.stdout) as { figures: { key: string; count: number; condition: unknown; moment: unknown }[] };
    expect(o.figures.find((f) => f.key === 'type:lid')?.count).toBe(2);
    expect(o.figures.find((f) => f.key === 'signal:noEmail')?.count).toBe(1);
    const text = await run('overview', '--db', db, '--on', '15-6-2026');
    expect(text.stdout).toContain('Leden per type');
  });

  it('report age-categories writes a PDF, members-per-unit an Excel file', async () => {
    const pdf = path.join(dir.dir, 'bond.pdf');
    const r = await run('report', 'age-categories', '--db', db, '--year', '2026', '--pdf', pdf, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).totals).toMatchObject({ members: 2 });
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(fs.statSync(pdf).mode & 0o777).toBe(0o600);
    const xlsx = path.join(dir.dir, 'leden.xlsx');
    expect((await run('report', 'members-per-unit', '--db', db, '--from', '2026-01-01', '--to', '2026-06-15', '--xlsx', xlsx)).code).toBe(0);
    expect(fs.existsSync(xlsx)).toBe(true);
    expect((await run('report', 'nonsense', '--db', db)).code).not.toBe(0);
  });

  it('list add-to-group and emails work on numbers', async () => {
    const add = await run('list', 'add-to-group', '--db', db, '--numbers', numbers.join(','), '--to-group', 'Bestuur', '--role', 'secretaris', '--from', '2026-07-01', '--json');
    expect(add.code, add.stderr).toBe(0);
    expect(JSON.parse(add.stdout)).toEqual({ changed: 2, unchanged: 0 });
    const mails = await run('list', 'emails', '--db', db, '--numbers', numbers.join(','), '--json');
    expect(JSON.parse(mails.stdout)).toMatchObject({ emails: ['anna@example.nl'], relations: 2 });
  });
  it('report birthdays, jubilees, contributions and board (after the list action filled the board), as JSON, text and files', async () => {
    const b = await run('report', 'birthdays', '--db', db, '--from', '1-6-2026', '--to', '30-6-2026', '--json');
    expect(b.code, b.stderr).toBe(0);
    expect((JSON.parse(b.stdout) as { rows: { name: string; age: number }[] }).rows.map((r) => [r.name, r.age])).toEqual([['Anna Test', 66]]);
    const j = await run('report', 'jubilees', '--db', db, '--from', '2030-01-01', '--to', '2030-12-31', '--years', '10', '--json');
    expect((JSON.parse(j.stdout) as { rows: { date: string; years: number }[] }).rows.map((r) => [r.date, r.years])).toEqual([['2030-01-01', 10], ['2030-01-01', 10]]);
    const xlsx = path.join(dir.dir, 'contributie.xlsx');
    const c = await run('report', 'contributions', '--db', db, '--from', '2026-01-01', '--to', '2026-12-31', '--group-by', 'run', '--xlsx', xlsx);
    expect(c.code, c.stderr).toBe(0);
    expect(c.stdout).toContain('Totaal');
    expect(fs.statSync(xlsx).mode & 0o777).toBe(0o600);
    expect((await run('report', 'contributions', '--db', db, '--group-by', 'maand')).stderr).toContain('--group-by');
    const text = await run('report', 'board', '--db', db, '--on', '2026-07-01', '--group', 'Bestuur');
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/Bestuur\s+Secretaris\s+Anna Test\s+\d+\s+1-7-2026/);
    expect((await run('report', 'board', '--db', db, '--group', 'Geen')).stderr).toContain("onbekende groep 'Geen'");
  });

});
