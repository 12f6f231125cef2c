import { creditorSettings, type CreditorSettings } from '../../../shared/contract/sepa';
import type { CoreContext } from '../context';
import { getAssociation, updateAssociation } from '../association/association-settings';

/**
 * The creditor (the association), its bank profile and contract limits: a preference in
 * `settings`. The name, IBAN and BIC are the association setting (core/association), the
 * single source that invoices and their QR codes read too; only the SEPA fields are kept here.
 */
const KEY = 'sepa.creditor';

export function getCreditorSettings(ctx: CoreContext): CreditorSettings | null {
  const row = ctx.sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  if (!row) return null;
  const { name, iban, bic } = getAssociation(ctx);
  // A stored value that no longer fits (an older version, or the association without a name
  // or IBAN) counts as not set: the screen asks again.
  return creditorSettings.safeParse({ ...(JSON.parse(row.value) as object), name, iban, bic }).data ?? null;
}

/**
 * Saves the settings as one operation. A changed Incassant-ID is an amendment of every
 * active mandate: the next collection reports the old one (OrgnlCdtrSchmeId).
 */
export function setCreditorSettings(ctx: CoreContext, s: CreditorSettings): { settings: CreditorSettings; amendedMandates: number } {
  return ctx.write('sepa.setCreditor', { creditorId: s.creditorId }, (op) => {
    const before = getCreditorSettings(ctx);
    const { name, iban, bic, ...own } = s;
    ctx.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(own));
    updateAssociation(ctx, { name, iban, bic });
    let amendedMandates = 0;
    if (before && before.creditorId !== s.creditorId) {
      const base = ctx.newId();
      amendedMandates = ctx.sqlite
        .prepare(
          `INSERT INTO sepa_mandate_amendments (id, mandate_id, amended_on, kind, previous_value, created_at)
           SELECT ? || '.' || m.id, m.id, ?, 'creditor_id', ?, ? FROM sepa_mandates m WHERE m.status = 'active'`,
        )
        .run(base, ctx.today(), before.creditorId, ctx.now()).changes;
    }
    op.changed('sepa.changed', {});
    return { settings: s, amendedMandates };
  });
}
