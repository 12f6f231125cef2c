import type { CoreContext } from '../../context';
import type { InvoiceDetailDto, InvoicingSettings } from '../../../../shared/contract/contributions';
import { formatDutchDateLong } from '../../../../shared/dutch/dates';
import { formatIban } from '../../../../shared/dutch/iban';
import { formatAmount } from '../../../../shared/dutch/money';
import { formatCreditorReference as formatReference } from '../../../../shared/dutch/rf-reference';
import { listCustomFields } from '../../classification/classification.repo';
import { loadRecords, type RelationRecord } from '../../io/records/relation-records';
import { mergeFieldCatalogue, type MergeField, type MergeValue } from '../../io/merge/merge-fields';
import { epcPayload } from '../../io/qr/epc-qr';
import { qrMatrix, type QrMatrix } from '../../io/qr/qr-matrix';
import { getInvoicingSettings } from '../invoicing-settings';
import { invoiceReader } from '../invoices.repo';
import { type LINE_FIELDS, QR_CAPTION } from './letter-texts';

/** A reminder as a letter states it. */
export interface ReminderFacts {
  stage: 1 | 2 | 3;
  date: string;
  deadline: string;
  openCents: number;
  statedCostsCents: number;
  previousDate: string | null;
}

/** Everything one invoice or reminder letter shows. */
export interface InvoiceDocument {
  invoice: InvoiceDetailDto;
  record: RelationRecord;
  reminder: ReminderFacts | null;
  /** The EPC payment QR code, when the invoice is paid by transfer and the association's IBAN is known. */
  qr: QrMatrix | null;
  values: (name: string) => MergeValue;
  lines: ((name: string) => MergeValue)[];
}

const long = formatDutchDateLong;
const pct = (basisPoints: number) => `${(basisPoints / 100).toLocaleString('nl-NL')}%`;

/** Amounts include VAT (consumer prices): the VAT in a line is amount × rate / (100% + rate). */
export function vatOf(amountCents: number, basisPoints: number | null): number {
  return basisPoints ? Math.round((amountCents * basisPoints) / (10_000 + basisPoints)) : 0;
}


function paymentInstruction(inv: InvoiceDetailDto, r: RelationRecord, s: InvoicingSettings, dueCents: number, dueDate: string, reminder: boolean): string {
  const to = s.sender.iban ? ` op ${formatIban(s.sender.iban)}${s.sender.name ? ` ten name van ${s.sender.name}` : ''}` : '';
  // A reminder's own sentence names the amount and the deadline; its instruction only says where to.
  if (reminder) return `U kunt het bedrag overmaken${to}, met betalingskenmerk ${formatReference(inv.paymentReference)}.`;
  if (inv.kind === 'credit') return 'Dit bedrag verrekenen wij met wat u nog moet betalen, of storten wij terug.';
  if (dueCents <= 0) return 'Deze factuur is al betaald; u hoeft niets te doen.';
  if (inv.paymentMethod === 'incasso') {
    const account = r.iban ? ` van rekening ${formatIban(r.iban)}` : '';
    return `Wij schrijven ${formatAmount(dueCents)} omstreeks ${long(dueDate)} automatisch af${account}; u hoeft zelf niets over te maken.`;
  }
  if (inv.paymentMethod === 'contant') return `U kunt ${formatAmount(dueCents)} contant betalen bij de penningmeester, uiterlijk ${long(dueDate)}.`;
  return `Wilt u ${formatAmount(dueCents)} uiterlijk ${long(dueDate)} overmaken${to}, met betalingskenmerk ${formatReference(inv.paymentReference)}?`;
}

function introduction(inv: InvoiceDetailDto): string {
  if (inv.kind === 'credit') return `Hierbij ontvangt u een creditnota${inv.creditsInvoiceNumber ? ` bij factuur ${inv.creditsInvoiceNumber}` : ''}.`;
  return inv.description ? `Hierbij ontvangt u de factuur voor ${inv.description.replace(/^./, (c) => c.toLowerCase())}.` : 'Hierbij ontvangt u onze factuur.';
}

/**
 * The documents of these invoices, in the order given: each invoice with its relation (for
 * the address and salutation), its reminder when one is asked for, its values for the merge
 * engine and the PDF layout, and its QR code.
 */
export function loadInvoiceDocuments(ctx: CoreContext, ids: string[], reminderOf?: (invoiceId: string) => ReminderFacts | null): InvoiceDocument[] {
  const settings = getInvoicingSettings(ctx);
  const today = ctx.today();
  const fields = new Map<string, MergeField>(mergeFieldCatalogue(listCustomFields(ctx)).map((f) => [f.key, f]));
  const read = invoiceReader(ctx);
  const invoices = ids.map(read);
  const records = new Map<string, RelationRecord>();
  const relationIds = [...new Set(invoices.map((i) => i.relationId))];
  for (let i = 0; i < relationIds.length; i += 1_000) for (const r of loadRecords(ctx, relationIds.slice(i, i + 1_000), today)) records.set(r.id, r);
  return invoices.map((inv) => {
    const record = records.get(inv.relationId)!;
    const reminder = reminderOf?.(inv.id) ?? null;
    const dueCents = reminder ? reminder.openCents : inv.openCents;
    const dueDate = reminder ? reminder.deadline : (inv.instalments.find((t) => t.openCents > 0)?.dueDate ?? inv.dueDate);
    const payload =
      inv.kind === 'invoice' && inv.paymentMethod !== 'incasso' && dueCents > 0 && settings.sender.iban
        ? epcPayload({ name: settings.sender.name ?? '', iban: settings.sender.iban, bic: settings.sender.bic, amountCents: dueCents, reference: inv.paymentReference })
        : null;
    const qr = payload ? qrMatrix(payload, 'M') : null;
    const vat = inv.lines.reduce((s, l) => s + vatOf(l.amountCents, l.vatRate), 0);
    const own = new Map<string, MergeValue>(Object.entries({
      documentsoort: inv.kind === 'credit' ? 'Creditnota' : 'Factuur',
      factuurnummer: inv.number,
      factuurdatum: long(inv.invoiceDate),
      vervaldatum: long(inv.dueDate),
      factuur_omschrijving: inv.description ?? '',
      totaal: formatAmount(inv.totalCents),
      btw_totaal: vat ? formatAmount(vat) : '',
      betaald: formatAmount(inv.paidCents),
      factuur_open: formatAmount(dueCents),
      betalingskenmerk: formatReference(inv.paymentReference),
      inleiding: introduction(inv),
      betaalinstructie: paymentInstruction(inv, record, settings, dueCents, dueDate, reminder !== null),
      termijnen:
        inv.instalments.length > 1 ? inv.instalments.map((t) => `Termijn ${t.sequence}: ${formatAmount(t.amountCents)} uiterlijk ${long(t.dueDate)}${t.openCents === 0 ? ' (betaald)' : ''}`) : '',
      afzender_naam: settings.sender.name ?? '',
      afzender_adres: settings.sender.addressLines,
      afzender_iban: settings.sender.iban ? formatIban(settings.sender.iban) : '',
      afzender_email: settings.sender.email ?? '',
      betaal_qr: '',
      betaal_qr_tekst: qr ? QR_CAPTION : '',
      herinneringsdatum: reminder ? long(reminder.date) : '',
      vorige_herinnering: reminder?.previousDate ? long(reminder.previousDate) : '',
      betalen_voor: reminder ? long(reminder.deadline) : long(dueDate),
      incassokosten: reminder ? formatAmount(reminder.statedCostsCents) : '',
      // The letter's date is the reminder's date, not the day it is printed.
      ...(reminder ? { datum: long(reminder.date) } : {}),
    } satisfies Record<string, MergeValue>));
    const cache = new Map<string, MergeValue>();
    const values = (name: string): MergeValue => {
      const mine = own.get(name);
      if (mine !== undefined) return mine;
      let v = cache.get(name);
      if (v === undefined) cache.set(name, (v = fields.get(name)?.value(record, reminder?.date ?? today) ?? ''));
      return v;
    };
    const lines = inv.lines.map((l) => {
      const line: Record<(typeof LINE_FIELDS)[number], string> = {
        regel_omschrijving: l.description,
        regel_lid: l.memberName && l.memberName !== record.displayName ? l.memberName : '',
        regel_bedrag: formatAmount(l.amountCents),
        regel_btw: l.vatRate === null ? '' : pct(l.vatRate),
      };
      return (name: string): MergeValue => line[name as keyof typeof line] ?? values(name);
    });
    return { invoice: inv, record, reminder, qr, values, lines };
  });
}
