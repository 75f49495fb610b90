// The doctor sees what the patient takes: an お薬手帳 pasted onto the memo, the roster's allergies beside SOAP, a warning on a matching drug.
import AxeBuilder from '@axe-core/playwright';
import Encoding from 'encoding-japanese';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, openReady, setUpClinic, declareOutage } from './support/fixtures';
import { tabletWithCamera } from './support/camera';
import { addDoctorsAndDepartments, makeRoster, registerRosterPatient, seedRoster } from './support/reception';
import { openMemo } from './support/visits';

/** An お薬手帳 as a pharmacy's QR carries it (JAHIS Ver.2.6, JAHISTC08), for a patient's name and birth date. */
function notebookText(name: string, birthDate: string): string {
  return [
    'JAHISTC08,1',
    `1,${name},1,${birthDate.replaceAll('-', '')},,,,,,,`,
    '5,R070401,1',
    '11,工業会薬局 駅前店,13,4,1234567,,,,1',
    '51,医療法人 工業会病院,13,1,7654321,1',
    '55,工業会 次郎,内科,1',
    '201,1,アムロジピン錠５㎎,1,錠,2,620008284,1',
    '281,1,①朝食後 髙血圧の薬,1',
    '301,1,【分１ 朝食後服用】,28,日分,1,1,,1',
    '999,将来の拡張レコード,X'
  ].join('\r\n');
}

/** A clinic day offline with a roster patient (allergies on file) registered at the desk, their memo open with the doctor. */
async function rosterPatientAtMemo(page: Page, context: BrowserContext, base: string) {
  const roster = makeRoster();
  const patient = { ...roster[0]!, allergies: 'ペニシリン、造影剤' };
  roster[0] = patient;
  await openReady(page, base + '/');
  await setUpClinic(page, base, { staff: ['受付 花子'] });
  await addDoctorsAndDepartments(page, base, { departments: ['内科'], doctors: ['山田 太郎'] });
  await seedRoster(page, roster);
  await page.reload();
  await declareOutage(page, base);
  await context.setOffline(true);

  // The desk registers the roster patient.
  const queueNo = await registerRosterPatient(page, base, patient.patientNo, '高血圧の薬をもらいに');

  await openMemo(page, base, queueNo);
  await page.getByRole('combobox', { name: '担当', exact: true }).selectOption({ label: '山田 太郎' });
  return patient;
}

test('an お薬手帳 pasted onto the memo, the roster’s allergies beside SOAP, a warning on a matching drug, all there after a reload', async ({
  page,
  context,
  server
}) => {
  const base = server.url;
  const patient = await rosterPatientAtMemo(page, context, base);
  const allergies = page.getByRole('complementary', { name: '名簿のアレルギー' });
  await expect(allergies).toContainText('ペニシリン、造影剤');

  await test.step("Someone else's notebook is flagged and cannot be attached before the staff confirm", async () => {
    await page.getByRole('button', { name: 'テキストを貼り付ける' }).click();
    await page.getByLabel('お薬手帳のテキスト（JAHISTC で始まるもの）').fill('これは手帳ではない');
    await page.getByRole('button', { name: '読み込む' }).click();
    await expect(page.getByText('1行目が「JAHISTC」で始まっていません')).toBeVisible();
    await page
      .getByLabel('お薬手帳のテキスト（JAHISTC で始まるもの）')
      .fill(notebookText('別人 一郎', '1999-01-01'));
    await page.getByRole('button', { name: '読み込む' }).click();
    await expect(
      page.getByText('この手帳は別の人のものかもしれません：氏名・生年月日が受付の内容と違います。')
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'この内容を診療メモに添付する' })).toBeDisabled();
    await page.getByRole('button', { name: 'やめる' }).click();
  });

  await test.step("The patient's own notebook: read, shown, attached", async () => {
    await page.getByRole('button', { name: 'テキストを貼り付ける' }).click();
    await page
      .getByLabel('お薬手帳のテキスト（JAHISTC で始まるもの）')
      .fill(notebookText(patient.name, patient.birthDate));
    await page.getByRole('button', { name: '読み込む' }).click();
    await expect(page.getByText('この手帳は別の人のものかもしれません')).toHaveCount(0);
    await page.getByRole('button', { name: 'この内容を診療メモに添付する' }).click();
    const attached = page.getByRole('article', { name: 'お薬手帳（QR）' });
    const row = attached.getByRole('row').filter({ hasText: 'アムロジピン錠５㎎' });
    await expect(row).toContainText('1錠');
    await expect(row).toContainText('【分１ 朝食後服用】');
    await expect(row).toContainText('28日分');
    await expect(row).toContainText('2025-04-01');
    await expect(row).toContainText('工業会薬局 駅前店');
    await expect(row).toContainText('医療法人 工業会病院 工業会 次郎');
    await expect(attached).toContainText('貼り付け');
    await expect(attached).toContainText('999,将来の拡張レコード,X');
  });

  await test.step('A prescribed drug whose name holds a roster allergy word is warned about, as a name match', async () => {
    await page.getByRole('button', { name: '＋ 処方を追加' }).click();
    const rx = page.getByRole('group', { name: '処方 1', exact: true });
    await rx.getByLabel('薬剤名').fill('サワシリン（ペニシリン系）カプセル');
    await expect(rx.getByRole('alert')).toContainText('「ペニシリン」（名簿）');
    await expect(rx.getByRole('alert')).toContainText('名前の一致を見ただけで、相互作用の確認ではありません');
  });

  await test.step("The panel, the allergies and the warning pass axe's serious and critical checks", async () => {
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.getByRole('button', { name: '診療メモを保存' }).click();
    await expect(page.getByText('診療メモを保存し、会計待ちにしました。')).toBeVisible();
  });

  await test.step('Nothing is lost on a reload', async () => {
    await page.reload();
    await expect(
      page
        .getByRole('article', { name: 'お薬手帳（QR）' })
        .getByRole('row')
        .filter({ hasText: 'アムロジピン錠５㎎' })
    ).toContainText('工業会薬局 駅前店');
    await expect(page.getByRole('complementary', { name: '名簿のアレルギー' })).toContainText(
      'ペニシリン、造影剤'
    );
    await expect(page.getByRole('group', { name: '処方 1', exact: true }).getByRole('alert')).toContainText(
      '「ペニシリン」（名簿）'
    );
  });
});

test('an お薬手帳 QR code in Shift_JIS read by the tablet camera', async ({ playwright, server }) => {
  const roster = makeRoster();
  const text = notebookText(roster[0]!.name, roster[0]!.birthDate);
  const bytes = Uint8Array.from(
    Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE' })
  );
  const { browser, context } = await tabletWithCamera(playwright.chromium, bytes);
  try {
    const page = await context.newPage();
    await rosterPatientAtMemo(page, context, server.url);
    await page.getByRole('button', { name: 'カメラで読み取る' }).click();
    const preview = page.getByRole('article', { name: '読み取った内容（まだ添付していません）' });
    await expect(preview.getByRole('row').filter({ hasText: 'アムロジピン錠５㎎' })).toContainText('28日分');
    await expect(preview).toContainText('①朝食後 髙血圧の薬');
    await page.getByRole('button', { name: 'この内容を診療メモに添付する' }).click();
    await expect(page.getByRole('article', { name: 'お薬手帳（QR）' })).toContainText('カメラで読み取り');
  } finally {
    await browser.close();
  }
});
