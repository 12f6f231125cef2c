import crypto from 'node:crypto';
import type { CoreContext } from '../context';
import { DomainError } from '../../../shared/errors';
import type { CreditorSettings, SepaBatchResultDto, SepaProblemDto } from '../../../shared/contract/sepa';

/** What collection and refund batches share: ids, the file's name and size rules, the record. */

export function problem(code: string, extra: Partial<SepaProblemDto> = {}): SepaProblemDto {
  return { code, invoiceId: null, invoiceNumber: null, relationId: null, name: null, detail: null, ...extra };
}

/**
 * MsgId: prefix, the day and the day's sequence (INC-20260615-01). Readable on the bank's
 * screen, unique per administration (a unique index), and the same in a preview as in the
 * commit that follows it.
 */
export function nextMsgId(ctx: CoreContext, prefix: 'INC' | 'TRB'): string {
  return nextMsgIds(ctx, prefix, 1)[0]!;
}

/** The next `count` MsgIds, for an export written as several files. */
export function nextMsgIds(ctx: CoreContext, prefix: 'INC' | 'TRB', count: number): string[] {
  const day = ctx.today().replace(/-/gu, '');
  const stem = `${prefix}-${day}-`;
  const { n } = ctx.sqlite.prepare(`SELECT count(*) AS n FROM sepa_batches WHERE msg_id LIKE ? || '%'`).get(stem) as { n: number };
  return Array.from({ length: count }, (_, k) => `${stem}${String(n + 1 + k).padStart(2, '0')}`);
}

/** The bank's rules for the file: its name (length, .xml, never reused) and its size. */
export function fileProblems(ctx: CoreContext, creditor: CreditorSettings, fileName: string, bytes: number): SepaProblemDto[] {
  const out: SepaProblemDto[] = [];
  if (!fileName.toLowerCase().endsWith('.xml')) out.push(problem('FILE_NAME_NOT_XML', { detail: fileName }));
  if (creditor.maxFileNameLength !== null && fileName.length > creditor.maxFileNameLength)
    out.push(problem('FILE_NAME_TOO_LONG', { detail: `${fileName.length} > ${creditor.maxFileNameLength}` }));
  if (ctx.sqlite.prepare('SELECT 1 FROM sepa_batches WHERE file_name = ?').get(fileName)) out.push(problem('FILE_NAME_USED', { detail: fileName }));
  if (creditor.maxFileBytes !== null && bytes > creditor.maxFileBytes) out.push(problem('FILE_TOO_LARGE', { detail: `${bytes} > ${creditor.maxFileBytes}` }));
  return out;
}

/** Local date-time for CreDtTm, from the core's clock. */
export function creationDateTime(ctx: CoreContext): string {
  const d = new Date(ctx.now());
  const p = (n: number) => String(n).padStart(2, '0');
  return `${ctx.today()}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export function sha256(bytes: Buffer): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/**
 * Called as the last step inside the export's transaction with the finished file: the CLI
 * writes it to disk (atomically, 0600) there, so a failed write rolls the batch back and a
 * recorded batch always has its file. The app's screen gets the bytes in the answer instead.
 */
export type PlaceFile = (bytes: Buffer, fileName: string) => void;

/** A preview shows the problems; an export with problems is refused, with the same list, before anything is written. */
export function refuse(dryRun: boolean, r: SepaBatchResultDto): SepaBatchResultDto {
  if (!dryRun) throw new DomainError('CONFLICT', { reason: 'SEPA_BATCH_HAS_PROBLEMS', problems: r.problems.slice(0, 100), count: r.problems.length });
  return r;
}
