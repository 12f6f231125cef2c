import type { CoreContext } from '../context';
import { writeOrPreview } from '../audit/operation-writer';
import { validateIban } from '../../../shared/dutch/iban';
import type { RefundInput, SepaBatchResultDto, SepaFileDto, SepaItemDto, SepaProblemDto } from '../../../shared/contract/sepa';
import { putBlob } from '../blobs/blob-store';
import { getCreditorSettings } from './creditor-settings';
import { toEpcText } from './epc-charset';
import { nextTarget2Day } from './target2-calendar';
import { writePain001, type Transfer } from './pain001-writer';
import { creationDateTime, fileProblems, nextMsgId, problem, refuse, sha256, type PlaceFile } from './batch-file';

/**
 * Refunds (pain.001): every relation whose balance is a credit — paid more than invoiced,
 * or a credit note not set off — gets it back on its mandate's account (else the IBAN on
 * the relation). The export books each refund as a negative payment, so the credit is gone
 * and a second refund file cannot pay it twice. Preview = this operation rolled back.
 */
interface Row {
  relationId: string;
  number: number;
  name: string;
  balanceCents: number;
  iban: string | null;
  bic: string | null;
}

const CREDITS = `
  WITH bal AS (
    SELECT relation_id, sum(c) AS cents FROM (
      SELECT relation_id, total_cents AS c FROM invoices
      UNION ALL SELECT relation_id, -amount_cents FROM payments WHERE relation_id IS NOT NULL)
    GROUP BY relation_id HAVING sum(c) < 0)
  SELECT r.id AS relationId, r.number, r.display_name AS name, bal.cents AS balanceCents,
         coalesce(m.iban, r.iban) AS iban, CASE WHEN m.id IS NOT NULL THEN m.bic ELSE r.bic END AS bic
    FROM bal JOIN relations r ON r.id = bal.relation_id
    LEFT JOIN sepa_mandates m ON m.id = (SELECT a.id FROM sepa_mandates a WHERE a.relation_id = r.id AND a.status = 'active'
                                         ORDER BY a.signed_on DESC, a.created_at DESC LIMIT 1)
   WHERE r.deleted_at IS NULL
   ORDER BY r.number`;

export function refundBatch(ctx: CoreContext, q: RefundInput, opts: { place?: PlaceFile } = {}): SepaBatchResultDto {
  const creditor = getCreditorSettings(ctx);
  const version = q.version ?? creditor?.refundVersion ?? '03';
  const { saved, result } = writeOrPreview(ctx.write, q.dryRun, 'sepaBatches.refunds', { date: q.date }, (op) => {
    const msgId = nextMsgId(ctx, 'TRB');
    const fileName = q.fileName ?? `${msgId}.xml`;
    const base: SepaBatchResultDto = {
      saved: false, batchId: null, kind: 'refund', messageVersion: `pain.001.001.${version}`, msgId, fileName, fileHash: null, fileBytes: 0,
      transactionCount: 0, controlSumCents: 0, amendments: 0, groups: [], items: [], problems: [], file: null, files: [],
    };
    if (!creditor) return refuse(q.dryRun, { ...base, problems: [problem('CREDITOR_NOT_SET')] });
    const problems: SepaProblemDto[] = [];
    const date = nextTarget2Day(q.date ?? ctx.today());
    if (date < ctx.today()) problems.push(problem('EXECUTION_DATE_IN_PAST', { detail: ctx.today() }));
    const rows = ctx.sqlite.prepare(CREDITS).all() as Row[];
    const pmtInfId = `${msgId}-1`;
    const transfers: (Transfer & { row: Row })[] = [];
    for (const r of rows) {
      const about = { relationId: r.relationId, name: r.name };
      if (!r.iban || !validateIban(r.iban).ok) {
        problems.push(problem('REFUND_WITHOUT_IBAN', { ...about, detail: r.iban }));
        continue;
      }
      const name = toEpcText(r.name, 70);
      if (name === '') problems.push(problem('DEBTOR_NAME_EMPTY', about));
      transfers.push({
        row: r,
        endToEndId: `${msgId}-${transfers.length + 1}`,
        amountCents: -r.balanceCents,
        creditor: { name, iban: r.iban, bic: r.bic },
        remittance: toEpcText(`Terugbetaling tegoed relatie ${r.number} ${creditor.name}`, 140),
      });
    }
    if (transfers.length === 0 && problems.length === 0) problems.push(problem('NOTHING_TO_REFUND'));
    const xml = writePain001({
      version,
      msgId,
      createdAt: creationDateTime(ctx),
      debtor: { name: toEpcText(creditor.name, 70), iban: creditor.iban, bic: creditor.bic },
      pmtInfId,
      date,
      transfers,
    });
    const bytes = Buffer.from(xml, 'utf8');
    problems.push(...fileProblems(ctx, creditor, fileName, bytes.length));
    const total = transfers.reduce((s, t) => s + t.amountCents, 0);
    const items: SepaItemDto[] = transfers.slice(0, q.itemLimit).map((t) => ({
      invoiceId: null, invoiceNumber: null, relationId: t.row.relationId, name: t.creditor.name, iban: t.creditor.iban, mandateReference: null,
      amountCents: t.amountCents, date, sequenceType: null, endToEndId: t.endToEndId, remittance: t.remittance, amended: false,
    }));
    const fileHash = sha256(bytes);
    const fileDto: SepaFileDto = { batchId: null, msgId, fileName, fileHash, fileBytes: bytes.length, pmtInfIds: [pmtInfId], transactionCount: transfers.length, controlSumCents: total, file: null };
    const result: SepaBatchResultDto = {
      ...base, fileHash, fileBytes: bytes.length, transactionCount: transfers.length, controlSumCents: total,
      groups: transfers.length > 0 ? [{ pmtInfId, date, sequenceType: null, count: transfers.length, sumCents: total }] : [], items, problems, files: [fileDto],
    };
    if (problems.length > 0) return refuse(q.dryRun, result);

    const batchId = ctx.newId();
    ctx.sqlite
      .prepare(
        `INSERT INTO sepa_batches (id, kind, run_id, message_version, msg_id, file_hash, file_name, file_blob_id, transaction_count, control_sum_cents, pmt_inf_ids, status, created_at, exported_at)
         VALUES (?, 'refund', NULL, ?, ?, ?, ?, ?, ?, ?, ?, 'exported', ?, ?)`,
      )
      .run(batchId, result.messageVersion, msgId, fileHash, fileName, putBlob(ctx, bytes, fileHash), transfers.length, total, JSON.stringify(fileDto.pmtInfIds), ctx.now(), ctx.now());
    const item = ctx.sqlite.prepare(
      `INSERT INTO sepa_batch_items (id, batch_id, pmt_inf_id, collection_date, sequence_type, end_to_end_id, invoice_id, relation_id, mandate_id, iban, amount_cents, remittance)
       VALUES (?, ?, ?, ?, NULL, ?, NULL, ?, NULL, ?, ?, ?)`,
    );
    const pay = ctx.sqlite.prepare(
      `INSERT INTO payments (id, relation_id, payment_date, amount_cents, method, reference, note, created_at) VALUES (?, ?, ?, ?, 'bank', ?, ?, ?)`,
    );
    transfers.forEach((t, k) => {
      item.run(`${batchId}.${String(k + 1).padStart(6, '0')}`, batchId, pmtInfId, date, t.endToEndId, t.row.relationId, t.creditor.iban, t.amountCents, t.remittance);
      pay.run(ctx.newId(), t.row.relationId, date, -t.amountCents, t.endToEndId, `Terugbetaling (${msgId})`, ctx.now());
    });
    if (q.dryRun) return result;
    opts.place?.(bytes, fileName);
    op.changed('sepa.changed', { batchId });
    op.changed('contributions.changed', {});
    const file = { fileName, mimeType: 'application/xml', bytes: bytes.toString('base64') };
    return { ...result, batchId, file, files: [{ ...fileDto, batchId, file }] };
  });
  return { ...result, saved: saved && result.batchId !== null };
}
