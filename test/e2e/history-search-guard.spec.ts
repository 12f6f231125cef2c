import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { RelationCard } from './pages/relation-card';
import { rpc } from './pages/api';

const shot = (name: string) => `test-results/e2e/${name}.png`;
const kindFilter = (page: Page) => page.getByRole('textbox', { name: 'Soort bewerking' }).or(page.getByRole('combobox', { name: 'Soort bewerking' })).first();

test('search puts the person typed first, before companies in a street of that name', async ({ page }) => {
  const tag = `${Date.now() % 100000}`;
  const last = `Vries${tag}`;
  // Companies first (lower numbers) in the "Jan <last>straat", then the two people.
  for (let i = 0; i < 3; i++) {
    await rpc(page.request, 'relations.create', {
      kind: 'organisation',
      fields: { name: `De ${last}hoeve ${i}` },
      address: { street: `Jan ${last}straat`, houseNumber: i + 1, postcode: '3511 AB' },
    });
  }
  for (let i = 0; i < 2; i++) await rpc(page.request, 'relations.create', { kind: 'person', fields: { firstName: 'Jan', infix: 'de', lastName: last } });
  const app = new AppPage(page);
  await app.open();
  await page.keyboard.press('Control+K');
  await app.searchInput.fill(`jan de ${last.toLowerCase()}`);
  await expect(app.searchResults.first()).toContainText(`Jan de ${last}`);
  await expect(app.searchResults.nth(1)).toContainText(`Jan de ${last}`);
  await page.screenshot({ path: shot('search-person-first') });
});

test('History names person, group and role, filters by kind, and an unsaved edit asks before leaving', async ({ page }) => {
  const tag = `${Date.now() % 100000}`;
  const person = await rpc(page.request, 'relations.create', { kind: 'person', fields: { firstName: 'Jan', infix: 'de', lastName: `Vries${tag}` } });
  const board = await rpc(page.request, 'groups.create', { name: `Bestuur ${tag}`, type: 'board' });
  const chair = (await rpc(page.request, 'groupRoles.list', {})).rows.find((r) => r.code === 'voorzitter')!;
  await rpc(page.request, 'groups.addMember', { groupId: board.id, relationId: person.id, member: { roleId: chair.id, validFrom: '2026-03-01' } });

  const app = new AppPage(page);
  await app.open();
  await app.goTo('Historie');
  const sentence = `Jan de Vries${tag} toegevoegd aan Bestuur ${tag} als Voorzitter, vanaf 1-3-2026`;
  await expect(page.getByTestId('audit-change').filter({ hasText: sentence })).toBeVisible();
  await expect(page.getByText(/groups\.create|group_members|units\.create/)).toHaveCount(0);
  // Filter on the kind of operation.
  await kindFilter(page).click();
  await page.getByRole('option', { name: 'Lid toegevoegd aan groep' }).click();
  await expect(page.getByTestId('audit-operation').first()).toHaveAttribute('data-kind', 'groups.addMember');
  await expect(page.locator('[data-testid="audit-operation"]:not([data-kind="groups.addMember"])')).toHaveCount(0);
  await page.screenshot({ path: shot('history-filtered'), fullPage: true });
  // The demo generation is one operation with every change counted, shown a page at a time.
  await kindFilter(page).click();
  await page.getByRole('option', { name: 'Demogegevens aangemaakt' }).click();
  const demo = page.locator('[data-testid="audit-operation"][data-kind="demo.generate"]');
  await expect(demo).toBeVisible();
  await expect(demo.getByTestId('audit-change-count')).toHaveText(/^\d{1,3}(\.\d{3})+ wijzigingen$/);
  await demo.getByTestId('audit-show-more').click();
  await expect(demo.getByTestId('audit-change')).toHaveCount(12 + 500);
  await page.screenshot({ path: shot('history-all') });

  // An unsaved edit on the card: leaving asks first; staying keeps the edit.
  await app.searchAndOpen(`jan de vries${tag}`, `Vries${tag}`);
  const card = new RelationCard(page);
  await card.setField('Roepnaam', 'Johannes');
  await app.goTo('Relaties');
  const dialog = page.getByTestId('unsaved-changes');
  await expect(page.getByRole('dialog', { name: 'Wijzigingen niet opgeslagen' })).toBeVisible();
  await page.screenshot({ path: shot('unsaved-changes') });
  await page.getByRole('button', { name: 'Blijven en opslaan' }).click();
  await expect(dialog).toBeHidden();
  await expect(card.field('Roepnaam')).toHaveValue('Johannes');
  await app.goTo('Relaties');
  await page.getByTestId('leave-unsaved').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('relations-total')).toBeVisible();
});

test('a selection for the whole period leaves out who joined during it', async ({ page }) => {
  const tag = `${Date.now() % 100000}`;
  const types = (await rpc(page.request, 'relationTypes.list', {})).rows;
  const lid = types.find((t) => t.code === 'lid')!;
  const early = await rpc(page.request, 'relations.create', { kind: 'person', fields: { firstName: 'Al', lastName: `Lang${tag}` } });
  const late = await rpc(page.request, 'relations.create', { kind: 'person', fields: { firstName: 'Net', lastName: `Nieuw${tag}` } });
  await rpc(page.request, 'relations.addType', { relationId: early.id, typeId: lid.id, validFrom: '2000-01-01' });
  await rpc(page.request, 'relations.addType', { relationId: late.id, typeId: lid.id, validFrom: '2024-06-01' });
  await rpc(page.request, 'selections.create', { name: `Leden ${tag}`, condition: { type: 'relationType', codes: ['lid'] } });
  const app = new AppPage(page);
  await app.open();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Selecties', exact: true }).click();
  await page.getByText(`Leden ${tag}`, { exact: true }).click();
  const moment = page.getByTestId('moment-input');
  await moment.getByText('In periode', { exact: true }).click();
  await moment.getByTestId('moment-from').fill('1-1-2024');
  await moment.getByTestId('moment-from').blur();
  await moment.getByTestId('moment-until').fill('31-12-2024');
  await moment.getByTestId('moment-until').blur();
  await expect(moment.getByTestId('moment-hint')).toHaveText('Telt mee als de voorwaarde op minstens één dag van de periode geldt.');
  const total = async () => Number((await page.getByTestId('results-count').innerText()).replace(/\D/g, ''));
  await expect.poll(total).toBeGreaterThan(0);
  const atLeastOneDay = await total();
  await moment.getByText('Hele periode', { exact: true }).click();
  await expect(moment.getByTestId('moment-hint')).toHaveText('Telt alleen mee als de voorwaarde op elke dag van de periode geldt.');
  await expect.poll(total).toBeLessThan(atLeastOneDay);
  await page.screenshot({ path: shot('selection-whole-period'), fullPage: true });
});
