import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { expect, test, E2E_TODAY, E2E_TOKEN } from './fixtures';
import { isEncryptedFile } from '../../src/main/core/db/database-key';

/**
 * An encrypted administration in the real UI, on its own web host and file (the shared one
 * must stay plain for the other specs): Versleutelen in Settings, the idle lock, a wrong and
 * the right password, and the password prompt when the host starts on the encrypted file.
 */
const PORT = Number(process.env.E2E_PORT ?? 4317) + 1000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledenbeheer-e2e-crypt-'));
const db = path.join(dir, 'vereniging.sqlite');
const URL = `http://127.0.0.1:${PORT}/#token=${E2E_TOKEN}`;
const shot = (name: string) => path.join(os.tmpdir(), 's4-crypt', `${name}.png`);
let host: ChildProcess | null = null;

async function startHost(demo: number): Promise<void> {
  host = spawn(process.execPath, ['--import', 'tsx', 'src/main/web/serve.ts', '--db', db, '--demo', String(demo), '--port', String(PORT), '--token', E2E_TOKEN, '--today', E2E_TODAY], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    host!.stdout!.once('data', () => resolve());
    host!.once('exit', (code) => reject(new Error(`web host exited ${code}`)));
  });
}
async function stopHost(): Promise<void> {
  const h = host;
  host = null;
  if (!h || h.exitCode !== null) return;
  await new Promise((resolve) => {
    h.once('exit', resolve);
    h.kill('SIGTERM');
  });
}

test.afterAll(async () => {
  await stopHost();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('encrypt in Settings, lock after idle time, a wrong and the right password, and the prompt at the next start', async ({ page }) => {
  test.setTimeout(900_000);
  await startHost(30);
  await page.goto(URL);
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  await nav.getByRole('button', { name: 'Instellingen', exact: true }).click();
  await page.getByRole('tab', { name: 'Beveiliging' }).click();
  await expect(page.getByText('Deze administratie is niet versleuteld')).toBeVisible();
  await page.getByTestId('new-password').fill('kort');
  await expect(page.getByText('het wachtwoord is te kort (minstens 8 tekens)')).toBeVisible();
  await page.getByTestId('new-password').fill('Paard-Batterij-Niet');
  await page.getByTestId('repeat-password').fill('Paard-Batterij-Niet');
  await page.getByRole('button', { name: 'Versleutelen' }).click();
  // Closes the core's threads, re-keys the file, starts them again (key derivation twice).
  await expect(page.getByRole('status')).toHaveText('De administratie is versleuteld, en de reservekopieën in de map met reservekopieën ook.', { timeout: 180_000 });
  // The backup made on opening, from before Versleutelen, is encrypted now too.
  const backups = path.join(dir, 'backups');
  for (const name of fs.existsSync(backups) ? fs.readdirSync(backups) : []) expect(zlib.gunzipSync(fs.readFileSync(path.join(backups, name))).includes('SQLite format 3'), name).toBe(false);
  expect(isEncryptedFile(db)).toBe(true);
  await expect(page.getByText('Deze administratie is versleuteld.')).toBeVisible();
  await page.screenshot({ path: shot('settings-encrypted'), fullPage: true });

  // Idle lock after 1 minute: the clock moves on without any use of the page.
  await page.getByTestId('idle-minutes').fill('1');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByTestId('idle-saved')).toHaveText('Opgeslagen.');
  await page.clock.fastForward(90_000);
  await expect(page.getByTestId('password-prompt')).toBeVisible();
  await expect(page.getByText('De administratie is vergrendeld omdat ze een tijd niet is gebruikt.')).toBeVisible();
  await page.getByTestId('password-input').fill('verkeerd-wachtwoord');
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
  await expect(page.getByText('Het wachtwoord klopt niet.', { exact: false })).toBeVisible({ timeout: 180_000 });
  await page.screenshot({ path: shot('prompt-wrong-password'), fullPage: true });
  await page.getByTestId('password-input').fill('Paard-Batterij-Niet');
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
  await expect(nav).toBeVisible({ timeout: 180_000 });

  // A new start of the host on the encrypted file: the prompt before anything else.
  await stopHost();
  await startHost(0);
  // A new page load (the same URL with only a new hash would not reload the app).
  await page.goto('about:blank');
  await page.goto(URL);
  await expect(page.getByText('vereniging.sqlite is versleuteld. Geef het wachtwoord om verder te werken.')).toBeVisible();
  await expect(nav).toBeHidden();
  await page.screenshot({ path: shot('prompt-at-open'), fullPage: true });
  await page.getByTestId('password-input').fill('Paard-Batterij-Niet');
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
  await nav.getByRole('button', { name: 'Relaties', exact: true }).click({ timeout: 180_000 });
  await expect(page.getByTestId('relations-total')).toHaveText(/relaties$/);

  // Closed, then opened again from the start screen's recent list: the password is a step of the open.
  await page.getByRole('button', { name: /^Administratie/ }).click();
  await page.getByRole('menuitem', { name: 'Sluiten' }).click();
  const start = page.getByTestId('start-screen');
  await expect(start).toBeVisible();
  await start.getByTestId('recent-list').getByRole('button').first().click();
  await expect(page.getByText('vereniging.sqlite is versleuteld. Geef het wachtwoord om verder te werken.')).toBeVisible();
  await page.getByTestId('password-input').fill('verkeerd-wachtwoord');
  await page.getByRole('button', { name: 'Ontgrendelen' }).click();
  await expect(page.getByText('Het wachtwoord klopt niet.', { exact: false })).toBeVisible({ timeout: 180_000 });
  await page.screenshot({ path: shot('start-recent-wrong-password'), fullPage: true });
  await page.getByRole('button', { name: 'Andere administratie kiezen' }).click();
  await expect(start).toBeVisible();

  // A new administration encrypted from its first page: the optional password on the start screen.
  const fresh = path.join(dir, 'kaats.ledenbeheer');
  await start.getByLabel('Naam van de vereniging').fill('Tennisvereniging De Kaats');
  await start.getByLabel('Bestand', { exact: true }).fill(fresh);
  await start.getByTestId('new-administration-password').fill('kort');
  await expect(start.getByText('het wachtwoord is te kort (minstens 8 tekens)')).toBeVisible();
  await start.getByTestId('new-administration-password').fill('Kaats-Geheim-2026');
  await page.screenshot({ path: shot('start-new-encrypted'), fullPage: true });
  await start.getByRole('button', { name: 'Administratie maken' }).click();
  await expect(page.getByTestId('administration-name')).toHaveText('Tennisvereniging De Kaats', { timeout: 180_000 });
  expect(isEncryptedFile(fresh)).toBe(true);
  await nav.getByRole('button', { name: 'Instellingen', exact: true }).click();
  await page.getByRole('tab', { name: 'Beveiliging' }).click();
  await expect(page.getByText('Deze administratie is versleuteld.')).toBeVisible();
  await page.screenshot({ path: shot('settings-security-new'), fullPage: true });

  // A backup, then a new password: that backup restores with the password of then.
  await page.getByRole('tab', { name: 'Reservekopieën' }).click();
  await page.getByRole('button', { name: 'Nu een reservekopie maken' }).click();
  await expect(page.getByTestId('backup-made')).toBeVisible({ timeout: 180_000 });
  const manual = page.getByTestId('backups-table').getByRole('row', { name: /handmatig/ });
  await page.getByRole('tab', { name: 'Beveiliging' }).click();
  await page.getByTestId('current-password').fill('Kaats-Geheim-2026');
  await page.getByTestId('new-password').fill('Kaats-Nieuw-2027');
  await page.getByTestId('repeat-password').fill('Kaats-Nieuw-2027');
  await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
  await expect(page.getByRole('status')).toHaveText('Het wachtwoord is gewijzigd.', { timeout: 180_000 });
  await page.getByRole('tab', { name: 'Reservekopieën' }).click();
  await manual.getByRole('button', { name: 'Terugzetten' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Terugzetten' }).click();
  const ask = page.getByTestId('backup-password-form');
  await expect(ask.getByText('een ander wachtwoord had')).toBeVisible({ timeout: 180_000 });
  for (let i = 0; i < 2; i++) {
    await ask.getByLabel('Wachtwoord van toen').fill('verkeerd-wachtwoord');
    await ask.getByRole('button', { name: 'Terugzetten' }).click();
    // Each try is answered before the next (the button loads meanwhile).
    await expect(ask.getByRole('button', { name: 'Terugzetten' })).not.toHaveAttribute('data-loading', { timeout: 180_000 });
    await expect(ask.getByText('Het wachtwoord klopt niet voor deze reservekopie.', { exact: false })).toBeVisible({ timeout: 180_000 });
    await expect(ask.getByText('Er is niets teruggezet', { exact: false })).toBeVisible();
  }
  await page.screenshot({ path: shot('restore-backup-password'), fullPage: true });
  // The password is checked before the current state is backed up: the tries added no "vóór terugzetten".
  await expect(page.getByTestId('backups-table').getByRole('row', { name: /vóór terugzetten/ })).toHaveCount(0);
  await ask.getByLabel('Wachtwoord van toen').fill('Kaats-Geheim-2026');
  await ask.getByRole('button', { name: 'Terugzetten' }).click();
  await expect(ask).toBeHidden({ timeout: 180_000 });
  await expect(page.getByTestId('administration-name')).toHaveText('Tennisvereniging De Kaats', { timeout: 180_000 });
  // Restored under the current password: the file does not open with the backup's.
  expect(isEncryptedFile(fresh)).toBe(true);
});
