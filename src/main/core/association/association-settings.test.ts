import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { applyMigrations } from '../db/migrate';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, tempDir } from '../../../../test/support/test-core';
import { createCore } from '../create-core';

/**
 * The association's name, address, IBAN and BIC are one setting: what the SEPA screen saves
 * the invoices show (and their QR code pays to), and the reverse; the association migration folds the
 * two earlier copies into it, the SEPA creditor's name, IBAN and BIC winning when both were set.
 */
let tmp: ReturnType<typeof tempDir> | null = null;
afterEach(() => {
  tmp?.cleanup();
  tmp = null;
});

const CREDITOR = { name: 'Vereniging De Uil', iban: 'NL91ABNA0417164300', bic: 'ABNANL2A', creditorId: 'NL69ZZZ123456780000' };
const INVOICING = { invoicePrefix: 'F', termDays: 30, reminderDays: 14, referenceKind: 'betalingskenmerk' as const };

/**
 * A file made by the version before the association setting: the migrations up to the one
 * before it (a copy of the folder with its journal cut there), so opening it with today's
 * code applies the association migration and every later one, as an upgrade does.
 */
function previousVersionFile(file: string): Database.Database {
  const source = path.resolve(import.meta.dirname, '../../../../resources/migrations');
  const folder = path.join(path.dirname(file), 'migrations-before');
  fs.cpSync(source, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const cut = journal.entries.findIndex((e) => e.tag.endsWith('_association_setting'));
  fs.writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }));
  const db = new Database(file);
  applyMigrations(db, drizzle(db), { migrationsDir: folder, backupPath: null });
  return db;
}

describe('one association setting', () => {
  it('the SEPA creditor and the invoice sender are the same name, IBAN and BIC, whichever screen saved them', async () => {
    const core = createTestCore();
    await core.call('contributions.setSettings', {
      settings: { ...INVOICING, sender: { name: 'Oude naam', addressLines: ['Sportlaan 1', '3581 AB  UTRECHT'], iban: 'NL02ABNA0123456789', bic: null, email: 'pm@deuil.nl' } },
    });
    await core.call('sepa.setCreditor', { settings: CREDITOR });
    const invoicing = await core.call('contributions.getSettings', {});
    // The SEPA screen changed name, IBAN and BIC; the address and e-mail it has no field for stay.
    expect(invoicing.sender).toEqual({ name: CREDITOR.name, addressLines: ['Sportlaan 1', '3581 AB  UTRECHT'], iban: CREDITOR.iban, bic: CREDITOR.bic, email: 'pm@deuil.nl' });
    expect(invoicing).toMatchObject(INVOICING);

    await core.call('contributions.setSettings', { settings: { ...invoicing, sender: { ...invoicing.sender, name: 'Hockeyclub De Uil', iban: 'NL02ABNA0123456789', bic: null } } });
    const { settings } = await core.call('sepa.getCreditor', {});
    expect(settings).toMatchObject({ name: 'Hockeyclub De Uil', iban: 'NL02ABNA0123456789', bic: null, creditorId: CREDITOR.creditorId });
    // Stored once: the SEPA row keeps only its own fields, the invoicing row none of the association's.
    const stored = (key: string) => JSON.parse((core.ctx.sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string }).value) as Record<string, unknown>;
    expect(stored('sepa.creditor')).not.toHaveProperty('iban');
    expect(stored('sepa.creditor')).not.toHaveProperty('name');
    expect(stored('contributions.invoicing')).not.toHaveProperty('sender');
    expect(stored('association')).toMatchObject({ name: 'Hockeyclub De Uil', iban: 'NL02ABNA0123456789' });
    core.close();
  });

  it('the association migration keeps the existing values: SEPA name, IBAN and BIC win, address and e-mail come from the invoicing sender', () => {
    tmp = tempDir();
    const file = path.join(tmp.dir, 'old.sqlite');
    // The file as the previous version left it: both copies, the association migration not yet applied.
    const db = previousVersionFile(file);
    const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    put.run('sepa.creditor', JSON.stringify({ ...CREDITOR, debitVersion: '08', leadDays: 3 }));
    put.run('contributions.invoicing', JSON.stringify({ ...INVOICING, sender: { name: 'Andere naam', addressLines: ['Sportlaan 1'], iban: 'NL02ABNA0123456789', bic: 'BUNQNL2A', email: 'pm@deuil.nl' } }));
    db.close();

    const core = createCore({ file, actor: 'test' });
    expect(core.migrated.applied).toContainEqual(expect.stringMatching(/^\d{4}_association_setting$/));
    const association = JSON.parse((core.ctx.sqlite.prepare(`SELECT value FROM settings WHERE key = 'association'`).get() as { value: string }).value) as unknown;
    expect(association).toEqual({ name: CREDITOR.name, addressLines: ['Sportlaan 1'], iban: CREDITOR.iban, bic: CREDITOR.bic, email: 'pm@deuil.nl' });
    core.close();
  });

  it('the association migration takes the invoicing sender as it is when there is no SEPA creditor', () => {
    tmp = tempDir();
    const file = path.join(tmp.dir, 'old.sqlite');
    const db = previousVersionFile(file);
    const sender = { name: 'Andere naam', addressLines: ['Sportlaan 1'], iban: 'NL02ABNA0123456789', bic: 'BUNQNL2A', email: 'pm@deuil.nl' };
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('contributions.invoicing', JSON.stringify({ ...INVOICING, sender }));
    db.close();
    const core = createCore({ file, actor: 'test' });
    expect(core.ctx.sqlite.prepare(`SELECT value FROM settings WHERE key = 'association'`).pluck().get()).toBe(JSON.stringify(sender));
    core.close();
  });
});
