import type Database from 'better-sqlite3';
import { fail, ok, type Result } from '../../../shared/dutch/result';
import type { PaymentMethod } from '../../../shared/contract/fee-schedule';

/** How old systems write a payment method ('Automatische incasso', 'acceptgiro', 'kas'). */
const METHOD_WORDS: [RegExp, PaymentMethod][] = [
  [/^(automatische\s*)?incasso$|^ai$|^machtiging$|^sepa(\s*incasso)?$|^direct\s*debit$|^doorlopende\s*machtiging$/u, 'incasso'],
  [/^factuur$|^acceptgiro$|^overmaking$|^overmaken$|^nota$|^bank$|^invoice$/u, 'factuur'],
  [/^contant$|^kas$|^cash$|^pin$/u, 'contant'],
];

export function parsePaymentMethod(raw: string): Result<PaymentMethod> {
  const s = raw.trim().toLowerCase();
  for (const [re, method] of METHOD_WORDS) if (re.test(s)) return ok(method);
  return fail('PAYMENT_METHOD_INVALID', { value: raw.slice(0, 40) });
}

/** An imported amount becomes the relation's override, with this reason, until the treasurer decides otherwise. */
export const IMPORTED_CONTRIBUTION_REASON = 'Contributie uit import';

/**
 * Writes what an import row says about payment (inside the import's operation): the method
 * and/or the amount, on top of what is stored. A new row pays by invoice unless it says otherwise.
 */
export function importPaymentSettings(
  ctx: { sqlite: Database.Database; newId: () => string; now: () => number },
  relationId: string,
  rec: { paymentMethod?: PaymentMethod | null; contributionCents?: number | null },
): void {
  if (rec.paymentMethod === undefined && rec.contributionCents === undefined) return;
  const stored = ctx.sqlite.prepare('SELECT method, override_cents AS o FROM payment_settings WHERE relation_id = ?').get(relationId) as { method: PaymentMethod; o: number | null } | undefined;
  if (!stored && !rec.paymentMethod && (rec.contributionCents ?? null) === null) return;
  const method = rec.paymentMethod ?? stored?.method ?? 'factuur';
  const override = rec.contributionCents !== undefined ? rec.contributionCents : (stored?.o ?? null);
  const reason = override === null ? null : IMPORTED_CONTRIBUTION_REASON;
  if (stored) {
    ctx.sqlite
      .prepare(`UPDATE payment_settings SET method = ?, override_cents = ?, override_reason = CASE WHEN ? IS NULL THEN NULL WHEN override_cents IS ? THEN override_reason ELSE ? END, updated_at = ? WHERE relation_id = ?`)
      .run(method, override, override, override, reason, ctx.now(), relationId);
  } else {
    ctx.sqlite
      .prepare(
        `INSERT INTO payment_settings (id, relation_id, method, frequency, exempt, override_cents, override_reason, created_at, updated_at)
         VALUES (?, ?, ?, 'jaar', 0, ?, ?, ?, ?)`,
      )
      .run(ctx.newId(), relationId, method, override, reason, ctx.now(), ctx.now());
  }
}
