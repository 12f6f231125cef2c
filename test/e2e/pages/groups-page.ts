import { expect, type Locator, type Page } from '@playwright/test';
import { ConditionBuilderPart } from './selections-page';

export type MemberView = 'Huidig' | 'Vroeger' | 'Toekomstig' | 'Alle' | 'Op datum';

/** Groepen: the tree, one group's members, hand-entered facts, timeline and rule. */
export class GroupsPage {
  readonly tree: Locator;
  readonly detail: Locator;
  readonly members: Locator;
  readonly timelineLanes: Locator;
  readonly builder: ConditionBuilderPart;

  constructor(readonly page: Page) {
    this.tree = page.getByTestId('group-tree');
    this.detail = page.getByTestId('group-detail');
    this.members = page.getByTestId('member-row');
    this.timelineLanes = page.getByTestId('timeline-lane');
    this.builder = new ConditionBuilderPart(page, this.detail);
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Groepen', exact: true }).click();
    await expect(this.tree).toBeVisible();
  }

  /** "Nieuwe groep" with a name and type (Bestuur, Commissie, …); opens it. */
  async newGroup(name: string, type = 'Bestuur'): Promise<void> {
    await this.page.getByTestId('new-group').click();
    const dialog = this.page.getByRole('dialog', { name: 'Nieuwe groep' });
    await dialog.getByLabel('Naam', { exact: true }).fill(name);
    await dialog.getByRole('combobox', { name: 'Soort groep' }).click();
    await this.page.getByRole('option', { name: type, exact: true }).click();
    await dialog.getByTestId('save-group').click();
    await expect(dialog).toBeHidden();
    await expect(this.detail.getByTestId('group-name')).toHaveText(name);
  }

  async openGroup(name: string): Promise<void> {
    await this.tree.locator(`[data-testid="group-item"][data-name="${name}"]`).click();
    await expect(this.detail.getByTestId('group-name')).toHaveText(name);
  }

  async tab(name: 'Leden' | 'Handmatig ingevoerd' | 'Tijdlijn' | 'Regel'): Promise<void> {
    await this.detail.getByRole('tab', { name, exact: true }).click();
  }

  member(name: string): Locator {
    return this.members.filter({ hasText: name });
  }

  /** Lid toevoegen: search the relation, pick a role and the first day (d-m-yyyy). */
  async addMember(m: { search: string; name: string; role: string; from: string; until?: string }): Promise<void> {
    await this.detail.getByTestId('add-member').click();
    const dialog = this.page.getByRole('dialog', { name: 'Lid toevoegen' });
    await dialog.getByLabel('Relatie', { exact: true }).fill(m.search);
    await dialog.getByTestId('picker-result').filter({ hasText: m.name }).first().click();
    await dialog.getByRole('combobox', { name: 'Rol' }).click();
    await this.page.getByRole('option', { name: m.role, exact: true }).click();
    await dialog.getByLabel('Vanaf', { exact: true }).fill(m.from);
    if (m.until) await dialog.getByLabel('T/m (laatste dag)', { exact: true }).fill(m.until);
    await dialog.getByTestId('save-member').click();
    await expect(dialog).toBeHidden();
  }

  /** Beëindigen on a member row: the last day (t/m) of the membership. */
  async endMember(name: string, lastDay: string): Promise<void> {
    await this.member(name).getByTestId('end-member').click();
    const dialog = this.page.getByRole('dialog', { name: 'Lidmaatschap van de groep beëindigen' });
    await dialog.getByLabel('Laatste dag (t/m)', { exact: true }).fill(lastDay);
    await dialog.getByTestId('confirm-end').click();
    await expect(dialog).toBeHidden();
  }

  async view(view: MemberView, date?: string): Promise<void> {
    await this.detail.getByTestId('member-view').getByText(view, { exact: true }).click();
    if (date) {
      const input = this.detail.getByTestId('members-date');
      await input.fill(date);
      await input.blur();
    }
  }

  async memberNames(): Promise<string[]> {
    return (await this.members.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name') ?? ''))).sort();
  }

  async expectMembers(names: string[]): Promise<void> {
    await expect.poll(() => this.memberNames()).toEqual([...names].sort());
  }
}
