import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { rpc } from './pages/api';
import { ContributionsPage } from './pages/contributions-page';
import { ownEmptyHost } from './own-host';

// On an administration of its own: the demo has contribution runs and invoices of its own.
test.use(ownEmptyHost(60, 'Contributietest'));

/*
 * The treasurer's year: fees set in the form, a dry run that names a blocking problem, the
 * problem solved on the relation card, the run committed, undone and committed again, a
 * partial payment, open items with ageing and a first reminder. The administration is empty
 * but for what is arranged here, so exactly these people are billed.
 */
test('sets fees, dry-runs, commits, undoes, books a partial payment and reminds', async ({ page, request }) => {
  const sfx = String(Date.now() % 100000);
  const sub = await rpc(request, 'subscriptionTypes.create', { code: `contr-${sfx}`, name: `Contributie ${sfx}` });
  const type = `Lid ${sfx}`;
  await rpc(request, 'membershipTypes.create', { code: `lidc-${sfx}`, name: type, baseCondition: { type: 'subscription', typeCodes: [sub.code] } });
  await rpc(request, 'units.create', { unit: { name: `Club ${sfx}`, startDate: '2000-01-01' }, parentId: null });
  const people = [
    ['Anna', `Betaler${sfx}`, '1980-03-01', true],
    ['Bart', `Jeugd${sfx}`, '2012-05-01', true],
    ['Cees', `Zonderadres${sfx}`, '1975-01-01', false],
  ] as const;
  const ids: string[] = [];
  for (const [firstName, lastName, birthDate, withAddress] of people) {
    const r = await rpc(request, 'relations.create', {
      kind: 'person',
      fields: { firstName, lastName, birthDate },
      ...(withAddress ? { address: { postcode: '3511 AB', houseNumber: ids.length + 10, street: 'Oudegracht' } } : {}),
    });
    await rpc(request, 'subscriptions.add', { relationId: r.id, subscription: { typeId: sub.id, startDate: '2015-01-01' } });
    ids.push(r.id);
  }
  const period = `E${sfx}`;
  const periodLabel = `2027 (${period})`;
  const app = new AppPage(page);
  const contributions = new ContributionsPage(page);
  await app.open();
  await contributions.open();

  // Fees in the form: a new period, the two default categories with amounts for this type.
  await contributions.tab('schedules');
  await page.getByRole('button', { name: 'Nieuwe periode' }).click();
  await page.getByTestId('period-code').fill(period);
  const feeRows = page.getByTestId('fee-row');
  await expect(feeRows).toHaveCount(2);
  for (const [i, amount] of [[0, '30,00'], [1, '60,00']] as const) {
    await contributions.choose(feeRows.nth(i).getByRole('combobox', { name: 'Lidmaatschapstype' }), type);
    await contributions.fillAmount(feeRows.nth(i).getByTestId('fee-amount'), amount);
  }
  await page.screenshot({ path: '/tmp/contrib-schedule.png', fullPage: true });
  await page.getByTestId('schedule-save').click();
  await expect(page.getByTestId('schedule-saved')).toHaveText('Opgeslagen als versie 1.');
  const saved = await rpc(request, 'feeSchedules.get', { periodCode: period });
  expect(saved.schedule.fees).toEqual([
    { membershipType: `lidc-${sfx}`, ageCategory: 'jeugd', amountCents: 3000 },
    { membershipType: `lidc-${sfx}`, ageCategory: 'senior', amountCents: 6000 },
  ]);

  // The dry run names the problem and the commit stays off; nothing is written.
  await contributions.tab('runs');
  await contributions.dryRun(periodLabel);
  await expect(page.getByTestId('run-problem')).toHaveText([`Cees Zonderadres${sfx}: betaalt per factuur maar heeft geen adres`]);
  await expect(page.getByTestId('run-commit')).toBeDisabled();

  // Solved on the relation card: Cees pays cash.
  await app.searchAndOpen(`Zonderadres${sfx}`, `Cees Zonderadres${sfx}`);
  await page.getByTestId('tab-contributions').click();
  await contributions.choose(page.getByTestId('settings-method'), 'Contant');
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('Betaalgegevens opgeslagen.')).toBeVisible();

  await contributions.open();
  await contributions.tab('runs');
  await contributions.dryRun(periodLabel);
  await expect(page.getByTestId('run-problems')).toHaveCount(0);
  await expect(page.getByTestId('run-summary')).toHaveText('3 facturen · 3 regels · totaal € 150,00');
  const annaLine = page.getByTestId('run-invoice').filter({ hasText: `Anna Betaler${sfx}` }).getByTestId('run-line');
  await expect(annaLine).toHaveText(`${type}, Senior op 1-1-2027: € 60,00 € 60,00`);
  await page.screenshot({ path: '/tmp/contrib-dryrun.png', fullPage: true });
  expect((await rpc(request, 'invoices.list', {})).total).toBe(0);

  await page.getByTestId('run-commit').click();
  await expect(page.getByTestId('run-committed')).toHaveText('Run opgeslagen: 3 facturen, totaal € 150,00.');
  await expect(page.getByTestId('run-row')).toHaveCount(1);

  // Undo as a whole, then run again: the same numbers come back.
  await page.getByTestId('run-undo').click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ongedaan maken' }).click();
  await expect(page.getByTestId('run-row')).toHaveCount(0);
  expect((await rpc(request, 'invoices.list', {})).total).toBe(0);
  await contributions.dryRun(periodLabel);
  await page.getByTestId('run-commit').click();
  await expect(page.getByTestId('run-committed')).toBeVisible();
  const { rows } = await rpc(request, 'invoices.list', {});
  const anna = rows.find((r) => r.relationId === ids[0])!;

  // Invoices: a partial payment on Anna's.
  await contributions.tab('invoices');
  await expect(page.getByTestId('invoice-row')).toHaveCount(3);
  await contributions.invoiceRow(anna.number).click();
  const drawer = page.getByTestId('invoice-drawer');
  await expect(drawer.getByTestId('invoice-line')).toHaveText([`${type}, Senior op 1-1-2027: € 60,00€ 60,00`]);
  await contributions.fillAmount(drawer.getByTestId('payment-amount'), '20,00');
  await drawer.getByTestId('payment-add').click();
  await expect(drawer.getByTestId('invoice-payment')).toHaveCount(1);
  await expect(drawer.getByTestId('invoice-instalment')).toContainText('open € 40,00');
  await page.screenshot({ path: '/tmp/contrib-invoice.png', fullPage: true });
  await page.keyboard.press('Escape');
  await expect(contributions.invoiceRow(anna.number).getByTestId('invoice-open')).toHaveText('€ 40,00');

  // Open items on 1 March 2027: everything is 45 days past due (15 January).
  await contributions.tab('open');
  const asOf = page.getByTestId('open-as-of');
  await asOf.fill('1-3-2027');
  await asOf.blur();
  await expect(page.getByTestId('open-total')).toHaveText('Totaal open: € 130,00');
  await expect(page.getByTestId('bucket-d31_60')).toContainText('€ 130,00');
  await page.getByTestId('reminder-preview').click();
  await expect(page.getByTestId('reminder-row')).toHaveCount(3);
  await page.getByTestId('reminder-commit').click();
  await expect(page.getByTestId('reminder-result')).toContainText('3 facturen: Herinnering');
  await expect(page.getByTestId('open-row').first()).toContainText('Herinnering');
  await page.screenshot({ path: '/tmp/contrib-open.png', fullPage: true });

  // The relation card shows the balance.
  await app.searchAndOpen(`Betaler${sfx}`, `Anna Betaler${sfx}`);
  await page.getByTestId('tab-contributions').click();
  await expect(page.getByTestId('relation-balance')).toHaveText('Saldo€ 40,00 nog te betalen');
  await page.screenshot({ path: '/tmp/contrib-relation.png', fullPage: true });

  // History names the operations in Dutch.
  await page.getByTestId('relation-card').getByRole('tab', { name: /^Historie/ }).click();
  const operations = page.getByTestId('audit-operation');
  await expect(operations.filter({ hasText: 'Betaling geboekt' })).toHaveCount(1);
  await expect(operations.filter({ hasText: 'Contributierun ongedaan gemaakt' })).toHaveCount(1);
  await expect(operations.filter({ has: page.getByText('Contributierun', { exact: true }) })).toHaveCount(2);
  await expect(operations.filter({ hasText: 'Betaling geboekt' })).toContainText('Betaling toegevoegd: € 20,00');
  await expect(operations.filter({ hasText: 'Herinneringen vastgelegd' })).toContainText('Herinnering toegevoegd: Fase 1, 1-3-2027');
  await page.screenshot({ path: '/tmp/contrib-history.png', fullPage: true });
});
