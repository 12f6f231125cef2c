import { invoicingSettings, type InvoicingSettings } from '../../../shared/contract/contributions';
import type { CoreContext } from '../context';

/** Invoice prefix, payment term and reminder interval: a preference in `settings`, like saved mappings. */
const KEY = 'contributions.invoicing';

export function getInvoicingSettings(ctx: CoreContext): InvoicingSettings {
  const row = ctx.sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  // A stored value that no longer fits (an older version) falls back to the defaults.
  return invoicingSettings.safeParse(row ? JSON.parse(row.value) : {}).data ?? invoicingSettings.parse({});
}

export function setInvoicingSettings(ctx: CoreContext, s: InvoicingSettings): InvoicingSettings {
  ctx.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(s));
  return s;
}
