import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { rpc } from './pages/api';

async function person(page: Page, number: number, firstName: string, lastName: string, extra: Record<string, unknown> = {}) {
  return rpc(page.request, 'relations.create', {
    kind: 'person',
    number,
    fields: { firstName, lastName, ...extra },
    address: { street: 'Oudegracht', houseNumber: 12, postcode: '3511 AB', city: 'Utrecht', validFrom: '2010-01-01' },
  });
}

test('loads a web-form CSV, approves one request field by field, rejects another; History names it', async ({ page }) => {
  const n = 800_000 + (Date.now() % 100_000);
  const tag = `T${n}`;
  const anna = await person(page, n, 'Anna', `Aalders${tag}`);
  await person(page, n + 1, 'Bert', `Bakker${tag}`, { email: `bert${n}@example.nl` });
  const csv = [
    'Tijdstempel;Lidnummer;Voornaam;Achternaam;E-mailadres;Mobiel;Straat;Huisnummer;Postcode;Woonplaats',
    `20-11-2026 14:03:11;${n};Anna;Aalders${tag};;06-12345678;Biltstraat;8;3572ap;Utrecht`,
    `21-11-2026 09:15:40;;Bert;Bakker${tag};bert${n}@example.nl;06-87654321;;;;`,
  ].join('\r\n');

  const app = new AppPage(page);
  await app.open();
  await app.nav.getByRole('button', { name: /Wijzigingsverzoeken/ }).click();
  await page.getByTestId('requests-file').click();
  await page.locator('input[type="file"]').first().setInputFiles({ name: `webformulier-${tag}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByTestId('requests-loaded')).toContainText('2 verzoeken ingelezen.');

  // The first is opened: three-way values per field, everything pre-selected but nothing applied yet.
  const detail = page.getByTestId('request-detail');
  await expect(detail).toContainText(`Anna Aalders${tag} (${n})`);
  await expect(detail).toContainText('herkend op lidnummer');
  const street = detail.locator('[data-testid="request-field"][data-field="street"]');
  await expect(street).toContainText('Oudegracht');
  await expect(street).toContainText('Biltstraat');
  expect((await rpc(page.request, 'relations.get', { id: anna.id })).fields.mobile).toBeNull();

  // Field by field: the mobile number is left out, the postcode gets a typed correction.
  await detail.locator('[data-testid="request-field"][data-field="mobile"]').getByTestId('request-field-apply').uncheck();
  const postcode = detail.locator('[data-testid="request-field"][data-field="postcode"]');
  await postcode.getByTestId('request-field-choice').click();
  await page.getByRole('option', { name: 'eigen' }).click();
  await postcode.getByTestId('request-field-custom').fill('3572 AR');
  await page.screenshot({ path: 'test-results/requests-pile.png', fullPage: true });
  await expect(page.getByTestId('request-approve')).toHaveText('Goedkeuren (3 van 4 velden)');
  await page.getByTestId('request-approve').click();
  await expect(detail).toHaveAttribute('data-status', 'approved');
  await expect(detail.locator('[data-testid="request-field"][data-field="mobile"]')).toContainText('niet toegepast');
  const card = await rpc(page.request, 'relations.get', { id: anna.id });
  expect(card.fields.mobile).toBeNull();
  expect(card.addresses.find((a) => a.current)).toMatchObject({ street: 'Biltstraat', houseNumber: 8, postcode: '3572 AR' });

  // The other one: rejected with a reason.
  await page.getByTestId('requests-status').getByText('Open').click();
  await page.getByTestId('request-row').filter({ hasText: `Bakker${tag}` }).getByTestId('request-open').click();
  await expect(detail).toContainText('herkend op e-mailadres');
  await page.getByTestId('request-reject').click();
  await page.getByTestId('request-reject-confirm').click();
  await expect(page.getByRole('dialog')).toContainText('geef een reden op');
  await page.getByTestId('request-reason').fill('Nummer is van de werkgever');
  await page.getByTestId('request-reject-confirm').click();
  await expect(detail).toContainText('Afgewezen: Nummer is van de werkgever');

  // History names the approval after the request.
  await app.searchAndOpen(`Aalders${tag}`, `Anna Aalders${tag}`);
  await page.getByRole('tab', { name: 'Historie' }).click();
  const op = page.locator('[data-testid="audit-operation"][data-kind="requests.approve"]');
  await expect(op).toContainText('Wijzigingsverzoek goedgekeurd');
  await expect(op).toContainText(`Wijzigingsverzoek Anna Aalders${tag} (${n}) uit webformulier-${tag}.csv`);
  await page.screenshot({ path: 'test-results/requests-history.png', fullPage: true });
});

test('logs a call for two relations; it shows on both cards', async ({ page }) => {
  const n = 700_000 + (Date.now() % 100_000);
  const tag = `L${n}`;
  await person(page, n, 'Carla', `Claassen${tag}`);
  await person(page, n + 1, 'Dirk', `Dekker${tag}`);
  const app = new AppPage(page);
  await app.open();
  await app.searchAndOpen(`Claassen${tag}`, `Carla Claassen${tag}`);
  await page.getByRole('tab', { name: 'Contactlog' }).click();
  await page.getByTestId('log-add').click();
  const modal = page.getByTestId('log-modal');
  await modal.getByTestId('log-subject').fill('Carpoolen naar de ledenvergadering');
  await modal.getByTestId('log-body').fill('Carla rijdt, Dirk stapt in Zeist in.');
  await modal.getByPlaceholder('Zoek op naam, nummer, plaats…').fill(`Dekker${tag}`);
  await modal.getByTestId('picker-result').filter({ hasText: `Dirk Dekker${tag}` }).click();
  await expect(modal.getByTestId('log-other')).toContainText(`Dirk Dekker${tag}`);
  await page.screenshot({ path: 'test-results/log-modal.png' });
  await modal.getByTestId('log-save').click();
  await expect(page.getByTestId('log-entry')).toContainText('Carpoolen naar de ledenvergadering');
  await expect(page.getByTestId('log-entry')).toContainText(`Dirk Dekker${tag}`);
  await page.screenshot({ path: 'test-results/log-card.png', fullPage: true });
  await page.getByTestId('log-entry').getByRole('button', { name: new RegExp(`Dirk Dekker${tag}`) }).click();
  await page.getByRole('tab', { name: 'Contactlog' }).click();
  await expect(page.getByTestId('log-entry')).toContainText('Carpoolen naar de ledenvergadering');
  await expect(page.getByTestId('log-entry')).toContainText(`Carla Claassen${tag}`);
});

test('a task due today appears in Vandaag, is counted in the navigation and closes when done', async ({ page }) => {
  const title = `Penningmeester terugbellen ${Date.now() % 100_000}`;
  const app = new AppPage(page);
  await app.open();
  await app.nav.getByRole('button', { name: /Vandaag/ }).click();
  const before = Number((await rpc(page.request, 'tasks.count', {})).due);
  await page.getByTestId('task-title').fill(title);
  await page.getByTestId('task-add').click();
  const row = page.locator(`[data-testid="task-row"][data-title="${title}"]`);
  await expect(page.getByTestId('tasks-due').locator(row)).toBeVisible();
  await expect(page.getByTestId('nav-count-today')).toHaveText(String(before + 1));
  await page.screenshot({ path: 'test-results/today.png', fullPage: true });
  await row.getByTestId('task-done').click();
  await expect(row).toHaveCount(0);
  await expect(page.getByTestId('nav-count-today')).toHaveCount(before === 0 ? 0 : 1);
  const done = (await rpc(page.request, 'tasks.list', { status: 'done' })).rows.find((t) => t.title === title);
  expect(done?.doneAt).toBe((await rpc(page.request, 'tasks.today', {})).today);
});

test('plans a board meeting, registers attendance and merges the agenda into a Word template', async ({ page }) => {
  const { Document, Packer, Paragraph, Table, TableCell, TableRow } = await import('docx');
  const PizZip = (await import('pizzip')).default;
  const tag = `${Date.now() % 100_000}`;
  const groupName = `Bestuur M${tag}`;
  const make = (firstName: string, lastName: string) => rpc(page.request, 'relations.create', { kind: 'person', fields: { firstName, lastName } });
  const anna = await make('Anna', `Voorzitter${tag}`);
  const bert = await make('Bert', `Secretaris${tag}`);
  const group = await rpc(page.request, 'groups.create', { name: groupName, type: 'board' });
  const roles = (await rpc(page.request, 'groupRoles.list', {})).rows;
  await rpc(page.request, 'groups.addMember', { groupId: group.id, relationId: anna.id, member: { roleId: roles.find((r) => r.code === 'voorzitter')!.id, validFrom: '2020-01-01' } });
  await rpc(page.request, 'groups.addMember', { groupId: group.id, relationId: bert.id, member: { roleId: roles.find((r) => r.code === 'secretaris')!.id, validFrom: '2020-01-01' } });
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  const template = await Packer.toBuffer(
    new Document({
      sections: [
        {
          children: [
            new Paragraph('Agenda {vergadering}, {datum} om {tijd} in {plaats}'),
            new Table({ rows: [new TableRow({ children: [cell('{agendanummer}'), cell('{agendapunt}')] })] }),
            new Table({ rows: [new TableRow({ children: [cell('{naam}'), cell('{rol}'), cell('{aanwezigheid}')] })] }),
          ],
        },
      ],
    }),
  );

  const app = new AppPage(page);
  await app.open();
  await app.nav.getByRole('button', { name: 'Groepen', exact: true }).click();
  await page.getByText(groupName, { exact: true }).first().click();
  await page.getByRole('tab', { name: 'Vergaderingen' }).click();
  await page.getByTestId('meeting-title').fill('Bestuursvergadering');
  await page.getByTestId('meeting-place').fill('Clubhuis');
  await page.getByTestId('meeting-agenda').fill('Opening\nBegroting\nRondvraag');
  await page.getByTestId('meeting-create').click();
  const detail = page.getByTestId('meeting-detail');
  await expect(detail.getByTestId('meeting-attendee')).toHaveCount(2);
  await detail.locator(`[data-testid="meeting-attendee"][data-name="Anna Voorzitter${tag}"]`).getByText('aanwezig', { exact: true }).click();
  await detail.locator(`[data-testid="meeting-attendee"][data-name="Bert Secretaris${tag}"]`).getByText('afgemeld', { exact: true }).click();
  await page.screenshot({ path: 'test-results/meeting.png', fullPage: true });
  const downloading = page.waitForEvent('download');
  await detail.locator('input[type="file"]').setInputFiles({ name: 'agenda-sjabloon.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: template });
  const download = await downloading;
  const saved = await download.path();
  const fs = await import('node:fs');
  const text = new PizZip(fs.readFileSync(saved)).file('word/document.xml')!.asText().replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
  expect(text).toContain('Agenda Bestuursvergadering');
  expect(text).toContain('om 20:00 in Clubhuis');
  expect(text).toMatch(/1\s*Opening\s*2\s*Begroting\s*3\s*Rondvraag/);
  expect(text).toMatch(new RegExp(`Anna Voorzitter${tag}\\s*Voorzitter\\s*aanwezig`));
  expect(text).not.toContain(`Bert Secretaris${tag}`);
});
