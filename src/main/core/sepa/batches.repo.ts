import type { CoreContext } from '../context';
import type { SepaBatchDto } from '../../../shared/contract/sepa';
import type { FileOutput } from '../../../shared/contract/io';
import { DomainError, notFound } from '../../../shared/errors';
import { getBlob } from '../blobs/blob-store';

/**
 * A batch's PmtInfIds from its items, in file order (the order its items were written), for
 * batches that have items but no PmtInfIds: those of a JSON export made before batches recorded
 * them (migration 0016 fills the stored ones the same way). Inside the caller's operation;
 * the update trigger audits it.
 */
export function fillMissingPmtInfIds(ctx: CoreContext): number {
  return ctx.sqlite
    .prepare(
      `UPDATE sepa_batches SET pmt_inf_ids = (SELECT json_group_array(p) FROM (SELECT pmt_inf_id AS p FROM sepa_batch_items WHERE batch_id = sepa_batches.id GROUP BY pmt_inf_id ORDER BY min(rowid)))
        WHERE pmt_inf_ids = '[]' AND EXISTS (SELECT 1 FROM sepa_batch_items WHERE batch_id = sepa_batches.id)`,
    )
    .run().changes;
}

/** Exported batches, newest first, with their PmtInfIds (what a bank statement's batch entry names). */
export function listBatches(ctx: CoreContext, q: { kind?: 'collection' | 'refund' | undefined; offset: number; limit: number }): { rows: SepaBatchDto[]; total: number } {
  const where = q.kind ? 'WHERE b.kind = @kind' : '';
  const rows = ctx.sqlite
    .prepare(
      `SELECT b.id, b.kind, b.run_id AS runId, r.period_code AS periodCode, b.message_version AS messageVersion, b.msg_id AS msgId, b.file_hash AS fileHash,
              b.file_name AS fileName, (b.file_blob_id IS NOT NULL) AS fileKept, b.transaction_count AS transactionCount, b.control_sum_cents AS controlSumCents, b.status,
              b.retry_of_batch_id AS retryOfBatchId, b.created_at AS createdAt, b.exported_at AS exportedAt,
              b.pmt_inf_ids AS pmtInfIds
         FROM sepa_batches b LEFT JOIN contribution_runs r ON r.id = b.run_id ${where}
        ORDER BY b.created_at DESC, b.msg_id DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ kind: q.kind, limit: q.limit, offset: q.offset }) as (Omit<SepaBatchDto, 'pmtInfIds' | 'fileKept'> & { pmtInfIds: string; fileKept: number })[];
  const { n } = ctx.sqlite.prepare(`SELECT count(*) AS n FROM sepa_batches b ${where}`).get({ kind: q.kind }) as { n: number };
  return { rows: rows.map((r) => ({ ...r, fileKept: r.fileKept === 1, pmtInfIds: JSON.parse(r.pmtInfIds) as string[] })), total: n };
}

/** The exported file, byte for byte as it was written (batches exported before files were kept have none). */
export function getBatchFile(ctx: CoreContext, id: string): FileOutput {
  const row = ctx.sqlite.prepare('SELECT file_name AS fileName, file_blob_id AS blobId FROM sepa_batches WHERE id = ?').get(id) as { fileName: string | null; blobId: string | null } | undefined;
  if (!row) throw notFound('sepaBatch', id);
  if (!row.blobId) throw new DomainError('CONFLICT', { reason: 'SEPA_FILE_NOT_KEPT', id });
  return { fileName: row.fileName ?? `${id}.xml`, mimeType: 'application/xml', bytes: Buffer.from(getBlob(ctx, row.blobId)).toString('base64') };
}
