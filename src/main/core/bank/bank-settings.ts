import { bankSettings, type BankSettings } from '../../../shared/contract/bank';
import type { CoreContext } from '../context';

/** Own accounts, return fee and retry limit: a preference in `settings`, like the invoicing settings. */
const KEY = 'bank.settings';

export function getBankSettings(ctx: CoreContext): BankSettings {
  const row = ctx.sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  return bankSettings.safeParse(row ? JSON.parse(row.value) : {}).data ?? bankSettings.parse({});
}

export function setBankSettings(ctx: CoreContext, s: BankSettings): BankSettings {
  return ctx.write('bank.setSettings', { accounts: s.accounts.length }, () => {
    ctx.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(s));
    return s;
  });
}
