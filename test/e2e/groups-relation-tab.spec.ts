import { E2E_NOW, expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { GroupsPage } from './pages/groups-page';
import { rpc } from './pages/api';

test('the relation card’s Groepen tab shows past, current and future groups and opens a group', async ({ page }) => {
  const tag = `${Date.now() % 1_000_000}`;
  const now = new Date(E2E_NOW);
  const nextMonth = new Date(now.getFullYear(), now.getMonth() + 1, 1);
  const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-01`;
  const person = await rpc(page.request, 'relations.create', { kind: 'person', fields: { firstName: 'Greet', lastName: `Groepslid${tag}` } });
  const roles = (await rpc(page.request, 'groupRoles.list', {})).rows;
  const roleId = (code: string) => roles.find((r) => r.code === code)?.id ?? null;
  const group = (name: string, type: 'board' | 'committee' | 'working_group') => rpc(page.request, 'groups.create', { name: `${name} ${tag}`, type });
  const kas = await group('Kascommissie', 'committee');
  const board = await group('Bestuur', 'board');
  const ict = await group('Werkgroep ICT', 'working_group');
  await rpc(page.request, 'groups.addMember', { groupId: kas.id, relationId: person.id, member: { roleId: roleId('lid'), validFrom: '2019-01-01', validTo: '2021-01-01' } });
  await rpc(page.request, 'groups.addMember', { groupId: board.id, relationId: person.id, member: { roleId: roleId('penningmeester'), validFrom: '2024-01-01' } });
  await rpc(page.request, 'groups.addMember', { groupId: ict.id, relationId: person.id, member: { roleId: roleId('voorzitter'), validFrom: iso(nextMonth) } });

  const app = new AppPage(page);
  await app.open();
  await app.searchAndOpen(`Groepslid${tag}`, `Groepslid${tag}`);
  await page.getByTestId('relation-card').getByRole('tab', { name: 'Groepen' }).click();
  const rows = page.getByTestId('relation-group-row');
  await expect(rows).toHaveCount(3);
  // Current first, then future, then past.
  await expect(rows.nth(0)).toHaveAttribute('data-name', `Bestuur ${tag}`);
  await expect(rows.nth(0)).toContainText('Penningmeester');
  await expect(rows.nth(0)).toContainText('sinds 1-1-2024');
  await expect(rows.nth(0).getByTestId('relation-group-status')).toHaveText('huidig');
  await expect(rows.nth(1)).toHaveAttribute('data-name', `Werkgroep ICT ${tag}`);
  await expect(rows.nth(1).getByTestId('relation-group-status')).toHaveText('toekomstig');
  await expect(rows.nth(1)).toContainText(`sinds 1-${nextMonth.getMonth() + 1}-${nextMonth.getFullYear()}`);
  await expect(rows.nth(2)).toHaveAttribute('data-name', `Kascommissie ${tag}`);
  await expect(rows.nth(2)).toContainText('1-1-2019 t/m 31-12-2020');
  await expect(rows.nth(2).getByTestId('relation-group-status')).toHaveText('vroeger');
  await page.screenshot({ path: 'test-results/e2e/relation-groups-tab.png' });

  await rows.nth(2).getByRole('button', { name: `Kascommissie ${tag}` }).click();
  const groups = new GroupsPage(page);
  await expect(groups.detail.getByTestId('group-name')).toHaveText(`Kascommissie ${tag}`);
  await groups.view('Vroeger');
  await groups.expectMembers([`Greet Groepslid${tag}`]);
});
