import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestClock } from '../../../../../test/support/test-core';
import type { Core } from '../../create-core';
import { DomainError } from '../../../../shared/errors';
import { ioClient } from '../../../../../test/support/io/io-test-kit';
import { seedMembers } from '../../../../../test/support/io/seed-members';
import { neutraliseFormula } from './formula-guard';

let core: Core & { clock: TestClock };
afterEach(() => core?.close());

async function setup() {
  core = createTestCore();
  const people = await seedMembers(core);
  return { io: ioClient(core), people };
}

const COLUMNS = ['nummer', 'naam', 'aanhef', 'adresregels', 'postcode', 'plaats', 'geboortedatum', 'leeftijd', 'custom:contributie', 'notities'];

describe('export to CSV', () => {
  it('writes UTF-8 with BOM, semicolons, CRLF, chosen columns in order, Dutch dates and decimal commas', async () => {
    const { io } = await setup();
    const out = await io('io.export', { source: { kind: 'all', typeCode: 'lid' }, format: 'csv', columns: COLUMNS });
    expect(out).toMatchObject({ fileName: 'relaties-2026-11-22.csv', mimeType: 'text/csv', rows: 6, replacedCharacters: 0 });
    const bytes = Buffer.from(out.bytes, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('Nummer;Naam;Aanhef;Adresregels;Postcode;Plaats;Geboortedatum;Leeftijd;Contributie;Notities');
    // Sorted by name: Bakker-de Jong, Dijk (van), Jansen, Müller, Vries (de) ×2.
    expect(lines.slice(1, 7).map((l) => l.split(';')[0])).toEqual(['7', '3', '4', '6', '1', '2']);
    expect(lines).toContain(`1;Jan de Vries;Geachte heer De Vries;"Oudegracht 12A\n3511 AB  UTRECHT";3511 AB;Utrecht;03-07-1961;65;12,5;"'=HYPERLINK(""http://example.com"")"`);
    expect(lines).toContain('3;Zoë van Dijk;Geachte mevrouw Van Dijk;"Brink 3\n7411 BR  DEVENTER";7411 BR;Deventer;12-12-1990;35;;\'-1+1');
    expect(lines).toContain('2;Marieke de Vries;Geachte mevrouw De Vries;"Oudegracht 12A\n3511 AB  UTRECHT";3511 AB;Utrecht;01-02-1963;63;25;\'@SUM(A1)');
    expect(lines).toContain('6;Hans Müller;Geachte heer Müller;"Hauptstraße 5\n52062 AACHEN\nDUITSLAND";52062;Aachen;05-05-1970;56;;');
    expect(lines.at(-1)).toBe('');
  });

  it('writes Windows-1252 for old Excel, with other delimiters and ISO dates on request', async () => {
    const { io } = await setup();
    const out = await io('io.export', {
      source: { kind: 'all' },
      format: 'csv',
      columns: ['naam', 'geboortedatum', 'plaats'],
      csv: { delimiter: ',', encoding: 'windows-1252', dates: 'iso' },
    });
    const bytes = Buffer.from(out.bytes, 'base64');
    expect(bytes[0]).toBe(0x4e); // 'N', no BOM
    const zoe = bytes.indexOf(Buffer.from([0x5a, 0x6f, 0xeb])); // 'Zoë' with ë = 0xEB
    expect(zoe).toBeGreaterThan(0);
    expect(new TextDecoder('windows-1252').decode(bytes)).toContain('Hans Müller,1970-05-05,Aachen\r\n');
  });

  it('neutralises every cell a spreadsheet would run as a formula', () => {
    for (const v of ['=1+1', '+31 6 1234', '-2', '@cmd', '  =1', ' \t=1', '\t1', '\r1']) expect(neutraliseFormula(v)).toBe(`'${v}`);
    for (const v of ['1+1', 'Jan', 'a=b', '', '06-12345678']) expect(neutraliseFormula(v)).toBe(v);
  });
});

describe('export to Excel', () => {
  it('writes a typed .xlsx that is a ready mail-merge data source', async () => {
    const { io } = await setup();
    const out = await io('io.export', { source: { kind: 'all' }, format: 'xlsx', columns: COLUMNS });
    expect(out).toMatchObject({ fileName: 'relaties-2026-11-22.xlsx', rows: 7 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.bytes, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Adressen']);
    const ws = wb.getWorksheet('Adressen');
    if (!ws) throw new Error('no sheet');
    expect(ws.rowCount).toBe(8);
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['Nummer', 'Naam', 'Aanhef', 'Adresregels', 'Postcode', 'Plaats', 'Geboortedatum', 'Leeftijd', 'Contributie', 'Notities']);
    expect((ws.model as { merges?: string[] }).merges ?? []).toEqual([]);
    // Sorted by name: Bakker-de Jong, Van Dijk, Jansen, Müller, Stichting Het Anker, De Vries ×2.
    const jan = ws.getRow(7);
    expect(jan.getCell(1).value).toBe(1);
    expect(jan.getCell(2).value).toBe('Jan de Vries');
    expect(jan.getCell(4).value).toBe('Oudegracht 12A\n3511 AB  UTRECHT');
    expect(jan.getCell(7).value).toEqual(new Date(Date.UTC(1961, 6, 3)));
    expect(jan.getCell(7).numFmt).toBe('dd-mm-yyyy');
    expect(jan.getCell(8).value).toBe(65);
    expect(jan.getCell(9).value).toBe(12.5);
    expect(jan.getCell(10).value).toBe(`'=HYPERLINK("http://example.com")`);
    const anker = ws.getRow(6);
    expect(anker.getCell(2).value).toBe('Stichting Het Anker');
    expect(anker.getCell(7).value).toBeNull();
  });

  it('exports a group and a selection as they were on a date', async () => {
    const { io, people } = await setup();
    const board = await core.call('groups.create', { name: 'Bestuur', type: 'board' });
    await core.call('groups.addMember', { groupId: board.id, relationId: people.jan.id, member: { validFrom: '2020-01-01', validTo: '2024-01-01' } });
    await core.call('groups.addMember', { groupId: board.id, relationId: people.zoe.id, member: { validFrom: '2023-06-01' } });
    const names = async (source: Parameters<typeof io<'io.export'>>[1]['source']) => {
      const out = await io('io.export', { source, format: 'csv', columns: ['naam'] });
      return Buffer.from(out.bytes, 'base64').subarray(3).toString('utf8').split('\r\n').slice(1, -1);
    };
    expect(await names({ kind: 'group', groupId: board.id, on: '2022-01-01' })).toEqual(['Jan de Vries']);
    expect(await names({ kind: 'group', groupId: board.id, on: '2023-07-01' })).toEqual(['Zoë van Dijk', 'Jan de Vries']);
    expect(await names({ kind: 'group', groupId: board.id })).toEqual(['Zoë van Dijk']);
    const sel = await core.call('selections.create', { name: 'Leden sinds 2010', condition: { type: 'relationType', codes: ['lid'] } });
    expect(await names({ kind: 'selection', selectionId: sel.id, on: '2008-01-01' })).toEqual(['Jan de Vries', 'Marieke de Vries']);
    expect(await names({ kind: 'relations', ids: [people.zoe.id, people.jan.id] })).toEqual(['Zoë van Dijk', 'Jan de Vries']);
  });

  it('round-trips: an exported file imports back as identical', async () => {
    const { io } = await setup();
    const out = await io('io.export', { source: { kind: 'all', relationKind: 'person' }, format: 'xlsx', columns: ['nummer', 'voorletters', 'voornaam', 'tussenvoegsel', 'achternaam', 'straat', 'huisnummer', 'postcode', 'plaats', 'land', 'email', 'geboortedatum'] });
    const r = await io('io.previewImport', { file: out.bytes, fileName: out.fileName });
    expect(r.rows.map((x) => x.reasons)).toEqual(Array.from({ length: 6 }, () => ['MATCHED_BY_NUMBER', 'IDENTICAL']));
  });
});

describe('columns', () => {
  it('offers a catalogue with Dutch labels and saves column sets by name', async () => {
    const { io } = await setup();
    const catalogue = (await io('io.exportColumns', {})).rows;
    expect(catalogue).toEqual(expect.arrayContaining([{ key: 'aanhef_informeel', label: 'Aanhef informeel', type: 'text' }, { key: 'custom:contributie', label: 'Contributie', type: 'number' }, { key: 'geboortedatum', label: 'Geboortedatum', type: 'date' }]));
    await io('io.saveColumnSet', { name: 'Adreslijst', columns: ['tenaamstelling', 'adresregel_1', 'adresregel_2'] });
    expect((await io('io.listColumnSets', {})).rows).toEqual([{ name: 'Adreslijst', columns: ['tenaamstelling', 'adresregel_1', 'adresregel_2'], updatedAt: core.clock.now() }]);
    await io('io.deleteColumnSet', { name: 'Adreslijst' });
    expect((await io('io.listColumnSets', {})).rows).toEqual([]);
    const e = await io('io.export', { source: { kind: 'all' }, format: 'csv', columns: ['naam', 'schoenmaat'] }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).issues).toEqual([{ field: 'columns', code: 'COLUMN_UNKNOWN', details: { column: 'schoenmaat' } }]);
  });
});
