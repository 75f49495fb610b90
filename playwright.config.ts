// Playwright: journeys against the built app (build/) served by a plain static server, in Debian's Chromium.
import { defineConfig } from '@playwright/test';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic'
];

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  reporter: [
    ['list'],
    [
      'json',
      {
        outputFile: `test-results/e2e${process.env.TEBIKAE_BUILD ? '-' + process.env.TEBIKAE_BUILD : ''}.json`
      }
    ]
  ],
  outputDir: `test-results/${process.env.TEBIKAE_BUILD ?? 'build'}`,
  use: {
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    viewport: { width: 1024, height: 768 },
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
    trace: 'off',
    // A hung action fails naming the locator it waited for, instead of running into the test's timeout.
    actionTimeout: 30_000
  }
});
