import { expect, type Locator, type Page } from '@playwright/test';

/** Contributie: fees, runs, invoices, open items. */
export class ContributionsPage {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('contributions-page');
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Contributie', exact: true }).click();
    await expect(this.root).toBeVisible();
  }

  async tab(name: 'schedules' | 'runs' | 'invoices' | 'open' | 'incasso' | 'settings'): Promise<void> {
    await this.page.getByTestId(`contributions-tab-${name}`).click();
  }

  /** A Mantine select by its label: open it, pick the option. */
  async choose(select: Locator, option: string): Promise<void> {
    await select.click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async fillAmount(field: Locator, text: string): Promise<void> {
    await field.fill(text);
    await field.blur();
  }

  async dryRun(period: string): Promise<void> {
    await this.choose(this.page.getByTestId('run-period'), period);
    await this.page.getByTestId('run-dry').click();
    await expect(this.page.getByTestId('run-summary')).toBeVisible();
  }

  invoiceRow(number: string): Locator {
    return this.page.getByTestId('invoice-row').and(this.page.locator(`[data-number="${number}"]`));
  }
}
