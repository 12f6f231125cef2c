import fs from 'node:fs';
import path from 'node:path';
import type { FileOutput } from '../../../../shared/contract/io';
import { DomainError } from '../../../../shared/errors';
import { headerKey } from '../../io/import/header-match';
import type { CoreContext } from '../../context';
import { listCustomFields } from '../../classification/classification.repo';
import { loadTemplate, type Template } from '../../io/merge/docx-template';
import { fieldKeyResolver, mergeFieldCatalogue } from '../../io/merge/merge-fields';
import { mergeOne, mergeSingle, type RecipientExtras } from '../../io/merge/merge-document';
import type { RepeatingList } from '../../io/merge/repeat-rows';
import { checkpoint, type Progress } from '../../io/progress';
import { qrPng } from '../../io/qr/qr-png';
import { writeZip } from '../../io/zip-writer';
import { PdfWriter } from '../../io/pdf/pdf-writer';
import { getInvoicingSettings } from '../invoicing-settings';
import { loadInvoiceDocuments, type InvoiceDocument, type ReminderFacts } from './document-values';
import { writeLetter } from './letter-pdf';
import { DOCUMENT_FIELDS, LETTER_OF_STAGE, LETTERS, LINE_FIELDS, QR_FIELD, type LetterKind } from './letter-texts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PDF = 'application/pdf';
const ZIP = 'application/zip';
/** Letters per step between progress reports (and chances to cancel). */
const STEP = 250;
/** The QR code's printed size: EPC asks for at least 2 × 2 cm; 3 cm scans easily from paper. */
const QR_CM = 3;

export interface DocumentRequest {
  format: 'docx' | 'pdf';
  /** One file with every letter, or a zip with a file per invoice. */
  output: 'single' | 'perInvoice';
  /** The user's own Word template (base64); the shipped default when absent. */
  template?: string | undefined;
}

export type DocumentFile = FileOutput & { documents: number };

function defaultTemplate(ctx: CoreContext, kind: LetterKind): Buffer {
  return fs.readFileSync(path.join(ctx.resourcesDir, 'templates', `${LETTERS[kind].file}.docx`));
}

/** Document fields first, then every relation field a mail merge knows ({aanhef}, {adresblok}, …). */
function resolver(ctx: CoreContext): (written: string) => string | null {
  const own = new Map(DOCUMENT_FIELDS.map(([k]) => [headerKey(k), k]));
  const relation = fieldKeyResolver(mergeFieldCatalogue(listCustomFields(ctx)));
  return (written) => own.get(headerKey(written)) ?? relation(written);
}

function openTemplate(ctx: CoreContext, kind: LetterKind, base64: string | undefined): Template {
  const t = loadTemplate(base64 ? Buffer.from(base64, 'base64') : defaultTemplate(ctx, kind), resolver(ctx));
  const unknown = t.placeholders.filter((p) => !p.known);
  if (unknown.length) {
    throw new DomainError('VALIDATION_FAILED', { unknown: unknown.map((u) => u.name) }, unknown.map((u) => ({ field: 'template', code: 'TEMPLATE_UNKNOWN_PLACEHOLDER', details: { name: u.written[0] ?? u.name } })));
  }
  return t;
}

const LINES = new Set<string>(LINE_FIELDS);

function extrasOf(docs: InvoiceDocument[]): RecipientExtras {
  return {
    lists: (i): RepeatingList[] => [{ names: LINES, items: docs[i]?.lines ?? [] }],
    pictures: {
      names: [QR_FIELD],
      of: (i) => {
        const qr = docs[i]?.qr;
        return (name) => (name === QR_FIELD && qr ? { png: qrPng(qr), cm: QR_CM } : null);
      },
    },
  };
}

const safeName = (s: string) => s.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').slice(0, 80);

/**
 * Letters of one kind for these invoices: .docx through the merge engine (the user's
 * template or the shipped one; a table row with {regel_…} fields repeats per invoice line,
 * {betaal_qr} becomes the EPC QR code), or PDF laid out by the app. One file for all, or a
 * zip with a file per invoice named by number and name. Builds in steps that report
 * progress and can be cancelled; nothing is written to the administration.
 */
export async function lettersFile(
  ctx: CoreContext,
  kind: LetterKind,
  ids: string[],
  req: DocumentRequest,
  reminderOf: ((invoiceId: string) => ReminderFacts | null) | undefined,
  progress?: Progress,
): Promise<DocumentFile> {
  if (ids.length === 0) throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'invoices', code: 'NO_DOCUMENTS' }]);
  const template = req.format === 'docx' ? openTemplate(ctx, kind, req.template) : null;
  const sender = getInvoicingSettings(ctx).sender.name ?? undefined;
  const title = LETTERS[kind].file;
  const pdf = req.format === 'pdf' && req.output === 'single' ? await PdfWriter.create({ title: `${title} ${ctx.today()}`, author: sender }) : null;
  const docs: InvoiceDocument[] = [];
  const files: { name: string; data: Uint8Array }[] = [];
  for (let i = 0; i < ids.length; i += STEP) {
    const step = loadInvoiceDocuments(ctx, ids.slice(i, i + STEP), reminderOf);
    for (const d of step) {
      const name = `${d.invoice.number} ${safeName(d.record.displayName)}`;
      if (pdf) writeLetter(pdf, kind, d);
      else if (req.format === 'pdf') {
        const one = await PdfWriter.create({ title: `${title} ${d.invoice.number}`, author: sender });
        writeLetter(one, kind, d);
        files.push({ name: `${name}.pdf`, data: await one.save() });
      } else if (req.output === 'perInvoice') files.push({ name: `${name}.docx`, data: mergeOne(template!, d.values, extrasOf([d])) });
      else docs.push(d);
    }
    await checkpoint(progress, { phase: 'documents', done: Math.min(ids.length, i + STEP), total: ids.length });
  }
  const stamp = `${title}-${ctx.today()}`;
  if (pdf) return { fileName: `${stamp}.pdf`, mimeType: PDF, bytes: Buffer.from(await pdf.save()).toString('base64'), documents: ids.length };
  if (files.length) return { fileName: `${stamp}.zip`, mimeType: ZIP, bytes: Buffer.from(writeZip(files, { compress: false })).toString('base64'), documents: files.length };
  const bytes = mergeSingle(template!, docs.map((d) => d.values), extrasOf(docs));
  return { fileName: `${stamp}.docx`, mimeType: DOCX, bytes: Buffer.from(bytes).toString('base64'), documents: docs.length };
}

/** The invoices of a run (in number order), or the ones named. */
export function invoiceDocuments(ctx: CoreContext, q: DocumentRequest & { runId?: string | undefined; invoiceIds?: string[] | undefined }, progress?: Progress): Promise<DocumentFile> {
  const ids = q.runId
    ? (ctx.sqlite.prepare('SELECT id FROM invoices WHERE run_id = ? ORDER BY year, sequence').pluck().all(q.runId) as string[])
    : (q.invoiceIds ?? []);
  return lettersFile(ctx, 'factuur', ids, q, undefined, progress);
}

/** The reminder letters of one stage sent on one date (as `reminders.run` recorded them). */
export function reminderDocuments(ctx: CoreContext, q: DocumentRequest & { stage: 1 | 2 | 3; date?: string | undefined }, progress?: Progress): Promise<DocumentFile> {
  const date = q.date ?? ctx.today();
  const rows = ctx.sqlite
    .prepare(
      `SELECT m.invoice_id AS invoiceId, m.reminder_date AS date, m.deadline, m.open_cents AS openCents, m.stated_costs_cents AS statedCostsCents,
              (SELECT max(p.reminder_date) FROM invoice_reminders p WHERE p.invoice_id = m.invoice_id AND p.stage < m.stage) AS previousDate
         FROM invoice_reminders m JOIN invoices i ON i.id = m.invoice_id
        WHERE m.stage = ? AND m.reminder_date = ? ORDER BY i.year, i.sequence`,
    )
    .all(q.stage, date) as (Omit<ReminderFacts, 'stage'> & { invoiceId: string })[];
  const facts = new Map(rows.map((r) => [r.invoiceId, { ...r, stage: q.stage }]));
  return lettersFile(ctx, LETTER_OF_STAGE[q.stage], [...facts.keys()], q, (id) => facts.get(id) ?? null, progress);
}
