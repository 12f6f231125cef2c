import type { CoreContext } from '../context';
import { notFound } from '../../../shared/errors';

/**
 * Ends a mandate because a return code says it cannot be used again (closed account,
 * deceased, no mandate): no later collection may use it. Inside an operation (a bank
 * import) it joins that operation. Ending an already ended or revoked mandate changes nothing.
 */
export function endMandate(ctx: CoreContext, mandateId: string, end: { code: string; date: string }): { ended: boolean } {
  return ctx.write('sepaMandates.end', { mandateId, code: end.code }, (op) => {
    const row = ctx.sqlite.prepare('SELECT relation_id AS relationId, status FROM sepa_mandates WHERE id = ?').get(mandateId) as { relationId: string; status: string } | undefined;
    if (!row) throw notFound('sepaMandate', mandateId);
    if (row.status !== 'active' && row.status !== 'expired') return { ended: false };
    ctx.sqlite.prepare(`UPDATE sepa_mandates SET status = 'ended', ended_on = ?, end_reason = ?, updated_at = ? WHERE id = ?`).run(end.date, end.code, ctx.now(), mandateId);
    op.changed('contributions.changed', { relationId: row.relationId });
    return { ended: true };
  });
}
