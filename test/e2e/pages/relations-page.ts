import { expect, type Locator, type Page } from '@playwright/test';

/** The virtualised relations list with its filters. */
export class RelationsPage {
  readonly total: Locator;
  readonly scroller: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.total = page.getByTestId('relations-total');
    this.scroller = page.getByTestId('relations-scroller');
    this.rows = page.getByTestId('relation-row');
  }

  /** The number in "2.000 relaties". */
  async totalCount(): Promise<number> {
    await expect(this.total).toHaveText(/\d/);
    return Number((await this.total.innerText()).replace(/\D/g, ''));
  }

  async expectTotal(n: number): Promise<void> {
    await expect(this.total).toHaveText(new RegExp(`^${n.toLocaleString('nl-NL')} relatie`));
  }

  async newPerson(): Promise<void> {
    await this.page.getByTestId('new-person').click();
  }

  async sortByHeader(column: 'number' | 'name'): Promise<void> {
    await this.page.getByTestId(`sort-${column}`).click();
  }

  async filterKind(label: 'Alle' | 'Personen' | 'Organisaties'): Promise<void> {
    await this.page.getByTestId('kind-filter').getByText(label, { exact: true }).click();
  }

  async filterType(name: string | null): Promise<void> {
    const select = this.page.getByRole('combobox', { name: 'Relatietype' });
    if (name === null) {
      // Mantine hides its clear button from the accessibility tree: it is the button beside the box.
      await select.locator('xpath=..').locator('button').click();
      await expect(select).toHaveValue('');
      return;
    }
    await select.click();
    await this.page.getByRole('option', { name, exact: true }).click();
  }

  async scrollToRow(index: number, rowHeight = 36): Promise<void> {
    await this.scroller.evaluate((el, top) => el.scrollTo({ top }), index * rowHeight);
  }

  firstRow(): Locator {
    return this.rows.first();
  }

  rowByNumber(n: number): Locator {
    return this.page.locator(`[data-testid="relation-row"][data-number="${n}"]`);
  }
}
