import type { CoreContext } from '../context';
import type { PaymentSettingsDto } from '../../../shared/contract/contributions';
import type { PaymentFrequency, PaymentMethod } from '../../../shared/contract/fee-schedule';
import { DomainError } from '../../../shared/errors';
import { getRelationRow } from '../relations/relations.repo';

export function getPaymentSettings(ctx: CoreContext, relationId: string): PaymentSettingsDto | null {
  const row = ctx.sqlite
    .prepare(
      `SELECT s.method, s.frequency, s.payer_relation_id AS payerRelationId, p.display_name AS payerName, s.exempt, s.exempt_reason AS exemptReason,
              s.override_cents AS overrideCents, s.override_reason AS overrideReason
         FROM payment_settings s LEFT JOIN relations p ON p.id = s.payer_relation_id WHERE s.relation_id = ?`,
    )
    .get(relationId) as (Omit<PaymentSettingsDto, 'exempt'> & { exempt: number }) | undefined;
  return row ? { ...row, exempt: row.exempt === 1 } : null;
}

interface Fields {
  method: PaymentMethod;
  frequency: PaymentFrequency;
  payerRelationId: string | null;
  exempt: boolean;
  exemptReason: string | null;
  overrideCents: number | null;
  overrideReason: string | null;
}

/** null clears the settings: the relation pays by the schedule's defaults. */
export function setPaymentSettings(ctx: CoreContext, relationId: string, s: Fields | null): PaymentSettingsDto | null {
  return ctx.write('paymentSettings.set', { relationId }, (op) => {
    getRelationRow(ctx, relationId);
    if (s === null) {
      ctx.sqlite.prepare('DELETE FROM payment_settings WHERE relation_id = ?').run(relationId);
    } else {
      if (s.payerRelationId === relationId) throw new DomainError('VALIDATION_FAILED', undefined, [{ field: 'payerRelationId', code: 'PAYER_IS_SELF' }]);
      if (s.payerRelationId) getRelationRow(ctx, s.payerRelationId);
      ctx.sqlite
        .prepare(
          `INSERT INTO payment_settings (id, relation_id, method, frequency, payer_relation_id, exempt, exempt_reason, override_cents, override_reason, created_at, updated_at)
           VALUES (@id, @relationId, @method, @frequency, @payerRelationId, @exempt, @exemptReason, @overrideCents, @overrideReason, @now, @now)
           ON CONFLICT (relation_id) DO UPDATE SET method = excluded.method, frequency = excluded.frequency, payer_relation_id = excluded.payer_relation_id,
             exempt = excluded.exempt, exempt_reason = excluded.exempt_reason, override_cents = excluded.override_cents,
             override_reason = excluded.override_reason, updated_at = excluded.updated_at`,
        )
        .run({ id: ctx.newId(), relationId, ...s, exempt: s.exempt ? 1 : 0, now: ctx.now() });
    }
    op.changed('contributions.changed', { relationId });
    return getPaymentSettings(ctx, relationId);
  });
}
