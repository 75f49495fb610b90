// Entries survive the browser process being killed right after a save, or right after the last keystroke (power cut, crash).
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { openQueueCard } from './support/reception';
import { test, expect, openReady, setUpClinic, declareOutage } from './support/fixtures';
import { launchOnProfile, type RealBrowser } from './support/chromium-process';
import { keepVaultOpen } from './support/vault';
import { registerAtDesk } from './support/visits';

test('the browser killed right after a save, restarted on the same profile: the entry is there', async ({
  server
}) => {
  const profile = mkdtempSync(join(tmpdir(), 'tebikae-profile-'));
  try {
    await test.step('a browser on a fresh profile declares an outage; the moment the app says it is saved, the plug is pulled', async () => {
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
    });

    await test.step('the server stopped, the browser restarted on the same profile: the entry is there', async () => {
      await server.stop();
      const second = await launchOnProfile(profile);
      await keepVaultOpen(second.browser.contexts()[0]!);
      const again = await second.browser.contexts()[0]!.newPage();
      await again.goto(server.url + '/');
      await expect(again.getByTestId('current-session')).toContainText('停電後の確認');
      await expect(again.getByTestId('session-phase')).toHaveAttribute('data-phase', 'outage');
      await second.kill();
    });
  } finally {
    // A killed Chromium's helper processes can still be writing into the profile for a moment.
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    } catch {
      // A temporary folder left in /tmp is harmless; the test's verdict is above.
    }
  }
});

test('the browser killed at the very keystroke, 30 times: after each restart every character typed is there', async ({
  server
}) => {
  test.setTimeout(480_000);
  const profile = mkdtempSync(join(tmpdir(), 'tebikae-profile-'));
  let browser: RealBrowser | null = null;
  // What the page said while a round ran: a failure then tells why (a page error, a refused write).
  let said: string[] = [];
  const open = async () => {
    browser = await launchOnProfile(profile);
    const context = browser.browser.contexts()[0]!;
    await keepVaultOpen(context);
    const opened = await context.newPage();
    opened.on('pageerror', (error) => said.push(`pageerror: ${error.message}`));
    opened.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        said.push(`${message.type()}: ${message.text()}`);
    });
    return opened;
  };
  /** A clinic, an outage, a patient, and that patient's 問診 open: the form the rounds type into. */
  const openIntake = async (page: Page): Promise<string> => {
    await setUpClinic(page, server.url);
    await declareOutage(page, server.url);
    const queueNo = await registerAtDesk(page, server.url, {
      name: '山田 花子',
      kana: 'ヤマダ ハナコ',
      birthDate: '1980-05-17',
      sex: '女',
      complaint: '頭痛'
    });
    await page.goto(server.url + '/queue/');
    await openQueueCard(page, queueNo);
    await page.getByRole('link', { name: `${queueNo} の問診` }).click();
    await page.waitForURL('**/intake/**');
    return page.url();
  };
  try {
    let page = await open();
    await openReady(page, server.url + '/');
    let intake = await openIntake(page);

    let typed = '';
    // Restarts after which Chromium had deleted the origin's IndexedDB (see below): counted and said.
    const wipes: number[] = [];
    // Keystrokes the journal worker wrote late (it says so): a kill in that moment would take them.
    const slowWrites: string[] = [];
    const started = Date.now();
    let slowest = { round: 0, ms: 0 };
    for (let round = 1; round <= 30; round++) {
      // A step per round: a failure or a timeout says which restart lost what.
      await test.step(`kill ${round} of 30`, async () => {
        const roundStarted = Date.now();
        const field = page.getByLabel('アレルギー（薬・食べ物など）');
        // Isolated (the service worker adds the headers this plain host does not send), so each input
        // handler waits until the journal worker wrote its keystroke: what this test relies on.
        expect(await page.evaluate(() => crossOriginIsolated), 'the page is cross-origin isolated').toBe(
          true
        );
        await field.press('Control+End');
        const text = `${round}そば;`;
        await field.pressSequentially(text);
        // The instant the last key is in: pull the plug (SIGKILL of the browser process).
        await browser!.kill();
        typed += text;
        page = await open();
        await page.goto(intake);
        const before = said.join('\n');
        slowWrites.push(...said.filter((line) => line.includes('after it was posted')));
        said = [];
        // Chromium deletes an origin's IndexedDB when it finds its files damaged on open, and a SIGKILL can
        // leave them so (w3c/IndexedDB#30): the app then says its data is gone (checked here) and nothing a
        // page does can keep the records. That is not what this test measures (the journal's keystrokes over
        // a database that survived), so such a round starts the form again and the count is reported.
        const restored = page.getByLabel('アレルギー（薬・食べ物など）');
        const gone = page.getByText('以前のデータが端末から消えています', { exact: false }).first();
        await expect(restored.or(gone)).toBeVisible({ timeout: 30_000 });
        if (await gone.isVisible()) {
          wipes.push(round);
          console.log(`[durability] restart ${round}: the browser came back with IndexedDB deleted`);
          intake = await openIntake(page);
          typed = '';
          return;
        }
        try {
          await expect(page.getByLabel('アレルギー（薬・食べ物など）')).toHaveValue(typed, {
            timeout: 30_000
          });
        } catch (error) {
          // What both pages said (a refused write, a journal that answered late) goes with the failure, and
          // whether the browser came back with its IndexedDB emptied (the app then asks for a first setup).
          const wiped = await page
            .getByText('以前のデータが端末から消えています', { exact: false })
            .first()
            .isVisible()
            .catch(() => false);
          throw new Error(
            `after restart ${round}; the page before the kill said:\n${before || '(nothing)'}\n` +
              `the page after it said:\n${said.join('\n') || '(nothing)'}\n` +
              `${wiped ? 'the browser came back with the database emptied (the app says its data is gone)\n' : ''}` +
              `journal writes said to be late in earlier rounds: ${slowWrites.join(' | ') || 'none'}\n` +
              `IndexedDB folder: ${profileFiles(profile, 'IndexedDB')}\n` +
              `origin-private files (the journal): ${profileFiles(profile, 'File System')}\n${String(error)}`
          );
        }
        const ms = Date.now() - roundStarted;
        if (ms > slowest.ms) slowest = { round, ms };
      });
    }
    console.log(
      `[durability] 30 kills at the keystroke: ${((Date.now() - started) / 1000).toFixed(0)} s; slowest round ${slowest.round}: ${slowest.ms} ms; ` +
        `IndexedDB deleted by the browser after ${wipes.length ? `restart ${wipes.join(', ')}` : 'no restart'}; ` +
        `journal writes said to be late: ${slowWrites.length ? slowWrites.join(' | ') : 'none'}`
    );
    // Most restarts must keep the database, or the test would no longer be testing the journal.
    expect(wipes.length, 'restarts after which the browser deleted IndexedDB').toBeLessThanOrEqual(3);
  } finally {
    await (browser as RealBrowser | null)?.kill();
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    } catch {
      // A temporary folder left in /tmp is harmless; the test's verdict is above.
    }
  }
});

/** A folder of the profile's files with their sizes and ages, for a failure report. */
function profileFiles(profile: string, folder: string): string {
  const dir = join(profile, 'Default', folder);
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .map((name) => {
        const stat = statSync(join(dir, name));
        const age = ((Date.now() - stat.mtimeMs) / 1000).toFixed(1);
        return stat.isFile() ? `${name} (${stat.size} B, ${age} s ago)` : null;
      })
      .filter(Boolean)
      .join(', ');
  } catch (error) {
    return String(error);
  }
}
