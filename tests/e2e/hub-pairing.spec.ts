// Pairing a device by QR behind the passcode, and removing it: reception (A) holds the hub admin, re-checks its
// passcode, shows the pairing QR; the exam room (B) scans it with its camera and shares the queue; the code is
// useless once used; A removes B, the hub refuses B, and B goes on recording alone.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import {
  test,
  expect,
  HUB_DB,
  addDevice,
  connectFirst,
  enterHubAdmin,
  register,
  type Visit
} from './support/hub';
import { openReady, setUpClinic, declareOutage } from './support/fixtures';
import { tabletWithCamera } from './support/camera';
import { PASSCODE, keepVaultOpen, lockNow, stopKeepingOpen, unlockVault } from './support/vault';

const visits: Visit[] = [
  { name: '高橋 健一', kana: 'タカハシ ケンイチ', birthDate: '1958-07-21', complaint: '朝から めまいがする' },
  { name: '伊藤 美咲', kana: 'イトウ ミサキ', birthDate: '1987-01-30', complaint: '咳が二週間つづく' },
  { name: '渡辺 翔', kana: 'ワタナベ ショウ', birthDate: '2001-09-09', complaint: '右足首をひねった' }
];

const queueRows = (page: Page) => page.getByTestId('queue-row');

/** No serious or critical axe violation on the screen as it is now. */
async function accessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    what
  ).toEqual([]);
}

test('a device joins by scanning the QR shown behind the passcode, and is removed at the hub without losing anything', async ({
  page,
  server,
  hub,
  playwright
}) => {
  test.setTimeout(240_000);
  const base = server.url;
  let code = '';

  await test.step('reception (A) declares, connects, and enters the hub admin once', async () => {
    await openReady(page, base + '/');
    await setUpClinic(page, base, { label: 'A', staff: ['受付 花子'] });
    await declareOutage(page, base);
    await connectFirst(page, base);
    await enterHubAdmin(page);
    await expect(page.getByText('ペアリングした端末はまだありません')).toBeVisible();
  });

  await test.step('端末を追加 asks the passcode again: a wrong one is refused and counted, no QR', async () => {
    await page.getByRole('button', { name: '端末を追加' }).click();
    await page.getByLabel('この端末のパスコード').fill('000000');
    await page.getByRole('button', { name: 'ペアリング用QRコードを表示' }).click();
    await expect(page.getByText('パスコードが違います（1回目）。')).toBeVisible();
    await expect(page.getByTestId('hub-pairing')).toHaveCount(0);
    await page.getByRole('button', { name: 'やめる', exact: true }).click();
  });

  await test.step('with the right passcode the QR appears with a countdown, for a new hub user of its own', async () => {
    code = await addDevice(page, PASSCODE);
    await expect(page.getByTestId('hub-pairing-countdown')).toContainText(/あと \d+ 秒で隠します/);
    await accessible(page, 'the pairing QR');
    const read = JSON.parse(code) as { v: number; user: string; password: string; exp: number };
    expect(read.v).toBe(2);
    expect(read.user).toMatch(/^tebikae-dev-[0-9a-f]{12}$/);
    expect(read.exp - Date.now()).toBeGreaterThan(14 * 60_000);
    // The hub has the user, and the clinic database admits it.
    const security = (await (await hub.admin(`/${HUB_DB}/_security`)).json()) as {
      members: { names: string[] };
    };
    expect(security.members.names).toContain(read.user);
    expect((await hub.request(`/${HUB_DB}`, { as: read })).status).toBe(200);
  });

  await test.step('locking the device takes the QR away; unlocking does not bring it back', async () => {
    await stopKeepingOpen(page);
    await lockNow(page);
    await unlockVault(page);
    await keepVaultOpen(page.context());
    await expect(page.getByRole('button', { name: '端末を追加' })).toBeVisible();
    await expect(page.getByTestId('hub-pairing')).toHaveCount(0);
  });

  const { browser: cameraBrowser, context: examContext } = await tabletWithCamera(playwright.chromium, code);
  const exam = await examContext.newPage();
  // B's own hub credentials, as its requests carry them (to ask the hub about them after the removal).
  let examAuth = '';
  exam.on('request', (request) => {
    const auth = request.headers()['authorization'];
    if (request.url().includes('/hub/') && auth) examAuth = auth;
  });
  try {
    await test.step('the exam room (B) scans the QR with its camera and joins the clinic outage', async () => {
      await openReady(exam, base + '/');
      await setUpClinic(exam, base, { label: 'B', staff: ['医師 一郎'] });
      await exam.getByRole('button', { name: 'ペアリング用QRコードを読み取る' }).click();
      await expect(exam.getByText('ハブにつなぎました')).toBeVisible({ timeout: 20_000 });
      await expect(exam.getByTestId('hub-status')).toHaveText('つながっています', { timeout: 15_000 });
      await expect(exam.getByLabel('ハブのアドレス')).toHaveValue(`${base}/hub/${HUB_DB}`);
      await exam.goto(`${base}/`);
      await expect(exam.getByTestId('session-phase')).toHaveAttribute('data-phase', 'outage', {
        timeout: 10_000
      });
    });

    await test.step('an arrival registered on A reaches B', async () => {
      await exam.goto(`${base}/queue/`);
      expect(await register(page, base, visits[0]!)).toBe('A-001');
      await expect(queueRows(exam).filter({ hasText: visits[0]!.name })).toHaveCount(1, { timeout: 5_000 });
    });

    await test.step('the code shown no longer opens anything: B changed its password when it joined', async () => {
      const read = JSON.parse(code) as { user: string; password: string };
      expect((await hub.request(`/${HUB_DB}/_all_docs`, { as: read })).status).toBe(401);
      await exam.goto(`${base}/settings/`);
      await exam.getByLabel('ペアリングコードを入力').fill(code);
      await exam.getByRole('button', { name: 'ペアリングコードを読み込む' }).click();
      await expect(exam.getByText('このペアリングコードはもう使われたか、取り消されています')).toBeVisible({
        timeout: 10_000
      });
      await expect(exam.getByTestId('hub-status')).toHaveText('つながっています');
      // Refused before any request, next to the field: an expired code, and text that is no pairing code.
      const field = exam.getByLabel('ペアリングコードを入力');
      await field.fill(JSON.stringify({ ...JSON.parse(code), exp: Date.now() - 1_000 }));
      await exam.getByRole('button', { name: 'ペアリングコードを読み込む' }).click();
      await expect(exam.getByText('このペアリングコードは期限切れです')).toBeVisible();
      await field.fill('https://example.jp/not-a-code');
      await exam.getByRole('button', { name: 'ペアリングコードを読み込む' }).click();
      await expect(exam.getByText('手控えのペアリングコードではありません')).toBeVisible();
      await expect(field).toHaveAttribute('aria-invalid', 'true');
    });

    await test.step('A lists B and removes it from the hub', async () => {
      await page.goto(`${base}/settings/`);
      const device = page.getByTestId('hub-device').filter({ hasText: '端末 B' });
      await expect(device).toHaveCount(1, { timeout: 10_000 });
      await device.getByRole('button', { name: 'この端末をハブから外す' }).click();
      await expect(device.getByRole('alert')).toContainText('端末 B をハブから外します');
      await accessible(page, 'the device list asking to remove B');
      await device.getByRole('button', { name: '外す', exact: true }).click();
      await expect(page.getByText('端末 B をハブから外しました')).toBeVisible({ timeout: 10_000 });
      await expect(page.getByTestId('hub-device')).toHaveCount(0);
    });

    await test.step('the hub refuses B’s user; B says it was removed and still registers arrivals alone', async () => {
      expect(examAuth).toMatch(/^Basic /);
      const refused = await hub.request(`/${HUB_DB}/_all_docs`, { headers: { authorization: examAuth } });
      expect(refused.status).toBe(401);
      expect(await register(exam, base, visits[1]!)).toBe('B-001');
      await expect(exam.getByTestId('hub-status')).toHaveText('ハブから外されました — この端末だけで記録中', {
        timeout: 30_000
      });
      await exam.goto(`${base}/queue/`);
      await expect(queueRows(exam).filter({ hasText: visits[1]!.name })).toHaveCount(1);
      await expect(queueRows(exam).filter({ hasText: visits[0]!.name })).toHaveCount(1);
    });

    await test.step('A goes on with the hub; nothing of B’s after the removal reaches it, nor A’s reaches B', async () => {
      expect(await register(page, base, visits[2]!)).toBe('A-002');
      await expect(page.getByTestId('hub-status')).toHaveText('つながっています', { timeout: 15_000 });
      await page.goto(`${base}/queue/`);
      await expect(queueRows(page).filter({ hasText: visits[2]!.name })).toHaveCount(1);
      await expect(queueRows(page).filter({ hasText: visits[1]!.name })).toHaveCount(0);
      await exam.reload();
      await expect(queueRows(exam)).toHaveCount(2);
      await expect(queueRows(exam).filter({ hasText: visits[2]!.name })).toHaveCount(0);
    });
  } finally {
    await cameraBrowser.close();
  }
});
