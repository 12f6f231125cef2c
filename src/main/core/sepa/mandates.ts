import type { z } from 'zod';
import type { CoreContext } from '../context';
import { DomainError, notFound } from '../../../shared/errors';
import { addYears } from '../../../shared/dutch/dates';
import type { MandateDto, mandateAmendment, newMandate } from '../../../shared/contract/sepa';
import { getRelationRow } from '../relations/relations.repo';

/** A mandate lapses when no collection used it for 36 months (EPC SDD Core rulebook). */
export const MANDATE_LAPSE_YEARS = 3;

export function mandateExpiresOn(m: { signedOn: string; lastUsedOn: string | null }): string {
  return addYears(m.lastUsedOn ?? m.signedOn, MANDATE_LAPSE_YEARS);
}

/**
 * `mandateExpiresOn` in SQL, for filters over every mandate (`alias` names the sepa_mandates
 * row). 'floor' keeps the day in its month as addYears does: a mandate last used on 29 February
 * expires on 28 February, not on 1 March (plain '+3 years' rolls over).
 */
export function mandateExpiresOnSql(alias: string): string {
  return `date(coalesce(${alias}.last_used_on, ${alias}.signed_on), '+${MANDATE_LAPSE_YEARS} years', 'floor')`;
}

const SELECT = `SELECT m.id, m.relation_id AS relationId, r.number AS relationNumber, r.display_name AS relationName, m.reference,
       m.signed_on AS signedOn, m.iban, m.bic, m.kind, m.status, m.ended_on AS endedOn, m.end_reason AS endReason, m.last_used_on AS lastUsedOn,
       (SELECT count(*) FROM sepa_mandate_amendments a WHERE a.mandate_id = m.id AND a.reported_in_batch_id IS NULL) AS pendingAmendments
  FROM sepa_mandates m JOIN relations r ON r.id = m.relation_id`;

type Row = Omit<MandateDto, 'expiresOn' | 'lapsed' | 'amendments'>;

function toDto(ctx: CoreContext, row: Row, withAmendments: boolean): MandateDto {
  const expiresOn = mandateExpiresOn(row);
  const amendments = withAmendments
    ? (ctx.sqlite
        .prepare(
          `SELECT id, amended_on AS amendedOn, kind, previous_value AS previousValue, evidence_blob_id AS evidenceBlobId, note,
                  reported_in_batch_id AS reportedInBatchId FROM sepa_mandate_amendments WHERE mandate_id = ? ORDER BY amended_on, created_at, id`,
        )
        .all(row.id) as MandateDto['amendments'])
    : [];
  return { ...row, expiresOn, lapsed: row.status === 'active' && expiresOn < ctx.today(), amendments };
}

export function getMandate(ctx: CoreContext, id: string): MandateDto {
  const row = ctx.sqlite.prepare(`${SELECT} WHERE m.id = ?`).get(id) as Row | undefined;
  if (!row) throw notFound('mandate', id);
  return toDto(ctx, row, true);
}

export function listMandates(
  ctx: CoreContext,
  q: { relationId?: string | undefined; status?: MandateDto['status'] | undefined; lapsed?: boolean | undefined; offset: number; limit: number },
): { rows: MandateDto[]; total: number } {
  const where: string[] = [];
  const args: Record<string, unknown> = {};
  if (q.relationId) {
    where.push('m.relation_id = @relationId');
    args['relationId'] = q.relationId;
  }
  if (q.status) {
    where.push('m.status = @status');
    args['status'] = q.status;
  }
  if (q.lapsed !== undefined) {
    // The same rule as mandateExpiresOn, in SQL so a page of 100,000 mandates is filtered by the database.
    where.push(`(m.status = 'active' AND ${mandateExpiresOnSql('m')} < @today) = @lapsed`);
    args['today'] = ctx.today();
    args['lapsed'] = q.lapsed ? 1 : 0;
  }
  const w = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const rows = ctx.sqlite.prepare(`${SELECT} ${w} ORDER BY r.number, m.signed_on DESC, m.id LIMIT @limit OFFSET @offset`).all({ ...args, limit: q.limit, offset: q.offset }) as Row[];
  const { n } = ctx.sqlite.prepare(`SELECT count(*) AS n FROM sepa_mandates m ${w}`).get(args) as { n: number };
  return { rows: rows.map((r) => toDto(ctx, r, q.relationId !== undefined)), total: n };
}

/** Every reference ever used, current or amended away: none is given out twice. */
function referenceTaken(ctx: CoreContext, reference: string): boolean {
  return (
    ctx.sqlite
      .prepare(
        `SELECT 1 FROM sepa_mandates WHERE reference = @reference
         UNION ALL SELECT 1 FROM sepa_mandate_amendments WHERE kind = 'reference' AND previous_value = @reference LIMIT 1`,
      )
      .get({ reference }) !== undefined
  );
}

/** M<relation number>-<n>: the relation's next unused number. */
function nextReference(ctx: CoreContext, relationNumber: number): string {
  for (let n = 1; ; n++) {
    const ref = `M${relationNumber}-${n}`;
    if (!referenceTaken(ctx, ref)) return ref;
  }
}

export function createMandate(ctx: CoreContext, m: z.output<typeof newMandate>): MandateDto {
  return ctx.write('mandates.create', { relationId: m.relationId }, (op) => {
    const relation = getRelationRow(ctx, m.relationId);
    const reference = m.reference ?? nextReference(ctx, relation.number);
    if (referenceTaken(ctx, reference)) throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'reference', code: 'MANDATE_REFERENCE_TAKEN' }]);
    if (m.signedOn > ctx.today()) throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'signedOn', code: 'DATE_IN_FUTURE' }]);
    const id = ctx.newId();
    ctx.sqlite
      .prepare(
        `INSERT INTO sepa_mandates (id, relation_id, reference, signed_on, iban, bic, kind, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)`,
      )
      .run(id, m.relationId, reference, m.signedOn, m.iban, m.bic ?? null, m.kind, ctx.now(), ctx.now());
    op.changed('sepa.changed', { mandateIds: [id], relationId: m.relationId });
    return getMandate(ctx, id);
  });
}

/**
 * A new IBAN (the debtor's own change, or the Overstapservice's notice, kept as evidence) or
 * a new reference: the mandate stays the same mandate; each change is written down with its
 * old value and reported in the next collection (AmdmntInd + AmdmntInfDtls).
 */
export function amendMandate(ctx: CoreContext, a: z.output<typeof mandateAmendment>): MandateDto {
  return ctx.write('mandates.amend', { id: a.id }, (op) => {
    const m = getMandate(ctx, a.id);
    if (m.status !== 'active') throw new DomainError('CONFLICT', { reason: 'MANDATE_NOT_ACTIVE', status: m.status });
    const add = ctx.sqlite.prepare(
      `INSERT INTO sepa_mandate_amendments (id, mandate_id, amended_on, kind, previous_value, evidence_blob_id, note, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    let changed = false;
    if (a.iban && a.iban !== m.iban) {
      add.run(ctx.newId(), m.id, a.amendedOn, 'iban', m.iban, a.evidenceBlobId ?? null, a.note, ctx.now());
      ctx.sqlite.prepare('UPDATE sepa_mandates SET iban = ?, bic = ?, updated_at = ? WHERE id = ?').run(a.iban, a.bic ?? null, ctx.now(), m.id);
      changed = true;
    }
    if (a.reference && a.reference !== m.reference) {
      if (referenceTaken(ctx, a.reference)) throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'reference', code: 'MANDATE_REFERENCE_TAKEN' }]);
      add.run(ctx.newId(), m.id, a.amendedOn, 'reference', m.reference, a.evidenceBlobId ?? null, a.note, ctx.now());
      ctx.sqlite.prepare('UPDATE sepa_mandates SET reference = ?, updated_at = ? WHERE id = ?').run(a.reference, ctx.now(), m.id);
      changed = true;
    }
    if (!changed) throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'iban', code: 'AMENDMENT_EMPTY' }]);
    op.changed('sepa.changed', { mandateIds: [m.id], relationId: m.relationId });
    return getMandate(ctx, m.id);
  });
}

/** The debtor withdrew the mandate: no further collections on it; its reference stays taken. */
export function revokeMandate(ctx: CoreContext, id: string, endedOn: string, reason: string | null): MandateDto {
  return ctx.write('mandates.revoke', { id }, (op) => {
    const m = getMandate(ctx, id);
    if (m.status !== 'active') throw new DomainError('CONFLICT', { reason: 'MANDATE_NOT_ACTIVE', status: m.status });
    ctx.sqlite
      .prepare(`UPDATE sepa_mandates SET status = 'revoked', ended_on = ?, end_reason = ?, updated_at = ? WHERE id = ?`)
      .run(endedOn, reason, ctx.now(), id);
    op.changed('sepa.changed', { mandateIds: [id], relationId: m.relationId });
    return getMandate(ctx, id);
  });
}
