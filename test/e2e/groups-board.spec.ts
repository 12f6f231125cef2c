import { E2E_NOW, expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { GroupsPage } from './pages/groups-page';
import { rpc } from './pages/api';

function iso(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
function dutch(d: Date): string {
  return `${d.getDate()}-${d.getMonth() + 1}-${d.getFullYear()}`;
}

test('schedules next month’s new chair now, shows today’s board, next month’s board and both on the timeline', async ({ page }) => {
  const tag = `${Date.now() % 1_000_000}`;
  const now = new Date(E2E_NOW);
  const firstNextMonth = new Date(now.getFullYear(), now.getMonth() + 1, 1);
  const lastThisMonth = new Date(now.getFullYear(), now.getMonth() + 1, 0);
  const make = (firstName: string, lastName: string) => rpc(page.request, 'relations.create', { kind: 'person', fields: { firstName, lastName } });
  const oldChair = await make('Anna', `Oudvoorzitter${tag}`);
  await make('Bert', `Nieuwvoorzitter${tag}`);
  const secretary = await make('Carla', `Schrijver${tag}`);
  const names = { old: `Anna Oudvoorzitter${tag}`, next: `Bert Nieuwvoorzitter${tag}`, secretary: `Carla Schrijver${tag}` };

  const app = new AppPage(page);
  const groups = new GroupsPage(page);
  await app.open();
  await groups.open();
  await groups.newGroup(`Bestuur ${tag}`);

  // The board so far, entered through the API: the chair since 2022, the secretary since 2023.
  const group = (await rpc(page.request, 'groups.list', {})).rows.find((g) => g.name === `Bestuur ${tag}`);
  const roles = (await rpc(page.request, 'groupRoles.list', {})).rows;
  const roleId = (code: string) => roles.find((r) => r.code === code)?.id ?? null;
  expect(group).toBeDefined();
  await rpc(page.request, 'groups.addMember', { groupId: group!.id, relationId: oldChair.id, member: { roleId: roleId('voorzitter'), validFrom: '2022-05-01' } });
  await rpc(page.request, 'groups.addMember', { groupId: group!.id, relationId: secretary.id, member: { roleId: roleId('secretaris'), validFrom: '2023-01-01' } });
  await groups.expectMembers([names.old, names.secretary]);

  // The change of chair, entered today for next month.
  await groups.addMember({ search: `Nieuwvoorzitter${tag}`, name: names.next, role: 'Voorzitter', from: dutch(firstNextMonth) });
  await groups.endMember(names.old, dutch(lastThisMonth));

  // Today: still the old chair.
  await groups.expectMembers([names.old, names.secretary]);
  await expect(groups.member(names.old).getByTestId('member-roles')).toHaveText('Voorzitter');
  await expect(groups.member(names.old).getByTestId('member-period')).toHaveText(`1-5-2022 t/m ${dutch(lastThisMonth)}`);
  await expect(groups.member(names.old).getByTestId('member-roles')).toHaveText('Voorzitter');
  await expect(page.getByTestId('members-total')).toHaveText('2 leden vandaag');

  await groups.view('Toekomstig');
  await groups.expectMembers([names.next]);

  // On the first of next month: the new chair, and the old one is gone.
  await groups.view('Op datum', dutch(firstNextMonth));
  await groups.expectMembers([names.next, names.secretary]);
  await expect(groups.member(names.next).getByTestId('member-roles')).toHaveText('Voorzitter');
  await expect(page.getByTestId('members-total')).toHaveText(`2 leden op ${dutch(firstNextMonth)}`);
  await page.screenshot({ path: 'test-results/e2e/group-members-next-month.png' });

  await groups.view('Alle');
  await groups.expectMembers([names.next, names.old, names.secretary]);

  await groups.tab('Tijdlijn');
  await expect(groups.timelineLanes).toHaveCount(3);
  // Chairs first (role order), the old one before the new one.
  await expect(groups.timelineLanes.nth(0)).toHaveAttribute('data-name', names.old);
  await expect(groups.timelineLanes.nth(1)).toHaveAttribute('data-name', names.next);
  await expect(groups.timelineLanes.nth(1)).toHaveAttribute('data-role', 'Voorzitter');
  await expect(groups.timelineLanes.nth(2)).toHaveAttribute('data-name', names.secretary);
  await expect(page.getByTestId('timeline-year').first()).toHaveText('2022');
  await page.screenshot({ path: 'test-results/e2e/group-timeline.png' });
  expect(iso(firstNextMonth) > iso(now)).toBe(true);
});
