import type { CoreContext } from '../context';
import { addYears } from '../../../shared/dutch/dates';
import { anonymisedIds } from './anonymise';

export interface RetentionCandidate {
  relationId: string;
  number: number;
  name: string;
  /** The relation types it had (e.g. "Lid, Donateur"). */
  types: string;
  /** The day its last relation type ended. */
  leftOn: string;
  /** Open invoices (the treasurer settles those first; anonymising keeps them under the pseudonym). */
  openInvoices: number;
}

/**
 * Former members past the retention period: relations that had a relation type, none of
 * which still holds, the last ended at least `years` ago. A list to review, never acted on
 * by itself: the secretary anonymises the ones chosen.
 */
export function retentionCandidates(ctx: CoreContext, opts: { years: number; today?: string; limit?: number }): { cutoff: string; total: number; rows: RetentionCandidate[] } {
  const today = opts.today ?? ctx.today();
  const cutoff = addYears(today, -opts.years);
  const done = anonymisedIds(ctx);
  const rows = ctx.sqlite
    .prepare(
      `SELECT r.id AS relationId, r.number, r.display_name AS name,
              group_concat(DISTINCT t.name) AS types, max(a.valid_to) AS leftOn,
              (SELECT count(*) FROM invoices i WHERE i.relation_id = r.id
                  AND i.total_cents > coalesce((SELECT sum(pa.amount_cents) FROM payment_allocations pa WHERE pa.invoice_id = i.id), 0)) AS openInvoices
         FROM relations r
         JOIN relation_type_assignments a ON a.relation_id = r.id
         JOIN relation_types t ON t.id = a.type_id
        WHERE r.deleted_at IS NULL
        GROUP BY r.id
       HAVING sum(a.valid_to IS NULL OR a.valid_to > @today) = 0 AND max(a.valid_to) <= @cutoff
        ORDER BY max(a.valid_to), r.number`,
    )
    .all({ today, cutoff }) as RetentionCandidate[];
  const open = rows.filter((r) => !done.has(r.relationId));
  return { cutoff, total: open.length, rows: opts.limit ? open.slice(0, opts.limit) : open };
}
