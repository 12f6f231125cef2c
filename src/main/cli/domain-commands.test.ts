import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../core/create-core';
import { tempDir } from '../../../test/support/test-core';
import { runCli } from './run-cli';

/**
 * The domain commands (select, groups, memberships, import, export, merge, labels) run
 * in-process on a real administration file; their output files are read back.
 */
const dir = tempDir();
const db = path.join(dir.dir, 'vereniging.sqlite');
const fixtures = path.resolve(import.meta.dirname, '../../../test/fixtures/io');
afterAll(() => dir.cleanup());

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

beforeAll(async () => {
  const core = createCore({ file: db, actor: 'test' });
  await core.call('subscriptionTypes.create', { code: 'lidmaatschap', name: 'Lidmaatschap' });
  const sub = (await core.call('subscriptionTypes.list', {})).rows[0]!;
  await core.call('membershipTypes.create', { code: 'lid', name: 'Lid', baseCondition: { type: 'subscription', typeCodes: ['lidmaatschap'] } });
  const root = await core.call('units.create', { unit: { name: 'Vereniging', startDate: '2000-01-01' }, parentId: null });
  await core.call('units.create', { unit: { name: 'Afdeling Utrecht', startDate: '2000-01-01' }, parentId: root.id!, generalRule: { type: 'address', postcodeRanges: [{ from: 3500, to: 3599 }] } });
  const people = [
    ['Jan', 'Jansen', '3511 AB', '1980-05-01'],
    ['Els', 'Bos', '3584 CS', '1990-01-01'],
    ['Piet', 'Smit', '6211 CK', '1970-01-01'],
  ] as const;
  const ids: string[] = [];
  for (const [first, last, postcode, from] of people) {
    const { id } = await core.call('relations.create', { kind: 'person', fields: { firstName: first, lastName: last, addressForm: 'heer' }, address: { street: 'Straat', houseNumber: 1, postcode, validFrom: '2000-01-01' } });
    await core.call('subscriptions.add', { relationId: id, subscription: { typeId: sub.id, startDate: from } });
    ids.push(id);
  }
  const board = await core.call('groups.create', { name: 'Bestuur', type: 'board' });
  const roles = (await core.call('groupRoles.list', {})).rows;
  await core.call('groups.addMember', { groupId: board.id, relationId: ids[0]!, member: { roleId: roles.find((r) => r.code === 'voorzitter')!.id, validFrom: '2020-01-01' } });
  await core.call('selections.create', { name: 'Utrechters', condition: { type: 'address', postcodeRanges: [{ from: 3500, to: 3599 }] } });
  core.close();
});

describe('domain commands', () => {
  it('select evaluates a condition file on a date', async () => {
    const cond = path.join(dir.dir, 'cond.json');
    fs.writeFileSync(cond, JSON.stringify({ type: 'address', postcodeRanges: [{ from: 3500, to: 3599 }] }));
    const r = await run('select', '--db', db, '--condition', cond, '--on', '1-1-2024', '--json');
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as { on: string; total: number; rows: { displayName: string }[] };
    expect(result.on).toBe('2024-01-01');
    expect(result.rows.map((x) => x.displayName).sort()).toEqual(['Els Bos', 'Jan Jansen']);
    fs.writeFileSync(cond, JSON.stringify({ type: 'age' }));
    const bad = await run('select', '--db', db, '--condition', cond);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^ledenbeheer: fout: ongeldige voorwaarde/);
  });

  it('never prints control characters from an older file raw: text shows them escaped, JSON reads back the same value', async () => {
    const old = path.join(dir.dir, 'oud.sqlite');
    const core = createCore({ file: old, actor: 'test' });
    const { id } = await core.call('relations.create', { kind: 'person', fields: { firstName: 'Jan', lastName: 'Stuurteken' } });
    // A file from before the contract refused them: written behind the contract's back.
    const hostile = 'Jan\u001b[2J\u202e\rStuurteken';
    core.ctx.write('test.legacy', {}, () => core.ctx.sqlite.prepare('UPDATE relations SET display_name = ? WHERE id = ?').run(hostile, id));
    core.close();
    const text = await run('search', '--db', old, 'Stuurteken');
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/u);
    expect(text.stdout).toContain('Jan\\u001b[2J\\u202e\\u000dStuurteken');
    const json = await run('search', '--db', old, 'Stuurteken', '--json');
    expect(json.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/u);
    expect((JSON.parse(json.stdout) as { rows: { displayName: string }[] }).rows[0]?.displayName).toBe(hostile);
  });

  it('groups lists every member of a large group, not just the first page', async () => {
    const big = path.join(dir.dir, 'groot.sqlite');
    const core = createCore({ file: big, actor: 'test' });
    const lid = (await core.call('relationTypes.list', {})).rows.find((t) => t.code === 'lid')!;
    for (let i = 1; i <= 520; i++) {
      const { id } = await core.call('relations.create', { kind: 'person', fields: { firstName: 'Lid', lastName: `Nummer ${i}` } });
      await core.call('relations.addType', { relationId: id, typeId: lid.id, validFrom: '2020-01-01' });
    }
    await core.call('groups.create', { name: 'Alle leden', type: 'mailing_list', condition: { type: 'relationType', codes: ['lid'] } });
    core.close();
    const r = await run('groups', '--db', big, '--on', '2024-06-01', '--json');
    expect(r.code, r.stderr).toBe(0);
    const all = (JSON.parse(r.stdout) as { groups: { name: string; total: number; members: { name: string }[] }[] }).groups.find((g) => g.name === 'Alle leden')!;
    expect(all.total).toBe(520);
    expect(new Set(all.members.map((m) => m.name)).size).toBe(520);
    const text = await run('groups', '--db', big, '--on', '2024-06-01');
    expect(text.stdout.split('\n').filter((l) => l.includes('Lid Nummer')).length).toBe(520);
  }, 60_000);

  it('select takes a saved selection and a period, at least one day or the whole period', async () => {
    const core = createCore({ file: db, actor: 'test' });
    const els = (await core.call('relations.search', { query: 'els bos' })).rows[0]!;
    // Els moves out of the Utrecht postcode area on 1 July 2024.
    await core.call('addresses.move', { relationId: els.id, date: '2024-07-01', address: { street: 'Markt', houseNumber: 1, postcode: '6211 CK' } });
    core.close();
    const names = async (...extra: string[]) => {
      const r = await run('select', '--db', db, '--selection', 'utrechters', ...extra, '--json');
      expect(r.code, r.stderr).toBe(0);
      return (JSON.parse(r.stdout) as { rows: { displayName: string }[] }).rows.map((x) => x.displayName).sort();
    };
    expect(await names('--from', '2024-01-01', '--to', '2024-12-31')).toEqual(['Els Bos', 'Jan Jansen']);
    expect(await names('--from', '1-1-2024', '--to', '31-12-2024', '--whole-period')).toEqual(['Jan Jansen']);
    expect(await names('--from', '2024-01-01', '--to', '2024-06-30', '--whole-period')).toEqual(['Els Bos', 'Jan Jansen']);
    const text = await run('select', '--db', db, '--selection', 'Utrechters', '--from', '2024-01-01', '--to', '2024-12-31');
    expect(text.stdout).toMatch(/^2 relatie\(s\) in de periode 1-1-2024 t\/m 31-12-2024:/);
    expect(text.stdout).toMatch(/Els Bos.*\(1-1-2000 t\/m 30-6-2024\)/);
    expect((await run('select', '--db', db, '--selection', 'Nergens')).stderr).toMatch(/onbekende selectie 'Nergens'/);
    expect((await run('select', '--db', db, '--selection', 'Utrechters', '--whole-period')).code).toBe(2);
    expect((await run('select', '--db', db, '--selection', 'Utrechters', '--from', '2024-02-01', '--to', '2024-01-01')).code).toBe(2);
  });

  it('tags and selections list their ids', async () => {
    const core = createCore({ file: db, actor: 'test' });
    const tag = await core.call('tags.create', { name: 'Vrijwilliger' });
    core.close();
    const tags = JSON.parse((await run('tags', '--db', db, '--json')).stdout) as { tags: { id: string; name: string; relations: number }[] };
    expect(tags.tags).toEqual([{ id: tag.id, name: 'Vrijwilliger', parentId: null, relations: 0 }]);
    expect((await run('tags', '--db', db)).stdout).toContain(`Vrijwilliger  (0 relatie(s))  id ${tag.id}`);
    const selections = JSON.parse((await run('selections', '--db', db, '--json')).stdout) as { selections: { id: string; name: string }[] };
    expect(selections.selections.map((s) => s.name)).toEqual(['Utrechters']);
    expect((await run('selections', '--db', db)).stdout).toContain(`Utrechters  id ${selections.selections[0]!.id}`);
  });

  it('prints Dutch for a refused condition, never only a code', async () => {
    const bad = await run('select', '--db', db, '--condition', writeJson({ type: 'groupMember', groupId: 'bestaat-niet' }));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/onbekende groep/);
    const atom = await run('select', '--db', db, '--condition', writeJson({ type: 'bestaatNiet' }));
    expect(atom.code).toBe(1);
    expect(atom.stderr).toMatch(/ongeldige voorwaarde in .*: type: ongeldige invoer: geen van de toegestane soorten.*\[INPUT_INVALID_UNION\]/);
    const age = await run('select', '--db', db, '--condition', writeJson({ type: 'age' }));
    expect(age.stderr).toMatch(/geef een minimum- of maximumleeftijd op \[AGE_NEEDS_BOUND\]/);
  });

  it('groups lists members with roles on a date', async () => {
    const now = JSON.parse((await run('groups', '--db', db, '--on', '2024-06-01', '--json')).stdout) as { groups: { name: string; members: { name: string; roles: string[] }[] }[] };
    expect(now.groups.find((g) => g.name === 'Bestuur')?.members).toEqual([expect.objectContaining({ name: 'Jan Jansen', roles: ['voorzitter'] })]);
    const before = JSON.parse((await run('groups', '--db', db, '--on', '2019-06-01', '--json')).stdout) as { groups: { name: string; members: unknown[] }[] };
    expect(before.groups.find((g) => g.name === 'Bestuur')?.members).toEqual([]);
    expect((await run('groups', '--db', db, '--on', '31-2-2024')).code).toBe(2);
  });

  it('memberships recompute, list and explain', async () => {
    const recompute = await run('memberships', 'recompute', '--db', db);
    expect(recompute.code, recompute.stderr).toBe(0);
    expect(recompute.stdout).toMatch(/^Herberekend: 0 relatie\(s\) gewijzigd/);
    const list = JSON.parse((await run('memberships', 'list', '--db', db, '--unit', 'afdeling utrecht', '--on', '2024-01-01', '--json')).stdout) as {
      units: { unit: string; counts: Record<string, number>; members: { name: string }[] }[];
    };
    expect(list.units[0]).toMatchObject({ unit: 'Afdeling Utrecht', counts: { lid: 2 } });
    const explain = await run('memberships', 'explain', '--db', db, '--relation', '3', '--unit', 'Afdeling Utrecht', '--on', '2024-01-01');
    expect(explain.code, explain.stderr).toBe(0);
    // The card's sentences: rule content, the relation's own facts that day, never raw codes.
    expect(explain.stdout).toMatch(/^Piet Smit: Op 1-1-2024 is deze relatie geen lid van Afdeling Utrecht\./);
    expect(explain.stdout).toMatch(/✗ Onderdeel Afdeling Utrecht/);
    expect(explain.stdout).toMatch(/✗ .*postcode.*3500.*3599.* — adres op die dag: 6211 CK/i);
    expect(explain.stdout).not.toMatch(/\b(UNIT|BASE_RULE|RULE_GENERAL|UNIT_ACTIVE)\b/);
    const yes = await run('memberships', 'explain', '--db', db, '--relation', '1', '--unit', 'Afdeling Utrecht', '--on', '2024-01-01');
    expect(yes.stdout).toMatch(/^Jan Jansen: Op 1-1-2024 is deze relatie lid van Afdeling Utrecht\./);
    expect(yes.stdout).toMatch(/✓ .*Lidmaatschap.* — heeft op die dag: Lidmaatschap/);

    const of = await run('memberships', 'of', '--db', db, '--relation', '1');
    expect(of.code, of.stderr).toBe(0);
    expect(of.stdout).toMatch(/^Jan Jansen: 2 lidmaatschapsperiode\(s\)/);
    expect(of.stdout).toMatch(/Lid van Afdeling Utrecht: vanaf 1-1-2000/);
    const ofJson = JSON.parse((await run('memberships', 'of', '--db', db, '--relation', '3', '--json')).stdout) as { memberships: { unit: string; from: string }[] };
    expect(ofJson.memberships.map((m) => m.unit)).toEqual(['Vereniging']);
    const unknown = await run('memberships', 'list', '--db', db, '--unit', 'Afdeling Nergens');
    expect(unknown.stderr).toMatch(/onbekend onderdeel 'Afdeling Nergens'/);
  });

  it('import: a dry run reports rejected rows with row and field, then the real import commits', async () => {
    const file = path.join(fixtures, 'leden-excel-nl-1252.csv');
    const dry = await run('import', '--db', db, file, '--dry-run', '--json');
    expect(dry.code, dry.stderr).toBe(0);
    const report = JSON.parse(dry.stdout) as { committed: boolean; counts: { create: number; reject: number }; rejected: { row: number; field: string | null; code: string }[] };
    expect(report.committed).toBe(false);
    expect(report.counts.create).toBeGreaterThan(0);
    for (const r of report.rejected) expect(r).toEqual(expect.objectContaining({ row: expect.any(Number), code: expect.stringMatching(/^[A-Z_]+$/) }));
    const before = await run('select', '--db', db, '--condition', writeJson({ type: 'kind', kind: 'person' }), '--json');
    const real = await run('import', '--db', db, file, '--json');
    expect(real.code, real.stderr).toBe(0);
    const after = await run('select', '--db', db, '--condition', writeJson({ type: 'kind', kind: 'person' }), '--json');
    expect((JSON.parse(after.stdout) as { total: number }).total - (JSON.parse(before.stdout) as { total: number }).total).toBe(report.counts.create);
  });

  it('export writes a typed .xlsx for a selection', async () => {
    const out = path.join(dir.dir, 'utrechters.xlsx');
    const r = await run('export', '--db', db, '--selection', 'Utrechters', '--format', 'xlsx', '--columns', 'nummer,naam,postcode', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.worksheets[0]!;
    const expected = JSON.parse((await run('select', '--db', db, '--condition', writeJson({ type: 'address', postcodeRanges: [{ from: 3500, to: 3599 }] }), '--json')).stdout) as { total: number };
    expect(expected.total).toBeGreaterThanOrEqual(2);
    expect(sheet.rowCount).toBe(1 + expected.total);
    expect(sheet.getRow(1).values).toEqual([undefined, 'Nummer', 'Naam', 'Postcode']);
    expect(typeof sheet.getRow(2).getCell(1).value).toBe('number');
    const bad = await run('export', '--db', db, '--format', 'pdf', '--out', out);
    expect(bad.code).toBe(2);
  });

  it('merge and labels produce Word documents', async () => {
    const letter = path.join(dir.dir, 'brief.docx');
    const merged = await run('merge', '--db', db, '--template', path.join(fixtures, 'brief-libreoffice.docx'), '--group', 'Bestuur', '--allow-unknown', '--out', letter);
    expect(merged.code, merged.stderr).toBe(0);
    const xml = new PizZip(fs.readFileSync(letter)).file('word/document.xml')!.asText();
    expect(xml).toContain('Jansen');
    // --allow-unknown leaves unknown fields empty, as its message says.
    expect(xml).toContain('Uw schoenmaat: .');
    expect(xml).not.toContain('{schoenmaat}');
    const word = await run('merge', '--db', db, '--template', path.join(fixtures, 'word-mergefields.docx'), '--group', 'Bestuur', '--allow-unknown', '--out', letter);
    expect(word.code, word.stderr).toBe(0);
    expect(word.stderr).toMatch(/Let op: 2 Word-veld\(en\) die Ledenbeheer niet uitvoert \(IF, NEXT\) worden uit de brieven verwijderd/);
    const broken = path.join(dir.dir, 'kapot.docx');
    fs.writeFileSync(broken, fs.readFileSync(path.join(fixtures, 'word-mergefields.docx')).subarray(0, 3000));
    const refusedBroken = await run('merge', '--db', db, '--template', broken, '--group', 'Bestuur', '--out', letter);
    expect(refusedBroken.code).toBe(1);
    expect(refusedBroken.stderr).toMatch(/geen geldig Word-document/);
    expect(refusedBroken.stderr).not.toMatch(/interne fout/);
    const refused = await run('merge', '--db', db, '--template', path.join(fixtures, 'brief-libreoffice.docx'), '--group', 'Bestuur', '--out', letter);
    expect(refused.stderr).toMatch(/onbekende velden/);
    const labels = path.join(dir.dir, 'etiketten.docx');
    const l = await run('labels', '--db', db, '--selection', 'Utrechters', '--sheet', '3x8', '--out', labels);
    expect(l.code, l.stderr).toBe(0);
    expect(new PizZip(fs.readFileSync(labels)).file('word/document.xml')!.asText()).toContain('3511 AB');
    expect((await run('labels', '--db', db, '--sheet', '9x9', '--out', labels)).stderr).toMatch(/onbekend etiketvel/);
  });
});

let n = 0;
function writeJson(value: unknown): string {
  const f = path.join(dir.dir, `c${++n}.json`);
  fs.writeFileSync(f, JSON.stringify(value));
  return f;
}
