import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { rpc } from './pages/api';
import { UnitsPage } from './pages/units-page';

const PORT = Number(process.env.E2E_PORT ?? 4317);
const csv = (...lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8').toString('base64');

test('History undoes an import as a whole, and names the later change that is in the way of another', async ({ page, request }) => {
  const sfx = String(Date.now() % 100000);
  const first = await rpc(request, 'io.commitImport', { file: csv('Voornaam;Achternaam', `Anna;Eerste${sfx}`, `Bert;Eerste${sfx}`), fileName: `eerste-${sfx}.csv` });
  const anna = (await rpc(request, 'relations.search', { query: `Anna Eerste${sfx}` })).rows[0]!;
  await rpc(request, 'relations.update', { id: anna.id, fields: { firstName: 'Annabel', lastName: `Eerste${sfx}` } });
  await rpc(request, 'io.commitImport', { file: csv('Voornaam;Achternaam', `Cees;Tweede${sfx}`), fileName: `tweede-${sfx}.csv` });

  const app = new AppPage(page);
  await app.open();
  await page.getByTestId('nav-history').click();
  const cards = page.getByTestId('audit-operation');
  const second = cards.filter({ hasText: `Tweede${sfx}` }).first();
  const firstCard = cards.filter({ hasText: `Bert Eerste${sfx}` }).first();
  await expect(firstCard.getByTestId('undo-state')).toContainText('Kan niet meer ongedaan worden gemaakt: daarna gewijzigd door Gegevens gewijzigd');
  await expect(second.getByTestId('undo-operation')).toBeVisible();
  await page.screenshot({ path: `test-results/e2e-${PORT}/history-undo.png`, fullPage: false });

  await second.getByTestId('undo-operation').click();
  await expect(page.getByRole('dialog')).toContainText('Alles wat deze bewerking heeft gewijzigd wordt teruggedraaid');
  await page.getByTestId('confirm-button').click();
  await expect(cards.filter({ hasText: 'Import ongedaan gemaakt' }).first()).toBeVisible();
  await expect(cards.filter({ hasText: `Tweede${sfx}` }).filter({ has: page.getByTestId('undo-state') }).first()).toContainText('Ongedaan gemaakt');
  expect((await rpc(request, 'relations.search', { query: `Tweede${sfx}` })).rows).toEqual([]);
  expect((await rpc(request, 'audit.undoStatus', { operationIds: [first.operationId] })).rows[0]?.state).toBe('conflict');
  await page.screenshot({ path: `test-results/e2e-${PORT}/history-undone.png`, fullPage: false });
});

test('a rule broken outside the program is named on Lidmaatschappen, and work goes on', async ({ page, request }) => {
  const sfx = String(Date.now() % 100000);
  const root = await rpc(request, 'units.create', { unit: { name: `Vereniging ${sfx}`, startDate: '2000-01-01' }, parentId: null });
  const unit = await rpc(request, 'units.create', {
    unit: { name: `Afdeling Kapot ${sfx}`, startDate: '2000-01-01' },
    parentId: root.id,
    generalRule: { type: 'address', postcodeRanges: [{ from: 3500, to: 3599 }] },
  });
  // A hand edit in the file, as an older program or a database tool could leave it (audited like any write).
  const db = new Database(`test-results/e2e-${PORT}.sqlite`);
  try {
    db.transaction(() => {
      const op = db.prepare(`INSERT INTO operations (id, kind, actor, at) VALUES (?, 'test.handEdit', 'e2e', ?)`).run(`hand-${sfx}`, Date.now());
      db.prepare('UPDATE audit_context SET operation = ? WHERE id = 1').run(op.lastInsertRowid);
      db.prepare(`UPDATE unit_rules SET condition = 'this is not json' WHERE unit_id = ?`).run(unit.id);
      db.prepare('UPDATE audit_context SET operation = NULL WHERE id = 1').run();
    })();
  } finally {
    db.close();
  }
  try {
    // A write that recomputes memberships still succeeds.
    await rpc(request, 'relations.create', { kind: 'person', fields: { firstName: 'Dirk', lastName: `Doorwerker${sfx}` }, address: { street: 'Straat', houseNumber: 1, postcode: '3511 AB' } });
    const app = new AppPage(page);
    await app.open();
    await page.getByTestId('nav-units').click();
    const alert = page.getByTestId('broken-rules');
    await expect(alert).toContainText('Een regel kan niet worden uitgerekend');
    await expect(alert).toContainText(`De regel van Afdeling Kapot ${sfx} (versie vanaf 1-1-2000): de opgeslagen tekst is geen geldige JSON.`);
    await expect(alert).toContainText(`De lidmaatschappen van Afdeling Kapot ${sfx} worden niet bijgewerkt tot de regel is hersteld`);
    await page.screenshot({ path: `test-results/e2e-${PORT}/broken-rule.png`, fullPage: false });
    // The unit's own rule shows the damaged version for what it is, not as "no restriction".
    const units = new UnitsPage(page);
    await units.openUnit(`Afdeling Kapot ${sfx}`);
    await units.tab('Regels');
    await expect(page.getByTestId('rule-condition').first()).toContainText('beschadigd');
    await expect(page.getByTestId('rule-condition').first()).toContainText('de opgeslagen tekst is geen geldige JSON');
    await page.screenshot({ path: `test-results/e2e-${PORT}/broken-rule-unit.png`, fullPage: false });
  } finally {
    await rpc(request, 'rules.setVersion', { unitId: unit.id!, validFrom: '2000-01-01', condition: { type: 'address', postcodeRanges: [{ from: 3500, to: 3599 }] } });
  }
  // Repaired through the application: the warning is gone.
  await page.getByTestId('nav-units').click();
  await expect(page.getByTestId('unit-tree')).toBeVisible();
  await expect(page.getByTestId('broken-rules')).toHaveCount(0);
});
