// One outage belongs to the clinic, not to a device: two tablets that each declared are merged into one outage
// (asked once), a tablet joins another's outage by scanning its QR code, a second device takes the clinic's
// settings from a QR code, and recovery can be recorded at the time shown and the outage finished.
import type { Download } from '@playwright/test';
import Papa from 'papaparse';
import { test, expect, openReady, setUpClinic, declareOutage } from './support/fixtures';
import { startStaticServer } from './support/static-server';
import { tabletWithCamera } from './support/camera';
import {
  bundleInput,
  bundleUpload,
  bytesOf,
  currentSessionId,
  downloadBy,
  exportBundle,
  newTablet,
  openEntry,
  putRows,
  recordsFor
} from './support/recovery';

const rowsOfQueue = (page: import('@playwright/test').Page) => page.getByTestId('queue-row');

test('two tablets each declared the outage: after a merge on A, one outage with both tablets’ patients, memos and money everywhere', async ({
  page,
  context,
  server,
  browser
}) => {
  test.setTimeout(240_000);
  const serverB = await startStaticServer();
  const tabletB = await newTablet(browser);
  try {
    await test.step('tablet A (reception) declares and registers three patients', async () => {
      await openReady(page, server.url + '/');
      await setUpClinic(page, server.url, { label: 'A', staff: ['受付 花子'] });
      await declareOutage(page, server.url);
      await context.setOffline(true);
      const sessionA = await currentSessionId(page);
      await putRows(
        page,
        recordsFor(sessionA, 'A', [
          { n: 1, name: '髙橋 ①子', deposit: 3000 },
          { n: 2, name: '新患 太郎', isNew: true, payLater: true },
          { n: 3, name: '鈴木 次郎', deposit: 5000 }
        ])
      );
    });

    let fileB: Buffer = Buffer.alloc(0);
    let nameB = '';
    await test.step('tablet B (second desk) cannot know: it declares too, registers two, exports', async () => {
      const b = await tabletB.newPage();
      await openReady(b, serverB.url + '/');
      await setUpClinic(b, serverB.url, { label: 'B', staff: ['看護 次郎'] });
      await declareOutage(b, serverB.url);
      await tabletB.setOffline(true);
      const sessionB = await currentSessionId(b);
      await putRows(
        b,
        recordsFor(sessionB, 'B', [
          { n: 1, name: '山田 花子', deposit: 2000 },
          { n: 2, name: '佐藤 三郎', memo: false }
        ])
      );
      await b.goto(serverB.url + '/recovery/export/');
      const file = await exportBundle(b);
      fileB = await bytesOf(file);
      nameB = file.suggestedFilename();
    });

    await test.step('A imports B’s file: A’s screens still show A’s outage, and it asks once', async () => {
      await page.goto(server.url + '/recovery/import/');
      await bundleInput(page).setInputFiles(bundleUpload(nameB, fileB));
      await openEntry(page.getByTestId('bundle-entry'));
      await page.getByRole('button', { name: '取り込む', exact: true }).click();
      await expect(page.getByText('取り込みました（端末Bから）')).toBeVisible();
      const question = page.getByTestId('same-outage');
      await expect(question).toContainText('同じ障害ですか？');
      // Before the answer nothing moved: A's queue is A's three.
      await page.goto(server.url + '/queue/');
      await expect(rowsOfQueue(page)).toHaveCount(3);
      await page.goto(server.url + '/');
      await expect(page.getByTestId('current-session')).toContainText('端末 A');
    });

    await test.step('the answer: the same outage — both tablets’ records in one queue, memo list and cashier', async () => {
      await page.goto(server.url + '/recovery/import/');
      await bundleInput(page).setInputFiles(bundleUpload(nameB, fileB));
      await openEntry(page.getByTestId('bundle-entry'));
      await page.getByRole('button', { name: '取り込む', exact: true }).click();
      await expect(page.getByText('新しい記録はありませんでした（取り込み済みです）。')).toBeVisible();
      await page.getByTestId('same-outage').getByRole('button', { name: '同じ障害としてまとめる' }).click();
      await expect(page.getByText('同じ障害としてまとめました。')).toBeVisible();
      await page.goto(server.url + '/queue/');
      await expect(rowsOfQueue(page)).toHaveCount(5);
      for (const no of ['A-001', 'A-002', 'A-003', 'B-001', 'B-002'])
        await expect(page.getByTestId('queue-row').filter({ hasText: no })).toHaveCount(1);
      await page.goto(server.url + '/visits/');
      await expect(page.getByRole('link', { name: 'B-001 メモを開く' })).toBeVisible();
      await page.goto(server.url + '/billing/');
      await expect(page.getByText('B-0001')).toBeVisible();
      await page.goto(server.url + '/');
      await expect(page.getByTestId('outage-devices')).toContainText('A（受付 花子）');
      await expect(page.getByTestId('outage-devices')).toContainText('B（看護 次郎）');
      await expect(page.getByTestId('session-phase')).toHaveAttribute('data-phase', 'outage');
      // Asked once: the same file again asks nothing.
      await page.goto(server.url + '/recovery/import/');
      await bundleInput(page).setInputFiles(bundleUpload(nameB, fileB));
      await openEntry(page.getByTestId('bundle-entry'));
      await page.getByRole('button', { name: '取り込む', exact: true }).click();
      await expect(page.getByText('新しい記録はありませんでした（取り込み済みです）。')).toBeVisible();
      await expect(page.getByTestId('same-outage')).toHaveCount(0);
    });

    await test.step('after recovery: the hub, the CSV and the report count the whole clinic’s day', async () => {
      await page.goto(server.url + '/');
      await page.getByRole('button', { name: '復旧を記録する' }).click();
      await page.getByRole('button', { name: 'この内容で復旧を記録する' }).click();
      await expect(page.getByTestId('session-phase')).toHaveAttribute('data-phase', 'recovering');
      await page.goto(server.url + '/recovery/');
      await expect(page.getByTestId('recovery-state')).toContainText('受付 5人');
      await expect(page.getByTestId('recovery-state')).toContainText('記録のある端末：A・B');
      await page.goto(server.url + '/recovery/csv/');
      const csv = await downloadBy(page, () =>
        page.getByRole('button', { name: /書き出す.*受付一覧/ }).click()
      );
      const rows = Papa.parse<string[]>(
        (await bytesOf(csv)).toString('utf8').replace(/^\uFEFF/, '')
      ).data.filter((r) => r.length > 1);
      // Rows come in arrival order across both tablets; which tablet's first came first depends on the clock.
      expect(
        rows
          .slice(1)
          .map((r) => r[0])
          .sort()
      ).toEqual(['A-001', 'A-002', 'A-003', 'B-001', 'B-002']);
      await page.goto(server.url + '/recovery/report/');
      await expect(page.getByTestId('incident-report')).toContainText('端末A：3人');
      await expect(page.getByTestId('incident-report')).toContainText('端末B：2人');
      await page.goto(server.url + '/settle/');
      await expect(page.getByText('B-0001')).toBeVisible();
      // A reload changes nothing: still one outage.
      await page.reload();
      await page.goto(server.url + '/');
      await expect(page.getByTestId('outage-devices')).toContainText('B（看護 次郎）');
    });
  } finally {
    await tabletB.close();
    await serverB.stop();
  }
});

test('a tablet joins the outage by scanning the QR code on the declaring tablet, and its records are the same outage’s', async ({
  page,
  context,
  server,
  playwright
}) => {
  test.setTimeout(180_000);
  let code!: string | null;
  await test.step('tablet A declares the outage and shows the QR code to join it, with no patient data in it', async () => {
    await openReady(page, server.url + '/');
    await setUpClinic(page, server.url, { label: 'A', staff: ['受付 花子'] });
    await declareOutage(page, server.url);
    await context.setOffline(true);
    await page.goto(server.url + '/');
    await page.getByRole('button', { name: '参加用のQRコードを表示' }).click();
    code = await page.getByTestId('join-code').locator('svg').getAttribute('data-code');
    expect(code).toBeTruthy();
    // No patient data in it: a session row and the clinic.
    expect(code).not.toMatch(/患者|髙橋/);
  });

  const serverB = await startStaticServer();
  const { browser, context: tabletB } = await tabletWithCamera(playwright.chromium, code!);
  try {
    let file!: Download;
    await test.step("tablet B scans it and joins A's outage, registers a patient and exports", async () => {
      const b = await tabletB.newPage();
      await openReady(b, serverB.url + '/');
      await setUpClinic(b, serverB.url, { label: 'B', staff: ['看護 次郎'] });
      await tabletB.setOffline(true);
      await b.goto(serverB.url + '/');
      await b.getByRole('button', { name: 'QRコードを読み取って参加する' }).click();
      const confirm = b.getByTestId('join-confirm');
      await expect(confirm).toContainText('端末A（受付 花子）', { timeout: 20_000 });
      await confirm.getByRole('button', { name: 'この障害に参加する' }).click();
      await b.waitForURL('**/reception/');
      await expect(b.getByTestId('session-phase')).toHaveAttribute('data-phase', 'outage');
      const sessionB = await currentSessionId(b);
      await putRows(b, recordsFor(sessionB, 'B', [{ n: 1, name: '山田 花子', deposit: 2000 }]));
      await b.goto(serverB.url + '/');
      await expect(b.getByTestId('current-session')).toContainText('宣言：受付 花子（端末 A）');
      await b.goto(serverB.url + '/recovery/export/');
      file = await exportBundle(b);
    });

    await test.step("back on A: B's file merges straight into A's outage — no question, one queue", async () => {
      await page.goto(server.url + '/recovery/import/');
      await bundleInput(page).setInputFiles(bundleUpload(file.suggestedFilename(), await bytesOf(file)));
      await openEntry(page.getByTestId('bundle-entry'));
      await page.getByRole('button', { name: '取り込む', exact: true }).click();
      await expect(page.getByText('取り込みました（端末Bから）')).toBeVisible();
      await expect(page.getByTestId('same-outage')).toHaveCount(0);
      await page.goto(server.url + '/queue/');
      await expect(page.getByTestId('queue-row').filter({ hasText: 'B-001' })).toHaveCount(1);
    });
  } finally {
    await browser.close();
    await serverB.stop();
  }
});

test('a second device takes the clinic’s settings from the first one’s QR code (same clinic id and staff)', async ({
  page,
  server,
  playwright
}) => {
  let code!: string | null;
  let clinicId = '';
  await test.step("the first device shows the clinic's settings as a QR code", async () => {
    await openReady(page, server.url + '/');
    await setUpClinic(page, server.url, { label: 'A', staff: ['受付 花子', '医師 一郎'] });
    await page.goto(server.url + '/settings/');
    await page.getByRole('button', { name: '設定のQRコードを表示' }).click();
    code = await page.getByTestId('clinic-code').locator('svg').getAttribute('data-code');
    clinicId = (JSON.parse(code!) as { clinic: { clinicId: string } }).clinic.clinicId;
    expect(clinicId).toMatch(/^[0-9a-f-]{36}$/);
  });

  const serverB = await startStaticServer();
  const { browser, context } = await tabletWithCamera(playwright.chromium, code!);
  try {
    await test.step('the second device reads it: the same clinic and staff, and its own QR code carries the same clinic id', async () => {
      const b = await context.newPage();
      await openReady(b, serverB.url + '/');
      await b.goto(serverB.url + '/settings/');
      await b.getByRole('button', { name: '2台目以降の端末：設定済みの端末のQRコードを読み取る' }).click();
      await expect(b.getByText('てびかえ内科クリニック の設定を読み取りました。')).toBeVisible({
        timeout: 20_000
      });
      await expect(b.getByLabel('医院名')).toHaveValue('てびかえ内科クリニック');
      await expect(b.getByLabel('医療機関コード')).toHaveValue('1312345678');
      await expect(b.getByText(/^医師 一郎（/)).toBeVisible();
      await b.getByLabel('端末名（A, B, C…）').fill('B');
      await b.getByRole('button', { name: '保存', exact: true }).click();
      await expect(b.getByText('設定を保存しました')).toBeVisible();
      await b.getByRole('button', { name: '設定のQRコードを表示' }).click();
      const codeB = await b.getByTestId('clinic-code').locator('svg').getAttribute('data-code');
      expect((JSON.parse(codeB!) as { clinic: { clinicId: string } }).clinic.clinicId).toBe(clinicId);
    });
  } finally {
    await browser.close();
    await serverB.stop();
  }
});

test('recovery is recorded at the time shown (which follows the clock), said again before it is saved; then the outage is finished', async ({
  page,
  server
}) => {
  const at = page.getByLabel('復旧時刻');
  await test.step('declared at 15:50: the home screen offers that time for recovery', async () => {
    await page.clock.install({ time: new Date('2025-11-15T15:50:00+09:00') });
    await openReady(page, server.url + '/');
    await setUpClinic(page, server.url, { label: 'A' });
    await declareOutage(page, server.url);
    await page.goto(server.url + '/');
    await expect(at).toHaveValue('2025-11-15T15:50');
  });

  await test.step('nine minutes on the home screen: the time shown is the time now, not when the screen opened; it is said again before recovery is recorded', async () => {
    await page.clock.runFor(9 * 60_000);
    await expect(at).toHaveValue('2025-11-15T15:59');
    await page.getByRole('button', { name: '復旧を記録する' }).click();
    await expect(page.getByTestId('recover-time')).toHaveText(
      '復旧時刻を 2025年11月15日（土） 15:59 として記録します。'
    );
    await page.getByRole('button', { name: 'この内容で復旧を記録する' }).click();
    await expect(page.getByTestId('session-phase')).toHaveAttribute('data-phase', 'recovering');
    await expect(page.getByTestId('current-session')).toContainText('15:59 に復旧');
  });

  await test.step('finished: the outage leaves the home screen, a new one can be declared, the old one stays in recovery', async () => {
    await page.getByRole('button', { name: 'この障害対応を終了する' }).click();
    await page.getByRole('button', { name: '終了する', exact: true }).click();
    await expect(page.getByTestId('session-phase')).toHaveAttribute('data-phase', 'prepared');
    await expect(page.getByRole('button', { name: '障害を宣言して受付を始める' })).toBeVisible();
    await page.goto(server.url + '/recovery/');
    await expect(page.getByTestId('recovery-state')).toBeVisible();
  });
});
