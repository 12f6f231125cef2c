import { invoicingSettings, type InvoicingSettings } from '../../../shared/contract/contributions';
import type { CoreContext } from '../context';
import { getAssociation, updateAssociation } from '../association/association-settings';

/**
 * Invoice prefix, payment term and reminder interval: a preference in `settings`, like saved
 * mappings. The sender is the association setting (core/association), the single source
 * that SEPA files read too.
 */
const KEY = 'contributions.invoicing';

export function getInvoicingSettings(ctx: CoreContext): InvoicingSettings {
  const row = ctx.sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  // A stored value that no longer fits (an older version) falls back to the defaults.
  const own = invoicingSettings.safeParse(row ? JSON.parse(row.value) : {}).data ?? invoicingSettings.parse({});
  return { ...own, sender: getAssociation(ctx) };
}

export function setInvoicingSettings(ctx: CoreContext, s: InvoicingSettings): InvoicingSettings {
  return ctx.write('contributions.setSettings', { invoicePrefix: s.invoicePrefix }, () => {
    const { sender, ...own } = s;
    ctx.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(own));
    updateAssociation(ctx, sender);
    return getInvoicingSettings(ctx);
  });
}
