import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../shared/errors';
import { FIXTURES } from '../../../../../test/support/io/io-test-kit';
import { decodeText, encodeWindows1252 } from '../text/encoding';
import { detectDelimiter } from './csv-reader';
import { readTable } from './read-table';
import PizZip from 'pizzip';

const bytesOf = (name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));
const auto = { encoding: 'auto' as const, delimiter: 'auto' as const };

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(DomainError);
  return (e as DomainError).issues?.[0]?.code;
}

describe('reading CSV files as users have them', () => {
  it('reads an Excel NL export: Windows-1252, semicolons, CRLF, a quoted line break, trailing empty rows', async () => {
    const t = await readTable(bytesOf('leden-excel-nl-1252.csv'), auto);
    expect(t).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';' });
    expect(t.headers.slice(0, 5)).toEqual(['Lidnr', 'Voorletters', 'Roepnaam', 'Tussenvoegsel', 'Achternaam']);
    expect(t.headers).toHaveLength(18);
    // Six data rows; the two ';;;;' rows Excel leaves behind are not rows.
    expect(t.rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7]);
    const rene = t.rows[2]?.cells;
    expect(rene?.[2]).toBe('René');
    expect(rene?.[4]).toBe('Müller');
    // The quoted line break stays inside its cell and row 3 stays row 3.
    expect(t.rows[1]?.cells[17]).toBe('Let op; post via buren\ngraag');
    expect(t.rows[3]?.cells[2]).toBe('Zoë');
    expect(t.rows[3]?.cells[17]).toBe('Zegt "hoi"');
    expect(t.rows[0]?.cells[16]).toBe('€ 12,50');
  });

  it('reads UTF-8 with a BOM and commas, with commas inside quoted fields', async () => {
    const t = await readTable(bytesOf('leden-utf8-bom.csv'), auto);
    expect(t).toMatchObject({ encoding: 'utf-8', delimiter: ',' });
    expect(t.headers[0]).toBe('Member number');
    expect(t.rows[0]?.cells[3]).toBe('Keizersgracht 100, hs');
    expect(t.rows[1]?.cells[2]).toBe('Łukasiewicz');
  });

  it('reads tab-separated text and Excel "Unicode text" (UTF-16LE with BOM)', async () => {
    const tab = await readTable(bytesOf('leden-tab.txt'), auto);
    expect(tab).toMatchObject({ encoding: 'utf-8', delimiter: '\t' });
    expect(tab.rows[0]?.cells[1]).toBe('Vries, Jan de');
    const u16 = await readTable(bytesOf('leden-unicode.txt'), auto);
    expect(u16).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(u16.rows[0]?.cells).toEqual(['4001', 'Zoë', 'Çelik', "'s-Hertogenbosch"]);
  });

  it('lets the caller override a wrong guess of encoding and delimiter', async () => {
    const t = await readTable(bytesOf('leden-excel-nl-1252.csv'), { encoding: 'utf-8', delimiter: ',' });
    expect(t.encoding).toBe('utf-8');
    expect(t.headers).toHaveLength(1);
    expect(String(t.rows[2]?.cells[0])).toContain('Ren\ufffd');
  });

  it('marks the row where an unbalanced quote starts instead of importing the swallowed rest', async () => {
    const t = await readTable(bytesOf('unbalanced-quote.csv'), auto);
    expect(t.rows).toHaveLength(1);
    expect(t.issues).toEqual([expect.objectContaining({ row: 2, code: 'CSV_UNBALANCED_QUOTE', severity: 'error' })]);
  });

  it('detects the delimiter by consistency, not by the first comma it sees', () => {
    expect(detectDelimiter('a;b;c\n"1,5";2;3\n4;"x, y";6\n')).toBe(';');
    expect(detectDelimiter('a,b\n1,2\n')).toBe(',');
    expect(detectDelimiter('a\tb\n1\t2\n')).toBe('\t');
  });

  it('guesses Windows-1252 only for bytes that are not UTF-8, and round-trips é and ë', () => {
    const encoded = encodeWindows1252('René Zoë € “x”');
    expect([...encoded.bytes.slice(3, 4)]).toEqual([0xe9]);
    expect(decodeText(encoded.bytes)).toMatchObject({ text: 'René Zoë € “x”', encoding: 'windows-1252' });
    expect(decodeText(new TextEncoder().encode('René'))).toMatchObject({ text: 'René', encoding: 'utf-8', bom: false });
    expect(encodeWindows1252('Łódź ő')).toEqual({ bytes: new Uint8Array([0x4c, 0xf3, 0x64, 0x7a, 0x20, 0x6f]), replaced: 3 });
  });
});

describe('reading Excel files', () => {
  it('keeps real date and number cells typed, formulas by their result and links by their text', async () => {
    const t = await readTable(bytesOf('leden.xlsx'), auto);
    expect(t).toMatchObject({ format: 'xlsx', sheet: 'Leden', sheets: ['Leden'] });
    expect(t.headers[4]).toBe('Geboortedatum');
    const [fleur, sem] = t.rows;
    expect(fleur?.cells[0]).toBe(6001);
    expect(fleur?.cells[4]).toEqual({ date: '1988-02-29' });
    expect(fleur?.cells[11]).toBe(12.5);
    expect(sem?.cells[4]).toBe('03-07-61');
    expect(sem?.cells[5]).toBe(40179);
    expect(sem?.cells[10]).toBe('Sem@Example.nl');
    expect(sem?.cells[11]).toBe(12.5);
  });

  it('refuses a truncated workbook, an old .xls and an empty file with a code', async () => {
    expect(await codeOf(readTable(bytesOf('truncated.xlsx'), auto))).toBe('XLSX_TRUNCATED');
    expect(await codeOf(readTable(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), auto))).toBe('XLS_NOT_SUPPORTED');
    expect(await codeOf(readTable(new Uint8Array(), auto))).toBe('FILE_EMPTY');
  });

  it('reads a workbook whose worksheet comes before the shared strings, as LibreOffice and exceljs write it, every time', async () => {
    const bytes = bytesOf('leden.xlsx');
    const order = Object.keys(new PizZip(bytes).files);
    expect(order.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(order.indexOf('xl/sharedStrings.xml'));
    // exceljs lost the shared strings on its deferred-sheet path about once in 300 reads; ours reads parts by name.
    const tables = await Promise.all(Array.from({ length: 60 }, () => readTable(bytes, auto)));
    for (const t of tables) {
      expect(t.headers[0]).toBe('Lidnummer');
      expect(t.rows).toHaveLength(3);
    }
  });

  it('names the sheets when the asked sheet does not exist', async () => {
    expect(await codeOf(readTable(bytesOf('leden.xlsx'), { ...auto, sheet: 'Blad9' }))).toBe('SHEET_NOT_FOUND');
  });
});
