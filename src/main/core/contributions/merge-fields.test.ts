import fs from 'node:fs';
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore } from '../../../../test/support/test-core';
import { FIXTURES } from '../../../../test/support/io/io-test-kit';
import { schedule2027, setupClub } from './testing/contribution-fixture';

/** The contribution merge fields in a real .docx merge: {contributie}, {betaalwijze}, {openstaand_bedrag}, {factuurnummer}. */
let core: ReturnType<typeof createTestCore>;
const p: Record<string, string> = {};
beforeAll(async () => {
  core = createTestCore();
  const { person } = await setupClub(core);
  p.anna = await person({ name: 'Anna Brief', birthDate: '1980-01-01' });
  p.kind = await person({ name: 'Kim Brief', birthDate: '2012-01-01' });
  p.geen = await person({ name: 'Nina Nooit', birthDate: '1980-01-01', type: 'donatie' });
  await core.call('paymentSettings.set', { relationId: p.kind!, settings: { method: 'incasso', payerRelationId: p.anna } });
  await core.call('feeSchedules.save', { schedule: schedule2027({ household: null, oneOffCharges: [], paymentMethods: {}, fees: [{ membershipType: 'lid', ageCategory: 'jeugd', amountCents: 3000 }, { membershipType: 'lid', ageCategory: 'senior', amountCents: 6000 }] }) });
  await core.call('contributionRuns.run', { periodCode: '2027', invoiceDate: '2026-12-01' });
  const inv = (await core.call('invoices.list', {})).rows[0]!;
  await core.call('payments.add', { invoiceIds: [inv.id], amountCents: 2500, date: '2026-12-10' });
});
afterAll(() => core.close());

function template(): string {
  const zip = new PizZip(fs.readFileSync(`${FIXTURES}/word-mergefields.docx`));
  const body = ['{naam}: {contributie} per {betaalwijze}', 'Open: {openstaand_bedrag} op {factuurnummer}'].map((t) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`).join('');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`);
  return zip.generate({ type: 'nodebuffer' }).toString('base64');
}

const text = (xml: string) => xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '').trim();

describe('contribution merge fields', () => {
  it('fill from the run, the payment settings and the open invoice', async () => {
    const merged = async (id: string) => {
      const out = await core.call('io.previewMerge', { template: template(), source: { kind: 'relations', ids: [id] } });
      return text(new PizZip(Buffer.from(out.bytes, 'base64')).file('word/document.xml')!.asText());
    };
    expect(await merged(p.anna!)).toBe('Anna Brief: € 60,00 per \nOpen: € 65,00 op C2026-00001');
    // Kim's contribution is billed on Anna's invoice: Kim owes nothing herself.
    expect(await merged(p.kind!)).toBe('Kim Brief: € 30,00 per incasso\nOpen: € 0,00 op');
    expect(await merged(p.geen!)).toBe('Nina Nooit:  per \nOpen: € 0,00 op');
  });
});
