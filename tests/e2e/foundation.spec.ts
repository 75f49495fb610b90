// The foundation: the built app works with no network, drafts survive reloads and closed tabs, updates wait for the user.
import { test, expect, openReady, setUpClinic, watchOffOrigin } from './support/fixtures';

test('after one online visit the app opens offline (setOffline), on reload and in a new page', async ({
  page,
  context,
  server
}) => {
  const off = watchOffOrigin(context, server.url);
  await openReady(page, server.url + '/');
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('手控え');
  await expect(page.getByTestId('online-status')).toHaveText('オフライン（ネット接続なし）');
  const second = await context.newPage();
  await second.goto(server.url + '/settings/');
  await expect(second.getByLabel('医院名')).toBeVisible();
  // A deep link with a query string still gets the precached shell.
  await second.goto(server.url + '/queue/?from=bookmark');
  await expect(second.getByRole('navigation')).toBeVisible();
  expect(off).toEqual([]);
});

test('with the server stopped, the app still opens and navigates', async ({ page, server }) => {
  await openReady(page, server.url + '/');
  await server.stop();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('手控え');
  await page.goto(server.url + '/settings/');
  await expect(page.getByLabel('医院名')).toBeVisible();
  await page.goto(server.url + '/no/such/page/');
  await expect(page.getByRole('navigation')).toBeVisible();
});

test('a draft typed before a reload is there after it', async ({ page, context, server }) => {
  await openReady(page, server.url + '/settings/');
  await context.setOffline(true);
  await page.getByLabel('医院名').fill('下書き診療所');
  await page.getByLabel('住所', { exact: true }).fill('大阪府大阪市北区');
  await page.reload();
  await expect(page.getByLabel('医院名')).toHaveValue('下書き診療所');
  await expect(page.getByLabel('住所', { exact: true })).toHaveValue('大阪府大阪市北区');
  await expect(page.getByText('前回の入力を復元しました')).toBeVisible();
});

test('a draft typed, the tab closed, reopened offline: it is there', async ({ context, server }) => {
  const page = await context.newPage();
  await openReady(page, server.url + '/settings/');
  await context.setOffline(true);
  await page.getByLabel('医院名').fill('閉じたタブ医院');
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await again.goto(server.url + '/settings/');
  await expect(again.getByLabel('医院名')).toHaveValue('閉じたタブ医院');
});

test('saved settings survive going offline and reopening', async ({ page, context, server }) => {
  await openReady(page, server.url + '/');
  await setUpClinic(page, server.url);
  await context.setOffline(true);
  await page.goto(server.url + '/');
  await expect(page.getByRole('heading', { name: '電子カルテ障害を宣言する' })).toBeVisible();
  await expect(page.getByTestId('session-phase')).toHaveAttribute('data-phase', 'prepared');
});

test('two tabs on one form stay consistent and neither silently overwrites the other', async ({
  context,
  server
}) => {
  const a = await context.newPage();
  await openReady(a, server.url + '/settings/');
  const b = await context.newPage();
  await b.goto(server.url + '/settings/');
  await expect(b.getByLabel('医院名')).toBeVisible();
  await a.getByLabel('医院名').fill('タブA医院');
  // B has no edits of its own: it follows A.
  await expect(b.getByLabel('医院名')).toHaveValue('タブA医院');
  // Edits to different fields merge both ways.
  await b.getByLabel('住所', { exact: true }).fill('Bの住所');
  await expect(a.getByLabel('住所', { exact: true })).toHaveValue('Bの住所');
  await a.getByLabel('電話番号').fill('03-0000-0000');
  await expect(b.getByLabel('電話番号')).toHaveValue('03-0000-0000');
  await expect(b.getByLabel('住所', { exact: true })).toHaveValue('Bの住所');
  // The same field edited in both: the later one is told, and keeps its own text until the user chooses.
  await b.getByLabel('医院名').fill('タブB医院');
  await a.getByLabel('医院名').fill('タブA改医院');
  await expect(b.getByText('この入力は別のタブでも編集されています')).toBeVisible();
  await expect(b.getByLabel('医院名')).toHaveValue('タブB医院');
  await b.getByRole('button', { name: 'あちらの内容を使う' }).click();
  await expect(b.getByLabel('医院名')).toHaveValue('タブA改医院');
});

test('a new build served while a form holds unsaved input: no reload; the banner waits for a safe moment', async ({
  page,
  server
}) => {
  await openReady(page, server.url + '/');
  await setUpClinic(page, server.url);
  await page.goto(server.url + '/settings/');
  await page.getByLabel('住所', { exact: true }).fill('入力途中の住所');
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
  server.redeploy('v2');
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    await reg?.update();
  });
  await expect
    .poll(() =>
      page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting))
    )
    .toBe(true);
  // Not a safe moment: no banner, no reload, the input is untouched.
  await expect(page.getByTestId('update-banner')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(42);
  await expect(page.getByLabel('住所', { exact: true })).toHaveValue('入力途中の住所');
  // Home (client-side navigation, no reload) is a safe moment: the calm banner shows.
  await page.getByRole('link', { name: 'ホーム' }).click();
  await expect(page.getByTestId('update-banner')).toContainText('新しいバージョンがあります');
  expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(42);
  await Promise.all([
    page.waitForEvent('load'),
    page.getByRole('button', { name: '更新', exact: true }).click()
  ]);
  // The accepted update reloaded the page once into the new version.
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker ?? null)).toBe(null);
  // After the switch, the unsaved input is still there as a draft.
  await page.goto(server.url + '/settings/');
  await expect(page.getByLabel('住所', { exact: true })).toHaveValue('入力途中の住所');
});
