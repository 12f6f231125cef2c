import { expect, type Locator, type Page } from '@playwright/test';
import { APP_PATH } from '../fixtures';

/** The shell: navigation, the Ctrl+K search and the language switch. */
export class AppPage {
  readonly nav: Locator;
  readonly searchInput: Locator;
  readonly searchResults: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    this.searchInput = page.getByTestId('search-input');
    this.searchResults = page.getByTestId('search-result');
  }

  /** Opens the app on the relations list (the administration itself opens on its overview). */
  async open(): Promise<void> {
    await this.openOverview();
    await this.nav.getByRole('button', { name: 'Relaties', exact: true }).click();
  }

  async openOverview(): Promise<void> {
    await this.page.goto(APP_PATH);
    await expect(this.nav).toBeVisible();
    // The token must have left the visible URL.
    await expect(this.page).not.toHaveURL(/token=/);
    await expect(this.page.getByTestId('overview')).toBeVisible();
  }

  async goTo(section: 'Relaties' | 'Prullenbak' | 'Historie' | 'Instellingen'): Promise<void> {
    await this.nav.getByRole('button', { name: section, exact: true }).click();
  }

  /** Ctrl+K, type, wait for the result with `name`, choose it with the keyboard. */
  async searchAndOpen(query: string, name: string): Promise<void> {
    await this.page.keyboard.press('Control+K');
    await expect(this.searchInput).toBeFocused();
    await this.searchInput.fill(query);
    await expect(this.searchResults.filter({ hasText: name }).first()).toBeVisible();
    const index = (await this.searchResults.allInnerTexts()).findIndex((text) => text.includes(name));
    for (let i = 0; i < index; i++) await this.searchInput.press('ArrowDown');
    await this.searchInput.press('Enter');
    await expect(this.searchInput).toBeHidden();
  }
}
