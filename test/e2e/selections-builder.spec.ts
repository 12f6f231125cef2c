import type { APIRequestContext } from '@playwright/test';
import { E2E_NOW, expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { SelectionsPage } from './pages/selections-page';
import { rpc } from './pages/api';

function yearsAgo(years: number): string {
  const d = new Date(E2E_NOW);
  d.setFullYear(d.getFullYear() - years);
  d.setDate(d.getDate() - 10);
  return d.toISOString().slice(0, 10);
}

async function person(request: APIRequestContext, p: { last: string; age: number; type: string; postcode: string; city: string }) {
  return rpc(request, 'relations.create', {
    kind: 'person',
    fields: { firstName: 'Test', lastName: p.last, birthDate: yearsAgo(p.age) },
    address: { postcode: p.postcode, houseNumber: 1, street: 'Dorpsstraat', city: p.city },
    typeCodes: [p.type],
  });
}

test('builds "Lid, 18–67 jaar, in Zeeland, in this town" in the builder, sees the live count, saves and reopens it', async ({ page }) => {
  const app = new AppPage(page);
  const selections = new SelectionsPage(page);
  const tag = `${Date.now() % 1_000_000}`;
  const town = `Proefkerke${tag}`;
  // Only Adema and Bos meet all four conditions; each of the others misses exactly one.
  await person(page.request, { last: `Adema${tag}`, age: 30, type: 'lid', postcode: '4331 AB', city: town });
  await person(page.request, { last: `Bos${tag}`, age: 45, type: 'lid', postcode: '4381 AA', city: town });
  await person(page.request, { last: `Claes${tag}`, age: 70, type: 'lid', postcode: '4331 AB', city: town });
  await person(page.request, { last: `Dekker${tag}`, age: 30, type: 'donateur', postcode: '4331 AB', city: town });
  await person(page.request, { last: `Evers${tag}`, age: 30, type: 'lid', postcode: '3511 AB', city: town });

  await app.open();
  await selections.open();
  await selections.newSelection(`Jonge leden Zeeland ${tag}`);
  const b = selections.builder;

  const type = await b.add('Relatietype is');
  await b.pick(type, 'Kies relatietypes', ['Lid']);
  const age = await b.add('Leeftijd tussen');
  await b.fillNumber(age, 'atom-age-min', 18);
  await b.fillNumber(age, 'atom-age-max', 67);
  const province = await b.add('Woont in provincie');
  await b.pick(province, 'Kies provincies', ['Zeeland']);
  const city = await b.add('Woonplaats is');
  await b.typeNames(city, 'Woonplaatsen', [town]);
  await b.expectNoProblems();

  await selections.expectCount(2);
  expect(await selections.resultNames()).toEqual([`Test Adema${tag}`, `Test Bos${tag}`]);
  // The relation type was given today, so they qualify from today until the day they turn 68.
  const now = new Date(E2E_NOW);
  await expect(selections.results.first()).toContainText(`${now.getDate()}-${now.getMonth() + 1}-${now.getFullYear()} t/m`);
  await page.screenshot({ path: 'test-results/e2e/selection-builder.png', fullPage: true });

  // NIET on the age row turns the result around: only the 70-year-old remains.
  await b.toggleNot(age);
  await selections.expectCount(1);
  expect(await selections.resultNames()).toEqual([`Test Claes${tag}`]);
  await b.toggleNot(age);
  await selections.expectCount(2);

  await selections.save();
  await expect(selections.items.filter({ hasText: `Jonge leden Zeeland ${tag}` })).toHaveCount(1);

  // Away and back: the saved selection shows the same rows and the same people.
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Relaties', exact: true }).click();
  await selections.open();
  await selections.openSaved(`Jonge leden Zeeland ${tag}`);
  await expect(b.rows).toHaveCount(4);
  await expect(province).toContainText('Zeeland');
  await selections.expectCount(2);
  expect(await selections.resultNames()).toEqual([`Test Adema${tag}`, `Test Bos${tag}`]);
  await page.screenshot({ path: 'test-results/e2e/selection-reopened.png', fullPage: true });
});

test('refuses to delete a selection a mailing list still uses, naming the list', async ({ page }) => {
  const tag = `${Date.now() % 1_000_000}`;
  const selection = await rpc(page.request, 'selections.create', { name: `Donateurs ${tag}`, condition: { type: 'relationType', codes: ['donateur'] } });
  await rpc(page.request, 'groups.create', { name: `Nieuwsbrief ${tag}`, type: 'mailing_list', condition: { type: 'selection', selectionId: selection.id } });
  const app = new AppPage(page);
  const selections = new SelectionsPage(page);
  await app.open();
  await selections.open();
  await selections.openSaved(`Donateurs ${tag}`);
  await selections.editor.getByTestId('delete-selection').click();
  await page.getByTestId('confirm-button').click();
  await expect(selections.editor.getByTestId('error-alert')).toHaveText(
    `Dit kan niet worden verwijderd: het wordt nog gebruikt door groep “Nieuwsbrief ${tag}”. Pas die eerst aan.`,
  );
  await expect(selections.items.filter({ hasText: `Donateurs ${tag}` })).toHaveCount(1);
});

test('finds "directors of member companies" with a nested condition on the linked organisation', async ({ page }) => {
  const tag = `${Date.now() % 1_000_000}`;
  const town = `Bestuurdorp${tag}`;
  const address = { postcode: '8911 AA', houseNumber: 2, street: 'Kerkstraat', city: town };
  const org = (name: string, typeCodes: string[]) => rpc(page.request, 'relations.create', { kind: 'organisation', fields: { name }, typeCodes });
  const member = await org(`Bakkerij Lid ${tag}`, ['lid']);
  const other = await org(`Garage Geen Lid ${tag}`, []);
  const person = (lastName: string) => rpc(page.request, 'relations.create', { kind: 'person', fields: { firstName: 'Dirk', lastName }, address });
  await person(`Bestuurderlid${tag}`);
  const director = (await rpc(page.request, 'relations.search', { query: `Bestuurderlid${tag}` })).rows[0]!;
  const otherDirector = await person(`Bestuurdergeenlid${tag}`);
  const employee = await person(`Medewerker${tag}`);
  const types = (await rpc(page.request, 'linkTypes.list', {})).rows;
  const typeId = (code: string) => types.find((lt) => lt.code === code)!.id;
  const link = (linkType: string, from: string, to: string) =>
    rpc(page.request, 'links.add', { linkTypeId: typeId(linkType), fromRelationId: from, toRelationId: to, link: {} });
  await link('director', director.id, member.id);
  await link('director', otherDirector.id, other.id);
  await link('employment', employee.id, member.id);

  const app = new AppPage(page);
  const selections = new SelectionsPage(page);
  await app.open();
  await selections.open();
  await selections.newSelection(`Bestuurders van leden ${tag}`);
  const b = selections.builder;
  const city = await b.add('Woonplaats is');
  await b.typeNames(city, 'Woonplaatsen', [town]);
  await selections.expectCount(3);

  const linkRow = await b.add('Gekoppeld aan organisatie die…');
  await b.pick(linkRow, 'Soort koppeling', ['bestuurder van / heeft als bestuurder']);
  await expect(linkRow.getByTestId('atom-link-direction')).toHaveValue('bestuurder van …');
  await selections.expectCount(2);
  await linkRow.getByText('… met een relatie die voldoet aan:').click();
  const target = await b.addIn(b.nested(linkRow), 'Relatietype is');
  await b.pick(target, 'Kies relatietypes', ['Lid']);
  await b.expectNoProblems();
  await selections.expectCount(1);
  expect(await selections.resultNames()).toEqual([`Dirk Bestuurderlid${tag}`]);

  // NIET around "new in the last 30 days as Lid": nobody here is a member, so nothing changes.
  const duration = await b.add('Nieuw in de laatste … dagen / Minstens … jaar');
  await duration.getByTestId('atom-duration-amount').fill('30');
  const inner = await b.addIn(b.nested(duration), 'Relatietype is');
  await b.pick(inner, 'Kies relatietypes', ['Lid']);
  await b.toggleNot(duration);
  await b.expectNoProblems();
  await selections.expectCount(1);
  await page.mouse.wheel(0, -5000);
  await page.screenshot({ path: 'test-results/e2e/condition-builder.png', fullPage: true });
});
