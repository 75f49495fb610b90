// A day at the cashier while the EHR is down, and the settling-up after it comes back — all offline.
import { execFileSync } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, openReady, setUpClinic, declareOutage } from './support/fixtures';
import {
  expectDrawer,
  expectSummary,
  fitsWidth,
  linesOf,
  patientsAwaitingPayment,
  recordRecovery
} from './support/billing';
import { registerAtDesk } from './support/visits';

test('deposit, pay-later, a void, a reload, then settlement after recovery ties out to the yen', async ({
  page,
  context,
  server
}, testInfo) => {
  const base = server.url;
  await openReady(page, base + '/');
  await setUpClinic(page, base, { staff: ['受付 花子', '会計 一郎'] });
  await declareOutage(page, base);
  await context.setOffline(true);

  expect(
    await patientsAwaitingPayment(page, base, [
      { name: '山田 太郎', kana: 'ヤマダ タロウ', birthDate: '1970-05-06' },
      { name: '佐藤 花子', kana: 'サトウ ハナコ', birthDate: '1985-11-22' }
    ])
  ).toEqual(['A-001', 'A-002']);
  await page.getByRole('link', { name: '会計', exact: true }).click();
  const awaiting = page.getByTestId('awaiting-list');
  await expect(awaiting.getByText('山田 太郎', { exact: true })).toBeVisible();
  await expect(awaiting.getByText('佐藤 花子', { exact: true })).toBeVisible();

  await test.step('山田さん: a ¥5,000 deposit with one tap', async () => {
    await page.getByRole('link', { name: '山田 太郎 さんの会計をする' }).click();
    await expect(page.getByRole('heading', { name: '山田 太郎 さんの会計' })).toBeVisible();
    await expect(page).toHaveTitle(/^会計/);
    expect(page.url()).not.toContain('山田');
  });

  await test.step('A typed amount that cannot be right is refused next to the field, and stays as typed', async () => {
    await page.getByLabel('金額（円）').fill('-500');
    await page.getByRole('button', { name: '預り金を記録する' }).click();
    await expect(page.getByText('マイナスの金額は入力できません').first()).toBeVisible();
    await expect(page.getByLabel('金額（円）')).toHaveValue('-500');
    await page.getByRole('button', { name: '5,000円' }).click();
    await expect(page.getByLabel('金額（円）')).toHaveValue('5,000');
    await expect(page.getByText('＝ 5,000円')).toBeVisible();
    await expect(page.getByLabel('受け取った人')).toHaveValue('受付 花子');
    await page.getByRole('button', { name: '預り金を記録する' }).click();
    await expect(
      page.getByText('預り金 A-0001（5,000円）を記録しました。状態は「会計済」になりました。')
    ).toBeVisible();
    await expect(page.getByText('いまの状態：会計済')).toBeVisible();
  });

  const slipLink = page.getByRole('link', { name: /ダウンロード：.*_預り証_A-0001\.pdf/ }).first();
  await test.step('The 預り証 opens in a new tab; tebikae stays where it was', async () => {
    const popup = page.waitForEvent('popup');
    await page.getByRole('button', { name: '預り証を印刷（A-0001）' }).first().click();
    const slip = await popup;
    await expect(slipLink).toBeVisible();
    await expect.poll(() => slip.url()).toMatch(/^blob:/);
    await slip.close();
  });

  await test.step("The slip names who issued it: the clinic, its address and phone, on the patient's part and the stub", async () => {
    const saved = page.waitForEvent('download');
    await slipLink.click();
    const slipPath = testInfo.outputPath('slip.pdf');
    await (await saved).saveAs(slipPath);
    const slipText = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', slipPath, '-'], {
      encoding: 'utf8'
    });
    expect(slipText.match(/てびかえ内科クリニック/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    expect(slipText).toContain('東京都千代田区1-2-3');
    expect(slipText).toContain('03-1234-5678');
    expect(slipText).toContain('¥5,000-');
    expect(page.url()).toContain('/billing/?arrival=');
  });

  await test.step('A second deposit for the same patient is asked about first', async () => {
    await page.getByRole('button', { name: '追加で会計を登録する' }).click();
    await page.getByRole('button', { name: '3,000円' }).click();
    await page.getByRole('button', { name: '預り金を記録する' }).click();
    const ask = page.getByRole('dialog', { name: 'この患者にはすでに会計があります' });
    await expect(ask).toContainText('預り金 A-0001 5,000円');
    await ask.getByRole('button', { name: 'やめる' }).click();
    await expect(ask).toBeHidden();
    await expect(page.getByTestId('bill-list').locator('tbody tr')).toHaveCount(1);
    await page.getByRole('button', { name: '預り金を記録する' }).click();
    await ask.getByRole('button', { name: 'もう一件登録する' }).click();
    await expect(page.getByText('預り金 A-0002（3,000円）を記録しました。')).toBeVisible();
    await expect(page.getByTestId('bill-list').locator('tbody tr')).toHaveCount(2);
  });

  await test.step('佐藤さん: something typed survives a reload; then pay-later instead', async () => {
    await page.getByRole('link', { name: '会計一覧へ戻る' }).first().click();
    await page.getByRole('link', { name: '佐藤 花子 さんの会計をする' }).click();
    await page.getByLabel('金額（円）').fill('１，２００');
    await expect(page.getByText('＝ 1,200円')).toBeVisible();
    await expect(page.getByText('✓ 下書きを保存しました', { exact: false })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('金額（円）')).toHaveValue('１，２００');
    await expect(page.getByText('前回の入力を復元しました')).toBeVisible();
    await page.getByText('後日精算', { exact: true }).click();
    await expect(page.getByLabel('金額（円）')).toHaveCount(0);
    await page.getByText('会計未計算', { exact: true }).click();
    await page.getByRole('button', { name: '後日精算で記録する' }).click();
    await expect(page.getByText('後日精算を記録しました。状態は「後日精算」になりました。')).toBeVisible();
  });

  await test.step('The drawer: two deposits by 受付 花子, one pay-later', async () => {
    await page.getByRole('link', { name: '会計一覧へ戻る' }).first().click();
    await expect(page.getByText('いま会計待ちの患者はいません。')).toBeVisible();
    await expectDrawer(page, {
      cash: '8,000円',
      all: '8,000円',
      deposits: '2件 8,000円',
      payLater: '1人',
      voided: '0件 0円'
    });
    await expect(page.getByTestId('drawer-by-staff').getByRole('row', { name: /受付 花子/ })).toContainText(
      '8,000円'
    );
    await expect(page.getByTestId('drawer-by-device').getByRole('row', { name: /^A / })).toContainText(
      '8,000円'
    );
  });

  await test.step('The duplicate is voided with a reason: kept, struck through, out of the totals', async () => {
    await page.getByRole('button', { name: '取消（A-0002）' }).click();
    const voiding = page.getByRole('dialog', { name: /会計を取り消す/ });
    await voiding.getByRole('button', { name: '取り消す' }).click();
    await expect(voiding.getByText('取消の理由を入力してください').first()).toBeVisible();
    await voiding.getByLabel('取消の理由').fill('二重に登録した');
    await voiding.getByRole('button', { name: '取り消す' }).click();
    await expect(voiding).toBeHidden();
    const voidedRow = page.locator('tr[data-serial="A-0002"]');
    await expect(voidedRow).toHaveClass(/voided/);
    await expect(voidedRow).toContainText('理由：二重に登録した');
    const drawerAfterVoid = {
      cash: '5,000円',
      all: '5,000円',
      deposits: '1件 5,000円',
      payLater: '1人',
      voided: '1件 3,000円'
    };
    await expectDrawer(page, drawerAfterVoid);

    // The queue shows where each patient stands
    await page.getByRole('link', { name: '受付一覧', exact: true }).click();
    await expect(page.getByRole('button', { name: 'A-001 を「会計済」にする' })).toHaveAttribute(
      'aria-pressed',
      'true'
    );
    await expect(page.getByRole('button', { name: 'A-002 を「後日精算」にする' })).toHaveAttribute(
      'aria-pressed',
      'true'
    );
    await page.getByRole('link', { name: '会計', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: '会計', exact: true })).toBeVisible();

    // Reload: every figure is still right
    await page.reload();
    await expectDrawer(page, drawerAfterVoid);
    await expect(page.locator('tr[data-serial="A-0002"]')).toHaveClass(/voided/);
    await expect(page.getByTestId('bill-list').locator('tbody tr')).toHaveCount(3);
  });

  await test.step('Before recovery, settlement waits', async () => {
    await page.goto(base + '/settle/');
    await expect(page.getByText(/まだ電子カルテの復旧が記録されていません/)).toBeVisible();
    await expect(page.getByRole('link', { name: /さんを精算する/ })).toHaveCount(0);
  });

  const list = page.getByTestId('settle-list');
  await test.step('The EHR is back', async () => {
    await recordRecovery(page, base);

    await page.goto(base + '/settle/');
  });

  await test.step("One row per visit: 山田さん's voided duplicate stays in his row, struck through, not settled apart", async () => {
    await expect(list.locator('tbody tr')).toHaveCount(2);
    await expect(list.locator('tr[data-serial="A-0001"] s')).toHaveText('A-0002');
    await expect(list.locator('tr[data-status="cancelled"]')).toHaveCount(0);
  });

  await test.step('山田さん: charged ¥3,740 → refund ¥1,260', async () => {
    await page.getByRole('link', { name: '山田 太郎 さんを精算する' }).click();
    await expect(page.getByText('お預かりした額：5,000円')).toBeVisible();
    await page.getByLabel('一部負担金（円）').fill('3740');
    await expect(page.getByTestId('settle-figures')).toContainText('請求額の合計：3,740円');
    await expect(page.getByTestId('settle-figures')).toContainText('返金 1,260円');
    await page.getByRole('button', { name: '精算を保存する' }).click();
    await expect(page.getByText('レセコンの領収証番号を入力してください').first()).toBeVisible();
    await page.getByLabel('レセコンの領収証番号').fill('R-0001');
    await page.getByRole('button', { name: '精算を保存する' }).click();
    await expect(page.getByText('山田 太郎 さんの精算を保存しました（精算済）。')).toBeVisible();
    await page.getByRole('link', { name: '精算の一覧へ戻る' }).first().click();
  });

  await test.step('佐藤さん: pay-later charged ¥1,200 → collect ¥1,200', async () => {
    await page.getByRole('link', { name: '佐藤 花子 さんを精算する' }).click();
    await expect(page.getByText('お預かりなし（後日精算）')).toBeVisible();
    await page.getByLabel('一部負担金（円）').fill('1,200');
    await expect(page.getByTestId('settle-figures')).toContainText('追加徴収 1,200円');
    await page.getByLabel('レセコンの領収証番号').fill('R-0002');
    await page.getByRole('button', { name: '精算を保存する' }).click();
    await expect(page.getByText('佐藤 花子 さんの精算を保存しました（精算済）。')).toBeVisible();
    await page.getByRole('link', { name: '精算の一覧へ戻る' }).first().click();
  });

  await test.step('The list and the cash summary tie out, and still do after a reload', async () => {
    for (let round = 0; round < 2; round++) {
      await expect(list.locator('tr[data-status="settled"]')).toHaveCount(2);
      await expect(list.locator('tr[data-serial="A-0001"]')).toContainText('返金 1,260円');
      await expect(list.locator('tr[data-serial="A-0001"]')).toContainText('領収証 R-0001');
      await expect(list.locator('tr', { hasText: '佐藤 花子' })).toContainText('追加徴収 1,200円');
      await expectSummary(page, {
        depositsTaken: '5,000円',
        selfPayTaken: '0円',
        refunded: '1,260円',
        collected: '1,200円',
        netCash: '4,940円',
        settledCharges: '4,940円',
        held: '0円',
        stillOpen: '0件'
      });
      await expect(page.getByTestId('summary-counts')).toHaveText(
        '預り金 1件・後日精算 1件・自費 0件・取消 1件'
      );
      // Figures that add up are not a till that matches: nobody has counted it yet.
      await expect(page.getByTestId('count-headline')).toHaveAttribute('data-state', 'notCounted');
      await expect(page.getByTestId('count-headline')).toHaveText(
        'まだ数えていません（端末 A）。「レジを数える」で数えてください。'
      );
      await page.reload();
    }
  });

  await test.step('The drawer now counts the cash refund and collection', async () => {
    await page.goto(base + '/billing/');
    await expect(page.getByTestId('drawer-expected-cash').locator('dd')).toHaveText('4,940円');
  });

  const till = page.getByTestId('drawer-count');
  const form = page.getByTestId('count-form');
  const rowA = till.locator('tr[data-drawer="A"]');
  await test.step('レジ締め: the float was ¥10,000 (one 5,000 note, five 1,000 notes) …', async () => {
    await till.getByRole('button', { name: '釣銭準備金を入力する' }).click();
    await form.getByLabel('5,000円', { exact: true }).fill('1');
    await form.getByLabel('1,000円', { exact: true }).fill('５');
    await expect(form.getByTestId('count-running')).toHaveText('合計 10,000円');
    await form.getByRole('button', { name: '保存する' }).click();
    await expect(till.getByTestId('count-saved')).toHaveText('端末Aの釣銭準備金 10,000円 を保存しました。');
    await expect(rowA).toContainText('10,000円');
    await expect(rowA).toContainText('14,940円');
  });

  await test.step('… and the count is one 1,000-yen note short: the app says so, with the sign', async () => {
    await till.getByRole('button', { name: 'レジを数える' }).click();
    await form.getByLabel('10,000円', { exact: true }).fill('1');
    await form.getByLabel('1,000円', { exact: true }).fill('3');
    await form.getByLabel('500円', { exact: true }).fill('1');
    await form.getByLabel('100円', { exact: true }).fill('4');
    await form.getByLabel('10円', { exact: true }).fill('4');
    await expect(form.getByTestId('count-running')).toHaveText(
      'あるはずの額 14,940円・この合計 13,940円・過不足 −1,000円'
    );
  });

  await test.step('Half-way, the tablet is reloaded: what was counted so far is still there', async () => {
    await page.reload();
    await expect(till.getByRole('button', { name: 'レジを数える' })).toBeVisible();
    await till.getByRole('button', { name: 'レジを数える' }).click();
    await expect(form.getByLabel('1,000円', { exact: true })).toHaveValue('3');
    await form.getByRole('button', { name: '保存する' }).click();
    await expect(till.getByTestId('count-headline')).toHaveText(
      '合っていません：1,000円 足りません（過不足 −1,000円）'
    );
    await expect(rowA).toHaveAttribute('data-state', 'short');
    await expect(rowA).toContainText('−1,000');
  });

  await test.step('The note was under the tray: counted again, it matches', async () => {
    await till.getByRole('button', { name: 'レジを数える' }).click();
    await form.getByText('合計だけ入れる', { exact: true }).click();
    await form.getByLabel('合計金額').fill('14,940');
    await form.getByRole('button', { name: '保存する' }).click();
    await expect(till.getByTestId('count-headline')).toHaveText(
      '✓ 合っています：数えた額 14,940円 ＝ あるはずの額 14,940円'
    );
    await page.reload();
    await expect(page.getByTestId('count-headline')).toHaveAttribute('data-state', 'matches');
    await page.goto(base + '/settle/');
    await expect(page.getByTestId('count-headline')).toHaveAttribute('data-state', 'matches');
  });
});

test('a self-pay typed in 全角 survives a closed tab; drill bills are marked; the screens pass axe', async ({
  context,
  server
}) => {
  const base = server.url;
  const page = await context.newPage();
  await openReady(page, base + '/');
  await setUpClinic(page, base, { label: 'B', staff: ['会計 一郎'] });
  await declareOutage(page, base, 'drill');
  await context.setOffline(true);
  await patientsAwaitingPayment(page, base, [
    { name: '鈴木 一郎', kana: 'スズキ イチロウ', birthDate: 'S50.1.2' }
  ]);
  await page.getByRole('link', { name: '会計', exact: true }).click();
  await page.getByRole('link', { name: '鈴木 一郎 さんの会計をする' }).click();
  await expect(page.getByRole('heading', { name: '訓練 鈴木 一郎 さんの会計' })).toBeVisible();
  const billUrl = page.url();
  await page.getByText('自費（全額）', { exact: true }).click();
  await page.getByLabel('金額（円）').fill('２，２００');
  await page.getByText('クレジットカード', { exact: true }).click();
  await test.step('Leaving the field shows the amount with thousands separators', async () => {
    await expect(page.getByLabel('金額（円）')).toHaveValue('2,200');
    await expect(page.getByText('＝ 2,200円')).toBeVisible();
    await expect(page.getByText('✓ 下書きを保存しました', { exact: false })).toBeVisible();
  });

  await test.step('自費 only because eligibility is unconfirmed: the cashier is told it is settled later (or can be a deposit)', async () => {
    await expect(page.getByTestId('self-pay-later')).toContainText('差額を後日お返しします');
    await expect(page.getByRole('button', { name: '預り金にする' })).toBeVisible();
    await page.close({ runBeforeUnload: true });

    const again = await context.newPage();
    await again.goto(billUrl);
    await expect(again.getByLabel('金額（円）')).toHaveValue('2,200');
    await expect(again.getByRole('radio', { name: '自費（全額）' })).toBeChecked();
    await expect(again.getByRole('radio', { name: 'クレジットカード' })).toBeChecked();
    await expectNoSeriousAxe(again, 'bill form');
    await again.getByRole('button', { name: '自費の支払いを記録する' }).click();
    await expect(
      again.getByText('自費 B-0001（2,200円）を記録しました。状態は「会計済」になりました。')
    ).toBeVisible();
    await expect(again.locator('tr[data-serial="B-0001"] .drill-mark')).toHaveText('訓練');

    // Every payment gets a slip: 自費 its お支払い控え
    await expect(again.getByRole('button', { name: 'お支払い控えを印刷（B-0001）' }).first()).toBeEnabled();

    await again.getByRole('link', { name: '会計一覧へ戻る' }).first().click();
    await expectDrawer(again, {
      cash: '0円',
      all: '2,200円',
      deposits: '0件 0円',
      payLater: '0人',
      voided: '0件 0円'
    });
    await expect(again.getByTestId('drawer-by-device').getByRole('row', { name: /^B / })).toContainText(
      '2,200円'
    );
    await expectNoSeriousAxe(again, 'billing overview');

    // 自費 taken while eligibility was unconfirmed waits in the settle list, and counts in the summary
    await again.goto(base + '/settle/');
    const waiting = again.getByTestId('settle-list').locator('tbody tr');
    await expect(waiting).toHaveCount(1);
    await expect(waiting).toContainText('自費');
    await expect(waiting).toContainText('2,200円');
    await expectSummary(again, { selfPayTaken: '2,200円', netCash: '2,200円' });

    // Paid by card: nothing entered the till, and nothing says it matches
    await expect(again.getByTestId('count-headline')).toHaveText(
      'まだ現金の出入りも釣銭準備金もありません。'
    );
    await expectNoSeriousAxe(again, 'settlement');
  });
});

test('on a 768px tablet: a voided deposit prints no slip, pay-later names its 担当, the lists read in full, a QR deposit is settled by QR', async ({
  page,
  context,
  server
}) => {
  const base = server.url;
  await page.setViewportSize({ width: 768, height: 1024 });
  await openReady(page, base + '/');
  await setUpClinic(page, base, { staff: ['受付 花子', '会計 一郎'] });
  await declareOutage(page, base);
  await context.setOffline(true);
  await patientsAwaitingPayment(page, base, [
    { name: '山田 太郎', kana: 'ヤマダ タロウ', birthDate: '1970-05-06' },
    { name: '佐藤 花子', kana: 'サトウ ハナコ', birthDate: '1985-11-22' }
  ]);

  const recorded = page.getByText('預り金 A-0001（5,000円）を記録しました。状態は「会計済」になりました。');
  await test.step('山田さん pays ¥5,000 by QR; the hint points up at the amount buttons, which sit above the field', async () => {
    await page.goto(base + '/billing/');
    await page.getByRole('link', { name: '山田 太郎 さんの会計をする' }).click();
    await expect(
      page.getByText('上の金額ボタンを押すか、数字を入力します（全角・カンマも可）。')
    ).toBeVisible();
    const presetsBox = await page.getByRole('group', { name: 'よく使う金額' }).boundingBox();
    const fieldBox = await page.getByLabel('金額（円）').boundingBox();
    expect(presetsBox!.y).toBeLessThan(fieldBox!.y);
    await page.getByRole('button', { name: '5,000円' }).click();
    await page.getByRole('radio', { name: 'QR決済' }).check();
    await page.getByRole('button', { name: '預り金を記録する' }).click();
    await expect(recorded).toBeVisible();
    await expect(page.getByRole('button', { name: '預り証を印刷（A-0001）' })).toHaveCount(2);
  });

  await test.step('It was a mistake: voided right here. The success banner and every way to print its slip go', async () => {
    await page.getByRole('button', { name: '取消（A-0001）' }).click();
    const voiding = page.getByRole('dialog', { name: /会計を取り消す/ });
    await voiding.getByLabel('取消の理由').fill('患者さんが別の方法で支払うため');
    await voiding.getByRole('button', { name: '取り消す' }).click();
    await expect(voiding).toBeHidden();
    await expect(recorded).toHaveCount(0);
    await expect(
      page.getByText('A-0001 預り金 5,000円 は取り消されました。状態は「会計待ち」です。', { exact: false })
    ).toBeVisible();
    await expect(page.getByText('いまの状態：会計待ち')).toBeVisible();
    await expect(page.getByRole('button', { name: /預り証を印刷/ })).toHaveCount(0);
    await expect(
      page.locator('tr[data-serial="A-0001"]').getByText('取り消した会計なので、預り証は印刷できません。', {
        exact: false
      })
    ).toBeVisible();
  });

  await test.step('The deposit again, properly: ¥3,000 by QR', async () => {
    await page.getByRole('button', { name: '3,000円' }).click();
    await page.getByRole('radio', { name: 'QR決済' }).check();
    await page.getByRole('button', { name: '預り金を記録する' }).click();
    await expect(page.getByText('預り金 A-0002（3,000円）を記録しました。')).toBeVisible();
    await expect(page.getByRole('button', { name: '預り証を印刷（A-0002）' }).first()).toBeEnabled();
  });

  await test.step('佐藤さん pays later: nothing is received, so the form asks who handled it', async () => {
    await page.goto(base + '/billing/');
    await page.getByRole('link', { name: '佐藤 花子 さんの会計をする' }).click();
    await page.getByRole('radio', { name: '後日精算', exact: true }).check();
    await expect(page.getByLabel('受け取った人')).toHaveCount(0);
    const handledBy = page.getByLabel('担当者（対応した人）');
    await expect(handledBy).toHaveValue('受付 花子');
    await handledBy.selectOption('');
    await page.getByRole('button', { name: '後日精算で記録する' }).click();
    await expect(page.getByText('担当者を選んでください').first()).toBeVisible();
    await handledBy.selectOption('会計 一郎');
    await page.getByRole('button', { name: '後日精算で記録する' }).click();
    await expect(page.getByText('後日精算を記録しました。')).toBeVisible();
  });

  await test.step('The list reads in full on the tablet: names, kinds and amounts each on one line, nothing cut off', async () => {
    await page.goto(base + '/billing/');
    const bills = page.getByTestId('bill-list');
    await expect(bills.locator('tbody tr')).toHaveCount(3);
    for (const serial of ['A-0001', 'A-0002']) {
      const row = bills.locator(`tr[data-serial="${serial}"]`);
      expect(await linesOf(row.locator('.billing-name')), `name in ${serial}`).toBe(1);
      expect(await linesOf(row.getByRole('cell', { name: /預り金/ })), `kind in ${serial}`).toBe(1);
      expect(await linesOf(row.getByRole('cell', { name: /円$/ })), `amount in ${serial}`).toBe(1);
    }
    const voidedRow = bills.locator('tr[data-serial="A-0001"]');
    await expect(voidedRow).toHaveClass(/voided/);
    expect(await linesOf(voidedRow.getByText(/理由：患者さんが別の方法で支払うため/))).toBeLessThanOrEqual(2);
    expect(await fitsWidth(page.locator('.billing-scroll').first())).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
  });

  await test.step('Every tab of the main menu is on screen, none hidden past the right edge', async () => {
    for (const link of await page.getByRole('navigation', { name: '手控え' }).getByRole('link').all()) {
      const box = await link.boundingBox();
      expect(box!.x + box!.width, await link.innerText()).toBeLessThanOrEqual(768);
    }
    await expectNoSeriousAxe(page, 'billing overview at 768px');
  });

  // After recovery, 山田さん's QR deposit is refunded by QR unless the cashier says otherwise.
  const settle = page.getByTestId('settle-list');
  await test.step('The EHR is back', async () => {
    await recordRecovery(page, base);
    await page.goto(base + '/settle/');
  });

  await test.step("One row per visit: the voided A-0001 sits struck through in 山田さん's row beside A-0002", async () => {
    await expect(settle.locator('tbody tr')).toHaveCount(2);
    for (const row of await settle.locator('tbody tr').all())
      expect(await linesOf(row.locator('.billing-name'))).toBe(1);
    expect(await fitsWidth(page.locator('.billing-scroll').first())).toBe(true);
    await page.getByRole('link', { name: '山田 太郎 さんを精算する' }).click();
    await page.getByLabel('一部負担金（円）').fill('2000');
    await expect(page.getByTestId('settle-figures')).toContainText('返金 1,000円');
    await expect(page.getByRole('radio', { name: 'QR決済' })).toBeChecked();
    await page.getByLabel('レセコンの領収証番号').fill('R-0101');
    await page.getByRole('button', { name: '精算を保存する' }).click();
    await expect(page.getByText('山田 太郎 さんの精算を保存しました（精算済）。')).toBeVisible();
  });

  await test.step('A pay-later is collected in cash by default: nothing came in another way', async () => {
    await page.getByRole('link', { name: '精算の一覧へ戻る' }).first().click();
    await page.getByRole('link', { name: '佐藤 花子 さんを精算する' }).click();
    await page.getByLabel('一部負担金（円）').fill('1,200');
    await expect(page.getByRole('radio', { name: '現金' })).toBeChecked();
  });
});

async function expectNoSeriousAxe(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${where}: ${v.id} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe on ${where}`
  ).toEqual([]);
}

test('one visit, two deposits: the レセコン charge is entered once and gives one refund', async ({
  page,
  context,
  server
}) => {
  const base = server.url;
  await openReady(page, base + '/');
  await setUpClinic(page, base, { staff: ['受付 花子', '会計 一郎'] });
  await declareOutage(page, base);
  await context.setOffline(true);
  await patientsAwaitingPayment(page, base, [
    { name: '山本 一郎', kana: 'ヤマモト イチロウ', birthDate: '1960-02-03' }
  ]);
  await page.goto(base + '/billing/');
  await page.getByRole('link', { name: '山本 一郎 さんの会計をする' }).click();
  await test.step('¥3,000 at the desk before the consultation, ¥2,000 more after it', async () => {
    for (const [amount, serial] of [
      ['3000', 'A-0001'],
      ['2000', 'A-0002']
    ] as const) {
      if (serial === 'A-0002') await page.getByRole('button', { name: '追加で会計を登録する' }).click();
      await page.getByLabel('金額（円）').fill(amount);
      await page.getByRole('button', { name: '預り金を記録する' }).click();
      if (serial === 'A-0002')
        await page
          .getByRole('dialog', { name: 'この患者にはすでに会計があります' })
          .getByRole('button', { name: 'もう一件登録する' })
          .click();
      await expect(page.getByText(new RegExp(`預り金 ${serial}（`))).toBeVisible();
    }
  });

  await test.step('The EHR is back', async () => {
    await recordRecovery(page, base);

    await page.goto(base + '/settle/');
    const list = page.getByTestId('settle-list');
    await expect(list.locator('tbody tr')).toHaveCount(1);
    await expect(list.locator('tbody tr')).toContainText('A-0001・A-0002');
    await expect(list.locator('tbody tr')).toContainText('5,000円');
    await page.getByRole('link', { name: '山本 一郎 さんを精算する' }).click();
    await expect(page.getByTestId('settle-bills').locator('li')).toHaveCount(2);
    await expect(page.getByText('この受診の会計 2件をまとめて精算します。', { exact: false })).toBeVisible();
    await expect(page.getByText('お預かりした額：5,000円')).toBeVisible();
    await page.getByLabel('一部負担金（円）').fill('3740');
    await expect(page.getByTestId('settle-figures')).toContainText('返金 1,260円');
    await page.getByLabel('レセコンの領収証番号').fill('R-0301');
    await page.getByRole('button', { name: '精算を保存する' }).click();
    await expect(page.getByText('山本 一郎 さんの精算を保存しました（精算済）。')).toBeVisible();
    await page.getByRole('link', { name: '精算の一覧へ戻る' }).first().click();
    await expect(list.locator('tr[data-status="settled"]')).toHaveCount(1);
    await expect(list.locator('tbody tr')).toContainText('返金 1,260円');
    await expectSummary(page, { depositsTaken: '5,000円', refunded: '1,260円', settledCharges: '3,740円' });
  });
});

test('a waiting patient whose 資格 is unconfirmed is listed at the cashier for a deposit, not folded away', async ({
  page,
  server
}) => {
  await openReady(page, server.url + '/');
  await setUpClinic(page, server.url);
  await declareOutage(page, server.url);
  await registerAtDesk(page, server.url, {
    name: '山田 花子',
    kana: 'ヤマダ ハナコ',
    birthDate: '1980-05-17',
    sex: '女',
    complaint: '頭痛'
  });
  await page.goto(server.url + '/billing/');
  const deposit = page.getByTestId('deposit-arrivals');
  await expect(page.getByRole('heading', { name: /預り金を受け取る患者（資格未確認）/ })).toBeVisible();
  await expect(deposit.getByRole('link', { name: '山田 花子 さんの会計をする' })).toBeVisible();
  await expect(page.getByTestId('other-arrivals')).toHaveCount(0);
});
