import { z } from 'zod';
import type { CoreContext } from '../context';
import { zodIssues } from '../rpc/dispatcher';
import { sha256 } from '../blobs/blob-store';

/**
 * The files an administration keeps (received forms, mail attachments, evidence: the
 * `blobs` table) as the last section of the JSON export, base64. They are bookkeeping, not
 * audited rows, so they are not a user table; without them an export would point at
 * attachments it does not hold. On import each file must be what its id (SHA-256) says.
 */
export const FILES_SECTION = 'files';

const fileRecord = z
  .object({
    id: z.string().regex(/^[0-9a-f]{64}$/),
    size: z.number().int().nonnegative(),
    content: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
  })
  .strict();

/** Every file, one JSON line each, streamed (a file can be megabytes). */
export function* fileLines(ctx: CoreContext): Generator<string> {
  for (const r of ctx.sqlite.prepare('SELECT id, size, content FROM blobs ORDER BY id').iterate() as IterableIterator<{ id: string; size: number; content: Buffer }>) {
    yield JSON.stringify({ id: r.id, size: r.size, content: r.content.toString('base64') });
  }
}

/** Checks one record of the section and stores it; problems as (field, code) for the import's report. */
export function importFile(ctx: CoreContext, value: unknown): { field: string; code: string }[] {
  const parsed = fileRecord.safeParse(value);
  if (!parsed.success) return zodIssues(parsed.error);
  const bytes = Buffer.from(parsed.data.content, 'base64');
  if (bytes.byteLength !== parsed.data.size) return [{ field: 'size', code: 'FILE_SIZE_MISMATCH' }];
  if (sha256(bytes) !== parsed.data.id) return [{ field: 'content', code: 'FILE_HASH_MISMATCH' }];
  ctx.sqlite.prepare('INSERT OR IGNORE INTO blobs (id, size, content) VALUES (?, ?, ?)').run(parsed.data.id, bytes.byteLength, bytes);
  return [];
}
