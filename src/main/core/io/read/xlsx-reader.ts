import { excelSerialToIso, isIsoDate } from '../../../../shared/dutch/dates';
import { DomainError } from '../../../../shared/errors';
import { checkpoint, CHUNK_ROWS, type Progress } from '../progress';
import { isBlankCell, type CellValue, type SourceRow, type SourceTable } from './source-table';
import { ZipError, ZipReader } from './zip-reader';

/**
 * Reads one sheet of an .xlsx exactly, or says why not. Our own reader (the parts are small
 * XML with a fixed shape) instead of exceljs' streaming one, which read ISO date cells
 * (`t="d"`) as the year (1961-07-03 became serial 1961, 14-5-1905), turned NaN and
 * out-of-range date serials into empty cells or 1899 dates, returned the rows it had when a
 * sheet was cut off, and inflated a 210 KB zip bomb until V8 gave up on the string.
 *
 * - date cells: `t="d"` as its ISO date; a number with a date format as the day of its serial
 *   (1900 or 1904 system); a serial outside 1-1-1900 … 31-12-9999 (0, negative, 1e308) stays
 *   a number and NaN stays text, so the date column reports a row issue;
 * - text: shared strings, inline strings and formula results, with XML entities and Excel's
 *   `_xHHHH_` escapes decoded; booleans as booleans; error cells empty;
 * - a part that is cut off, damaged (CRC) or not well-formed where it matters is
 *   `XLSX_TRUNCATED` / `XLSX_UNREADABLE`; more than MAX_INFLATED bytes unpacked is
 *   `XLSX_TOO_LARGE`, more than MAX_ROWS rows `XLSX_TOO_MANY_ROWS`.
 */
export const XLSX_LIMITS = {
  /** Unpacked bytes of one part (a sheet of 100,000 members is ~40 MB). */
  maxPartBytes: 256 * 1024 * 1024,
  /** Unpacked bytes of all parts read. */
  maxTotalBytes: 384 * 1024 * 1024,
  /** Data rows of one sheet (Excel's own maximum is 1,048,576). */
  maxRows: 300_000,
};

function refuse(code: string, details?: Record<string, string | number>): DomainError {
  return new DomainError('VALIDATION_FAILED', details, [{ field: 'file', code, ...(details ? { details } : {}) }]);
}

const MB = 1024 * 1024;

function zipFailure(e: ZipError): DomainError {
  if (e.kind === 'tooLarge') return refuse('XLSX_TOO_LARGE', { limit: Math.round(XLSX_LIMITS.maxPartBytes / MB), part: e.part ?? '' });
  if (e.kind === 'truncated') return refuse('XLSX_TRUNCATED', { part: e.part ?? 'zip', reason: e.message });
  return refuse('XLSX_UNREADABLE', { reason: e.message });
}

// ── XML helpers: attributes, entities, Excel's _xHHHH_ escapes ────────────────────────────
const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (_, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : (NAMED[name ?? ''] ?? ''),
  );
}

/** Text as Excel stores it: `_x000D_` is a carriage return, `_x005F_` a literal underscore. */
function decodeText(s: string): string {
  const text = decodeXml(s);
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : text;
}

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1]?.replace(/^\w+:(?!id$)/, '') ?? '', decodeXml(m[2] ?? m[3] ?? ''));
  return out;
}

const itemRegexes = new Map<string, { rPh: RegExp; t: RegExp }>();

/** Concatenated `<t>` texts of a string item (rich text runs), leaving out phonetic guides. */
function stringItem(xml: string, p: string): string {
  let re = itemRegexes.get(p);
  if (!re) itemRegexes.set(p, (re = { rPh: new RegExp(`<${p}rPh\\b[\\s\\S]*?</${p}rPh>`, 'g'), t: new RegExp(`<${p}t(?:\\s[^>]*)?>([\\s\\S]*?)</${p}t>`, 'g') }));
  const body = xml.includes('rPh') ? xml.replace(re.rPh, '') : xml;
  let out = '';
  for (const m of body.matchAll(re.t)) out += m[1] ?? '';
  return decodeText(out);
}

/** The namespace prefix a part uses for SpreadsheetML ('' or 'x:'). */
function prefixOf(xml: string, root: string): string {
  const m = new RegExp(`<(\\w+:)?${root}[\\s>]`).exec(xml);
  if (!m) throw refuse('XLSX_UNREADABLE', { reason: `no <${root}>` });
  return m[1] ?? '';
}

/** A part as text; a part that does not end where its root element ends was cut off. */
function part(zip: ZipReader, name: string, root: string): { xml: string; p: string } {
  let xml: string;
  try {
    xml = zip.read(name).toString('utf8');
  } catch (e) {
    throw e instanceof ZipError ? zipFailure(e) : e;
  }
  const p = prefixOf(xml, root);
  if (!new RegExp(`</${p}${root}>\\s*$`).test(xml) && !new RegExp(`<${p}${root}\\b[^>]*/>\\s*$`).test(xml)) {
    throw refuse('XLSX_TRUNCATED', { part: name, reason: `not closed by </${root}>` });
  }
  return { xml, p };
}

// ── workbook, relationships, styles, shared strings ──────────────────────────────────────
function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `xl/${target}`.split('/');
  const out: string[] = [];
  for (const s of parts) {
    if (s === '..') out.pop();
    else if (s !== '.') out.push(s);
  }
  return out.join('/');
}

function workbookSheets(zip: ZipReader): { sheets: { name: string; path: string }[]; date1904: boolean } {
  if (!zip.has('xl/workbook.xml')) throw refuse('XLSX_UNREADABLE', { reason: 'no xl/workbook.xml' });
  const { xml, p } = part(zip, 'xl/workbook.xml', 'workbook');
  const rels = new Map<string, string>();
  if (zip.has('xl/_rels/workbook.xml.rels')) {
    const r = part(zip, 'xl/_rels/workbook.xml.rels', 'Relationships');
    for (const m of r.xml.matchAll(new RegExp(`<${r.p}Relationship\\b([^>]*)/?>`, 'g'))) {
      const a = attributes(m[1] ?? '');
      rels.set(a.get('Id') ?? '', resolveTarget(a.get('Target') ?? ''));
    }
  }
  const sheets = [...xml.matchAll(new RegExp(`<${p}sheet\\b([^>]*)/?>`, 'g'))].map((m) => {
    const a = attributes(m[1] ?? '');
    return { name: a.get('name') ?? '', path: rels.get(a.get('r:id') ?? '') ?? '' };
  });
  const pr = new RegExp(`<${p}workbookPr\\b([^>]*)>`).exec(xml);
  const date1904 = pr ? ['1', 'true'].includes(attributes(pr[1] ?? '').get('date1904') ?? '') : false;
  return { sheets, date1904 };
}

// Built-in number formats that are dates (ECMA-376 18.8.30, and the East Asian ones Excel also writes).
const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A format code shows a date when, outside quotes, escapes and [..] sections, it has y, m, d, h or s. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*]/g, '');
  return /[ymdhs]/i.test(bare.replace(/General/gi, ''));
}

/** Per cell style index (`s`): whether its number format is a date. */
function dateStyles(zip: ZipReader): boolean[] {
  if (!zip.has('xl/styles.xml')) return [];
  const { xml, p } = part(zip, 'xl/styles.xml', 'styleSheet');
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(new RegExp(`<${p}numFmt\\b([^>]*)/?>`, 'g'))) {
    const a = attributes(m[1] ?? '');
    custom.set(Number(a.get('numFmtId')), a.get('formatCode') ?? '');
  }
  const xfs = new RegExp(`<${p}cellXfs\\b[^>]*>([\\s\\S]*?)</${p}cellXfs>`).exec(xml)?.[1] ?? '';
  return [...xfs.matchAll(new RegExp(`<${p}xf\\b([^>]*?)/?>`, 'g'))].map((m) => {
    const id = Number(attributes(m[1] ?? '').get('numFmtId') ?? 0);
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : BUILTIN_DATES.has(id);
  });
}

function sharedStrings(zip: ZipReader): string[] {
  if (!zip.has('xl/sharedStrings.xml')) return [];
  const { xml, p } = part(zip, 'xl/sharedStrings.xml', 'sst');
  return [...xml.matchAll(new RegExp(`<${p}si(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${p}si>)`, 'g'))].map((m) => stringItem(m[1] ?? '', p));
}

// ── cells ───────────────────────────────────────────────────────────────────────────────
// Excel's serial range for 1900-01-01 … 9999-12-31.
const MAX_SERIAL = 2_958_465;
const DAYS_1904 = 1_462;

/** Column number (0-based) from a cell reference: 'C7' → 2. */
function columnOf(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

interface SheetEnv {
  strings: string[];
  dates: boolean[];
  date1904: boolean;
  p: string;
  /** Compiled once per sheet: a cell is matched millions of times. */
  re: { cell: RegExp; v: RegExp; is: RegExp; extLst: RegExp };
}

function sheetRegexes(p: string): SheetEnv['re'] {
  return {
    cell: new RegExp(`<${p}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${p}c>)`, 'g'),
    v: new RegExp(`<${p}v(?:\\s[^>]*)?>([\\s\\S]*?)</${p}v>`),
    is: new RegExp(`<${p}is\\b[^>]*>([\\s\\S]*?)</${p}is>`),
    extLst: new RegExp(`<${p}extLst\\b[\\s\\S]*?</${p}extLst>`, 'g'),
  };
}

/** One attribute of a start tag's attribute text, without building a map (cells have three). */
function attr(tag: string, name: string): string | undefined {
  let at = tag.indexOf(`${name}="`);
  while (at > 0 && !/\s/.test(tag.charAt(at - 1))) at = tag.indexOf(`${name}="`, at + 1);
  if (at < 0) return undefined;
  const start = at + name.length + 2;
  const end = tag.indexOf('"', start);
  return end < 0 ? undefined : decodeXml(tag.slice(start, end));
}

function numberCell(text: string, dateStyled: boolean, env: SheetEnv): CellValue {
  const n = Number(text);
  // 'NaN', 'INF' or garbage: keep the text, so a date or number column says what it got.
  if (text.trim() === '' || !Number.isFinite(n)) return text;
  if (!dateStyled) return n;
  const serial = env.date1904 ? n + DAYS_1904 : n;
  return serial >= 1 && serial < MAX_SERIAL + 1 ? { date: excelSerialToIso(serial) } : n;
}

function cellValue(tag: string, body: string, env: SheetEnv): CellValue {
  const { p } = env;
  const type = attr(tag, 't') ?? 'n';
  if (type === 'inlineStr') {
    const is = env.re.is.exec(body);
    return is ? stringItem(is[1] ?? '', p) : null;
  }
  const v = env.re.v.exec(body);
  if (!v) return null;
  const text = decodeXml(v[1] ?? '');
  switch (type) {
    case 's': {
      const s = env.strings[Number(text)];
      if (s === undefined) throw refuse('XLSX_UNREADABLE', { reason: `shared string ${text} does not exist` });
      return s;
    }
    case 'str':
      return decodeText(v[1] ?? '');
    case 'b':
      return text === '1' || text === 'true';
    case 'e':
      return null;
    case 'd': {
      const day = text.slice(0, 10);
      return isIsoDate(day) && (text.length === 10 || text[10] === 'T') ? { date: day } : text;
    }
    default:
      return numberCell(text, env.dates[Number(attr(tag, 's') ?? 0)] === true, env);
  }
}

/** Only whitespace may sit between the elements a scan stepped over; anything else is markup we do not understand. */
function assertGap(xml: string, from: number, to: number, where: string): void {
  if (to > from && /\S/.test(xml.slice(from, to))) throw refuse('XLSX_UNREADABLE', { reason: `unexpected content in ${where}` });
}

function rowCells(body: string, env: SheetEnv, rowNumber: number): CellValue[] {
  const cells: CellValue[] = [];
  let last = 0;
  let next = 0;
  for (const m of body.matchAll(env.re.cell)) {
    assertGap(body, last, m.index, `row ${rowNumber}`);
    last = m.index + m[0].length;
    const tag = m[1] ?? '';
    const ref = attr(tag, 'r');
    const col = ref ? columnOf(ref) : next;
    next = col + 1;
    const value = cellValue(tag, m[2] ?? '', env);
    while (cells.length < col) cells.push(null);
    cells[col] = value;
  }
  // Row extensions (extLst) may follow the cells; only they are allowed after them.
  if (last < body.length) assertGap(body.replace(env.re.extLst, (s) => ' '.repeat(s.length)), last, body.length, `row ${rowNumber}`);
  return cells;
}

/**
 * Reads one sheet (the first unless `opts.sheet`). Rows with only blank cells are skipped;
 * the first non-blank row is the header.
 */
export async function readXlsx(bytes: Uint8Array, opts: { sheet?: string | undefined }, progress?: Progress): Promise<SourceTable> {
  let zip: ZipReader;
  try {
    zip = new ZipReader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), XLSX_LIMITS);
  } catch (e) {
    throw e instanceof ZipError ? zipFailure(e) : e;
  }
  const { sheets: all, date1904 } = workbookSheets(zip);
  const sheets = all.map((s) => s.name);
  const chosen = opts.sheet === undefined ? all[0] : all.find((s) => s.name === opts.sheet);
  if (!chosen) {
    if (opts.sheet !== undefined) throw new DomainError('VALIDATION_FAILED', { sheets }, [{ field: 'read.sheet', code: 'SHEET_NOT_FOUND' }]);
    throw refuse('XLSX_UNREADABLE', { reason: 'no worksheet' });
  }
  if (!zip.has(chosen.path)) throw refuse('XLSX_TRUNCATED', { part: chosen.path || chosen.name, reason: 'worksheet missing' });
  const { xml, p } = part(zip, chosen.path, 'worksheet');
  const env: SheetEnv = { strings: sharedStrings(zip), dates: dateStyles(zip), date1904, p, re: sheetRegexes(p) };

  const open = new RegExp(`<${p}sheetData\\b[^>]*?(/?)>`).exec(xml);
  if (!open) throw refuse('XLSX_UNREADABLE', { reason: 'no sheetData' });
  const start = open.index + open[0].length;
  const end = open[1] === '/' ? start : xml.indexOf(`</${p}sheetData>`, start);
  if (end < 0) throw refuse('XLSX_TRUNCATED', { part: chosen.path, reason: 'sheetData not closed' });
  const data = xml.slice(start, end);

  let headers: string[] = [];
  let headerSeen = false;
  const rows: SourceRow[] = [];
  const re = new RegExp(`<${p}row\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${p}row>)`, 'g');
  let last = 0;
  let sequential = 0;
  for (const m of data.matchAll(re)) {
    assertGap(data, last, m.index, 'sheetData');
    last = m.index + m[0].length;
    const r = Number(attr(m[1] ?? '', 'r') ?? NaN);
    const number = Number.isInteger(r) && r > 0 ? r : sequential + 1;
    sequential = number;
    const values = rowCells(m[2] ?? '', env, number);
    if (values.every(isBlankCell)) continue;
    if (!headerSeen) {
      headerSeen = true;
      headers = values.map((v) => (v === null ? '' : typeof v === 'object' ? v.date : String(v).trim()));
      continue;
    }
    if (rows.length >= XLSX_LIMITS.maxRows) throw refuse('XLSX_TOO_MANY_ROWS', { limit: XLSX_LIMITS.maxRows });
    rows.push({ row: number, cells: values });
    if (rows.length % CHUNK_ROWS === 0) await checkpoint(progress, { phase: 'read', done: rows.length, total: 0 });
  }
  assertGap(data, last, data.length, 'sheetData');
  return { format: 'xlsx', encoding: null, delimiter: null, sheets, sheet: chosen.name, headers, rows, issues: [] };
}
