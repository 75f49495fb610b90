// The foundation: the built app works with no network, drafts survive reloads and closed tabs, updates wait for the user.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, openReady, setUpClinic, declareOutage, watchOffOrigin } from './support/fixtures';
import { settleVault } from './support/vault';
import { choose, openQueueCard, submitArrival } from './support/reception';

/** A new deploy whose precache no longer lists the old build's code chunks (as when every chunk's hash changed). */
function withoutOldChunks(sw: string): string {
  const start = sw.indexOf('[{"revision"');
  const end = sw.indexOf('}]', start) + 2;
  const entries = JSON.parse(sw.slice(start, end)) as { url: string }[];
  const kept = entries.filter((e) => !/^_app\/immutable\/(nodes|chunks)\//.test(e.url));
  expect(kept.length).toBeLessThan(entries.length);
  return sw.slice(0, start) + JSON.stringify(kept) + sw.slice(end);
}

const retiredCaches = (page: Page) =>
  page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('workbox-retired-')));
const markerOf = (page: Page) =>
  page.evaluate(() => (window as unknown as { marker?: number }).marker ?? null);

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
  await test.step('A deep link with a query string still gets the precached shell', async () => {
    await second.goto(server.url + '/queue/?from=bookmark');
    await expect(second.getByRole('navigation')).toBeVisible();
    expect(off).toEqual([]);
  });
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

test('settings refused for two fields: both are named beside them, and the first gets the focus', async ({
  page,
  server
}) => {
  await openReady(page, server.url + '/');
  await page.goto(server.url + '/settings/');
  await page.getByLabel('医院名').fill('てびかえ内科クリニック');
  await page.getByLabel('医療機関コード').fill('12345');
  await page.getByLabel('端末名（A, B, C…）').fill('1');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('医療機関コードは7桁または10桁の数字です')).toBeVisible();
  await expect(page.getByText('端末名は半角英字1〜2文字で入力してください')).toBeVisible();
  await expect(page.getByLabel('医療機関コード')).toBeFocused();
  await expect(page.getByLabel('医療機関コード')).toBeInViewport();
  // What was typed stays.
  await expect(page.getByLabel('端末名（A, B, C…）')).toHaveValue('1');
});

test('offline, every page opens with its own words: code loaded later is precached, and no screen shows a message key', async ({
  page,
  context,
  server
}) => {
  await openReady(page, server.url + '/');
  await setUpClinic(page, server.url);
  await declareOutage(page, server.url);
  await context.setOffline(true);
  // A bare key is what t() shows for a message whose catalogue has not loaded ('reception.queue.total').
  const bareKey =
    /\b(app|common|date|draft|locale|nav|status|store|update|outage|patients|reception|visits|billing|paper|recovery|settings|vault)\.[a-zA-Z]+(\.[a-zA-Z0-9]+)*/;
  // Each page with a heading of its own words (the home screen's comes with its lazily loaded part).
  const pages = [
    ['/', '現在の障害対応'],
    ['/reception/', '名簿から探す'],
    ['/queue/', '受付一覧'],
    ['/visits/', '患者を選ぶ'],
    ['/billing/', '会計待ちの患者'],
    ['/settle/', '精算の一覧'],
    ['/paper/', '白紙の用紙（前もって印刷）'],
    ['/patients/', 'この端末の名簿'],
    ['/settings/', '操作の記録（監査ログ）'],
    ['/recovery/', '手順'],
    ['/recovery/checklist/', '代行入力チェックリスト'],
    ['/recovery/csv/', '照合用CSVを書き出す'],
    ['/recovery/export/', 'この端末の記録を書き出す'],
    ['/recovery/import/', 'ほかの端末の記録を取り込む'],
    ['/recovery/purge/', '消去の前に確認してください'],
    ['/recovery/report/', '障害対応報告'],
    ['/intake/', '問診'],
    ['/board/', '診察をお待ちの方']
  ];
  await test.step('Each page opened afresh (its code and words from the precache)', async () => {
    for (const [path, heading] of pages) {
      await page.goto(server.url + path);
      if (path !== '/board/') await settleVault(page);
      await page.waitForLoadState('networkidle');
      await expect(page.getByRole('heading', { name: heading }).first(), path).toBeVisible();
      expect(await page.locator('body').innerText(), path).not.toMatch(bareKey);
    }
  });

  await test.step('… and reached from another page, as staff move around (the code comes with the navigation)', async () => {
    await page.goto(server.url + '/settings/');
    await settleVault(page);
    for (const name of [
      '受付',
      '受付一覧',
      '診療メモ',
      '会計',
      '用紙・印刷',
      '復旧後',
      '患者名簿',
      'ホーム'
    ]) {
      await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
      await expect(page.getByRole('navigation').getByRole('link', { name, exact: true })).toHaveAttribute(
        'aria-current',
        'page'
      );
      await page.waitForLoadState('networkidle');
      expect(await page.locator('body').innerText(), name).not.toMatch(bareKey);
    }
  });
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
  await test.step('B has no edits of its own: it follows A', async () => {
    await expect(b.getByLabel('医院名')).toHaveValue('タブA医院');
  });

  await test.step('Edits to different fields merge both ways', async () => {
    await b.getByLabel('住所', { exact: true }).fill('Bの住所');
    await expect(a.getByLabel('住所', { exact: true })).toHaveValue('Bの住所');
    await a.getByLabel('電話番号').fill('03-0000-0000');
    await expect(b.getByLabel('電話番号')).toHaveValue('03-0000-0000');
    await expect(b.getByLabel('住所', { exact: true })).toHaveValue('Bの住所');
  });

  await test.step('The same field edited in both: the later one is told, and keeps its own text until the user chooses', async () => {
    await b.getByLabel('医院名').fill('タブB医院');
    await a.getByLabel('医院名').fill('タブA改医院');
    await expect(b.getByText('この入力は別のタブでも編集されています')).toBeVisible();
    await expect(b.getByLabel('医院名')).toHaveValue('タブB医院');
    await b.getByRole('button', { name: 'あちらの内容を使う' }).click();
    await expect(b.getByLabel('医院名')).toHaveValue('タブA改医院');
  });
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
  await test.step('Not a safe moment: no banner, no reload, the input is untouched', async () => {
    await expect(page.getByTestId('update-banner')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(42);
    await expect(page.getByLabel('住所', { exact: true })).toHaveValue('入力途中の住所');
  });

  await test.step('Home (client-side navigation, no reload) is a safe moment: the calm banner shows', async () => {
    await page.getByRole('link', { name: 'ホーム' }).click();
    await expect(page.getByTestId('update-banner')).toContainText('新しいバージョンがあります');
    expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(42);
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name: '更新', exact: true }).click()
    ]);
  });

  await test.step('The accepted update reloaded the page once into the new version', async () => {
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker ?? null)).toBe(null);
  });

  await test.step('After the switch, the unsaved input is still there as a draft', async () => {
    await page.goto(server.url + '/settings/');
    await expect(page.getByLabel('住所', { exact: true })).toHaveValue('入力途中の住所');
  });
});

test('an update accepted in one tab leaves a half-typed form in another tab alone; that tab works offline on its old files and switches once home', async ({
  context,
  server
}) => {
  const base = server.url;
  const one = await context.newPage();
  await openReady(one, base + '/');
  await setUpClinic(one, base);
  await declareOutage(one, base);
  await one.getByRole('textbox', { name: '氏名', exact: true }).fill('二画面 花子');
  await one.getByLabel('フリガナ').fill('ニガメン ハナコ');
  await one.getByLabel('生年月日').fill('1980-02-03');
  await choose(one, '初診・再診', '初診');
  await choose(one, '資格の確認方法', '未確認');
  const queueNo = await submitArrival(one);
  await one.goto(base + '/queue/');
  await openQueueCard(one, queueNo);
  const intakeLink = one.getByRole('link', { name: `${queueNo} の問診` });
  await expect(intakeLink).toBeVisible();
  const intakeHref = await intakeLink.getAttribute('href');

  const two = await context.newPage();
  await test.step("Tab 2: the intake, half-typed (opened directly, so the queue's code is not loaded in this page yet)", async () => {
    await two.goto(base + intakeHref!);
    await two.getByLabel('どうされましたか（症状）').fill('喉が痛い');
    await expect(two.getByText('下書きを保存しました')).toBeVisible();
    await two.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
  });

  await test.step('A new build; tab 1 is at home and accepts it', async () => {
    server.redeploy('v2', withoutOldChunks);
    await one.goto(base + '/');
    await one.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    await expect(one.getByTestId('update-banner')).toContainText('新しいバージョンがあります');
    await Promise.all([
      one.waitForEvent('load'),
      one.getByRole('button', { name: '更新', exact: true }).click()
    ]);
    await expect(one.getByRole('heading', { level: 1 })).toContainText('手控え');
  });

  await test.step('Tab 2 was not reloaded: its input is there and it still types and autosaves', async () => {
    await expect
      .poll(() =>
        two.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)
      )
      .toBe(null);
    await two.waitForTimeout(500);
    expect(await markerOf(two)).toBe(42);
    const symptoms = two.getByLabel('どうされましたか（症状）');
    await expect(symptoms).toHaveValue('喉が痛い');
    await symptoms.pressSequentially('、熱もある');
    await expect(symptoms).toHaveValue('喉が痛い、熱もある');
    await expect(two.getByText('下書きを保存しました')).toBeVisible();
  });

  await test.step("The old version's code is kept for it, so it keeps working offline, still without a reload", async () => {
    expect(await retiredCaches(two)).toHaveLength(1);
    await context.setOffline(true);
    await two.getByRole('link', { name: '受付一覧', exact: true }).click();
    await expect(two.getByRole('heading', { level: 1, name: '受付一覧' })).toBeVisible();
    await expect(two.getByTestId('queue-row')).toHaveCount(1);
    expect(await markerOf(two)).toBe(42);
    await context.setOffline(false);
  });

  await test.step('Home, with nothing unsaved on screen, is a safe moment: tab 2 switches to the new version', async () => {
    await Promise.all([two.waitForEvent('load'), two.getByRole('link', { name: 'ホーム' }).click()]);
    await expect(two.getByRole('heading', { level: 1 })).toContainText('手控え');
    expect(await markerOf(two)).toBe(null);
  });

  await test.step('No page runs the old version any more: its kept files go', async () => {
    await expect.poll(() => retiredCaches(two)).toEqual([]);
  });

  await test.step('The half-typed intake is still there as a draft', async () => {
    await two.goto(base + intakeHref!);
    await expect(two.getByLabel('どうされましたか（症状）')).toHaveValue('喉が痛い、熱もある');
  });
});

// `npm run serve` (what `npm start` runs after the build), on a stand-in build: no browser needed.
const started: ChildProcess[] = [];
const dirs: string[] = [];

/** A tiny stand-in for build/: an app shell, a service worker and a prerendered route. */
function fakeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tebikae-serve-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>shell</title>');
  writeFileSync(join(dir, 'service-worker.js'), '// sw');
  mkdirSync(join(dir, 'queue'));
  writeFileSync(join(dir, 'queue', 'index.html'), '<!doctype html><title>queue</title>');
  return dir;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Run `npm run serve` with this environment; resolve with what it printed once it prints an address (or exits). */
function serve(env: Record<string, string>): Promise<{ output: string; code: number | null }> {
  const child = spawn('npm', ['run', '--silent', 'serve'], {
    env: { ...process.env, HOST: '', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe']
  });
  started.push(child);
  let output = '';
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ output, code: child.exitCode }), 15_000);
    const seen = (chunk: Buffer) => {
      // eslint-disable-next-line no-control-regex -- terminal colour codes are not part of an address
      output += chunk.toString().replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
      if (/Ctrl\+C/.test(output)) {
        clearTimeout(timer);
        resolve({ output, code: null });
      }
    };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', seen);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ output, code });
    });
  });
}

/** The addresses printed, without a trailing slash. */
const printedUrls = (output: string) => [...new Set(output.match(/https?:\/\/[^\s/]+/g) ?? [])];

test.describe('npm start', () => {
  test.afterEach(() => {
    // Each server runs in its own process group (npm and the node it starts): end that group only.
    for (const child of started.splice(0))
      if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  test('serves on 127.0.0.1 at PORT, and every address it prints answers', async () => {
    const port = await freePort();
    const { output } = await serve({ PORT: String(port), TEBIKAE_BUILD: fakeBuild() });
    const urls = printedUrls(output);
    expect(urls).toContain(`http://127.0.0.1:${port}`);
    for (const url of urls) {
      const answer = await fetch(url, { signal: AbortSignal.timeout(3000) }).catch((error: Error) => error);
      expect(answer instanceof Response ? answer.status : `${url}: ${answer.message}`).toBe(200);
    }
    // Bound to 127.0.0.1, it offers no other address.
    expect(urls).toEqual([`http://127.0.0.1:${port}`]);
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toContain('shell');
    // Prerendered routes, the app shell for any other path, and a service worker browsers re-check.
    expect(await (await fetch(`http://127.0.0.1:${port}/queue/`)).text()).toContain('queue');
    expect(await (await fetch(`http://127.0.0.1:${port}/no/such/`)).text()).toContain('shell');
    const sw = await fetch(`http://127.0.0.1:${port}/service-worker.js`);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
  });

  test('says how to choose another port when PORT is taken, instead of moving elsewhere silently', async () => {
    const busy = net.createServer();
    const port = await new Promise<number>((resolve) =>
      busy.listen(0, '127.0.0.1', () => resolve((busy.address() as net.AddressInfo).port))
    );
    try {
      const { output, code } = await serve({ PORT: String(port), TEBIKAE_BUILD: fakeBuild() });
      expect(code).toBe(1);
      expect(output).toContain(`ポート ${port} はほかのプログラムが使っています`);
      expect(output).toContain('PORT=4180 npm start');
      expect(printedUrls(output)).toEqual([]);
    } finally {
      busy.close();
    }
  });
});
