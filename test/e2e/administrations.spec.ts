import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { E2E_TODAY, E2E_TOKEN } from './fixtures';
import { AppPage } from './pages/app-page';
import { NewRelationDialog } from './pages/new-relation-dialog';
import { RelationsPage } from './pages/relations-page';

/**
 * The start screen and backups, against a web host of its own started WITHOUT a file (as a
 * first start is): the shared e2e host opens a demo file directly. Its port is this run's
 * E2E_PORT + 50, its data folder a fresh temporary one.
 */
const PORT = Number(process.env.E2E_PORT ?? 4317) + 50;
const BASE = `http://127.0.0.1:${PORT}`;
let host: ChildProcess;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledenbeheer-e2e-start-'));
  host = spawn(process.execPath, ['--import', 'tsx', 'src/main/web/serve.ts', '--data', dataDir, '--demo-size', '300', '--port', String(PORT), '--token', E2E_TOKEN, '--today', E2E_TODAY], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    host.stdout?.on('data', (d: Buffer) => d.toString().includes('http://') && resolve());
    host.on('exit', (code) => reject(new Error(`web host exited ${code}`)));
  });
});
test.afterAll(() => {
  host.kill('SIGTERM');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('first start, a new administration, the demo and back, a backup restored and the restore undone', async ({ page }) => {
  test.setTimeout(300_000);
  // Each open starts the core's worker threads (slow on a busy machine): generous waits.
  test.slow();
  await page.goto(`${BASE}/#token=${E2E_TOKEN}`);
  const start = page.getByTestId('start-screen');
  await expect(start).toBeVisible();
  await expect(start.getByRole('heading', { name: 'Welkom bij Ledenbeheer' })).toBeVisible();
  await page.screenshot({ path: '/tmp/s3-admin/start-screen.png' });

  // A new administration: the name, and (web host) the path field.
  const file = path.join(dataDir, 'kaats.ledenbeheer');
  await start.getByLabel('Naam van de vereniging').fill('Tennisvereniging De Kaats');
  await start.getByLabel('Bestand', { exact: true }).fill(file);
  await start.getByRole('button', { name: 'Administratie maken' }).click();
  await expect(page.getByTestId('administration-name')).toHaveText('Tennisvereniging De Kaats', { timeout: 60_000 });
  await expect(page.getByTestId('demo-badge')).toBeHidden();
  const list = new RelationsPage(page);
  const app = new AppPage(page);
  // An open administration starts on the overview.
  await expect(page.getByTestId('overview')).toBeVisible();
  await app.goTo('Relaties');
  await list.expectTotal(0);

  // A person in it.
  await list.newPerson();
  const dialog = new NewRelationDialog(page);
  await dialog.fill({ firstName: 'Anna', lastName: 'Bakker' });
  await dialog.create();
  await page.keyboard.press('Escape');
  await app.goTo('Relaties');
  await list.expectTotal(1);
  await page.screenshot({ path: '/tmp/s3-admin/own-administration.png' });

  // Switch to the demo (marked as such), and back.
  await page.getByTestId('administration-menu').click();
  await page.getByTestId('administration-close').click();
  await expect(start).toBeVisible({ timeout: 30_000 });
  await expect(start.getByTestId('recent-list')).toContainText('Tennisvereniging De Kaats');
  await start.getByRole('button', { name: 'Demo openen' }).click();
  await expect(page.getByTestId('demo-badge')).toHaveText('Demo — niet voor echte gegevens', { timeout: 60_000 });
  await app.goTo('Relaties');
  // The demo generator's 300 people and organisations, less what it merges as doubles.
  await expect(list.total).toHaveText(/^2\d\d relaties/);
  await page.screenshot({ path: '/tmp/s3-admin/demo-marked.png' });
  await page.getByTestId('administration-menu').click();
  await page.getByRole('menuitem', { name: 'Tennisvereniging De Kaats' }).click();
  await expect(page.getByTestId('administration-name')).toHaveText('Tennisvereniging De Kaats', { timeout: 60_000 });
  await app.goTo('Relaties');
  await list.expectTotal(1);

  // A backup, a change, the restore, and the restore undone.
  await app.goTo('Instellingen');
  await page.getByRole('tab', { name: 'Reservekopieën' }).click();
  await page.getByRole('button', { name: 'Nu een reservekopie maken' }).click();
  await expect(page.getByTestId('backup-made')).toBeVisible();
  const table = page.getByTestId('backups-table');
  await expect(table.getByRole('row').filter({ hasText: 'handmatig' })).toHaveCount(1);
  await page.screenshot({ path: '/tmp/s3-admin/backups.png' });

  await app.goTo('Relaties');
  await list.newPerson();
  await dialog.fill({ firstName: 'Bert', lastName: 'Visser' });
  await dialog.create();
  await page.keyboard.press('Escape');
  await app.goTo('Relaties');
  await list.expectTotal(2);

  await app.goTo('Instellingen');
  await page.getByRole('tab', { name: 'Reservekopieën' }).click();
  await table.getByRole('row').filter({ hasText: 'handmatig' }).getByRole('button', { name: 'Terugzetten' }).click();
  await page.screenshot({ path: '/tmp/s3-admin/restore-confirm.png' });
  await page.getByRole('dialog').getByRole('button', { name: 'Terugzetten' }).click();
  // The app starts over on the restored file: Bert is gone.
  await expect(page.getByTestId('backups-settings')).toBeHidden({ timeout: 60_000 });
  await app.goTo('Relaties');
  await list.expectTotal(1);

  // Undo: the copy made before the restore brings Bert back.
  await app.goTo('Instellingen');
  await page.getByRole('tab', { name: 'Reservekopieën' }).click();
  const before = table.getByRole('row').filter({ hasText: 'vóór terugzetten' });
  await expect(before).toHaveCount(1);
  await page.screenshot({ path: '/tmp/s3-admin/backups-after-restore.png' });
  await before.getByRole('button', { name: 'Terugzetten' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Terugzetten' }).click();
  await expect(page.getByTestId('backups-settings')).toBeHidden({ timeout: 60_000 });
  await app.goTo('Relaties');
  await list.expectTotal(2);
});
