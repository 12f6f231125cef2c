import path from 'node:path';
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export const IO_FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/io-ui');

/** Import & export: the import wizard, the export tab, mail merge and labels. */
export class IoPage {
  readonly importPanel: Locator;
  readonly exportPanel: Locator;
  readonly mergePanel: Locator;
  readonly outcomes: Locator;

  constructor(readonly page: Page) {
    this.importPanel = page.getByTestId('import-wizard');
    this.exportPanel = page.getByTestId('export-tab');
    this.mergePanel = page.getByTestId('merge-tab');
    this.outcomes = page.getByTestId('outcome-row');
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('button', { name: 'Import & export', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: 'Import & export' })).toBeVisible();
  }

  async tab(name: 'Importeren' | 'Exporteren' | 'Samenvoegen (Word)' | 'Etiketten & enveloppen'): Promise<void> {
    await this.page.getByRole('tab', { name, exact: true }).click();
  }

  /** Chooses a file from test/fixtures/io-ui in the visible file input of `scope`. */
  async upload(scope: Locator, fileName: string): Promise<void> {
    await scope.locator('input[type="file"]').first().setInputFiles(path.join(IO_FIXTURES, fileName));
  }

  mappingRow(header: string): Locator {
    return this.page.locator(`[data-testid="mapping-row"][data-header="${header}"]`);
  }

  /** Picks the target of one column in the mapping screen. */
  async mapColumn(header: string, target: string): Promise<void> {
    const select = this.mappingRow(header).getByTestId('mapping-target');
    await select.click();
    await select.fill(target);
    await this.page.getByRole('option', { name: target, exact: true }).click();
    await expect(select).toHaveValue(target);
  }

  outcome(row: number): Locator {
    return this.page.locator(`[data-testid="outcome-row"][data-row="${row}"]`);
  }

  count(kind: 'create' | 'update' | 'skip' | 'reject' | 'duplicates' | 'warnings'): Locator {
    return this.page.getByTestId(`count-${kind}`);
  }

  /** Clicks a button that starts a download and returns the download. */
  async download(button: Locator): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    return download;
  }

  /** Picks an entry of a Mantine select by its visible label. */
  async choose(select: Locator, option: string): Promise<void> {
    await select.click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }
}
