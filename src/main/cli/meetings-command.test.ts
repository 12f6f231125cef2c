import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import PizZip from 'pizzip';
import { createCore } from '../core/create-core';
import { tempDir } from '../../../test/support/test-core';
import { runCli } from './run-cli';

/** meetings on a real administration file, as a secretary's script would use them. */
const dir = tempDir();
const db = path.join(dir.dir, 'vereniging.sqlite');
const template = path.join(dir.dir, 'agenda-sjabloon.docx');
afterAll(() => dir.cleanup());

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

beforeAll(async () => {
  const core = createCore({ file: db, actor: 'test' });
  const board = (await core.call('groups.create', { name: 'Bestuur', type: 'board' })).id;
  const roles = Object.fromEntries((await core.call('groupRoles.list', {})).rows.map((r) => [r.code, r.id]));
  for (const [n, first, last, role] of [[21, 'Anna', 'Aalders', 'voorzitter'], [22, 'Bert', 'Bakker', 'secretaris']] as const) {
    const r = await core.call('relations.create', { kind: 'person', number: n, fields: { firstName: first, lastName: last } });
    await core.call('groups.addMember', { groupId: board, relationId: r.id, member: { roleId: roles[role]!, validFrom: '2020-01-01' } });
  }
  core.close();
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  const doc = new Document({
    sections: [{ children: [new Paragraph('Agenda {vergadering} op {datum} in {plaats}'), new Table({ rows: [new TableRow({ children: [cell('{agendanummer}'), cell('{agendapunt}')] })] }), new Table({ rows: [new TableRow({ children: [cell('{naam}'), cell('{rol}'), cell('{aanwezigheid}')] })] })] }],
  });
  fs.writeFileSync(template, await Packer.toBuffer(doc));
});

describe('meetings command', () => {
  it('plans a meeting, registers attendance and merges the agenda', async () => {
    const added = await run('meetings', 'add', '--db', db, '--group', 'bestuur', '--title', 'Bestuursvergadering', '--date', '26-11-2026', '--time', '20:00', '--place', 'Clubhuis', '--item', 'Opening', '--item', 'Begroting 2027', '--json');
    expect(added.code).toBe(0);
    const meeting = JSON.parse(added.stdout) as { id: string; date: string; agenda: string[] };
    expect(meeting).toMatchObject({ date: '2026-11-26', agenda: ['Opening', 'Begroting 2027'] });
    expect(JSON.parse((await run('meetings', '--db', db, '--group', 'Bestuur', '--json')).stdout).rows).toHaveLength(1);

    expect((await run('meetings', 'attend', '--db', db, '--id', meeting.id, '--relation', '21', '--status', 'aanwezig')).code).toBe(0);
    expect((await run('meetings', 'attend', '--db', db, '--id', meeting.id, '--relation', '22', '--status', 'afgemeld')).code).toBe(0);
    const shown = await run('meetings', 'show', '--db', db, '--id', meeting.id);
    expect(shown.stdout).toContain('Anna Aalders (Voorzitter): aanwezig');
    expect(shown.stdout).toContain('Bert Bakker (Secretaris): afgemeld');

    const out = path.join(dir.dir, 'agenda.docx');
    expect((await run('meetings', 'merge', '--db', db, '--id', meeting.id, '--template', template, '--out', out)).code).toBe(0);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    const xml = new PizZip(fs.readFileSync(out)).file('word/document.xml')!.asText().replace(/<[^>]+>/g, ' ');
    expect(xml).toContain('Agenda Bestuursvergadering op 26 november 2026 in Clubhuis');
    expect(xml).toMatch(/2\s+Begroting 2027/);
    // Once attendance is registered the list is of those present (minutes): Bert sent apologies.
    expect(xml).toMatch(/Anna Aalders\s+Voorzitter\s+aanwezig/);
    expect(xml).not.toContain('Bert Bakker');
  });

  it('says what is wrong in Dutch: an unknown group, an unknown attendance word', async () => {
    const r = await run('meetings', '--db', db, '--group', 'Kascommissie');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("onbekende groep 'Kascommissie'");
    const m = JSON.parse((await run('meetings', 'add', '--db', db, '--group', 'Bestuur', '--title', 'ALV', '--date', '2026-12-10', '--json')).stdout) as { id: string };
    const bad = await run('meetings', 'attend', '--db', db, '--id', m.id, '--relation', '21', '--status', 'misschien');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("onbekende aanwezigheid 'misschien'");
  });
});
