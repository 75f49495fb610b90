// Visit memos in the consultation room during an outage: write, save, correct, see the history, and lose nothing.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, openReady, setUpClinic, declareOutage, watchOffOrigin } from './support/fixtures';
import { openMemo, registerAtDesk } from './support/visits';
import { addDoctorsAndDepartments } from './support/reception';
import type { Page } from '@playwright/test';

async function openClinicDay(page: Page, base: string) {
  await openReady(page, base + '/');
  await setUpClinic(page, base, { staff: ['受付 花子'] });
  await addDoctorsAndDepartments(page, base, { departments: ['内科'], doctors: ['山田 太郎'] });
  await declareOutage(page, base);
}

const hanako = {
  name: '手控 花子',
  kana: 'テビカエ ハナコ',
  birthDate: '1980-04-01',
  sex: '女',
  complaint: '咳と発熱'
} as const;

/** No serious or critical axe violations on the memo as it stands. */
async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const rx = (page: Page, n: number) => page.getByRole('group', { name: `処方 ${n}`, exact: true });
const lab = (page: Page, n: number) => page.getByRole('group', { name: `検査 ${n}`, exact: true });

test('a patient’s memo: vitals and a prescription saved, corrected, the history shows the change, all there after a reload', async ({
  page,
  context,
  server
}) => {
  const off = watchOffOrigin(context, server.url);
  await openClinicDay(page, server.url);
  await context.setOffline(true);
  await test.step('Reception registers two patients; the first fills in a 問診', async () => {
    await registerAtDesk(page, server.url, {
      ...hanako,
      intake: { allergies: 'ペニシリン', medications: 'アムロジピン 5mg' }
    });
    await registerAtDesk(page, server.url, {
      name: '紙谷 次郎',
      kana: 'カミヤ ジロウ',
      birthDate: '1955-10-10',
      sex: '男',
      complaint: '腰痛'
    });
  });

  const first = page.getByTestId('visit-row').filter({ hasText: '手控 花子' });
  await test.step('In the consultation room the doctor takes the device and picks the first patient', async () => {
    await page.goto(server.url + '/visits/');
    await page.getByRole('combobox', { name: '担当', exact: true }).selectOption({ label: '山田 太郎' });
    await expect(first).toContainText('A-001');
    await expect(first).toContainText('なし');
    await expect(first).toContainText('待合');
    await page.getByRole('link', { name: 'A-001 メモを書く' }).click();
  });

  await test.step('What reception knew is already there', async () => {
    await expect(page.getByLabel('主訴', { exact: true })).toHaveValue('咳と発熱');
    await expect(page.getByLabel('アレルギー（本人申告）')).toHaveValue('ペニシリン');
    await expect(page.getByLabel('服用中の薬（本人申告）')).toHaveValue('アムロジピン 5mg');
    await expect(page.getByLabel('医師')).toHaveValue('山田 太郎');
    await expect(page.getByLabel('診療科')).toHaveValue('内科');
    await expect(page.getByText('新しい診療メモ（まだ保存されていません）')).toBeVisible();
  });

  await test.step('One tap starts the consultation and notes the time', async () => {
    await page.getByRole('button', { name: '診察開始' }).click();
    await expect(page.getByTestId('arrival-status')).toHaveAttribute('data-status', 'inConsult');
    await expect(page.getByLabel('開始時刻', { exact: true })).not.toHaveValue('');
    await page.getByLabel('開始時刻', { exact: true }).fill('10:05');
    await page.getByLabel('終了時刻', { exact: true }).fill('10:20');

    await page.getByLabel('現病歴').fill('3日前から咳。昨夜38度台の発熱。');
    await page.getByLabel('体温（℃）').fill('37.8');
    await page.getByLabel('血圧 収縮期（mmHg）').fill('１２８'); // 全角 is fine
    await page.getByLabel('血圧 拡張期（mmHg）').fill('82');
    await page.getByLabel('脈拍（回/分）').fill('88');
    await page.getByLabel('SpO2（%）').fill('97');
    await page.getByLabel('呼吸数（回/分）').fill('18');
    await page.getByLabel('身長（cm）').fill('158');
    await page.getByLabel('体重（kg）').fill('52.5');
    await page.getByLabel('所見').fill('咽頭発赤あり。胸部聴診異常なし。');
    await expect(page.getByText('通常ありえない値です')).toHaveCount(0);
    await page.getByLabel('病名').fill('急性上気道炎');
    await page.getByRole('checkbox', { name: '疑い' }).check();

    await page.getByRole('button', { name: '＋ 処方を追加' }).click();
    await rx(page, 1).getByLabel('薬剤名').fill('カロナール');
    await rx(page, 1).getByLabel('規格').fill('200mg');
    await rx(page, 1).getByLabel('用量').fill('2錠');
    await rx(page, 1).getByLabel('用法').fill('1日3回 毎食後');
    await rx(page, 1).getByLabel('日数').fill('5');
    await page.getByRole('button', { name: '＋ 処方を追加' }).click();
    await rx(page, 2).getByLabel('薬剤名').fill('ムコダイン');
    await rx(page, 2).getByRole('radio', { name: '院内' }).check();
    await page.getByRole('button', { name: '処方 2 を削除' }).click();
    await expect(rx(page, 2)).toHaveCount(0);
    await page.getByRole('button', { name: '元に戻す' }).click();
    await expect(rx(page, 2).getByLabel('薬剤名')).toHaveValue('ムコダイン');
    await rx(page, 2).getByLabel('用量').fill('3錠');
    await rx(page, 2).getByLabel('用法').fill('1日3回 毎食後');
    await rx(page, 2).getByLabel('日数').fill('5');

    await page.getByLabel('処置', { exact: true }).fill('なし');
    await page.getByRole('button', { name: '＋ 検査を追加' }).click();
    await lab(page, 1).getByLabel('検査名').fill('インフルエンザ迅速');
    await lab(page, 1).getByRole('radio', { name: '実施済' }).check();
    await page.getByRole('button', { name: '＋ 検査を追加' }).click();
    await lab(page, 2).getByLabel('検査名').fill('血液検査（CRP）');
    await lab(page, 2).getByRole('radio', { name: '保留（カルテ復旧後）' }).check();
    await page.getByLabel('注射').fill('なし');
    await page.getByLabel('指導').fill('水分をとり安静に。');
    await page.getByLabel('次回予約').fill('5日後、改善なければ');
    await page.getByRole('checkbox', { name: '処方箋' }).check();

    await expect(page.getByText('保存すると、この患者は「会計待ち」になります。')).toBeVisible();
    await page.getByRole('button', { name: '診療メモを保存' }).click();
    await expect(page.getByText('診療メモを保存し、会計待ちにしました。')).toBeVisible();
    await expect(page.getByTestId('arrival-status')).toHaveAttribute('data-status', 'awaitingPayment');
    await expect(page.getByTestId('memo-meta')).toContainText('記載者：山田 太郎');
  });

  await test.step('全角 was stored half-width', async () => {
    await expect(page.getByLabel('血圧 収縮期（mmHg）')).toHaveValue('128');
  });

  const history = page.getByRole('region', { name: '変更履歴' });
  await test.step('A correction: the fever went up and the dose changes', async () => {
    await page.getByLabel('体温（℃）').fill('38.4');
    await rx(page, 1).getByLabel('用量').fill('1錠');
    await page.getByRole('button', { name: '診療メモを保存' }).click();
    await expect(page.getByText('変更を保存しました（第2版）。')).toBeVisible();
    await expect(page.getByTestId('memo-meta')).toContainText('最終更新：山田 太郎');

    const latest = history.getByTestId('revision').first();
    await expect(latest).toContainText('第2版');
    await expect(latest).toContainText('2か所の変更');
    await expect(latest.locator('.change').filter({ visible: true, hasText: '体温（℃）' })).toContainText(
      '37.8 → 38.4'
    );
    await expect(latest.locator('.change').filter({ visible: true, hasText: '処方 1・用量' })).toContainText(
      '2錠 → 1錠'
    );
    await expect(history.getByTestId('revision').nth(1)).toContainText('第1版');
    await expect(history.getByTestId('revision').nth(1)).toContainText('初回記載');
  });

  await test.step('The saved memo prints (offline: the PDF engine and font come from the precache)', async () => {
    await page.getByRole('button', { name: 'この診療メモを印刷（PDF）' }).click();
    await expect(page.getByText(/PDFができました（\d+ページ）/)).toBeVisible();
    await expect(page.getByRole('link', { name: 'PDFを開く' })).toHaveAttribute('href', /^blob:/);
  });

  await test.step('Reload: every field is as saved', async () => {
    await page.reload();
    await expect(page.getByLabel('主訴', { exact: true })).toHaveValue('咳と発熱');
    await expect(page.getByLabel('開始時刻', { exact: true })).toHaveValue('10:05');
    await expect(page.getByLabel('終了時刻', { exact: true })).toHaveValue('10:20');
    await expect(page.getByLabel('診療科')).toHaveValue('内科');
    await expect(page.getByLabel('医師')).toHaveValue('山田 太郎');
    await expect(page.getByLabel('現病歴')).toHaveValue('3日前から咳。昨夜38度台の発熱。');
    await expect(page.getByLabel('アレルギー（本人申告）')).toHaveValue('ペニシリン');
    await expect(page.getByLabel('服用中の薬（本人申告）')).toHaveValue('アムロジピン 5mg');
    await expect(page.getByLabel('体温（℃）')).toHaveValue('38.4');
    await expect(page.getByLabel('血圧 収縮期（mmHg）')).toHaveValue('128');
    await expect(page.getByLabel('血圧 拡張期（mmHg）')).toHaveValue('82');
    await expect(page.getByLabel('脈拍（回/分）')).toHaveValue('88');
    await expect(page.getByLabel('SpO2（%）')).toHaveValue('97');
    await expect(page.getByLabel('呼吸数（回/分）')).toHaveValue('18');
    await expect(page.getByLabel('身長（cm）')).toHaveValue('158');
    await expect(page.getByLabel('体重（kg）')).toHaveValue('52.5');
    await expect(page.getByLabel('所見')).toHaveValue('咽頭発赤あり。胸部聴診異常なし。');
    await expect(page.getByLabel('病名')).toHaveValue('急性上気道炎');
    await expect(page.getByRole('checkbox', { name: '疑い' })).toBeChecked();
    await expect(rx(page, 1).getByLabel('薬剤名')).toHaveValue('カロナール');
    await expect(rx(page, 1).getByLabel('規格')).toHaveValue('200mg');
    await expect(rx(page, 1).getByLabel('用量')).toHaveValue('1錠');
    await expect(rx(page, 1).getByLabel('用法')).toHaveValue('1日3回 毎食後');
    await expect(rx(page, 1).getByLabel('日数')).toHaveValue('5');
    await expect(rx(page, 1).getByRole('radio', { name: '院外' })).toBeChecked();
    await expect(rx(page, 2).getByLabel('薬剤名')).toHaveValue('ムコダイン');
    await expect(rx(page, 2).getByLabel('用量')).toHaveValue('3錠');
    await expect(rx(page, 2).getByRole('radio', { name: '院内' })).toBeChecked();
    await expect(rx(page, 3)).toHaveCount(0);
    await expect(page.getByLabel('処置', { exact: true })).toHaveValue('なし');
    await expect(lab(page, 1).getByLabel('検査名')).toHaveValue('インフルエンザ迅速');
    await expect(lab(page, 1).getByRole('radio', { name: '実施済' })).toBeChecked();
    await expect(lab(page, 2).getByLabel('検査名')).toHaveValue('血液検査（CRP）');
    await expect(lab(page, 2).getByRole('radio', { name: '保留（カルテ復旧後）' })).toBeChecked();
    await expect(page.getByLabel('注射')).toHaveValue('なし');
    await expect(page.getByLabel('指導')).toHaveValue('水分をとり安静に。');
    await expect(page.getByLabel('次回予約')).toHaveValue('5日後、改善なければ');
    await expect(page.getByRole('checkbox', { name: '処方箋' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: '紹介状' })).not.toBeChecked();
    await expect(page.getByText('前回の入力を復元しました')).toHaveCount(0);
    await expect(history.getByTestId('revision')).toHaveCount(2);
    await expectAccessible(page);
  });

  await test.step('Back on the list: this patient has a memo and waits to pay; the next one still waits', async () => {
    await page.getByRole('link', { name: '← 患者一覧に戻る' }).click();
    await expect(first).toContainText('あり');
    await expect(first).toContainText('会計待ち');
    await expect(page.getByTestId('visit-row').filter({ hasText: '紙谷 次郎' })).toContainText('待合');
    await expectAccessible(page);
  });

  await test.step("Not one request went to another origin (the PDF opened in Chromium's own viewer, whose chrome:// files are not network requests)", async () => {
    expect(off.filter((url) => /^(https?|wss?):/.test(url))).toEqual([]);
  });
});

test('an implausible vital is flagged next to its field in Japanese and English, and nothing typed is lost', async ({
  page,
  context,
  server
}) => {
  await openClinicDay(page, server.url);
  await context.setOffline(true);
  const queueNo = await registerAtDesk(page, server.url, { ...hanako, complaint: '頭痛' });
  await openMemo(page, server.url, queueNo);

  await page.getByLabel('現病歴').fill('朝から頭痛');
  await page.getByLabel('体温（℃）').fill('365');
  await page.getByLabel('脈拍（回/分）').fill('72');
  const temperature = page.locator('.field').filter({ has: page.getByLabel('体温（℃）') });
  await expect(temperature).toContainText('通常ありえない値です（目安 34〜42）');
  await expect(temperature).toContainText('Implausible value (expected 34–42)');
  await page.getByLabel('血圧 収縮期（mmHg）').fill('90');
  await page.getByLabel('血圧 拡張期（mmHg）').fill('100');
  await page.getByLabel('SpO2（%）').click();
  await expect(page.locator('.field').filter({ has: page.getByLabel('血圧 拡張期（mmHg）') })).toContainText(
    '拡張期が収縮期と同じか高くなっています'
  );

  await expectAccessible(page);

  await test.step('Saving asks first; the values stay as typed', async () => {
    await page.getByRole('button', { name: '診療メモを保存' }).click();
    await expect(page.getByText('バイタルに通常ありえない値があります。')).toBeVisible();
    await expect(page.getByLabel('体温（℃）')).toHaveValue('365');
  });

  await test.step('A reload (or a closed tab) keeps the unsaved input, problem and all', async () => {
    await page.reload();
    await expect(page.getByText('前回の入力を復元しました')).toBeVisible();
    await expect(page.getByLabel('体温（℃）')).toHaveValue('365');
    await expect(page.getByLabel('現病歴')).toHaveValue('朝から頭痛');
    await expect(page.getByLabel('脈拍（回/分）')).toHaveValue('72');
    await expect(page.getByLabel('血圧 拡張期（mmHg）')).toHaveValue('100');
  });

  await test.step('Corrected (in 全角, as a Japanese keyboard types it): the message goes', async () => {
    await page.getByLabel('体温（℃）').fill('３６．５');
    await page.getByLabel('血圧 拡張期（mmHg）').fill('60');
    await page.getByLabel('脈拍（回/分）').click();
    await expect(page.getByText('通常ありえない値です')).toHaveCount(0);
    await expect(page.getByText('拡張期が収縮期と同じか高くなっています')).toHaveCount(0);
    await page.getByRole('button', { name: '診療メモを保存' }).click();
    await expect(page.getByText('診療メモを保存し、会計待ちにしました。')).toBeVisible();
    await expect(page.getByLabel('体温（℃）')).toHaveValue('36.5');
  });
});

test('two screens on one memo: the later save is shown the conflict, not allowed to overwrite', async ({
  context,
  server
}) => {
  const a = await context.newPage();
  await openClinicDay(a, server.url);
  const queueNo = await registerAtDesk(a, server.url, hanako);
  await openMemo(a, server.url, queueNo);
  const url = a.url();
  await a.getByRole('button', { name: '診療メモを保存' }).click();
  await expect(a.getByText('診療メモを保存し、会計待ちにしました。')).toBeVisible();

  const b = await context.newPage();
  await b.goto(url);
  await expect(b.getByTestId('memo-meta')).toContainText('記載者：受付 花子');

  await a.getByLabel('病名').fill('感冒');
  await a.getByRole('button', { name: '診療メモを保存' }).click();
  await expect(a.getByText('変更を保存しました（第2版）。')).toBeVisible();

  await test.step('B still works from version 1', async () => {
    await b.getByLabel('所見').fill('咽頭発赤');
    await b.getByLabel('病名').fill('咽頭炎');
    await b.getByRole('button', { name: '診療メモを保存' }).click();
    await expect(b.getByText('この診療メモは、ほかの画面（または端末）で先に変更されています')).toBeVisible();
    await expect(b.getByLabel('所見')).toHaveValue('咽頭発赤');
    await expect(
      b
        .getByRole('alert')
        .filter({ hasText: '先に変更' })
        .locator('.change')
        .filter({ visible: true, hasText: '病名' })
    ).toContainText('感冒 → 咽頭炎');
    await b.getByRole('button', { name: 'この画面の入力で保存する（先の変更は履歴に残ります）' }).click();
    await expect(b.getByText('変更を保存しました（第3版）。')).toBeVisible();
    const history = b.getByRole('region', { name: '変更履歴' });
    await expect(history.getByTestId('revision')).toHaveCount(3);
    await expect(
      history.getByTestId('revision').nth(1).locator('.change').filter({ visible: true, hasText: '病名' })
    ).toContainText('（空欄） → 感冒');
  });
});

test('two screens typing into different boxes of one unsaved memo: each shows what the other typed', async ({
  context,
  server
}) => {
  const one = await context.newPage();
  await openClinicDay(one, server.url);
  const queueNo = await registerAtDesk(one, server.url, hanako);
  await openMemo(one, server.url, queueNo);
  const two = await context.newPage();
  await two.goto(one.url());
  await expect(two.getByLabel('所見')).toBeVisible();

  await test.step('Tab 2 writes 所見 first; tab 1 takes it', async () => {
    await two.getByLabel('所見').fill('咽頭発赤');
    await expect(one.getByLabel('所見')).toHaveValue('咽頭発赤');
  });

  await test.step('Tab 1 writes 次回予約 and a pulse (a box inside バイタル); tab 2 takes them and keeps its own', async () => {
    await one.getByLabel('次回予約').fill('1週間後に再診');
    await one.getByLabel('脈拍（回/分）').fill('72');
    await expect(two.getByLabel('次回予約')).toHaveValue('1週間後に再診');
    await expect(two.getByLabel('脈拍（回/分）')).toHaveValue('72');
    await expect(two.getByLabel('所見')).toHaveValue('咽頭発赤');
  });

  await test.step('Tab 2 corrects 所見: no "edited in another tab" question for a box only it was typing in', async () => {
    await two.getByLabel('所見').fill('咽頭発赤、扁桃腫大なし');
    await expect(one.getByLabel('所見')).toHaveValue('咽頭発赤、扁桃腫大なし');
    await expect(one.getByLabel('次回予約')).toHaveValue('1週間後に再診');
    for (const page of [one, two])
      await expect(page.getByText('この入力は別のタブでも編集されています')).toHaveCount(0);
  });

  await test.step('What was saved from tab 1 holds both', async () => {
    await one.getByRole('button', { name: '診療メモを保存' }).click();
    await expect(one.getByText('診療メモを保存し、会計待ちにしました。')).toBeVisible();
    await one.reload();
    await expect(one.getByLabel('所見')).toHaveValue('咽頭発赤、扁桃腫大なし');
    await expect(one.getByLabel('次回予約')).toHaveValue('1週間後に再診');
  });
});

test('a memo dated in the future is refused beside the date, the first problem gets the focus, and a half-written memo shows as a draft in the list', async ({
  page,
  context,
  server
}) => {
  await openClinicDay(page, server.url);
  await context.setOffline(true);
  await registerAtDesk(page, server.url, hanako);
  await page.goto(server.url + '/visits/');
  await page.getByRole('combobox', { name: '担当', exact: true }).selectOption({ label: '山田 太郎' });
  await openMemo(page, server.url, 'A-001');

  const back = page.getByRole('link', { name: '← 患者一覧に戻る' });
  await test.step('The back link is a full-size touch target', async () => {
    expect((await back.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(48);
  });

  await test.step('A date typed a year ahead: refused next to the field (Japanese and English), the date field focused', async () => {
    await page.getByLabel('所見').fill('咽頭発赤');
    await page.getByLabel('診療日').fill('2027-01-01');
    await page.getByRole('button', { name: '診療メモを保存' }).click();
    await expect(page.getByText('診療日が未来の日付です')).toBeVisible();
    await expect(page.getByText('The visit date is in the future')).toBeVisible();
    await expect(page.getByLabel('診療日')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('診療日')).toBeFocused();
    await expect(page.getByText('新しい診療メモ（まだ保存されていません）')).toBeVisible();
  });

  const row = page.getByTestId('visit-row').filter({ hasText: 'A-001' });
  await test.step('The doctor is called away: the list says the memo is only a draft, not "none"', async () => {
    await back.click();
    await expect(row.getByTestId('memo-state')).toHaveText('下書きあり');
  });

  await test.step('The reception queue says so too, so nobody takes the patient for "no memo"', async () => {
    await page.goto(server.url + '/queue/');
    const queueLine = page.getByTestId('queue-row').filter({ hasText: 'A-001' });
    await expect(queueLine.locator('[data-mark="memo"]')).toHaveText('メ✎');
    await expect(queueLine.getByRole('button', { name: /^A-001 の詳しい情報/ })).toHaveAccessibleName(
      /診療メモ書きかけ（未保存）/
    );
    await page.goto(server.url + '/visits/');
    await expect(page.getByRole('link', { name: 'A-001 メモを書く' })).toBeVisible();
  });

  await test.step("Back to it: nothing typed is lost; with today's date it saves, and the list says あり", async () => {
    await page.getByRole('link', { name: 'A-001 メモを書く' }).click();
    await expect(page.getByLabel('所見')).toHaveValue('咽頭発赤');
    await expect(page.getByLabel('診療日')).toHaveValue('2027-01-01');
    const today = await page.evaluate(() => {
      const d = new Date();
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    });
    await page.getByLabel('診療日').fill(today);
  });

  await test.step('Another problem further down (a prescription without a drug name) is the one focused now', async () => {
    await page.getByRole('button', { name: '＋ 処方を追加' }).click();
    await rx(page, 1).getByLabel('用量').fill('2錠');
    await page.getByRole('button', { name: '診療メモを保存' }).click();
    await expect(rx(page, 1).getByLabel('薬剤名')).toBeFocused();
    await expect(page.getByText('診療日が未来の日付です')).toHaveCount(0);
    await rx(page, 1).getByLabel('薬剤名').fill('カロナール');
    await page.getByRole('button', { name: '診療メモを保存' }).click();
    await expect(page.getByTestId('arrival-status')).toHaveAttribute('data-status', 'awaitingPayment');
    await expect(page.getByText('新しい診療メモ（まだ保存されていません）')).toHaveCount(0);
    await back.click();
    await expect(row.getByTestId('memo-state')).toHaveText('あり');
  });
});
