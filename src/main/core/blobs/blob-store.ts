import { createHash } from 'node:crypto';
import type { CoreContext } from '../context';
import { notFound } from '../../../shared/errors';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Keeps a file in the administration once, however often it arrives; returns its hash.
 * `hash`: the caller's own SHA-256 (hex) of these very bytes, when it already made one
 * (a SEPA file records its hash too: 46 MB at 100,000 debits is not hashed twice).
 */
export function putBlob(ctx: CoreContext, bytes: Uint8Array, hash?: string): string {
  const id = hash ?? sha256(bytes);
  ctx.sqlite.prepare('INSERT OR IGNORE INTO blobs (id, size, content) VALUES (?, ?, ?)').run(id, bytes.byteLength, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return id;
}

export function getBlob(ctx: CoreContext, id: string): Uint8Array {
  const row = ctx.sqlite.prepare('SELECT content FROM blobs WHERE id = ?').get(id) as { content: Buffer } | undefined;
  if (!row) throw notFound('blob', id);
  return new Uint8Array(row.content);
}
