// Storage trouble is explained and nothing typed is lost: storage full, a newer version in another tab, eviction.
import { test, expect, openReady } from './support/fixtures';
import { setupScreen, setUpVault, stopKeepingOpen } from './support/vault';

test('storage full: the user is told, the input stays on screen, and saving works again once there is room', async ({
  page,
  server
}) => {
  // Headless Chromium will not shrink a quota on request, so the test makes IndexedDB's put throw
  // the very error a full disk gives (QuotaExceededError) while the flag is on.
  await page.addInitScript(() => {
    const w = window as unknown as { diskFull: boolean };
    w.diskFull = false;
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
      if (w.diskFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await openReady(page, server.url + '/settings/');
  await page.getByLabel('医院名').fill('容量テスト医院');
  await page.evaluate(() => ((window as unknown as { diskFull: boolean }).diskFull = true));
  await page.getByLabel('住所', { exact: true }).fill('東京都' + 'あ'.repeat(2000));
  await expect(page.getByText('端末の保存容量が足りません', { exact: false }).first()).toBeVisible();
  await expect(page.getByLabel('医院名')).toHaveValue('容量テスト医院');
  await page.evaluate(() => ((window as unknown as { diskFull: boolean }).diskFull = false));
  await page.getByRole('button', { name: 'もう一度保存' }).first().click();
  await expect(page.getByText('端末の保存容量が足りません', { exact: false })).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel('住所', { exact: true })).toHaveValue('東京都' + 'あ'.repeat(2000));
});

test('a newer app version opened in another tab: this tab is told and keeps its input', async ({
  context,
  page,
  server
}) => {
  await openReady(page, server.url + '/settings/');
  await page.getByLabel('医院名').fill('旧タブ医院');
  await expect(page.getByText('✓ 下書きを保存しました', { exact: false })).toBeVisible();
  await test.step('Another tab upgrades the database schema (as a newer deploy would)', async () => {
    const newer = await context.newPage();
    await newer.goto(server.url + '/no-such-page/');
    await newer.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('tebikae', 999);
          req.onsuccess = () => {
            req.result.close();
            resolve();
          };
          req.onerror = () => reject(req.error);
        })
    );
    await expect(page.getByText('別のタブで新しいバージョンが開かれました', { exact: false })).toBeVisible();
    await expect(page.getByLabel('医院名')).toHaveValue('旧タブ医院');
  });
});

test('data evicted by the browser: the app says so instead of silently starting empty', async ({
  page,
  server
}) => {
  await openReady(page, server.url + '/');
  await expect(page.getByText('はじめに設定', { exact: false })).toBeVisible();
  await test.step('Simulate the browser clearing IndexedDB while localStorage remembers this install', async () => {
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const req = indexedDB.deleteDatabase('tebikae');
          req.onsuccess = () => resolve();
          req.onblocked = () => resolve();
        })
    );
    await stopKeepingOpen(page);
    await page.reload();
    // Said on the first-use screen itself, before a new passcode is chosen, with what brings records back.
    const setup = setupScreen(page);
    await expect(setup.getByText('以前のデータが端末から消えています', { exact: false })).toBeVisible();
    await expect(setup.getByText('ハブにつなぎ直すと、医院の記録が戻ります', { exact: false })).toBeVisible();
    await setUpVault(page);
    await expect(page.getByText('以前のデータが端末から消えています', { exact: false })).toBeVisible();
  });
});
