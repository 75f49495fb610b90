// A saved entry survives the browser process being killed right after the save (power cut, crash).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, setUpClinic } from './support/fixtures';
import { launchOnProfile } from './support/chromium-process';
import { keepVaultOpen } from './support/vault';

test('the browser killed right after a save, restarted on the same profile: the entry is there', async ({
  server
}) => {
  const profile = mkdtempSync(join(tmpdir(), 'tebikae-profile-'));
  try {
    const first = await launchOnProfile(profile);
    const context = first.browser.contexts()[0]!;
    await keepVaultOpen(context);
    const page = await context.newPage();
    await page.goto(server.url + '/');
    await expect(page.getByTestId('offline-readiness')).toHaveAttribute('data-state', 'ready', {
      timeout: 30_000
    });
    await setUpClinic(page, server.url);
    await page.goto(server.url + '/');
    await page.getByLabel(/状況/).fill('停電後の確認');
    await page.getByRole('button', { name: '障害を宣言して受付を始める' }).click();
    await page.waitForURL('**/reception/');
    await expect(page.getByTestId('session-phase')).toHaveAttribute('data-phase', 'outage');
    // The moment the app says it is saved, pull the plug.
    await first.kill();

    await server.stop();
    const second = await launchOnProfile(profile);
    await keepVaultOpen(second.browser.contexts()[0]!);
    const again = await second.browser.contexts()[0]!.newPage();
    await again.goto(server.url + '/');
    await expect(again.getByTestId('current-session')).toContainText('停電後の確認');
    await expect(again.getByTestId('session-phase')).toHaveAttribute('data-phase', 'outage');
    await second.kill();
  } finally {
    // A killed Chromium's helper processes can still be writing into the profile for a moment.
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    } catch {
      // A temporary folder left in /tmp is harmless; the test's verdict is above.
    }
  }
});
