// The early lock screen: on a device with a vault, the passcode can be typed before the app has loaded, and
// nothing typed there is lost when the app's own lock screen takes over. The app's modules are held back by
// the test (the service worker is kept out of these pages so the test can hold a request).
import type { Browser } from '@playwright/test';
import { test as base, expect } from './support/fixtures';
import { PASSCODE, lockScreen, openReadyLocked, setUpVault, setupScreen, unlockVault } from './support/vault';

const KEY_TIMEOUT = 30_000;

/** A page whose app modules wait until `release()`; the service worker kept out so the hold is seen. */
async function heldPage(browser: Browser) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  let release: () => void = () => undefined;
  let held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_app/immutable/entry/start.*.js', async (route) => {
    await held;
    await route.continue();
  });
  const hold = () => {
    held = new Promise<void>((resolve) => (release = resolve));
  };
  return {
    page,
    context,
    release: () => release(),
    /** Hold the app's modules again for the next load. */
    hold,
    /** First use (the app loaded), then a reload whose app modules are held: only the early screen can show. */
    async vaultThenHeldReload(url: string) {
      release();
      await page.goto(url);
      await setUpVault(page);
      hold();
      await page.reload({ waitUntil: 'commit' });
    }
  };
}

/** `held`: a held page of its own context, closed when the test ends (passed or not). */
const test = base.extend<{ held: Awaited<ReturnType<typeof heldPage>> }>({
  held: async ({ browser }, use) => {
    const held = await heldPage(browser);
    await use(held);
    await held.context.close();
  }
});

test('the passcode typed and ロック解除 tapped before the app has loaded: the app unlocks with it when it arrives', async ({
  held,
  server
}) => {
  const { page, release, hold } = held;
  await test.step('A device without a vault shows no early lock screen: the app sets one up', async () => {
    release();
    await page.goto(server.url + '/');
    await expect(setupScreen(page)).toBeVisible({ timeout: KEY_TIMEOUT });
    await expect(page.getByTestId('boot-lock')).toHaveCount(0);
  });

  await test.step('With a vault, the lock screen is there while the app is still held back', async () => {
    await setUpVault(page);
    hold();
    await page.reload({ waitUntil: 'commit' });
    const lock = lockScreen(page);
    await expect(lock).toBeVisible();
    await expect(lock).toHaveAttribute('data-testid', 'boot-lock');
    await expect(lock.getByLabel('パスコード', { exact: true })).toBeFocused();
    await expect(page.locator('main')).toHaveCount(0);
    // Modal after its first frame; Escape (twice: the second is not refusable) leaves it in place.
    await expect(page.locator('[data-testid="boot-lock"]:modal')).toHaveCount(1);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(page.locator('[data-testid="boot-lock"]:modal')).toHaveCount(1);
    await lock.getByLabel('パスコード', { exact: true }).click();
  });

  await test.step('Typed on the keyboard and the number keys, then ロック解除: it waits for the app', async () => {
    const lock = lockScreen(page);
    await page.keyboard.type(PASSCODE.slice(0, 3));
    for (const digit of PASSCODE.slice(3))
      await lock.getByRole('button', { name: digit, exact: true }).click();
    await expect(lock.getByLabel('パスコード', { exact: true })).toHaveValue(PASSCODE);
    await lock.getByRole('button', { name: '全部消す' }).click();
    await expect(lock.getByLabel('パスコード', { exact: true })).toHaveValue('');
    // A tap on a number key takes the focus, as on the app's own lock screen: a tap on the field gives it back.
    await lock.getByLabel('パスコード', { exact: true }).click();
    await page.keyboard.type(PASSCODE + '9');
    await lock.getByRole('button', { name: '1文字消す' }).click();
    await lock.getByRole('button', { name: 'ロック解除' }).click();
    await expect(lock.getByRole('button', { name: '確認しています…' })).toBeDisabled();
    await expect(page.locator('main')).toHaveCount(0);
  });

  await test.step('The app arrives: the passcode is checked and the app opens, no second typing', async () => {
    release();
    await expect(page.locator('main')).toBeVisible({ timeout: KEY_TIMEOUT });
    await expect(lockScreen(page)).toBeHidden();
    await expect(page.getByTestId('boot-lock')).toHaveCount(0);
  });
});

test('half a passcode typed early, in English: the app lock screen shows it, in English, and typing goes on there', async ({
  held,
  server
}) => {
  const { page, release } = held;
  await held.vaultThenHeldReload(server.url + '/');
  const early = page.getByTestId('boot-lock');
  await test.step('English chosen on the early screen, three digits typed', async () => {
    await early.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('dialog', { name: 'Locked' })).toBeVisible();
    await expect(early.getByRole('button', { name: 'Unlock' })).toBeVisible();
    await early.getByLabel('Passcode', { exact: true }).click();
    await page.keyboard.type(PASSCODE.slice(0, 3));
  });

  await test.step('The app takes over: same digits, English, the field still has the focus', async () => {
    release();
    await expect(early).toHaveCount(0, { timeout: KEY_TIMEOUT });
    const lock = page.getByRole('dialog', { name: 'Locked' });
    const field = lock.getByLabel('Passcode', { exact: true });
    await expect(field).toHaveValue(PASSCODE.slice(0, 3));
    await expect(field).toBeFocused();
    await page.keyboard.type(PASSCODE.slice(3));
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeVisible({ timeout: KEY_TIMEOUT });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });
});

test('a wrong passcode typed early is answered by the app like any other; the app never arriving is said with a way out', async ({
  held,
  server
}) => {
  const { page, release, hold } = held;
  await held.vaultThenHeldReload(server.url + '/');
  const lock = lockScreen(page);
  await test.step('A wrong passcode submitted early: counted and said once the app has checked it', async () => {
    // The field takes the focus with the screen's first frame (its autofocus), then the keyboard types there.
    await expect(lock.getByLabel('パスコード', { exact: true })).toBeFocused();
    await page.keyboard.type('000000');
    await page.keyboard.press('Enter');
    release();
    await expect(lock.getByText('パスコードが違います（1回目）。')).toBeVisible({ timeout: KEY_TIMEOUT });
    await expect(lock.getByLabel('パスコード', { exact: true })).toHaveValue('');
  });

  await test.step('The app files never arrive: after a while the early screen says so and offers a reload', async () => {
    await page.clock.install();
    hold();
    await page.reload({ waitUntil: 'commit' });
    await expect(page.getByTestId('boot-lock')).toBeVisible();
    await expect(lock.getByLabel('パスコード', { exact: true })).toBeFocused();
    await page.keyboard.type(PASSCODE);
    await page.keyboard.press('Enter');
    await page.clock.runFor(21_000);
    await expect(lock.getByRole('alert')).toContainText('アプリの準備ができていません');
    // The reload starts the page over: the early screen again, its field empty, the app still held back.
    await lock.getByRole('button', { name: '読み込み直す' }).click();
    await expect(lock.getByLabel('パスコード', { exact: true })).toHaveValue('');
    await expect(lock.getByRole('alert')).toBeHidden();
    release();
  });
});

test('the hint says "vault" but the device data is gone (storage cleared): the early screen gives way to setup, in its language', async ({
  held,
  server
}) => {
  const { page, release } = held;
  await held.vaultThenHeldReload(server.url + '/');
  await expect(page.getByTestId('boot-lock')).toBeVisible();
  await page.getByTestId('boot-lock').getByRole('button', { name: 'English' }).click();
  await page.evaluate(async () => {
    for (const db of await indexedDB.databases())
      await new Promise((resolve) => {
        const request = indexedDB.deleteDatabase(db.name!);
        request.onsuccess = request.onerror = request.onblocked = resolve;
      });
  });
  release();
  // In the language chosen on the early screen.
  await expect(page.getByRole('dialog', { name: 'Protect patient data on this device' })).toBeVisible({
    timeout: KEY_TIMEOUT
  });
  await expect(page.getByTestId('boot-lock')).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('tebikae.vault'))).toBeNull();
});

test('offline, served by the service worker from its precache: the early screen is what the page opens on', async ({
  page,
  server
}) => {
  await openReadyLocked(page, server.url + '/');
  await setUpVault(page);
  // Seen by an observer that starts before any of the page's own scripts.
  await page.addInitScript(() => {
    new MutationObserver((changes) => {
      for (const change of changes)
        for (const node of change.addedNodes)
          if (node instanceof HTMLElement && node.dataset.testid === 'boot-lock')
            (window as unknown as { sawEarlyLock: boolean }).sawEarlyLock = true;
    }).observe(document, { childList: true, subtree: true });
  });
  await page.context().setOffline(true);
  for (const path of ['/', '/board/', '/reception/']) {
    await page.goto(server.url + path);
    await expect(lockScreen(page)).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { sawEarlyLock?: boolean }).sawEarlyLock)).toBe(
      true
    );
    await unlockVault(page);
    await expect(page.getByTestId('boot-lock')).toHaveCount(0);
  }
});

test('パスコードを忘れた tapped early: the app opens on the recovery-code way in', async ({
  held,
  server
}) => {
  const { page, release } = held;
  await held.vaultThenHeldReload(server.url + '/');
  const early = page.getByTestId('boot-lock');
  await early.getByRole('button', { name: 'パスコードを忘れた（回復コードを使う）' }).click();
  await expect(early.getByRole('button', { name: '確認しています…' })).toBeDisabled();
  await expect(early.getByRole('button', { name: 'ロック解除' })).toBeDisabled();
  release();
  await expect(early).toHaveCount(0, { timeout: KEY_TIMEOUT });
  await expect(lockScreen(page).getByLabel('回復コード', { exact: true })).toBeFocused();
});
