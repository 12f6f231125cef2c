import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import jsQR from 'jsqr';
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, tempDir } from '../../../../../test/support/test-core';
import { formatDutchDateLong } from '../../../../shared/dutch/dates';
import { makeRfReference } from '../../../../shared/dutch/rf-reference';
import { schedule2027, setupClub } from '../testing/contribution-fixture';
import { buildLetterTemplate } from './letter-template';
import { LETTERS } from './letter-texts';

/**
 * Invoice and reminder letters read back: the .docx XML holds the lines, totals and the QR
 * image part; the PDF's text (pdftotext) shows them; the QR code in the PDF, rendered by
 * pdftoppm, decodes (jsQR) to the EPC payload of the open amount.
 */
let core: ReturnType<typeof createTestCore>;
const tmp = tempDir();
const p: Record<string, string> = {};
let runId = '';
afterAll(() => {
  core.close();
  tmp.cleanup();
});

const SENDER = { name: 'Hockeyclub De Uil', addressLines: ['Sportlaan 1', '3581 AB  UTRECHT'], iban: 'NL91 ABNA 0417 1643 00', bic: null, email: 'penningmeester@deuil.nl' };

beforeAll(async () => {
  core = createTestCore();
  core.clock.set('2026-12-01');
  const { person } = await setupClub(core);
  p.anna = await person({ name: 'Anna Çelik', birthDate: '1980-01-01' });
  p.kim = await person({ name: 'Kim Çelik', birthDate: '2012-01-01' });
  p.bert = await person({ name: 'Bert Incasso', birthDate: '1980-01-01', iban: 'NL02ABNA0123456789' });
  await core.call('paymentSettings.set', { relationId: p.kim!, settings: { method: 'factuur', payerRelationId: p.anna } });
  await core.call('paymentSettings.set', { relationId: p.bert!, settings: { method: 'incasso' } });
  await core.call('contributions.setSettings', { settings: { invoicePrefix: 'C', termDays: 14, reminderDays: 14, referenceKind: 'betalingskenmerk', sender: SENDER } });
  await core.call('feeSchedules.save', { schedule: schedule2027({ household: null, oneOffCharges: [] }) });
  runId = (await core.call('contributionRuns.run', { periodCode: '2027', invoiceDate: '2026-12-01' })).runId!;
});

const bytes = (b64: string) => Buffer.from(b64, 'base64');
const docText = (xml: string) => xml.replace(/<w:br\/>/g, '\n').replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&');

function pdfText(pdf: Buffer): string {
  const file = path.join(tmp.dir, `t${Date.now()}.pdf`);
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** Page `page` of the PDF rendered by pdftoppm at 150 dpi in grey (PGM), and the QR code jsQR finds on it. */
function qrOnPage(pdf: Buffer, page: number): string | null {
  const file = path.join(tmp.dir, `q${Date.now()}.pdf`);
  fs.writeFileSync(file, pdf);
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', '150', '-f', String(page), '-l', String(page), file], { maxBuffer: 64 * 1024 * 1024 });
  // P5 header: "P5\n<w> <h>\n255\n", then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  const [w, h] = [Number(header[1]), Number(header[2])];
  const grey = pgm.subarray(header[0].length);
  const rgba = new Uint8ClampedArray(w * h * 4);
  for (let i = 0; i < w * h; i++) {
    rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = grey[i]!;
    rgba[i * 4 + 3] = 255;
  }
  return jsQR(rgba, w, h)?.data ?? null;
}

async function invoiceOf(id: string) {
  return (await core.call('invoices.list', { relationId: id })).rows[0]!;
}

describe('invoice documents', () => {
  it('a run as one .docx: each invoice a section with its own lines, total, reference and QR image', async () => {
    const out = await core.call('invoices.documents', { runId, format: 'docx' });
    // Kim's contribution is on Anna's invoice: two invoices.
    expect(out).toMatchObject({ fileName: 'factuur-2026-12-01.docx', documents: 2 });
    const zip = new PizZip(bytes(out.bytes));
    const text = docText(zip.file('word/document.xml')!.asText());
    const anna = await core.call('invoices.get', { id: (await invoiceOf(p.anna!)).id });
    // Anna pays for Kim too: two contribution lines on her invoice, and the invoice surcharge.
    expect(anna.lines.length).toBe(3);
    for (const l of anna.lines) expect(text).toContain(l.description);
    expect(text).toContain('Kim Çelik');
    expect(text).toMatch(new RegExp(`Totaal\\s+€ ${(anna.totalCents / 100).toFixed(2).replace('.', ',')}`));
    expect(text).toContain(anna.number);
    expect(text).toMatch(/Betalingskenmerk\s+\d{4} \d{4} \d{4} \d{4}/);
    expect(text).toContain('Hockeyclub De Uil');
    expect(text).toContain('Sportlaan 1');
    // Bert pays by direct debit: the collection text, no QR code for him.
    expect(text).toContain('automatisch af van rekening NL02 ABNA 0123 4567 89');
    // One invoice by transfer → one QR image, declared and related; none for the direct debit.
    const media = Object.keys(zip.files).filter((n) => n.startsWith('word/media/merge-picture-'));
    expect(media).toHaveLength(1);
    expect(zip.file('[Content_Types].xml')!.asText()).toContain('Extension="png"');
    expect(zip.file('word/_rels/document.xml.rels')!.asText().match(/merge-picture-\d\.png/g)).toHaveLength(1);
    expect(zip.file('word/document.xml')!.asText().match(/<a:blip r:embed="rIdMergePic1"/g)).toHaveLength(1);
    expect(zip.file(media[0]!)!.asUint8Array().subarray(1, 4)).toEqual(new Uint8Array([0x50, 0x4e, 0x47]));
    // No placeholder is left unfilled.
    expect(text).not.toMatch(/\{[a-z_]+\}/);
  });

  it('a run as one PDF: pdftotext shows every invoice, its lines, total and reference; the QR decodes to the EPC payload', async () => {
    const out = await core.call('invoices.documents', { runId, format: 'pdf' });
    expect(out.mimeType).toBe('application/pdf');
    const pdf = bytes(out.bytes);
    const text = pdfText(pdf);
    const anna = await core.call('invoices.get', { id: (await invoiceOf(p.anna!)).id });
    expect(text).toContain(anna.number);
    for (const l of anna.lines) expect(text).toContain(l.description.slice(0, 30));
    expect(text).toMatch(new RegExp(`Totaal\\s+€ ${(anna.totalCents / 100).toFixed(2).replace('.', ',')}`));
    expect(text).toContain('Anna Çelik');
    expect(text).toContain('NL91 ABNA 0417 1643 00');
    expect(text).toContain(`uiterlijk ${formatDutchDateLong(anna.dueDate)}`);
    // Anna's invoice is the first of the run (numbered in the order of the relations).
    const all = (await core.call('invoices.list', { runId })).rows.sort((a, b) => a.number.localeCompare(b.number));
    const page = all.findIndex((i) => i.id === anna.id) + 1;
    const qr = qrOnPage(pdf, page);
    expect(qr).toBe(['BCD', '002', '1', 'SCT', '', 'Hockeyclub De Uil', 'NL91ABNA0417164300', `EUR${(anna.totalCents / 100).toFixed(2)}`, '', '', anna.paymentReference].join('\n'));
  });

  it('per invoice: a zip with one PDF per invoice named by number and name', async () => {
    const out = await core.call('invoices.documents', { runId, format: 'pdf', output: 'perInvoice' });
    const zip = new PizZip(bytes(out.bytes));
    const names = Object.keys(zip.files).sort();
    expect(names).toHaveLength(2);
    expect(names[0]).toMatch(/^C2026-00001 .+\.pdf$/);
    expect(pdfText(Buffer.from(zip.file(names[0]!)!.asUint8Array()))).toContain('C2026-00001');
  });

  it('the QR code pays what is still open after a partial payment', async () => {
    const inv = await invoiceOf(p.anna!);
    await core.call('payments.add', { invoiceIds: [inv.id], amountCents: 1000, date: '2026-12-05' });
    const pdf = bytes((await core.call('invoices.documents', { invoiceIds: [inv.id], format: 'pdf' })).bytes);
    expect(qrOnPage(pdf, 1)).toContain(`\nEUR${((inv.totalCents - 1000) / 100).toFixed(2)}\n`);
    expect(pdfText(pdf)).toContain(`Wilt u € ${((inv.totalCents - 1000) / 100).toFixed(2).replace('.', ',')} uiterlijk`);
  });

  it("a user's own template: its repeating row fills per line; an unknown placeholder is refused in Dutch", async () => {
    const zip = new PizZip(await buildLetterTemplate('factuur'));
    const doc = zip.file('word/document.xml')!.asText();
    zip.file('word/document.xml', doc.replace('{adresblok}', 'Beste {voornaam}, uw nummer {factuurnummer}'));
    const own = zip.generate({ type: 'nodebuffer' }).toString('base64');
    const inv = await invoiceOf(p.anna!);
    const out = await core.call('invoices.documents', { invoiceIds: [inv.id], format: 'docx', template: own });
    expect(docText(new PizZip(bytes(out.bytes)).file('word/document.xml')!.asText())).toContain(`Beste Anna, uw nummer ${inv.number}`);
    zip.file('word/document.xml', doc.replace('{adresblok}', '{onbekend_veld}'));
    const bad = zip.generate({ type: 'nodebuffer' }).toString('base64');
    await expect(core.call('invoices.documents', { invoiceIds: [inv.id], format: 'docx', template: bad })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ field: 'template', code: 'TEMPLATE_UNKNOWN_PLACEHOLDER' }],
    });
  });

  it('with RF references set, new invoices carry an RF reference, in the structured field of the QR code', async () => {
    await core.call('contributions.setSettings', { settings: { invoicePrefix: 'C', termDays: 14, reminderDays: 14, referenceKind: 'rf', sender: SENDER } });
    const inv = await core.call('invoices.create', { relationId: p.anna!, invoiceDate: '2026-12-02', description: 'Kampweek', lines: [{ description: 'Kampweek zomer', amountCents: 8500 }] });
    expect(inv.paymentReference).toBe(makeRfReference(`2026${inv.number.slice(-5).padStart(11, '0')}`));
    const pdf = bytes((await core.call('invoices.documents', { invoiceIds: [inv.id], format: 'pdf' })).bytes);
    expect(qrOnPage(pdf, 1)!.split('\n').slice(7)).toEqual(['EUR85.00', '', inv.paymentReference, '']);
    expect(pdfText(pdf)).toMatch(/RF\d{2} 2026 0000 0000 00\d/);
  });
});

describe('reminder documents', () => {
  it('the aanmaning states the WIK costs and the 14-day deadline; the letters of stages 1–3 follow each other', async () => {
    await core.call('reminders.run', { stage: 1, date: '2027-01-10' });
    await core.call('reminders.run', { stage: 2, date: '2027-02-01' });
    const r3 = await core.call('reminders.run', { stage: 3, date: '2027-03-01' });
    expect(r3.rows.length).toBeGreaterThan(0);
    const first = r3.rows[0]!;
    const pdf = bytes((await core.call('reminders.documents', { stage: 3, date: '2027-03-01', format: 'pdf' })).bytes);
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Aanmaning');
    expect(text).toContain(first.number);
    expect(text).toContain(`incassokosten in rekening te brengen. Die bedragen € ${(first.statedCostsCents / 100).toFixed(2).replace('.', ',')}`);
    // Sent Monday 1 March 2027: deemed received Wednesday 3 March, 14 days later is 17 March.
    expect(text).toContain('uiterlijk 17 maart 2027');
    expect(text).toContain('Datum 1 maart 2027');
    const docx = bytes((await core.call('reminders.documents', { stage: 2, date: '2027-02-01', format: 'docx' })).bytes);
    const second = docText(new PizZip(docx).file('word/document.xml')!.asText());
    expect(second).toContain('Op 10 januari 2027 stuurden wij u een herinnering');
    await expect(core.call('reminders.documents', { stage: 1, date: '2027-05-05' })).rejects.toMatchObject({ issues: [{ code: 'NO_DOCUMENTS' }] });
  });
});

describe('shipped templates', () => {
  it('are what scripts/make-document-templates.ts writes from the letter texts', async () => {
    for (const letter of Object.values(LETTERS)) {
      const shipped = new PizZip(fs.readFileSync(path.join('resources', 'templates', `${letter.file}.docx`))).file('word/document.xml')!.asText();
      const kind = (Object.keys(LETTERS) as (keyof typeof LETTERS)[]).find((k) => LETTERS[k] === letter)!;
      expect(shipped).toBe(new PizZip(await buildLetterTemplate(kind)).file('word/document.xml')!.asText());
    }
  });
});
