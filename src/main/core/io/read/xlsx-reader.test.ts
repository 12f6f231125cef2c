import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../../../shared/errors';
import { createTestCore, type TestClock } from '../../../../../test/support/test-core';
import type { Core } from '../../create-core';
import { writeZip } from '../zip-writer';
import { ioClient } from '../../../../../test/support/io/io-test-kit';
import { readTable } from './read-table';
import { XLSX_LIMITS } from './xlsx-reader';

/**
 * Real .xlsx files (zips of SpreadsheetML parts) built here, each with the one thing a
 * writer or a damaged file does that a reader must get right.
 */
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const auto = { encoding: 'auto' as const, delimiter: 'auto' as const };

function parts(sheetData: string, opts: { date1904?: boolean; strings?: string[] } = {}): { name: string; data: string }[] {
  const strings = opts.strings ?? [];
  return [
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    { name: 'xl/workbook.xml', data: `<?xml version="1.0"?><workbook ${NS}><workbookPr${opts.date1904 ? ' date1904="1"' : ''}/><sheets><sheet name="Leden" sheetId="1" r:id="rId1"/></sheets></workbook>` },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    },
    // Style 0 general, 1 a custom date format, 2 built-in 14 (a date), 3 a number with decimals.
    {
      name: 'xl/styles.xml',
      data: `<?xml version="1.0"?><styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="dd\\-mm\\-yyyy"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="4"/></cellXfs></styleSheet>`,
    },
    { name: 'xl/sharedStrings.xml', data: `<?xml version="1.0"?><sst ${NS} count="${strings.length}">${strings.map((s) => `<si>${s}</si>`).join('')}</sst>` },
    { name: 'xl/worksheets/sheet1.xml', data: `<?xml version="1.0"?><worksheet ${NS}><sheetData>${sheetData}</sheetData></worksheet>` },
  ];
}

const xlsx = (sheetData: string, opts?: Parameters<typeof parts>[1]) => writeZip(parts(sheetData, opts), { compress: true });
const HEADER = '<row r="1"><c r="A1" t="inlineStr"><is><t>Achternaam</t></is></c><c r="B1" t="inlineStr"><is><t>Geboortedatum</t></is></c></row>';
const person = (r: number, cell: string) => `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Lid${r}</t></is></c>${cell.replace('CELL', `B${r}`)}</row>`;

async function refusal(p: Promise<unknown>): Promise<{ code: string | undefined; details: Record<string, unknown> | undefined }> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(DomainError);
  return { code: (e as DomainError).issues?.[0]?.code, details: (e as DomainError).issues?.[0]?.details };
}

let core: (Core & { clock: TestClock }) | undefined;
afterEach(() => core?.close());

describe('Excel cells are read exactly', () => {
  it('reads an ISO date cell (t="d") as that day, and date serials by their format', async () => {
    const t = await readTable(
      xlsx(
        HEADER +
          person(2, '<c r="CELL" t="d"><v>1961-07-03</v></c>') +
          person(3, '<c r="CELL" s="1"><v>22465</v></c>') +
          person(4, '<c r="CELL" s="2"><v>22465.75</v></c>') +
          person(5, '<c r="CELL" t="d"><v>1961-07-03T00:00:00</v></c>') +
          person(6, '<c r="CELL" s="3"><v>22465</v></c>'),
      ),
      auto,
    );
    expect(t.rows.map((r) => r.cells[1])).toEqual([{ date: '1961-07-03' }, { date: '1961-07-03' }, { date: '1961-07-03' }, { date: '1961-07-03' }, 22465]);
  });

  it('uses the 1904 date system when the workbook says so', async () => {
    const t = await readTable(xlsx(HEADER + person(2, '<c r="CELL" s="1"><v>20_pass</v></c>'.replace('20_pass', '21003')), { date1904: true }), auto);
    expect(t.rows[0]?.cells[1]).toEqual({ date: '1961-07-03' });
  });

  it('decodes shared strings with rich text, entities and Excel escapes, booleans and errors', async () => {
    const strings = ['<t>Achternaam</t>', '<r><t>Van </t></r><r><rPr><b/></rPr><t xml:space="preserve">den Berg</t></r><rPh><t>ファン</t></rPh>', '<t>A &amp; B_x000D_&#10;C _x005F_x0041_</t>'];
    const t = await readTable(
      xlsx('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Actief</t></is></c></row><row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="b"><v>1</v></c></row><row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3" t="e"><v>#N/A</v></c></row>', { strings }),
      auto,
    );
    expect(t.headers).toEqual(['Achternaam', 'Actief']);
    expect(t.rows.map((r) => r.cells)).toEqual([
      ['Van den Berg', true],
      ['A & B\r\nC _x0041_', null],
    ]);
  });

  it('gives a row issue, never an empty cell or an 1899 date, for NaN, 1e308, 0 and negative serials in a date column', async () => {
    core = createTestCore();
    const io = ioClient(core);
    const file = xlsx(
      HEADER +
        person(2, '<c r="CELL" s="1"><v>NaN</v></c>') +
        person(3, '<c r="CELL" s="1"><v>1e308</v></c>') +
        person(4, '<c r="CELL" s="1"><v>0</v></c>') +
        person(5, '<c r="CELL" s="2"><v>-5</v></c>') +
        person(6, '<c r="CELL" t="d"><v>1961-07-03</v></c>'),
    );
    const r = await io('io.previewImport', { file: Buffer.from(file).toString('base64'), fileName: 'leden.xlsx' });
    expect(r.rows.map((x) => [x.row, x.outcome, x.issues.map((i) => `${i.field} ${i.code}`)])).toEqual([
      [2, 'reject', ['Geboortedatum DATE_INVALID_FORMAT']],
      [3, 'reject', ['Geboortedatum DATE_INVALID']],
      [4, 'reject', ['Geboortedatum DATE_INVALID']],
      [5, 'reject', ['Geboortedatum DATE_INVALID']],
      [6, 'create', []],
    ]);
    expect(r.rows[4]?.changes).toContainEqual({ field: 'birthDate', old: null, new: '1961-07-03' });
  });
});

describe('a damaged or oversized workbook is a file error, never a partial import', () => {
  it('a worksheet cut off in the middle', async () => {
    const whole = parts(HEADER + person(2, '<c r="CELL" t="d"><v>1961-07-03</v></c>') + person(3, '<c r="CELL" t="d"><v>1970-01-01</v></c>'));
    const sheet = whole.find((p) => p.name.endsWith('sheet1.xml'))!;
    sheet.data = sheet.data.slice(0, sheet.data.indexOf('<row r="3"') + 20);
    expect(await refusal(readTable(writeZip(whole, { compress: true }), auto))).toMatchObject({ code: 'XLSX_TRUNCATED', details: { part: 'xl/worksheets/sheet1.xml' } });
  });

  it('a file cut off, and a part whose bytes were damaged', async () => {
    const bytes = xlsx(HEADER + person(2, '<c r="CELL" t="d"><v>1961-07-03</v></c>'));
    expect((await refusal(readTable(bytes.slice(0, bytes.length - 40), auto))).code).toBe('XLSX_TRUNCATED');
    const stored = writeZip(parts(HEADER + person(2, '<c r="CELL" t="d"><v>1961-07-03</v></c>')), { compress: false });
    const damaged = Buffer.from(stored);
    const at = damaged.indexOf('1961-07-03');
    damaged.write('1962', at);
    expect(await refusal(readTable(damaged, auto))).toMatchObject({ code: 'XLSX_TRUNCATED', details: { reason: 'CRC mismatch' } });
  });

  it('markup it does not understand inside the sheet data', async () => {
    const bytes = xlsx(HEADER + '<row r="2"><c r="A2"><v>1</v></c><onbekend/></row>');
    expect((await refusal(readTable(bytes, auto))).code).toBe('XLSX_UNREADABLE');
  });

  it('a small file that unpacks to hundreds of megabytes (a zip bomb)', async () => {
    const bytes = await bomb(300);
    expect(bytes.length).toBeLessThan(400_000);
    expect(await refusal(readTable(bytes, auto))).toMatchObject({ code: 'XLSX_TOO_LARGE', details: { limit: XLSX_LIMITS.maxPartBytes / (1024 * 1024) } });
  });

  it('more rows than the limit', async () => {
    const rows: string[] = [HEADER];
    for (let r = 2; r <= XLSX_LIMITS.maxRows + 2; r++) rows.push(`<row r="${r}"><c r="A${r}" t="b"><v>1</v></c></row>`);
    expect(await refusal(readTable(xlsx(rows.join('')), auto))).toMatchObject({ code: 'XLSX_TOO_MANY_ROWS', details: { limit: XLSX_LIMITS.maxRows } });
  });
});

/** An .xlsx whose sheet unpacks to `mb` megabytes (one enormous cell), deflated in chunks (never held unpacked). */
async function bomb(mb: number): Promise<Uint8Array> {
  const head = Buffer.from(`<?xml version="1.0"?><worksheet ${NS}><sheetData>${HEADER}<row r="2"><c r="A2" t="inlineStr"><is><t>`);
  const chunk = Buffer.alloc(1024 * 1024, 'a');
  const tail = Buffer.from('</t></is></c></row></sheetData></worksheet>');
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  let crc = zlib.crc32(head);
  let size = head.length;
  deflate.write(head);
  for (let i = 0; i < mb; i++) {
    crc = zlib.crc32(chunk, crc);
    size += chunk.length;
    if (!deflate.write(chunk)) await new Promise((r) => deflate.once('drain', r));
  }
  crc = zlib.crc32(tail, crc);
  size += tail.length;
  deflate.end(tail);
  await done;
  // The other parts from the ordinary writer, the sheet spliced in as a raw deflated entry.
  const others = writeZip(parts('').filter((p) => !p.name.endsWith('sheet1.xml')), { compress: true });
  return appendDeflated(Buffer.from(others), 'xl/worksheets/sheet1.xml', Buffer.concat(out), crc, size);
}

/** Adds one already-deflated entry to a zip made by writeZip (rewrites its central directory). */
function appendDeflated(zip: Buffer, name: string, data: Buffer, crc: number, size: number): Uint8Array {
  const end = zip.length - 22;
  const dirOffset = zip.readUInt32LE(end + 16);
  const dirSize = zip.readUInt32LE(end + 12);
  const count = zip.readUInt16LE(end + 10);
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc >>> 0, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc >>> 0, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(dirOffset, 42);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(count + 1, 8);
  eocd.writeUInt16LE(count + 1, 10);
  eocd.writeUInt32LE(dirSize + 46 + nameBytes.length, 12);
  eocd.writeUInt32LE(dirOffset + 30 + nameBytes.length + data.length, 16);
  return Buffer.concat([zip.subarray(0, dirOffset), local, nameBytes, data, zip.subarray(dirOffset, dirOffset + dirSize), central, nameBytes, eocd]);
}
