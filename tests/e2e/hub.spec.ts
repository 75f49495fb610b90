// Two devices of one clinic share through a hub on the LAN: reception registers, the exam room sees it; the
// hub holds ciphertext only; the hub goes down, reception keeps working, and the exam room catches up.
import type { Page } from '@playwright/test';
import {
  test,
  expect,
  HUB_DB,
  addDevice,
  connectFirst,
  enterHubAdmin,
  joinByPaste,
  register,
  type Visit
} from './support/hub';
import { openReady, setUpClinic, declareOutage } from './support/fixtures';
import { PASSCODE } from './support/vault';

const visits: Visit[] = [
  {
    name: '鈴木 一郎',
    kana: 'スズキ イチロウ',
    birthDate: '1961-03-14',
    complaint: '胸がしめつけられるように痛い'
  },
  { name: '佐藤 花子', kana: 'サトウ ハナコ', birthDate: '1990-11-02', complaint: '三日前から熱とのどの痛み' }
];

const queueNames = (page: Page) => page.getByTestId('queue-row');

test('reception and the exam room share one queue through the hub, which holds only ciphertext and may go down', async ({
  page,
  server,
  browser,
  hub
}) => {
  test.setTimeout(180_000);
  const base = server.url;
  const hubAddress = `${base}/hub/${HUB_DB}`;
  const examContext = await browser.newContext();
  const exam = await examContext.newPage();
  try {
    await test.step('reception (A) declares, makes the clinic key and connects', async () => {
      await openReady(page, base + '/');
      await setUpClinic(page, base, { label: 'A', staff: ['受付 花子'] });
      await declareOutage(page, base);
      await connectFirst(page, base);
    });

    await test.step('the exam room (B) joins with the pairing code reception shows, and is in the clinic outage', async () => {
      await enterHubAdmin(page);
      const code = await addDevice(page, PASSCODE);
      expect(code).toContain('tebikae-hub');
      await openReady(exam, base + '/');
      await setUpClinic(exam, base, { label: 'B', staff: ['医師 一郎'] });
      await joinByPaste(exam, code);
      await expect(exam.getByLabel('ハブのアドレス')).toHaveValue(hubAddress);
      await exam.goto(`${base}/`);
      await expect(exam.getByTestId('session-phase')).toHaveAttribute('data-phase', 'outage', {
        timeout: 10_000
      });
    });

    await test.step('an arrival registered at reception appears in the exam room’s queue', async () => {
      await exam.goto(`${base}/queue/`);
      const number = await register(page, base, visits[0]!);
      expect(number).toBe('A-001');
      await expect(queueNames(exam).filter({ hasText: visits[0]!.name })).toHaveCount(1, { timeout: 5_000 });
    });

    await test.step('the hub holds sealed documents only: no name, kana, birth date or free text', async () => {
      expect((await hub.request(`/${HUB_DB}/_all_docs`, { anonymous: true })).status).toBe(401);
      expect((await hub.request(`/${HUB_DB}/x`, { method: 'PUT', body: '{}', anonymous: true })).status).toBe(
        401
      );
      const all = await hub.request(`/${HUB_DB}/_all_docs?include_docs=true`);
      expect(all.ok).toBe(true);
      const { rows } = (await all.json()) as { rows: { id: string; doc: Record<string, unknown> }[] };
      const docs = rows.filter((r) => !r.id.startsWith('_design/'));
      expect(docs.map((r) => r.id.split(':')[0])).toEqual(expect.arrayContaining(['sessions', 'arrivals']));
      for (const { id, doc } of docs) {
        expect(id).toMatch(/^[a-zA-Z]+:[\w-]+:\d+:[0-9a-f]{20}$/);
        expect(Object.keys(doc).sort()).toEqual(['_id', '_rev', 'c', 't']);
      }
      const text = JSON.stringify(rows);
      const v = visits[0]!;
      for (const clear of [
        v.name,
        v.kana,
        v.birthDate,
        v.complaint,
        '鈴木',
        'スズキ',
        '19610314',
        '電子カルテにログインできない',
        '受付 花子'
      ])
        expect(text).not.toContain(clear);
    });

    await test.step('the hub goes down: reception keeps registering, and says so', async () => {
      await hub.stop();
      await expect(page.getByTestId('hub-status')).toHaveText('ハブに届きません — この端末だけで記録中', {
        timeout: 15_000
      });
      expect(await register(page, base, visits[1]!)).toBe('A-002');
      await expect(page.getByTestId('hub-unsent')).toContainText('未送信');
      await expect(queueNames(exam).filter({ hasText: visits[1]!.name })).toHaveCount(0);
    });

    await test.step('the hub is back: the exam room catches up, nothing twice', async () => {
      await hub.start();
      await expect(page.getByTestId('hub-status')).toHaveText('つながっています', { timeout: 20_000 });
      await expect(page.getByTestId('hub-unsent')).toHaveCount(0);
      await expect(queueNames(exam).filter({ hasText: visits[1]!.name })).toHaveCount(1, { timeout: 10_000 });
      await expect(queueNames(exam)).toHaveCount(2);
      await exam.reload();
      await expect(queueNames(exam)).toHaveCount(2);
      await expect(queueNames(exam).filter({ hasText: visits[0]!.name })).toHaveCount(1);
    });
  } finally {
    await examContext.close();
  }
});
