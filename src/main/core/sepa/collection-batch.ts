import type { CoreContext } from '../context';
import { writeOrPreview } from '../audit/operation-writer';
import { suspendInsertAudit } from '../exchange/set-based-audit';
import { notFound } from '../../../shared/errors';
import { validateIban } from '../../../shared/dutch/iban';
import type { CollectionInput, CreditorSettings, SepaBatchResultDto, SepaFileDto, SepaItemDto, SepaProblemDto } from '../../../shared/contract/sepa';
import { getCreditorSettings } from './creditor-settings';
import { mandateExpiresOn } from './mandates';
import { toEpcText } from './epc-charset';
import { addTarget2Days, nextTarget2Day } from './target2-calendar';
import { writePain008Bytes, type Debit, type DebitAmendment, type DebitGroup, type SequenceType } from './pain008-writer';
import { creationDateTime, fileProblems, nextMsgId, nextMsgIds, problem, refuse, sha256, type PlaceFile } from './batch-file';
import { putBlob } from '../blobs/blob-store';
import { closeRun } from '../contributions/runs';
import { setColumnAudited } from './set-column-audited';
import { insertRows } from '../db/bulk-insert';

/**
 * A collection batch (pain.008) from a contribution run's incasso invoices, or from explicit
 * invoices (a retry of debits returned for insufficient funds). The preview is this same
 * operation rolled back; every problem (no or lapsed mandate, invalid IBAN, contract limit,
 * too early a date, the bank's file rules) is listed and blocks the export, so nothing is
 * half-written. The export records the batch (MsgId, PmtInfIds, hash), ties each invoice to
 * its EndToEndId, reports pending mandate amendments, marks the mandates used and closes the run.
 */

interface Candidate {
  invoiceId: string;
  number: string;
  year: number;
  sequence: number;
  relationId: string;
  name: string;
  /** 1 when the invoice is an invoice (not a credit note) paid by incasso. */
  incasso: number;
  dueDate: string;
  description: string | null;
  openCents: number;
  collected: number;
  retries: number;
  inRetryBatch: number;
  mandateRowid: number | null;
  mandateId: string | null;
  reference: string | null;
  signedOn: string | null;
  iban: string | null;
  bic: string | null;
  /** 1 for a one-off (OOFF) mandate. */
  oneOff: number | null;
  lastUsedOn: string | null;
  otherStatus: string | null;
}

// One row per invoice, every value a number where a number will do: at 100,000 invoices each
// string column is 100,000 strings for the garbage collector (a tenth of the export's time).
// The retry counts are only asked for a retry (a CASE does not run the subquery it skips), the
// mandate is reached by rowid, not through its text key.
const CANDIDATES = `
  SELECT i.id AS invoiceId, i.number, i.year, i.sequence, i.relation_id AS relationId, r.display_name AS name,
         (i.kind = 'invoice' AND i.payment_method = 'incasso') AS incasso, i.due_date AS dueDate, i.description,
         i.total_cents - coalesce((SELECT sum(a.amount_cents) FROM payment_allocations a WHERE a.invoice_id = i.id), 0) AS openCents,
         (SELECT count(*) FROM sepa_batch_items bi JOIN sepa_batches b ON b.id = bi.batch_id
           WHERE bi.invoice_id = i.id AND b.kind = 'collection' AND b.status = 'exported') AS collected,
         CASE WHEN @retryOf IS NULL THEN 0 ELSE (SELECT count(*) FROM sepa_batch_items bi JOIN sepa_batches b ON b.id = bi.batch_id
           WHERE bi.invoice_id = i.id AND b.status = 'exported' AND b.retry_of_batch_id IS NOT NULL) END AS retries,
         CASE WHEN @retryOf IS NULL THEN 0 ELSE (SELECT count(*) FROM sepa_batch_items bi WHERE bi.invoice_id = i.id AND bi.batch_id = @retryOf) END AS inRetryBatch,
         m.rowid AS mandateRowid, m.id AS mandateId, m.reference, m.signed_on AS signedOn, m.iban, m.bic, (m.kind = 'OOFF') AS oneOff, m.last_used_on AS lastUsedOn,
         -- Only asked for an invoice without an active mandate (the problem names why): not 100,000 times.
         CASE WHEN m.id IS NULL THEN (SELECT o.status FROM sepa_mandates o WHERE o.relation_id = i.relation_id ORDER BY o.signed_on DESC, o.created_at DESC LIMIT 1) END AS otherStatus
    FROM invoices i
    JOIN relations r ON r.id = i.relation_id
    LEFT JOIN sepa_mandates m ON m.rowid = (SELECT a.rowid FROM sepa_mandates a WHERE a.relation_id = i.relation_id AND a.status = 'active'
                                            ORDER BY a.signed_on DESC, a.created_at DESC LIMIT 1)`;

interface Pending {
  mandateId: string;
  kind: 'iban' | 'reference' | 'creditor_id';
  previousValue: string;
}

/** The bank part of an IBAN: a Dutch IBAN's bank code; elsewhere the first 4 BBAN characters as a fair proxy. */
function bankOf(iban: string): string {
  return `${iban.slice(0, 2)}${iban.slice(4, 8)}`;
}

/**
 * The mandate's unreported changes, as the rulebook wants them in the next debit: the first
 * old value of each kind; a new account at another bank is SMNDA ("same mandate, new debtor
 * account"), at the same bank the old IBAN.
 */
function amendmentFor(pending: Pending[], currentIban: string): DebitAmendment | null {
  if (pending.length === 0) return null;
  const first = (k: Pending['kind']) => pending.find((p) => p.kind === k)?.previousValue ?? null;
  const oldIban = first('iban');
  return {
    originalReference: first('reference'),
    originalCreditorId: first('creditor_id'),
    originalAccount: oldIban === null ? null : bankOf(oldIban) === bankOf(currentIban) ? oldIban : 'SMNDA',
  };
}

function sequenceTypeFor(c: Candidate, policy: CreditorSettings['sequencePolicy']): SequenceType {
  if (c.oneOff) return 'OOFF';
  return policy === 'frst_rcur' && c.lastUsedOn === null ? 'FRST' : 'RCUR';
}

/** A planned debit is the writer's Debit itself (one object per debit, not three), with its invoice and block. */
interface Planned extends Debit {
  c: Candidate;
  date: string;
  sequenceType: SequenceType;
}

export interface CollectOptions {
  /** Writes the finished file inside the transaction (the CLI); see PlaceFile. */
  place?: PlaceFile;
}

export function collectBatch(ctx: CoreContext, q: CollectionInput, opts: CollectOptions = {}): SepaBatchResultDto {
  const creditor = getCreditorSettings(ctx);
  const version = q.version ?? creditor?.debitVersion ?? '02';
  const { saved, result } = writeOrPreview(ctx.write, q.dryRun, 'sepaBatches.collect', { runId: q.runId, retryOfBatchId: q.retryOfBatchId, count: q.invoiceIds?.length }, (op) => {
    const msgId = nextMsgId(ctx, 'INC');
    const fileName = q.fileName ?? `${msgId}.xml`;
    const empty: SepaBatchResultDto = {
      saved: false, batchId: null, kind: 'collection', messageVersion: `pain.008.001.${version}`, msgId, fileName, fileHash: null, fileBytes: 0,
      transactionCount: 0, controlSumCents: 0, amendments: 0, groups: [], items: [], problems: [], file: null, files: [],
    };
    if (!creditor) return refuse(q.dryRun, { ...empty, problems: [problem('CREDITOR_NOT_SET')] });
    const problems: SepaProblemDto[] = [];

    // The bank needs the file `leadDays` TARGET2 days before the collection date.
    const earliest = addTarget2Days(ctx.today(), creditor.leadDays);
    const requested = q.date ? nextTarget2Day(q.date) : earliest;
    if (requested < earliest) problems.push(problem('COLLECTION_DATE_TOO_EARLY', { detail: earliest }));

    if (q.runId && !ctx.sqlite.prepare('SELECT 1 FROM contribution_runs WHERE id = ?').get(q.runId)) throw notFound('contributionRun', q.runId);
    if (q.retryOfBatchId && !ctx.sqlite.prepare(`SELECT 1 FROM sepa_batches WHERE id = ? AND kind = 'collection'`).get(q.retryOfBatchId))
      throw notFound('sepaBatch', q.retryOfBatchId);
    const args = { retryOf: q.retryOfBatchId ?? null, runId: q.runId ?? null, ids: JSON.stringify(q.invoiceIds ?? []) };
    const rows = (
      q.runId
        ? ctx.sqlite.prepare(`${CANDIDATES} WHERE i.run_id = @runId AND i.kind = 'invoice' AND i.payment_method = 'incasso'`).all(args)
        : ctx.sqlite.prepare(`${CANDIDATES} WHERE i.id IN (SELECT value FROM json_each(@ids))`).all(args)
    ) as Candidate[];
    // In invoice-number order; sorted here, as SQLite would sort the wide rows in a temporary B-tree.
    rows.sort((a, b) => a.year - b.year || a.sequence - b.sequence);
    if (q.invoiceIds) {
      const found = new Set(rows.map((r) => r.invoiceId));
      for (const id of q.invoiceIds) if (!found.has(id)) problems.push(problem('INVOICE_NOT_FOUND', { invoiceId: id, detail: id }));
    }

    const pendingAll = ctx.sqlite
      .prepare(
        `SELECT mandate_id AS mandateId, kind, previous_value AS previousValue FROM sepa_mandate_amendments
          WHERE reported_in_batch_id IS NULL ORDER BY amended_on, created_at, id`,
      )
      .all() as Pending[];
    const pending = new Map<string, Pending[]>();
    for (const p of pendingAll) pending.set(p.mandateId, [...(pending.get(p.mandateId) ?? []), p]);

    const fail = (c: Candidate, code: string, detail: string | null = null) =>
      problems.push(problem(code, { invoiceId: c.invoiceId, invoiceNumber: c.number, relationId: c.relationId, name: c.name, detail }));
    // Most mandates share a handful of signature and last-use dates: each date's lapse date is worked out once.
    const lapseOn = new Map<string, string>();
    const planned: Planned[] = [];
    for (const c of rows) {
      if (q.runId && (c.collected > 0 || c.openCents <= 0)) continue; // collected before, or paid: not again
      if (!c.incasso) {
        fail(c, 'INVOICE_NOT_INCASSO');
        continue;
      }
      if (c.openCents <= 0) {
        fail(c, 'INVOICE_PAID');
        continue;
      }
      if (q.retryOfBatchId) {
        if (c.inRetryBatch === 0) fail(c, 'INVOICE_NOT_IN_BATCH');
        else if (c.retries >= creditor.retryLimit) fail(c, 'RETRY_LIMIT_REACHED', String(creditor.retryLimit));
      } else if (q.invoiceIds && c.collected > 0) fail(c, 'INVOICE_ALREADY_COLLECTED');
      if (!c.mandateId || !c.iban || !c.reference || !c.signedOn) {
        fail(c, 'NO_MANDATE', c.otherStatus);
        continue;
      }
      const date = nextTarget2Day(c.dueDate > requested ? c.dueDate : requested);
      const lastUse = c.lastUsedOn ?? c.signedOn;
      let expiresOn = lapseOn.get(lastUse);
      if (expiresOn === undefined) lapseOn.set(lastUse, (expiresOn = mandateExpiresOn({ signedOn: c.signedOn, lastUsedOn: c.lastUsedOn })));
      if (expiresOn < date) fail(c, 'MANDATE_LAPSED', expiresOn);
      if (c.oneOff && c.lastUsedOn !== null) fail(c, 'MANDATE_ONE_OFF_USED');
      if (!validateIban(c.iban).ok) fail(c, 'MANDATE_IBAN_INVALID', c.iban);
      if (creditor.maxTransactionCents !== null && c.openCents > creditor.maxTransactionCents) fail(c, 'OVER_TRANSACTION_LIMIT', String(creditor.maxTransactionCents));
      const name = toEpcText(c.name, 70);
      if (name === '') fail(c, 'DEBTOR_NAME_EMPTY');
      const changes = pending.get(c.mandateId);
      planned.push({
        c,
        date,
        sequenceType: sequenceTypeFor(c, creditor.sequencePolicy),
        // The invoice number, and for a retry the attempt: EndToEndIds are unique for ever.
        endToEndId: q.retryOfBatchId ? `${c.number}-R${c.retries + 1}` : c.number,
        amountCents: c.openCents,
        mandateReference: c.reference,
        signedOn: c.signedOn,
        amendment: changes ? amendmentFor(changes, c.iban) : null,
        debtor: { name, iban: c.iban, bic: c.bic },
        remittance: toEpcText(`Factuur ${c.number}${c.description ? ` ${c.description}` : ''}`, 140),
      });
    }

    // The contract's monthly maximum: this batch plus what was exported for the same months.
    if (creditor.maxMonthCents !== null) {
      const perMonth = new Map<string, number>();
      for (const p of planned) perMonth.set(p.date.slice(0, 7), (perMonth.get(p.date.slice(0, 7)) ?? 0) + p.amountCents);
      const before = ctx.sqlite.prepare(
        `SELECT coalesce(sum(bi.amount_cents), 0) AS s FROM sepa_batch_items bi JOIN sepa_batches b ON b.id = bi.batch_id
          WHERE b.kind = 'collection' AND b.status = 'exported' AND substr(bi.collection_date, 1, 7) = ?`,
      );
      for (const [month, sum] of perMonth) {
        const total = sum + (before.get(month) as { s: number }).s;
        if (total > creditor.maxMonthCents) problems.push(problem('OVER_MONTH_LIMIT', { detail: `${month}: ${total} > ${creditor.maxMonthCents}` }));
      }
    }

    // Grouped per collection date and sequence type, in date order.
    const byKey = new Map<string, Planned[]>();
    for (const p of planned) {
      const key = `${p.date}|${p.sequenceType}`;
      const list = byKey.get(key);
      if (list) list.push(p);
      else byKey.set(key, [p]);
    }
    const blocks = [...byKey.keys()].sort().map((key) => byKey.get(key)!);
    if (planned.length === 0 && problems.length === 0) problems.push(problem('NOTHING_TO_COLLECT'));

    // One file, or (the bank takes one batch per file) one file per block, each with its own MsgId.
    const perFile = creditor.oneBatchPerFile && blocks.length > 1 ? blocks.map((b) => [b]) : [blocks];
    const msgIds = nextMsgIds(ctx, 'INC', perFile.length);
    const stem = q.fileName?.replace(/\.xml$/iu, '');
    const createdAt = creationDateTime(ctx);
    const files: BuiltFile[] = perFile.map((fileBlocks, f) => {
      const id = msgIds[f]!;
      const name = q.fileName === undefined ? `${id}.xml` : perFile.length === 1 ? q.fileName : `${stem}-${f + 1}.xml`;
      const groups: DebitGroup[] = fileBlocks.map((list, k) => ({
        pmtInfId: `${id}-${k + 1}`,
        date: list[0]!.date,
        sequenceType: list[0]!.sequenceType,
        debits: list,
      }));
      const bytes = writePain008Bytes({
        version,
        msgId: id,
        createdAt,
        creditor: { name: toEpcText(creditor.name, 70), iban: creditor.iban, bic: creditor.bic, creditorId: creditor.creditorId },
        groups,
        batchBooking: true,
      });
      problems.push(...fileProblems(ctx, creditor, name, bytes.length));
      return { msgId: id, fileName: name, bytes, hash: sha256(bytes), blocks: fileBlocks, groups };
    });
    const names = files.map((f) => f.fileName);
    if (new Set(names).size !== names.length) problems.push(problem('FILE_NAME_USED', { detail: names.join(', ') }));

    const controlSumCents = planned.reduce((s, p) => s + p.amountCents, 0);
    const items: SepaItemDto[] = [];
    for (const list of blocks) {
      for (const p of list) {
        if (items.length >= q.itemLimit) break;
        items.push({
          invoiceId: p.c.invoiceId, invoiceNumber: p.c.number, relationId: p.c.relationId, name: p.debtor.name, iban: p.debtor.iban, mandateReference: p.mandateReference,
          amountCents: p.amountCents, date: p.date, sequenceType: p.sequenceType, endToEndId: p.endToEndId, remittance: p.remittance, amended: p.amendment !== null,
        });
      }
    }
    const sumOf = (g: DebitGroup) => g.debits.reduce((s, d) => s + d.amountCents, 0);
    const fileDtos: SepaFileDto[] = files.map((f) => ({
      batchId: null, msgId: f.msgId, fileName: f.fileName, fileHash: f.hash, fileBytes: f.bytes.length, pmtInfIds: f.groups.map((g) => g.pmtInfId),
      transactionCount: f.groups.reduce((s, g) => s + g.debits.length, 0), controlSumCents: f.groups.reduce((s, g) => s + sumOf(g), 0), file: null,
    }));
    const first = files[0]!;
    const result: SepaBatchResultDto = {
      ...empty,
      msgId: first.msgId,
      fileName: first.fileName,
      fileHash: first.hash,
      fileBytes: first.bytes.length,
      transactionCount: planned.length,
      controlSumCents,
      amendments: planned.filter((p) => p.amendment).length,
      groups: files.flatMap((f) => f.groups.map((g) => ({ pmtInfId: g.pmtInfId, date: g.date, sequenceType: g.sequenceType, count: g.debits.length, sumCents: sumOf(g) }))),
      items,
      problems,
      files: fileDtos,
    };
    if (problems.length > 0) return refuse(q.dryRun, result);

    const saved = files.map((f, k) => {
      const batchId = ctx.newId();
      const fileBlobId = putBlob(ctx, f.bytes, f.hash);
      const dto = fileDtos[k]!;
      ctx.sqlite
        .prepare(
          `INSERT INTO sepa_batches (id, kind, run_id, message_version, msg_id, file_hash, file_name, file_blob_id, transaction_count, control_sum_cents, pmt_inf_ids, status, retry_of_batch_id, created_at, exported_at)
           VALUES (?, 'collection', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'exported', ?, ?, ?)`,
        )
        .run(batchId, q.runId ?? null, result.messageVersion, f.msgId, f.hash, f.fileName, fileBlobId, dto.transactionCount, dto.controlSumCents, JSON.stringify(dto.pmtInfIds), q.retryOfBatchId ?? null, ctx.now(), ctx.now());
      writeItems(ctx, batchId, f.groups, f.blocks);
      return { ...dto, batchId };
    });
    stampLastUse(ctx, planned);
    if (q.runId) closeRun(ctx, q.runId);
    // A preview stops here, having done every write the export does; the rollback leaves no id behind.
    if (q.dryRun) return result;
    for (const f of files) opts.place?.(f.bytes, f.fileName);
    for (const f of saved) op.changed('sepa.changed', { batchId: f.batchId });
    op.changed('contributions.changed', q.runId ? { runId: q.runId } : { invoiceIds: planned.map((p) => p.c.invoiceId) });
    // The answer carries the files (the screen downloads them); a preview's answer does not.
    const withFiles = saved.map((dto, k) => ({ ...dto, file: { fileName: files[k]!.fileName, mimeType: 'application/xml', bytes: files[k]!.bytes.toString('base64') } }));
    return { ...result, batchId: withFiles[0]!.batchId, file: withFiles[0]!.file, files: withFiles };
  });
  return { ...result, saved: saved && result.batchId !== null };
}

interface BuiltFile {
  msgId: string;
  fileName: string;
  bytes: Buffer;
  hash: string;
  blocks: Planned[][];
  groups: DebitGroup[];
}

const ITEM_COLUMNS = ['id', 'batch_id', 'pmt_inf_id', 'collection_date', 'sequence_type', 'end_to_end_id', 'invoice_id', 'relation_id', 'mandate_id', 'iban', 'amount_cents', 'remittance'];

/**
 * Each mandate's last use: its latest collection date in this export, where that is later
 * than the one it had (the candidates' read, in the same transaction). One stamp for all of
 * an export's files.
 */
function stampLastUse(ctx: CoreContext, planned: Planned[]): void {
  const newest = new Map<number, string>();
  for (const p of planned) {
    const rowid = p.c.mandateRowid!;
    if (p.c.lastUsedOn !== null && p.date <= p.c.lastUsedOn) continue;
    const known = newest.get(rowid);
    if (known === undefined || p.date > known) newest.set(rowid, p.date);
  }
  setColumnAudited(ctx.sqlite, 'sepa_mandates', 'last_used_on', [...newest], { column: 'updated_at', value: ctx.now() });
}

/**
 * The file's debits as batch items. The EndToEndId an invoice was collected with is the
 * item's (unique); the invoice row is not stamped with a copy.
 */
function writeItems(ctx: CoreContext, batchId: string, groups: DebitGroup[], blocks: Planned[][]): void {
  const reported = ctx.sqlite.prepare('UPDATE sepa_mandate_amendments SET reported_in_batch_id = ? WHERE mandate_id = ? AND reported_in_batch_id IS NULL');
  // As a contribution run does: the item rows go in with multi-row INSERTs (db/bulk-insert.ts)
  // and their audit is written set-based at the end.
  const suspended = suspendInsertAudit(ctx.sqlite, 'sepa_batch_items');
  try {
    const rows: unknown[][] = [];
    blocks.forEach((list, k) => {
      const g = groups[k]!;
      for (const p of list) {
        rows.push([`${batchId}.${String(rows.length + 1).padStart(6, '0')}`, batchId, g.pmtInfId, p.date, p.sequenceType, p.endToEndId, p.c.invoiceId, p.c.relationId, p.c.mandateId, p.debtor.iban, p.amountCents, p.remittance]);
        if (p.amendment) reported.run(batchId, p.c.mandateId);
      }
    });
    insertRows(ctx.sqlite, 'sepa_batch_items', ITEM_COLUMNS, rows);
  } finally {
    suspended?.resume();
  }
}
