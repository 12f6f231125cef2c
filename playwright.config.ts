import { defineConfig } from '@playwright/test';
import { E2E_TODAY } from './test/e2e/fixtures';

/**
 * End-to-end tests drive the real renderer in Debian's Chromium against the web host on a
 * fresh administration with 2,000 demo relations. Tests open `/#token=e2e-token`
 * (see E2E_TOKEN in test/e2e/fixtures.ts), on the fixed test date E2E_TODAY.
 */
const PORT = Number(process.env.E2E_PORT ?? 4317);

export default defineConfig({
  testDir: './test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['list']],
  outputDir: `test-results/e2e-${PORT}`,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    },
    screenshot: 'only-on-failure',
    trace: 'off',
  },
  webServer: {
    command: `node --import tsx src/main/web/serve.ts --db test-results/e2e-${PORT}.sqlite --reset --demo 2000 --port ${PORT} --token e2e-token --today ${E2E_TODAY}`,
    url: `http://127.0.0.1:${PORT}/index.html`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
  },
});
