import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import PizZip from 'pizzip';
import { createTestCore } from '../../../../test/support/test-core';
import { hasSoffice, outputDir, toPdf } from '../../../../test/support/io/io-test-kit';

let core: ReturnType<typeof createTestCore>;
let board: string;
const ids: Record<string, string> = {};

beforeEach(async () => {
  core = createTestCore(); // today = 2026-11-22
  board = (await core.call('groups.create', { name: 'Bestuur', type: 'board' })).id;
  const roles = Object.fromEntries((await core.call('groupRoles.list', {})).rows.map((r) => [r.code, r.id]));
  for (const [key, first, last, role, from, to] of [
    ['anna', 'Anna', 'Aalders', 'voorzitter', '2020-01-01', null],
    ['bert', 'Bert', 'Bakker', 'secretaris', '2022-01-01', null],
    ['cor', 'Cor', 'Claassen', 'penningmeester', '2018-01-01', '2026-12-01'],
    ['dina', 'Dina', 'Dekker', 'penningmeester', '2026-12-01', null],
  ] as const) {
    ids[key] = (await core.call('relations.create', { kind: 'person', fields: { firstName: first, lastName: last } })).id;
    await core.call('groups.addMember', { groupId: board, relationId: ids[key]!, member: { roleId: roles[role]!, validFrom: from, validTo: to } });
  }
});
afterEach(() => core.close());

const cell = (text: string) => new TableCell({ width: { size: 3000, type: WidthType.DXA }, children: [new Paragraph(text)] });

/** A secretary's agenda template as Word makes it: placeholders in the text and a table row to repeat. */
async function agendaTemplate(): Promise<string> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: 'Agenda {vergadering}', bold: true, size: 32 })] }),
          new Paragraph('{groep} · {datum} om {tijd} · {plaats}'),
          new Paragraph(' '),
          new Table({ rows: [new TableRow({ children: [cell('Nr.'), cell('Agendapunt')] }), new TableRow({ children: [cell('{agendanummer}'), cell('{agendapunt}')] })] }),
          new Paragraph(' '),
          new Paragraph('Genodigden ({aantalaanwezig}):'),
          new Table({ rows: [new TableRow({ children: [cell('Naam'), cell('Rol'), cell('Aanwezig')] }), new TableRow({ children: [cell('{naam}'), cell('{rol}'), cell('{aanwezigheid}')] })] }),
        ],
      },
    ],
  });
  return (await Packer.toBuffer(doc)).toString('base64');
}

describe('meetings', () => {
  it('takes the attendees from the group on the meeting date, with their roles then', async () => {
    const before = await core.call('meetings.create', { groupId: board, title: 'Bestuursvergadering november', date: '2026-11-26', time: '20:00', place: 'Clubhuis', agenda: ['Opening', 'Notulen vorige vergadering', 'Begroting 2027', 'Rondvraag'] });
    const after = await core.call('meetings.create', { groupId: board, title: 'Bestuursvergadering december', date: '2026-12-17', agenda: [] });
    const names = async (id: string) => (await core.call('meetings.get', { id })).attendees.map((a) => `${a.name} (${a.role})`);
    expect(await names(before.id)).toEqual(['Anna Aalders (Voorzitter)', 'Bert Bakker (Secretaris)', 'Cor Claassen (Penningmeester)']);
    expect(await names(after.id)).toEqual(['Anna Aalders (Voorzitter)', 'Bert Bakker (Secretaris)', 'Dina Dekker (Penningmeester)']);
    expect((await core.call('meetings.list', { groupId: board })).rows.map((m) => m.title)).toEqual(['Bestuursvergadering december', 'Bestuursvergadering november']);
  });

  it('registers attendance and merges agenda and minutes into the Word template, a row per item and attendee', async () => {
    const m = await core.call('meetings.create', { groupId: board, title: 'Bestuursvergadering november', date: '2026-11-26', time: '20:00', place: 'Clubhuis De Kantine', agenda: ['Opening', 'Begroting 2027', 'Rondvraag'] });
    const template = await agendaTemplate();
    const agenda = await core.call('meetings.merge', { id: m.id, template });
    const xml = (b64: string) => new PizZip(Buffer.from(b64, 'base64')).file('word/document.xml')!.asText();
    const text = (b64: string) => xml(b64).replace(/<w:tab\/>/g, ' ').replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
    const a = text(agenda.bytes);
    expect(agenda.fileName).toBe('Bestuursvergadering november-2026-11-26.docx');
    expect(a).toContain('Agenda Bestuursvergadering november');
    expect(a).toContain('Bestuur · 26 november 2026 om 20:00 · Clubhuis De Kantine');
    expect(a).toMatch(/1\s*Opening\s*2\s*Begroting 2027\s*3\s*Rondvraag/);
    expect(a).toContain('Genodigden (3):');
    expect(a).toMatch(/Anna Aalders\s*Voorzitter[\s\S]*Bert Bakker\s*Secretaris[\s\S]*Cor Claassen\s*Penningmeester/);
    expect(xml(agenda.bytes).match(/<w:tr\b/g)).toHaveLength(1 + 3 + (1 + 3));

    await core.call('meetings.setAttendance', { meetingId: m.id, relationId: ids.anna!, status: 'present' });
    await core.call('meetings.setAttendance', { meetingId: m.id, relationId: ids.bert!, status: 'present' });
    await core.call('meetings.setAttendance', { meetingId: m.id, relationId: ids.cor!, status: 'excused' });
    const minutes = text((await core.call('meetings.merge', { id: m.id, template })).bytes);
    expect(minutes).toContain('Genodigden (2):');
    expect(minutes).toMatch(/Anna Aalders\s*Voorzitter\s*aanwezig/);
    expect(minutes).not.toContain('Cor Claassen');
    const history = await core.call('audit.forRelation', { relationId: ids.cor!, limit: 20 });
    expect(history.rows.find((r) => r.tableName === 'meeting_attendance')?.operationKind).toBe('meetings.setAttendance');

    if (hasSoffice()) {
      const dir = outputDir('meetings');
      const file = path.join(dir, 'agenda.docx');
      fs.writeFileSync(file, Buffer.from(agenda.bytes, 'base64'));
      expect(fs.existsSync(toPdf(file))).toBe(true);
    }
  }, 120_000);
});
