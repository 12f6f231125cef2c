import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { rpc } from './pages/api';
import { UnitsPage } from './pages/units-page';

/*
 * The demo relations have no subscriptions, so with a subscription type and a membership
 * type of this test's own, exactly the people arranged here can be members.
 */
test('creates an organisation and a postcode unit, previews who gains and lists the members', async ({ page, request }) => {
  const sfx = String(Date.now() % 100000);
  const sub = await rpc(request, 'subscriptionTypes.create', { code: `lidm-${sfx}`, name: `Lidmaatschap ${sfx}` });
  await rpc(request, 'membershipTypes.create', { code: `lid-${sfx}`, name: `Lid ${sfx}`, baseCondition: { type: 'subscription', typeCodes: [sub.code] } });
  const people: [string, string, boolean][] = [
    ['3511 AB', `Utrechter${sfx}`, true],
    ['3584 CS', `Uithoffer${sfx}`, true],
    ['3584 CS', `Zonderabo${sfx}`, false],
    ['1012 AB', `Amsterdammer${sfx}`, true],
  ];
  for (const [postcode, lastName, subscribed] of people) {
    const r = await rpc(request, 'relations.create', { kind: 'person', fields: { firstName: 'Sam', lastName }, address: { postcode, houseNumber: 1, street: 'Straat' } });
    if (subscribed) await rpc(request, 'subscriptions.add', { relationId: r.id, subscription: { typeId: sub.id, startDate: '2015-01-01' } });
  }

  const app = new AppPage(page);
  const units = new UnitsPage(page);
  await app.open();
  await units.open();

  // The organisation: everyone with the subscription, from the start.
  const org = `Vereniging ${sfx}`;
  await units.newOrganisation(org, { subscription: sub.code });
  await expect(units.previewSummary).toHaveText('Deze wijziging raakt 3 relaties');
  await expect(units.page.getByTestId('preview-unit-row')).toHaveText([`${org}+30`]);
  await units.savePreview();
  await expect(units.count(org, `lid-${sfx}`)).toHaveText(`Lid ${sfx} 3`);

  // A unit for postcodes 3500–3599: the two subscribers living there gain it.
  const unit = `Afdeling Stad ${sfx}`;
  await units.addUnit(org, { name: unit, rule: { postcodes: [[3500, 3599]] } });
  await expect(units.previewSummary).toHaveText('Deze wijziging raakt 2 relaties');
  await expect(units.previewChanges).toHaveText([`Sam Uithoffer${sfx}:→ ${unit} vanaf 1-1-2015`, `Sam Utrechter${sfx}:→ ${unit} vanaf 1-1-2015`]);
  await page.screenshot({ path: 'test-results/e2e/memberships-create-preview.png' });
  await units.savePreview();
  await expect(units.count(unit, `lid-${sfx}`)).toHaveText(`Lid ${sfx} 2`);
  await page.screenshot({ path: 'test-results/e2e/memberships-tree.png' });

  await units.openUnit(unit);
  await expect(units.rule('Algemene regel').getByTestId('rule-condition')).toHaveText('Woont in postcodegebied 3500–3599');
  await units.tab('Leden');
  await expect(units.memberRows).toHaveCount(2);
  await expect(units.memberRows.first()).toContainText(`Sam Uithoffer${sfx}`);
  await expect(units.memberRows.first()).toContainText('1-1-2015');
  await expect(units.memberFilter(`lid-${sfx}`)).toHaveText(`Lid ${sfx} 2`);
  // Filtering on the type keeps the same two; the page shows what the tree counted.
  await units.memberFilter(`lid-${sfx}`).click();
  await expect(units.membersTotal).toHaveText(/^2 leden op /);
});
