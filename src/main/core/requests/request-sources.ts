import type { PDFDocument } from '@cantoo/pdf-lib';
import { pdfLibrary } from '../io/document-libraries';
import { DomainError } from '../../../shared/errors';
import { parseDutchDate } from '../../../shared/dutch/dates';
import { readTable } from '../io/read/read-table';
import { cellText, type CellValue } from '../io/read/source-table';
import { headerKey } from '../io/import/header-match';
import { readMail } from '../mail/read-mail';
import { ORIGINALS_FIELD } from './request-form';

export type SourceKind = 'csv' | 'xlsx' | 'json' | 'eml' | 'msg' | 'pdf';

/** One request as it stands in the file: a header row and its cells, not yet normalised. */
export interface RawRequest {
  /** Row number (CSV/Excel, the header is row 1) or position in the file (from 1). */
  position: number;
  headers: string[];
  cells: CellValue[];
  requestedOn: string | null;
  /** The sender's address (a mail): who to match when the form names no e-mail. */
  senderEmail: string | null;
  /** The values the member saw (the app's own form carries them), keyed by request field. */
  originals: Record<string, string | null> | null;
}

export interface ReadSource {
  kind: SourceKind;
  requests: RawRequest[];
  /** Problems with the file as a whole. */
  issues: { row: number; field: string | null; code: string }[];
}

/** Columns that say when the member filled in the form (Google/Microsoft Forms, web forms). */
const DATE_HEADERS = new Set(['datum', 'tijdstempel', 'timestamp', 'ingediend', 'ingediendop', 'verzonden', 'verzondenop', 'submitted', 'submittedat', 'date', 'datumwijziging']);

function refuse(code: string): DomainError {
  return new DomainError('VALIDATION_FAILED', undefined, [{ field: 'file', code }]);
}

/** The request date of a row: its date column, a date-time like "1-12-2026 10:31:04" included. */
export function requestDate(headers: string[], cells: CellValue[]): string | null {
  for (let i = 0; i < headers.length; i++) {
    if (!DATE_HEADERS.has(headerKey(headers[i] ?? ''))) continue;
    const v = cells[i] ?? null;
    if (v && typeof v === 'object') return v.date.slice(0, 10);
    const text = cellText(v).trim().split(/[ T]/)[0] ?? '';
    const r = parseDutchDate(text);
    if (r.ok) return r.value;
  }
  return null;
}

function kindOfName(fileName: string): string {
  return /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
}

/** Any file a change request arrives in → its requests. The content decides where it can. */
export async function readRequestSource(bytes: Uint8Array, fileName: string): Promise<ReadSource> {
  if (bytes.length === 0) throw refuse('FILE_EMPTY');
  const head = new TextDecoder().decode(bytes.subarray(0, 1024)).replace(/^\uFEFF/, '').trimStart();
  const ext = kindOfName(fileName);
  if (head.startsWith('%PDF')) return readPdf(bytes);
  if (ext === 'eml' || ext === 'msg' || (bytes[0] === 0xd0 && bytes[1] === 0xcf) || /^(received|return-path|from|date|mime-version|message-id|subject|to|delivered-to):/i.test(head)) {
    return readMailSource(bytes);
  }
  if (head.startsWith('{') || head.startsWith('[')) return readJson(bytes);
  const table = await readTable(bytes, { encoding: 'auto', delimiter: 'auto' });
  const issues = table.issues.filter((i) => i.severity === 'error').map((i) => ({ row: i.row, field: i.field, code: i.code }));
  return {
    kind: table.format,
    issues,
    requests: table.rows.map((r) => ({
      position: r.row,
      headers: table.headers,
      cells: r.cells,
      requestedOn: requestDate(table.headers, r.cells),
      senderEmail: null,
      originals: null,
    })),
  };
}

function readJson(bytes: Uint8Array): ReadSource {
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''));
  } catch {
    throw refuse('JSON_INVALID');
  }
  const list = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray((data as { requests?: unknown }).requests) ? (data as { requests: unknown[] }).requests : null;
  if (!list) throw refuse('REQUESTS_JSON_SHAPE');
  const issues: ReadSource['issues'] = [];
  const requests: RawRequest[] = [];
  list.forEach((item, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      issues.push({ row: i + 1, field: null, code: 'REQUESTS_JSON_SHAPE' });
      return;
    }
    const entries = Object.entries(item as Record<string, unknown>).filter(([, v]) => v === null || ['string', 'number', 'boolean'].includes(typeof v));
    const headers = entries.map(([k]) => k);
    const cells = entries.map(([, v]) => (v === null ? null : typeof v === 'number' || typeof v === 'boolean' ? v : String(v)));
    requests.push({ position: i + 1, headers, cells, requestedOn: requestDate(headers, cells), senderEmail: null, originals: null });
  });
  return { kind: 'json', requests, issues };
}

/** "Veld: waarde" lines of a web form's notification mail. */
export function formLines(text: string): { headers: string[]; cells: string[] } {
  const headers: string[] = [];
  const cells: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([^:]{1,60}?)\s*:\s*(.*?)\s*$/.exec(line);
    if (!m || !m[1] || /^(https?|mailto)$/i.test(m[1])) continue;
    headers.push(m[1]);
    cells.push(m[2] ?? '');
  }
  return { headers, cells };
}

async function readMailSource(bytes: Uint8Array): Promise<ReadSource> {
  const mail = await readMail(bytes);
  const kind = mail.format;
  const requests: RawRequest[] = [];
  const issues: ReadSource['issues'] = [];
  const { headers, cells } = formLines(mail.text);
  if (headers.length) requests.push({ position: 1, headers, cells, requestedOn: requestDate(headers, cells) ?? mail.date, senderEmail: mail.from, originals: null });
  // A form sent as an attachment (the returned PDF, a CSV export) counts as well.
  for (const a of mail.attachments) {
    const ext = kindOfName(a.fileName);
    if (!['pdf', 'csv', 'xlsx', 'json', 'txt'].includes(ext)) continue;
    try {
      const inner = await readRequestSource(a.content, a.fileName);
      for (const r of inner.requests) {
        requests.push({ ...r, position: requests.length + 1, requestedOn: r.requestedOn ?? mail.date, senderEmail: r.senderEmail ?? mail.from });
      }
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      issues.push({ row: 1, field: a.fileName, code: e.issues?.[0]?.code ?? 'ATTACHMENT_UNREADABLE' });
    }
  }
  if (requests.length === 0 && issues.length === 0) issues.push({ row: 1, field: null, code: 'MAIL_NO_FORM' });
  return { kind, requests, issues };
}

async function readPdf(bytes: Uint8Array): Promise<ReadSource> {
  const { PDFDocument, PDFTextField, PDFCheckBox } = await pdfLibrary.load();
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true });
  } catch {
    throw refuse('PDF_UNREADABLE');
  }
  const headers: string[] = [];
  const cells: CellValue[] = [];
  let originals: Record<string, string | null> | null = null;
  let fields;
  try {
    fields = doc.getForm().getFields();
  } catch {
    throw refuse('PDF_UNREADABLE');
  }
  for (const field of fields) {
    const name = field.getName();
    if (name === ORIGINALS_FIELD && field instanceof PDFTextField) {
      try {
        originals = JSON.parse(field.getText() ?? '{}') as Record<string, string | null>;
      } catch {
        originals = null;
      }
      continue;
    }
    if (field instanceof PDFTextField) {
      headers.push(name);
      cells.push(field.getText() ?? null);
    } else if (field instanceof PDFCheckBox) {
      headers.push(name);
      cells.push(field.isChecked());
    }
  }
  if (headers.length === 0) throw refuse('PDF_NO_FORM');
  return { kind: 'pdf', issues: [], requests: [{ position: 1, headers, cells, requestedOn: requestDate(headers, cells), senderEmail: null, originals }] };
}
