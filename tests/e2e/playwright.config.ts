/**
 * End-to-end tests in a real Chromium (software WebGL through SwiftShader) against the built app
 * served over http. Build first (`npm run build`), then:
 *   npx playwright test -c tests/e2e/playwright.config.ts
 * Playwright's own browsers are not downloaded: the system Chromium is used (CHROME_PATH, else
 * /usr/bin/chromium; `node tests/e2e/ensure-chromium.mjs` finds or installs it).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { CHROME_PATH, CHROMIUM_ARGS } from '../../scripts/chromium.mjs';

// The package is "type": "module", so this file is ESM: no __dirname.
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
// E2E_PORT lets two checkouts run their suites side by side.
const PORT = Number(process.env.E2E_PORT) || 4321;
const baseURL = `http://127.0.0.1:${PORT}/`;

export default defineConfig({
  testDir: here,
  testMatch: '*.spec.ts',
  outputDir: path.join(root, 'test-results/e2e'),
  // Two cores and software WebGL: one browser at a time keeps the tests deterministic.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: 'list',
  use: {
    baseURL,
    viewport: { width: 1280, height: 800 },
    headless: true,
    locale: 'en-US',
    timezoneId: 'UTC',
    actionTimeout: 20_000,
    navigationTimeout: 30_000,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROME_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: `node scripts/serve.mjs dist --port ${PORT}`,
    cwd: root,
    url: baseURL,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
