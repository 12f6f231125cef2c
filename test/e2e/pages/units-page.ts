import { expect, type Locator, type Page } from '@playwright/test';

/** A postcode range as typed in the condition builder, e.g. [3500, 3599]. */
export type Range = [number, number];

/** A rule typed in the condition builder: postcode ranges, or an active subscription of a type (its code). */
export type RuleInput = { postcodes: Range[] } | { subscription: string };

/**
 * "Lidmaatschappen": the unit tree, the unit detail with its rule editor and members, the
 * preview that every change passes through, and the memberships tab of a relation card.
 */
export class UnitsPage {
  readonly tree: Locator;
  readonly preview: Locator;
  readonly previewSummary: Locator;
  readonly previewChanges: Locator;
  readonly detailName: Locator;
  readonly memberRows: Locator;
  readonly membersTotal: Locator;

  constructor(readonly page: Page) {
    this.tree = page.getByTestId('unit-tree');
    this.preview = page.getByTestId('change-preview');
    this.previewSummary = page.getByTestId('preview-summary');
    this.previewChanges = page.getByTestId('preview-change');
    this.detailName = page.getByTestId('unit-name');
    this.memberRows = page.getByTestId('member-row');
    this.membersTotal = page.getByTestId('members-total');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-units').click();
    await expect(this.tree).toBeVisible();
  }

  node(name: string): Locator {
    return this.page.locator(`[data-testid="unit-node"][data-unit="${name}"]`);
  }

  /** The count badge of one membership type (by code) on a unit in the tree. */
  count(unitName: string, typeCode: string): Locator {
    return this.node(unitName).locator(`[data-testid="unit-count"][data-type="${typeCode}"]`);
  }

  async newOrganisation(name: string, rule?: RuleInput): Promise<void> {
    await this.page.getByTestId('new-organisation').click();
    await this.fillUnit({ name, rule });
  }

  async addUnit(parent: string, unit: { name: string; startDate?: string; rule?: RuleInput }): Promise<void> {
    await this.node(parent).getByTestId('unit-menu').click();
    await this.page.getByRole('menuitem', { name: 'Onderdeel toevoegen' }).click();
    await this.fillUnit(unit);
  }

  /** Fills the unit form and asks for the preview (does not save). */
  private async fillUnit(unit: { name: string; startDate?: string; rule?: RuleInput | undefined }): Promise<void> {
    const dialog = this.page.getByTestId('unit-form').getByRole('dialog');
    await expect(dialog).toBeVisible();
    await dialog.locator('[data-field="name"]').fill(unit.name);
    if (unit.startDate) await dialog.locator('[data-field="startDate"]').fill(unit.startDate);
    if (unit.rule) {
      await dialog.getByTestId('unit-with-rule').click();
      await this.fillRule(dialog, unit.rule);
    }
    await dialog.getByTestId('unit-preview').click();
    await expect(this.previewSummary).toBeVisible();
  }

  /** One condition row in an empty builder (or edits the first row's ranges when there is one). */
  async fillRule(scope: Locator, rule: RuleInput): Promise<void> {
    if ((await scope.getByTestId('condition-row').count()) === 0) await scope.getByTestId('add-condition').click();
    const row = scope.getByTestId('condition-row').first();
    const choice = 'postcodes' in rule ? 'postcodeRanges' : 'subscription';
    if ((await row.getAttribute('data-choice')) !== choice) {
      await row.getByTestId('condition-choice').click();
      await this.page.locator(`[role="option"][value="${choice}"]`).click();
    }
    if ('subscription' in rule) {
      await row.getByLabel('Soort abonnement').click();
      await this.page.locator(`[role="option"][value="${rule.subscription}"]`).click();
      await row.getByLabel('Soort abonnement').press('Escape');
      return;
    }
    for (const [i, [from, to]] of rule.postcodes.entries()) {
      if (i >= (await row.getByTestId('atom-postcode-from').count())) await row.getByRole('button', { name: /postcodegebied/ }).click();
      await row.getByTestId('atom-postcode-from').nth(i).fill(String(from));
      await row.getByTestId('atom-postcode-to').nth(i).fill(String(to));
    }
  }

  async savePreview(): Promise<void> {
    await this.page.getByTestId('preview-save').click();
    await expect(this.preview).toBeHidden();
  }

  async openUnit(name: string): Promise<void> {
    await this.node(name).getByTestId('unit-open').click();
    await expect(this.detailName).toHaveText(name);
  }

  async tab(name: 'Regels' | 'Leden' | 'Jubilea' | 'Acties'): Promise<void> {
    await this.page.getByTestId('unit-detail').getByRole('tab', { name }).click();
  }

  /** The filter chip of one membership type above the members, with its count. */
  memberFilter(typeCode: string): Locator {
    return this.page.locator(`[data-testid="members-filter"][data-type="${typeCode}"]`);
  }

  rule(title: string): Locator {
    return this.page.locator(`[data-testid="rule-timeline"][data-rule="${title}"]`);
  }

  /** "Nieuwe versie per datum" on a rule: date (d-m-yyyy) and new postcode ranges; stops at the preview. */
  async newVersion(ruleTitle: string, from: string, postcodes: Range[]): Promise<void> {
    await this.rule(ruleTitle).getByTestId('new-version').click();
    const dialog = this.page.getByTestId('rule-version-form').getByRole('dialog');
    await dialog.locator('[data-field="validFrom"]').fill(from);
    await this.fillRule(dialog, { postcodes });
    await dialog.getByTestId('version-preview').click();
    await expect(this.previewSummary).toBeVisible();
  }
}

/** The "Lidmaatschappen" tab of a relation card. */
export class MembershipsTab {
  readonly root: Locator;
  readonly lanes: Locator;
  readonly verdict: Locator;
  readonly explainLines: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('memberships-tab');
    this.lanes = page.getByTestId('timeline-lane');
    this.verdict = page.getByTestId('explain-verdict');
    this.explainLines = page.getByTestId('explain-line');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('relation-card').getByRole('tab', { name: 'Lidmaatschappen' }).click();
    await expect(this.root).toBeVisible();
  }

  lane(unitName: string): Locator {
    return this.page.locator(`[data-testid="timeline-lane"][data-unit="${unitName}"]`);
  }

  /** "Waarom (niet)?" for a unit, membership type (by name) and date (d-m-yyyy). */
  async explain(unitName: string, typeName: string, date: string): Promise<void> {
    const section = this.page.getByTestId('explain');
    await section.locator('[data-field="explainUnit"]').click();
    await this.page.getByRole('option', { name: unitName, exact: true }).click();
    await section.locator('[data-field="explainType"]').click();
    await this.page.getByRole('option', { name: typeName, exact: true }).click();
    await section.locator('[data-field="explainDate"]').fill(date);
    await expect(this.verdict).toBeVisible();
  }
}
