import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { readTable } from '../read/read-table';
import { columnLetters, dateSerial, XlsxSheetWriter, xmlText, type SheetColumn } from './xlsx-writer';

const TRICKY = ['a & b <c> "d"', 'bel\u0007en', 'letterlijk _x0041_', '  spaties  ', 'Zoë 🎉', 'twee\nregels', '=1+1'];

async function write(columns: SheetColumn[], rows: (string | number | null)[][]): Promise<Uint8Array> {
  const w = new XlsxSheetWriter('Leden & co', columns);
  for (const r of rows) w.addRow(r);
  await w.drain();
  return w.finish();
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no sheet');
  return ws;
}

describe('the xlsx writer', () => {
  it('names columns and days as Excel does', () => {
    expect([0, 25, 26, 51, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'ZZ', 'AAA']);
    expect(dateSerial('2024-01-01')).toBe(45292);
    expect(dateSerial('1900-03-01')).toBe(61);
    expect(dateSerial('1900-02-28')).toBeNull(); // Excel's serials before March 1900 are off by its leap-year bug
    expect(dateSerial('3-7-1961')).toBeNull();
    expect(xmlText('a&b<c>')).toBe('a&amp;b&lt;c&gt;');
    expect(xmlText('x\u0001y _x0041_')).toBe('x_x0001_y _x005F_x0041_');
  });

  it('writes a zip whose checksums hold, with the sheet after the parts a streaming reader needs', async () => {
    const bytes = await write([{ label: 'Naam', type: 'text' }], [['Jan']]);
    const zip = new PizZip(bytes, { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/worksheets/sheet1.xml']);
    expect(zip.file('xl/workbook.xml')?.asText()).toContain('name="Leden &amp; co"');
  });

  it('keeps every text exactly, types numbers, dates and amounts, and reaches beyond column Z', async () => {
    const columns: SheetColumn[] = [
      ...TRICKY.map((_, i) => ({ label: `Tekst ${i}`, type: 'text' as const })),
      { label: 'Datum', type: 'date' },
      { label: 'Oud', type: 'date' },
      { label: 'Bedrag', type: 'amount' },
      ...Array.from({ length: 20 }, (_, i) => ({ label: `K${i}`, type: 'integer' as const })),
    ];
    const row = [...TRICKY, '1961-07-03', '1890-05-01', 12.5, ...Array.from({ length: 20 }, (_, i) => i)];
    const ws = await load(await write(columns, [row, columns.map(() => null)]));
    const got = (ws.getRow(2).values as unknown[]).slice(1);
    // exceljs does not decode Excel's _xHHHH_ escapes (Excel and LibreOffice do: below).
    expect(got.slice(0, TRICKY.length)).toEqual([TRICKY[0], 'bel_x0007_en', 'letterlijk _x005F_x0041_', TRICKY[3], TRICKY[4], TRICKY[5], "'=1+1"]);
    expect(got[TRICKY.length]).toEqual(new Date(Date.UTC(1961, 6, 3)));
    expect(ws.getRow(2).getCell(TRICKY.length + 1).numFmt).toBe('dd-mm-yyyy');
    expect(got[TRICKY.length + 1]).toBe('01-05-1890'); // no Excel serial exists: shown as text
    expect(got[TRICKY.length + 2]).toBe(12.5);
    expect(ws.getRow(2).getCell(TRICKY.length + 3).numFmt).toBe('#,##0.00');
    expect(ws.getCell('AD2').value).toBe(19);
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.getRow(2).height).toBe(30); // two lines
    expect(ws.getRow(3).cellCount).toBe(0); // empty values write no cells
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('is read back by our own import with its types', async () => {
    const bytes = await write([{ label: 'Naam', type: 'text' }, { label: 'Geboortedatum', type: 'date' }, { label: 'Contributie', type: 'amount' }], [['Zoë & Jan', '1988-02-29', 12.5], ['  Piet', null, 25]]);
    const t = await readTable(bytes, { encoding: 'auto', delimiter: 'auto' });
    expect(t.headers).toEqual(['Naam', 'Geboortedatum', 'Contributie']);
    expect(t.rows.map((r) => r.cells)).toEqual([['Zoë & Jan', { date: '1988-02-29' }, 12.5], ['  Piet', null, 25]]);
  });
});

describe.runIf(spawnable('soffice'))('the xlsx writer in LibreOffice (needs soffice)', () => {
  it('opens with every value and format intact', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xlsx-writer-'));
    const file = path.join(dir, 'lijst.xlsx');
    fs.writeFileSync(file, await write([{ label: 'Naam', type: 'text' }, { label: 'Datum', type: 'date' }, { label: 'Bedrag', type: 'amount' }, { label: 'Code', type: 'text' }], [['a & b <c>', '1961-07-03', 1234.5, 'letterlijk _x0041_ en bel\u0007']]));
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false', '--outdir', dir, file], { stdio: 'ignore', timeout: 120_000 });
    const csv = fs.readFileSync(path.join(dir, 'lijst.csv'), 'utf8');
    expect(csv.split('\n')[1]?.trim()).toBe('a & b <c>,03-07-1961,"1,234.50",letterlijk _x0041_ en bel\u0007');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

function spawnable(cmd: string): boolean {
  try {
    execFileSync('which', [cmd], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
