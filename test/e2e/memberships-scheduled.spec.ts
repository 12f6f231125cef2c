import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { rpc } from './pages/api';
import { MembershipsTab, UnitsPage } from './pages/units-page';

test('schedules a rule change with a preview; the relation card shows both units and explains why', async ({ page, request }) => {
  const sfx = String(Date.now() % 100000);
  const year = new Date().getFullYear();
  const sub = await rpc(request, 'subscriptionTypes.create', { code: `abo-${sfx}`, name: `Abonnement ${sfx}` });
  const type = `Lid ${sfx}`;
  await rpc(request, 'membershipTypes.create', { code: `lid-${sfx}`, name: type, baseCondition: { type: 'subscription', typeCodes: [sub.code] } });
  const root = await rpc(request, 'units.create', {
    unit: { name: `Organisatie ${sfx}`, level: 'Organisatie', startDate: '2005-01-01' },
    parentId: null,
    generalRule: { type: 'subscription', typeCodes: [sub.code] },
  });
  const oost = `Afdeling Oost ${sfx}`;
  await rpc(request, 'units.create', {
    unit: { name: oost, level: 'Afdeling', startDate: '2005-01-01' },
    parentId: root.id,
    generalRule: { type: 'address', postcodeRanges: [{ from: 3580, to: 3589 }] },
  });
  const people: [string, string, string][] = [
    ['Anna', `Jansen${sfx}`, '3584 CS'],
    ['Bram', `Visser${sfx}`, '3581 AB'],
  ];
  const ids: string[] = [];
  for (const [firstName, lastName, postcode] of people) {
    const r = await rpc(request, 'relations.create', { kind: 'person', fields: { firstName, lastName }, address: { postcode, houseNumber: 2, street: 'Laan' } });
    await rpc(request, 'subscriptions.add', { relationId: r.id, subscription: { typeId: sub.id, startDate: '2010-03-01' } });
    ids.push(r.id);
  }

  const app = new AppPage(page);
  const units = new UnitsPage(page);
  await app.open();
  await units.open();
  await units.openUnit(oost);

  // Postcode 3584 leaves Afdeling Oost on 1 January next year: scheduled, previewed, saved.
  await units.newVersion('Algemene regel', `1-1-${year + 1}`, [[3580, 3583], [3585, 3589]]);
  await expect(units.previewSummary).toHaveText('Deze wijziging raakt 1 relatie');
  await expect(units.previewChanges).toHaveText([`Anna Jansen${sfx}:${oost} t/m 31-12-${year}`]);
  await page.screenshot({ path: 'test-results/e2e/memberships-preview.png' });
  await units.savePreview();
  const versions = units.rule('Algemene regel').getByTestId('rule-version');
  await expect(versions).toHaveCount(2);
  await expect(versions.nth(0)).toHaveAttribute('data-status', 'current');
  await expect(versions.nth(0)).toContainText(`1-1-2005 t/m 31-12-${year}`);
  await expect(versions.nth(1)).toHaveAttribute('data-status', 'scheduled');
  await expect(versions.nth(1)).toContainText(`vanaf 1-1-${year + 1}`);
  await expect(versions.nth(1)).toContainText('Woont in postcodegebied 3580–3583 of 3585–3589');
  await page.screenshot({ path: 'test-results/e2e/memberships-rules.png' });

  // From the same day a new unit takes 3584.
  const uithof = `Afdeling Uithof ${sfx}`;
  await units.open();
  await units.addUnit(`Organisatie ${sfx}`, { name: uithof, startDate: `1-1-${year + 1}`, rule: { postcodes: [[3584, 3584]] } });
  await expect(units.previewChanges).toHaveText([`Anna Jansen${sfx}:→ ${uithof} vanaf 1-1-${year + 1}`]);
  await units.savePreview();
  await expect(units.node(uithof)).toHaveAttribute('data-active', 'false');
  await expect(units.node(uithof)).toContainText('nog niet gestart');

  // Anna's card: both units on the timeline, and why she is no longer in Oost next year.
  await app.searchAndOpen(`anna jansen${sfx}`, `Jansen${sfx}`);
  const tab = new MembershipsTab(page);
  await tab.open();
  await expect(tab.lane(oost)).toContainText(`1-3-2010 t/m 31-12-${year}`);
  await expect(tab.lane(oost)).toHaveAttribute('data-current', 'true');
  await expect(tab.lane(uithof)).toContainText(`vanaf 1-1-${year + 1}`);
  await expect(tab.lane(uithof)).toContainText('gepland');
  await tab.explain(oost, type, `1-1-${year + 1}`);
  await expect(tab.verdict).toHaveText(`Op 1-1-${year + 1} is deze relatie geen ${type} van ${oost}.`);
  await expect(tab.explainLines.filter({ hasText: `Algemene regel, versie vanaf 1-1-${year + 1}` }).first()).toHaveAttribute('data-holds', 'false');
  // The rule, then what the relation has on that day.
  await expect(tab.explainLines.filter({ hasText: /^✗Woont in postcodegebied 3580–3583 of 3585–3589 — adres op die dag: 3584 CS Utrecht$/ })).toHaveCount(1);
  await expect(tab.explainLines.filter({ hasText: `Basisregel van ${type}: Heeft abonnement Abonnement ${sfx}` })).toHaveAttribute('data-holds', 'true');
  await page.screenshot({ path: 'test-results/e2e/memberships-timeline.png', fullPage: true });
});
