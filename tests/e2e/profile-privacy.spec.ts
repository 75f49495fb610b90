// What the browser itself writes to the profile folder holds no patient text: typed intake and memo text stays inside the vault.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { openQueueCard } from './support/reception';
import { test, expect, openReady, setUpClinic, declareOutage } from './support/fixtures';
import { findInProfile, launchOnProfile, markCleanExit, type RealBrowser } from './support/chromium-process';
import { keepVaultOpen, lockNow, stopKeepingOpen } from './support/vault';
import { openMemo, registerAtDesk } from './support/visits';

// Text nobody else would type, one per kind of field; typed, never submitted (it sits in drafts).
const typed = {
  complaint: '主訴はかかとのきしみ',
  name: '漏洩 確認子',
  symptoms: '症状はまぶたのぴくぴく',
  since: 'おとといの夕方から',
  allergies: 'アレルギーはそばがら',
  medications: '服用薬はしろくま錠',
  findings: '所見はのどの発赤ぽつぽつ',
  assessment: '病名はかかと滑液包炎'
};
const secrets = Object.values(typed);

/** Type text into a textarea the app does not own (it has no autocomplete="off"). */
async function typeCanary(page: Page, text: string): Promise<void> {
  await page.evaluate(() => {
    const area = document.createElement('textarea');
    area.setAttribute('aria-label', 'canary');
    document.body.append(area);
  });
  await page.getByRole('textbox', { name: 'canary' }).pressSequentially(text);
}

/**
 * Leave the locked page: the browser then keeps the page's form state in its history entry and writes it
 * to the session files at once, instead of on a timer that a busy machine may not reach.
 */
async function leavePage(page: Page): Promise<void> {
  await page.goto('about:blank');
}

/**
 * Wait until the browser has written the canary's text somewhere in the profile (its session files). With
 * `quit`, a browser that has not written it within 30 s is closed as a user quits (it writes its session
 * files on the way out) and the wait goes on: a busy machine's session timer can be late, a quit is not.
 */
async function waitForCanary(profile: string, text: string, quit?: () => Promise<void>): Promise<void> {
  const started = Date.now();
  const written = () => findInProfile(profile, [text]).length;
  if (quit) {
    await expect
      .poll(written, { timeout: 30_000, intervals: [500] })
      .toBeGreaterThan(0)
      .catch(quit);
  }
  await expect.poll(written, { timeout: 60_000, intervals: [500] }).toBeGreaterThan(0);
  console.log(`[privacy] the browser wrote its session state in ${Date.now() - started} ms`);
}

test('typed patient text never reaches the profile in clear: not after lock, not after a kill and restart', async ({
  server
}) => {
  test.setTimeout(240_000);
  const profile = mkdtempSync(join(tmpdir(), 'tebikae-privacy-'));
  const browsers: RealBrowser[] = [];
  try {
    let first!: RealBrowser;
    let page!: Page;
    let queueNo = '';
    await test.step('a clinic on a real profile declares an outage and registers a patient', async () => {
      first = await launchOnProfile(profile);
      browsers.push(first);
      page = await first.browser.contexts()[0]!.newPage();
      await openReady(page, server.url + '/');
      await setUpClinic(page, server.url);
      await declareOutage(page, server.url);
      queueNo = await registerAtDesk(page, server.url, {
        name: '山田 花子',
        kana: 'ヤマダ ハナコ',
        birthDate: '1980-05-17',
        sex: '女',
        complaint: '頭痛'
      });
    });

    await test.step('the desk starts the next patient, the 問診 is taken, the doctor writes: all left as drafts', async () => {
      await page.goto(server.url + '/reception/');
      await page.getByRole('textbox', { name: '氏名', exact: true }).pressSequentially(typed.name);
      await page.getByLabel('主訴（受付で聞いた内容）').pressSequentially(typed.complaint);
      await page.goto(server.url + '/queue/');
      await openQueueCard(page, queueNo);
      await page.getByRole('link', { name: `${queueNo} の問診` }).click();
      await page.getByLabel('どうされましたか（症状）').pressSequentially(typed.symptoms);
      await page.getByLabel('いつから').pressSequentially(typed.since);
      await page.getByLabel('アレルギー（薬・食べ物など）').pressSequentially(typed.allergies);
      await page.getByLabel('飲んでいる薬（お薬手帳）').pressSequentially(typed.medications);
      await openMemo(page, server.url, queueNo);
      await page.getByLabel('所見', { exact: true }).pressSequentially(typed.findings);
      await page.getByLabel('病名', { exact: true }).pressSequentially(typed.assessment);
    });

    await test.step('locked: nothing typed is in the profile once the browser has written its form state', async () => {
      // A control the app does not own, typed last: once its text is in the profile, the browser has
      // written the page's form state after everything above, so the search below can see a leak.
      await typeCanary(page, '検査用の見張り文字列');
      await stopKeepingOpen(page);
      await lockNow(page);
      await leavePage(page);
      await waitForCanary(profile, '検査用の見張り文字列');
      expect(findInProfile(profile, secrets)).toEqual([]);
    });

    await test.step('killed and restarted on the same profile: the drafts are back, sealed, and still not in clear', async () => {
      await first.kill();
      expect(findInProfile(profile, secrets)).toEqual([]);
      markCleanExit(profile);
      const second = await launchOnProfile(profile);
      browsers.push(second);
      await keepVaultOpen(second.browser.contexts()[0]!);
      const again = await second.browser.contexts()[0]!.newPage();
      // The drafts themselves were kept (sealed, in the vault): the 問診 is there as typed.
      await again.goto(server.url + '/queue/');
      await openQueueCard(again, queueNo);
      await again.getByRole('link', { name: `${queueNo} の問診` }).click();
      await expect(again.getByLabel('アレルギー（薬・食べ物など）')).toHaveValue(typed.allergies);
      // The restarted browser writes its own session files: the restored 問診 must not be in them.
      await typeCanary(again, '再起動後の見張り文字列');
      await stopKeepingOpen(again);
      await lockNow(again);
      await leavePage(again);
      await waitForCanary(profile, '再起動後の見張り文字列', () => second.close());
      expect(findInProfile(profile, secrets)).toEqual([]);
      await second.kill();
    });
  } finally {
    for (const browser of browsers) await browser.kill();
    // A killed Chromium's helper processes can still be writing into the profile for a moment.
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    } catch {
      // A temporary folder left in /tmp is harmless; the test's verdict is above.
    }
  }
});
