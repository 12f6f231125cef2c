import { test as base } from '@playwright/test';

/** The token the e2e web host is started with (playwright.config.ts). */
export const E2E_TOKEN = 'e2e-token';
export const APP_PATH = `/#token=${E2E_TOKEN}`;

/**
 * The fixed test date: the web host's core starts its clock on it (`--today`) and every page's
 * clock is installed at the same moment, so no test breaks at a month or year end. Tests
 * compute their expected dates from E2E_NOW, never from the machine's clock.
 */
export const E2E_TODAY = '2026-06-15';
export const E2E_NOW = new Date(`${E2E_TODAY}T10:00:00`);

export const test = base.extend({
  page: async ({ page }, use) => {
    // Time flows on from the test date (timers and debounces run as usual).
    await page.clock.install({ time: E2E_NOW });
    await use(page);
  },
});
export { expect } from '@playwright/test';
