import { expect, type Locator, type Page } from '@playwright/test';

/** The condition builder wherever it appears (selections, smart groups): rows in plain Dutch. */
export class ConditionBuilderPart {
  readonly root: Locator;

  constructor(
    readonly page: Page,
    scope: Locator,
  ) {
    this.root = scope.getByTestId('condition-builder');
  }

  /** The top-level group; nested groups sit inside rows (link target, duration, EN/OF group). */
  get top(): Locator {
    return this.root.locator('[data-testid="condition-group"][data-depth="0"]');
  }

  /** Rows of the top-level group (nested rows belong to their own group). */
  get rows(): Locator {
    return ConditionBuilderPart.rowsOf(this.top);
  }

  static rowsOf(group: Locator): Locator {
    return group.locator(':scope > [data-testid="condition-row"]');
  }

  /** The group nested in a row. */
  nested(row: Locator): Locator {
    return row.getByTestId('condition-group').first();
  }

  async setJoin(join: 'EN' | 'OF'): Promise<void> {
    const label = join === 'EN' ? 'Alle volgende voorwaarden (EN)' : 'Een van de volgende (OF)';
    await this.top.getByTestId('condition-join').first().getByText(label).click();
  }

  /** "+ Voorwaarde" on the top level, then picks what the new row tests; returns the row. */
  async add(choice: string): Promise<Locator> {
    return this.addIn(this.top, choice);
  }

  /** "+ Voorwaarde" in a given group (the group's own button is its last one). */
  async addIn(group: Locator, choice: string): Promise<Locator> {
    const rows = ConditionBuilderPart.rowsOf(group);
    const before = await rows.count();
    await group.locator(':scope > div > [data-testid="add-condition"]').click();
    await expect(rows).toHaveCount(before + 1);
    const row = rows.nth(before);
    await row.getByTestId('condition-choice').first().click();
    await this.page.getByRole('option', { name: choice, exact: true }).click();
    await expect(row.getByTestId('condition-choice').first()).toHaveValue(choice);
    return row;
  }

  /** Picks options in a row's multi-select (relation types, provinces, tags…). */
  async pick(row: Locator, label: string, options: string[]): Promise<void> {
    const input = row.getByRole('textbox', { name: label }).or(row.getByRole('combobox', { name: label })).first();
    for (const option of options) {
      await input.click();
      await this.page.getByRole('option', { name: option, exact: true }).click();
    }
    await input.press('Escape');
  }

  async fillNumber(row: Locator, testId: string, value: number): Promise<void> {
    await row.getByTestId(testId).fill(String(value));
  }

  /** Free names (Woonplaats, Gemeente): type and press Enter per name. */
  async typeNames(row: Locator, label: string, names: string[]): Promise<void> {
    const input = row.getByRole('textbox', { name: label }).or(row.getByRole('combobox', { name: label })).first();
    for (const name of names) {
      await input.fill(name);
      await input.press('Enter');
    }
  }

  /** NIET on a row: the chip's label is what a user clicks. */
  async toggleNot(row: Locator): Promise<void> {
    await row.getByText('NIET', { exact: true }).first().click();
  }

  async expectNoProblems(): Promise<void> {
    await expect(this.root.getByTestId('condition-problem')).toHaveCount(0);
  }
}

/** Selecties: the saved list, the editor with builder, date and live results. */
export class SelectionsPage {
  readonly list: Locator;
  readonly items: Locator;
  readonly editor: Locator;
  readonly builder: ConditionBuilderPart;
  readonly count: Locator;
  readonly results: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByTestId('selection-list');
    this.items = page.getByTestId('selection-item');
    this.editor = page.getByTestId('selection-editor');
    this.builder = new ConditionBuilderPart(page, this.editor);
    this.count = page.getByTestId('results-count');
    this.results = page.getByTestId('result-row');
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Selecties', exact: true }).click();
    await expect(this.list).toBeVisible();
  }

  async newSelection(name: string): Promise<void> {
    await this.page.getByTestId('new-selection').click();
    await this.editor.getByLabel('Naam', { exact: true }).fill(name);
  }

  async expectCount(n: number): Promise<void> {
    await expect(this.count).toHaveText(n === 1 ? '1 relatie voldoet' : `${n.toLocaleString('nl-NL')} relaties voldoen`);
  }

  async save(): Promise<void> {
    await this.editor.getByTestId('save-selection').click();
  }

  async openSaved(name: string): Promise<void> {
    await this.items.filter({ hasText: name }).click();
    await expect(this.editor.getByLabel('Naam', { exact: true })).toHaveValue(name);
  }

  async resultNames(): Promise<string[]> {
    return (await this.results.getByTestId('result-name').allInnerTexts()).map((s) => s.trim()).sort();
  }
}
