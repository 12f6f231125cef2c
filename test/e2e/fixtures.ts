/** The token the e2e web host is started with (playwright.config.ts). */
export const E2E_TOKEN = 'e2e-token';
export const APP_PATH = `/#token=${E2E_TOKEN}`;
