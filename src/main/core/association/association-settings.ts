import { associationSettings, type AssociationSettings } from '../../../shared/contract/contributions';
import type { CoreContext } from '../context';

/**
 * The association's name, address, IBAN, BIC and e-mail: one setting, the single source for
 * invoices and reminders, the EPC payment QR code and SEPA files. The invoicing settings
 * (sender) and the SEPA creditor settings (name, IBAN, BIC) are views of it, so the two
 * screens can never disagree. Migration 0011 (association_setting) folded the two earlier copies into it.
 */
export const ASSOCIATION_KEY = 'association';

const EMPTY: AssociationSettings = { name: null, addressLines: [], iban: null, bic: null, email: null };

export function getAssociation(ctx: CoreContext): AssociationSettings {
  const row = ctx.sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(ASSOCIATION_KEY) as { value: string } | undefined;
  // A stored value that no longer fits (an older version) counts as not set.
  return (row ? associationSettings.safeParse(JSON.parse(row.value)).data : undefined) ?? EMPTY;
}

/** Changes some fields and keeps the others (the SEPA screen has no address). Must run inside an operation. */
export function updateAssociation(ctx: CoreContext, change: Partial<AssociationSettings>): AssociationSettings {
  const next = associationSettings.parse({ ...getAssociation(ctx), ...change });
  ctx.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(ASSOCIATION_KEY, JSON.stringify(next));
  return next;
}
