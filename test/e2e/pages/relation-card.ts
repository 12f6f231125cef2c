import { expect, type Locator, type Page } from '@playwright/test';

type Tab = 'Gegevens' | 'Adressen' | 'Koppelingen' | 'Kenmerken' | 'Historie';

/** The relation card with its tabs. */
export class RelationCard {
  readonly root: Locator;
  readonly name: Locator;
  readonly addresses: Locator;
  readonly historyOperations: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('relation-card');
    this.name = page.getByTestId('card-name');
    this.addresses = page.getByTestId('address-item');
    this.historyOperations = page.getByTestId('audit-operation');
  }

  async expectOpen(name: string | RegExp): Promise<void> {
    await expect(this.name).toHaveText(name);
  }

  async tab(name: Tab): Promise<void> {
    await this.root.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  }

  field(label: string): Locator {
    return this.root.getByLabel(label, { exact: true });
  }

  async setField(label: string, value: string): Promise<void> {
    await this.field(label).fill(value);
    await this.field(label).blur();
  }

  async save(): Promise<void> {
    await this.root.getByTestId('save-fields').click();
  }

  /** "Verhuizing": new address from `date` (d-m-yyyy). */
  async move(date: string, address: { postcode: string; houseNumber: string; street: string }): Promise<void> {
    await this.root.getByTestId('move-address').click();
    const dialog = this.page.getByRole('dialog', { name: 'Verhuizing' });
    await dialog.getByLabel('Verhuisdatum', { exact: true }).fill(date);
    await dialog.getByLabel('Postcode', { exact: true }).fill(address.postcode);
    await dialog.getByLabel('Postcode', { exact: true }).blur();
    await dialog.getByLabel('Huisnummer', { exact: true }).fill(address.houseNumber);
    await dialog.getByLabel('Straat', { exact: true }).fill(address.street);
    await dialog.getByTestId('save-move').click();
    await expect(dialog).toBeHidden();
  }

  async moveToTrash(): Promise<void> {
    await this.root.getByTestId('delete-relation').click();
    await this.page.getByTestId('confirm-button').click();
    await expect(this.root.getByText('In prullenbak')).toBeVisible();
  }
}
