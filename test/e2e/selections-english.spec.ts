import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';

test('the condition builder speaks English after switching language', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await page.getByRole('radiogroup', { name: 'Taal' }).getByText('EN', { exact: true }).click();
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Selections', exact: true }).click();
  await page.getByTestId('new-selection').click();
  const editor = page.getByTestId('selection-editor');
  await expect(editor.getByText('All of the following (AND)')).toBeVisible();
  await editor.getByTestId('add-condition').click();
  const row = editor.getByTestId('condition-row').first();
  await row.getByTestId('condition-choice').click();
  await page.getByRole('option', { name: 'Age between', exact: true }).click();
  await expect(row.getByTestId('condition-problem')).toHaveText('Enter at least one age.');
  await expect(page.getByTestId('results-count')).toHaveText('Complete the conditions to see the count.');
  await row.getByTestId('atom-age-min').fill('100');
  await expect(page.getByTestId('results-count')).toHaveText(/relations? match/);
  await page.screenshot({ path: 'test-results/e2e/selection-english.png' });
  // Leave Dutch behind for the next test in this browser profile.
  await page.getByRole('radiogroup', { name: 'Language' }).getByText('NL', { exact: true }).click();
});
