// The whole clinic through one hub: reception (A), the exam room (B) and the cashier (C) each on their own
// device. Status changes, the memo and the money are seen everywhere, and the waiting-room board shows the
// whole clinic; the hub is stopped mid-day and restarted (catch-up, nothing lost, nothing twice); the same
// memo edited on two devices meanwhile is shown as a conflict; the purge on one device empties the hub
// (the hub itself counts 0) and the other devices are told once.
import type { BrowserContext, Page } from '@playwright/test';
import {
  test,
  expect,
  HUB_DB,
  addDevice,
  connectFirst,
  enterHubAdmin,
  hubPatients as patients,
  joinByPaste,
  type Hub
} from './support/hub';
import { PASSCODE } from './support/vault';
import { openReady, setUpClinic, declareOutage } from './support/fixtures';
import { queueRow } from './support/reception';
import { registerAtDesk, openMemo } from './support/visits';
import { recordRecovery } from './support/billing';

/**
 * Set up a device of the clinic. The idle lock (its own journey is in vault.spec) is set to its longest:
 * this journey keeps a device untouched for minutes while the others work, and a locked device does not sync.
 */
async function setUpDevice(page: Page, base: string, label: string, staff: string) {
  await openReady(page, base + '/');
  await setUpClinic(page, base, { label, staff: [staff] });
  await page.getByLabel('自動ロックまでの時間（分）').fill('60');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('設定を保存しました')).toBeVisible();
}

/** A device joins with a pairing code made for it on reception (one code, one device), and is in the clinic's outage. */
async function pair(page: Page, base: string, code: string, label: string, staff: string) {
  await setUpDevice(page, base, label, staff);
  await joinByPaste(page, code);
  await expect(page.getByLabel('ハブのアドレス')).toHaveValue(`${base}/hub/${HUB_DB}`);
  await page.goto(`${base}/`);
  await expect(page.getByTestId('session-phase')).toHaveAttribute('data-phase', 'outage', {
    timeout: 10_000
  });
}

/** A queue row's status on a device's queue screen, waited for (the hub brings it within seconds). */
async function expectStatus(page: Page, base: string, queueNo: string, status: string) {
  if (!page.url().endsWith('/queue/')) await page.goto(`${base}/queue/`);
  await expect(queueRow(page, queueNo)).toHaveAttribute('data-status', status, { timeout: 10_000 });
}

async function hubDocs(hub: Hub): Promise<string[]> {
  const all = await hub.request(`/${HUB_DB}/_all_docs`);
  const { rows } = (await all.json()) as { rows: { id: string }[] };
  return rows.map((r) => r.id).filter((id) => !id.startsWith('_design/'));
}

test('reception, the exam room and the cashier run one outage day through the hub, which goes down and comes back, and is emptied by the purge', async ({
  page,
  server,
  browser,
  hub
}) => {
  test.setTimeout(300_000);
  const base = server.url;
  const contexts: BrowserContext[] = [];
  const device = async () => {
    const context = await browser.newContext();
    contexts.push(context);
    return context.newPage();
  };
  const reception = page;
  try {
    const exam = await device();
    const cashier = await device();
    const all = [reception, exam, cashier];

    await test.step('reception (A) declares, makes the clinic key and connects; B and C pair', async () => {
      await setUpDevice(reception, base, 'A', '受付 花子');
      await declareOutage(reception, base);
      await connectFirst(reception, base);
      await enterHubAdmin(reception);
      const forExam = await addDevice(reception, PASSCODE);
      await reception.getByRole('button', { name: 'やめる', exact: true }).click();
      const forCashier = await addDevice(reception, PASSCODE);
      expect(forCashier).not.toBe(forExam);
      await pair(exam, base, forExam, 'B', '医師 一郎');
      await pair(cashier, base, forCashier, 'C', '会計 次郎');
    });

    await test.step('a patient registered at reception waits on every device', async () => {
      expect(await registerAtDesk(reception, base, patients[0]!)).toBe('A-001');
      for (const p of all) await expectStatus(p, base, 'A-001', 'waiting');
    });

    await test.step('the exam room starts the consultation: 診察中 everywhere', async () => {
      await openMemo(exam, base, 'A-001');
      await exam.getByRole('button', { name: '診察開始' }).click();
      await expect(exam.getByTestId('arrival-status')).toHaveAttribute('data-status', 'inConsult');
      await expectStatus(reception, base, 'A-001', 'inConsult');
      await expectStatus(cashier, base, 'A-001', 'inConsult');
    });

    await test.step('the memo saved in the exam room: 会計待ち everywhere, the memo readable at reception', async () => {
      await exam.getByRole('combobox', { name: '医師', exact: true }).fill('医師 一郎');
      await exam.getByLabel('所見').fill('咽頭発赤あり');
      await exam.getByLabel('病名').fill('急性上気道炎');
      await exam.getByRole('button', { name: '診療メモを保存' }).click();
      await expect(exam.getByText('診療メモを保存し、会計待ちにしました。')).toBeVisible();
      await expectStatus(reception, base, 'A-001', 'awaitingPayment');
      await expectStatus(cashier, base, 'A-001', 'awaitingPayment');
      await openMemo(reception, base, 'A-001');
      await expect(reception.getByLabel('所見')).toHaveValue('咽頭発赤あり', { timeout: 20_000 });
      await expect(reception.getByTestId('memo-meta')).toContainText('記載者：医師 一郎');
    });

    await test.step('the cashier takes a deposit: 会計済 and the deposit C-0001 on every device', async () => {
      await cashier.goto(`${base}/billing/`);
      await cashier.getByRole('link', { name: `${patients[0]!.name} さんの会計をする` }).click();
      await cashier.getByRole('button', { name: '5,000円' }).click();
      await cashier.getByRole('button', { name: '預り金を記録する' }).click();
      await expect(cashier.getByText(/預り金 C-0001（5,000円）を記録しました/)).toBeVisible();
      await expectStatus(reception, base, 'A-001', 'paid');
      await expectStatus(exam, base, 'A-001', 'paid');
      for (const p of [reception, exam]) {
        await p.goto(`${base}/billing/`);
        await expect(p.getByText('C-0001').first()).toBeVisible({ timeout: 10_000 });
      }
    });

    await test.step('the exam room registers too (B-001); the waiting-room board shows the whole clinic', async () => {
      expect(await registerAtDesk(exam, base, patients[1]!)).toBe('B-001');
      await cashier.goto(`${base}/board/`);
      await expect(cashier.getByTestId('board-waiting')).toContainText('B-001', { timeout: 10_000 });
      await expect(cashier.getByTestId('board-done')).toContainText('A-001');
      await expect(cashier.getByTestId('board')).not.toContainText(patients[1]!.name);
    });

    await test.step('the hub stops: each device keeps working alone, and the same memo is edited on two', async () => {
      await cashier.goto(`${base}/queue/`);
      await hub.stop();
      for (const p of [reception, exam])
        await expect(p.getByTestId('hub-status')).toHaveText('ハブに届きません — この端末だけで記録中', {
          timeout: 15_000
        });
      expect(await registerAtDesk(reception, base, patients[2]!)).toBe('A-002');
      await openMemo(exam, base, 'A-001');
      await exam.getByLabel('所見').fill('咽頭発赤あり。扁桃腫大なし');
      await exam.getByRole('button', { name: '診療メモを保存' }).click();
      await expect(exam.getByText('変更を保存しました（第2版）。')).toBeVisible();
      await openMemo(reception, base, 'A-001');
      await reception.getByLabel('所見').fill('咽頭発赤あり（受付で追記：発熱38度）');
      await reception.getByRole('button', { name: '診療メモを保存' }).click();
      await expect(reception.getByText('変更を保存しました（第2版）。')).toBeVisible();
      await expect(reception.getByTestId('hub-unsent')).toContainText('未送信');
      await expectStatus(exam, base, 'A-001', 'paid');
      await expect(queueRow(exam, 'A-002')).toHaveCount(0);
    });

    await test.step('the hub is back: everything catches up, nothing twice', async () => {
      await hub.start();
      for (const p of all)
        await expect(p.getByTestId('hub-status')).toHaveText('つながっています', { timeout: 20_000 });
      for (const p of all) {
        await expectStatus(p, base, 'A-002', 'waiting');
        await expect(p.getByTestId('queue-row')).toHaveCount(3);
        for (const no of ['A-001', 'A-002', 'B-001']) await expect(queueRow(p, no)).toHaveCount(1);
      }
      await expect(reception.getByTestId('hub-unsent')).toHaveCount(0);
      // After a reload (the vault answered again), still three, once each.
      await cashier.reload();
      await expect(queueRow(cashier, 'A-002')).toHaveCount(1);
      await expect(cashier.getByTestId('queue-row')).toHaveCount(3);
    });

    await test.step('the memo edited on both is a conflict, shown in the status bar and settled in the conflict view', async () => {
      for (const p of [reception, exam])
        await expect(p.getByTestId('hub-conflicts')).toHaveText('確認待ちの食い違い 1件', {
          timeout: 15_000
        });
      await exam.getByTestId('hub-conflicts').click();
      const conflicts = exam.getByTestId('conflicts');
      await expect(conflicts).toContainText('確認が必要な食い違い（1件）');
      await conflicts.getByRole('button', { name: 'この端末の内容にする' }).click();
      await expect(exam.getByTestId('hub-conflicts')).toHaveCount(0, { timeout: 10_000 });
      // The choice (a newer version) reaches reception, whose own copy of the conflict is settled by it.
      await expect(reception.getByTestId('hub-conflicts')).toHaveCount(0, { timeout: 15_000 });
      await openMemo(reception, base, 'A-001');
      await expect(reception.getByLabel('所見')).toHaveValue('咽頭発赤あり。扁桃腫大なし');
    });

    await test.step('after recovery, reception purges: the hub holds 0 of the outage, the others are told once', async () => {
      expect((await hubDocs(hub)).length).toBeGreaterThan(0);
      await recordRecovery(reception, base);
      await reception.getByRole('link', { name: '復旧後の処理へ' }).click();
      await reception
        .getByRole('listitem')
        .filter({ hasText: 'この端末からデータを消去する' })
        .getByRole('link')
        .click();
      await expect(reception.getByTestId('hub-purge-check')).toBeVisible();
      await expect(reception.getByTestId('hub-left')).not.toHaveAttribute('data-left', '0');
      await reception.getByLabel(/確認のため「.*」または「削除」/).fill('削除');
      await reception.getByRole('button', { name: 'この端末から消去する' }).click();
      await expect(reception.getByTestId('purge-check')).toContainText('すべて0件です');
      await expect(reception.getByTestId('hub-left')).toHaveText('ハブに残っている記録: 0件 ✓', {
        timeout: 20_000
      });
      // The hub's own list: only the purge mark is left (sealed), nothing of a record.
      await expect.poll(async () => (await hubDocs(hub)).map((id) => id.split(':')[0])).toEqual(['purged']);
      for (const p of [exam, cashier]) {
        await p.goto(`${base}/`);
        const notice = p.getByTestId('hub-purge-notice');
        await expect(notice).toHaveCount(1, { timeout: 15_000 });
        await expect(notice).toContainText('ほかの端末（A）で');
        await expect(notice).toContainText('が消去されました');
      }
      await exam.getByTestId('hub-purge-notice').getByRole('link', { name: 'この端末の消去へ' }).click();
      await expect(exam.getByTestId('hub-left')).toHaveText('ハブに残っている記録: 0件 ✓');
    });
  } finally {
    for (const c of contexts) await c.close();
  }
});
