import { expect, type Locator, type Page } from '@playwright/test';

export interface NewPerson {
  firstName?: string;
  infix?: string;
  lastName?: string;
  email?: string;
  postcode?: string;
  houseNumber?: string;
  street?: string;
}

/** "Nieuwe persoon": the main fields and the first address. */
export class NewRelationDialog {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('dialog', { name: 'Nieuwe persoon' });
  }

  field(label: string): Locator {
    return this.root.getByLabel(label, { exact: true });
  }

  async fill(p: NewPerson): Promise<void> {
    await expect(this.root).toBeVisible();
    if (p.firstName) await this.field('Roepnaam').fill(p.firstName);
    if (p.infix) await this.field('Tussenvoegsel').fill(p.infix);
    if (p.lastName) await this.field('Achternaam').fill(p.lastName);
    if (p.email) await this.field('E-mail').fill(p.email);
    if (p.postcode) {
      await this.field('Postcode').fill(p.postcode);
      await this.field('Postcode').blur();
    }
    if (p.houseNumber) await this.field('Huisnummer').fill(p.houseNumber);
    if (p.street) await this.field('Straat').fill(p.street);
  }

  async create(): Promise<void> {
    await this.root.getByTestId('create-relation').click();
  }

  /** The message Mantine shows under an input (linked through aria-describedby). */
  async fieldError(label: string): Promise<string> {
    const input = this.field(label);
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    const id = (await input.getAttribute('aria-describedby'))?.split(' ').find((x) => x.includes('error'));
    return id ? this.page.locator(`[id="${id}"]`).innerText() : '';
  }

  summary(): Locator {
    return this.root.getByTestId('issue-summary');
  }
}
