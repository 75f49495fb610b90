// A 再診 patient during an outage: the clinic's pre-outage summary imported (CP932 CSV), seen on the memo, renewed with one Do, warned on a matching allergy.
import AxeBuilder from '@axe-core/playwright';
import Encoding from 'encoding-japanese';
import type { Page } from '@playwright/test';
import { test, expect, openReady, setUpClinic, declareOutage } from './support/fixtures';
import {
  addDoctorsAndDepartments,
  choose,
  makeRoster,
  openQueueCard,
  queueRow,
  registerRosterPatient,
  seedRoster,
  submitArrival
} from './support/reception';
import { openMemo } from './support/visits';

/** Serious and critical axe (WCAG 2 A/AA) violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The EHR's export as a Shift_JIS (CP932) CSV, with ①, ㎎ and 髙 and one row the import must leave out. */
function summaryCsv(patientNo: string): Buffer {
  const text = [
    '患者番号,種別,名称,規格,用量,用法,日数,日付,備考',
    `${patientNo},アレルギー,造影剤,,,,,2021-02-03,嘔気①`,
    `${patientNo},病名,髙血圧症,,,,,2018-04-01,`,
    `${patientNo},処方,アムロジピン錠,5㎎,1錠,1日1回朝食後,28,2025-10-20,`,
    `${patientNo},処方,メトホルミン塩酸塩錠,250㎎,2錠,1日2回朝夕食後,28,2025-10-20,`,
    `${patientNo},処方,昔の薬,,,,7,2024-01-01,`,
    `${patientNo},検査,HbA1c,,,,,2025-10-20,`
  ].join('\r\n');
  return Buffer.from(Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE' }));
}

test('a pre-outage summary imported offline shows on the memo; Do copies the last prescription; a matching allergy is warned; a reload keeps it', async ({
  page,
  context,
  server
}) => {
  const base = server.url;
  const roster = makeRoster();
  const patient = { ...roster[0]!, allergies: 'ペニシリン' };
  roster[0] = patient;

  await test.step('the clinic is set up with its roster, then the network goes', async () => {
    await openReady(page, base + '/');
    await setUpClinic(page, base, { staff: ['受付 花子'] });
    await addDoctorsAndDepartments(page, base, { departments: ['内科'], doctors: ['山田 太郎'] });
    await seedRoster(page, roster);
    await page.reload();
    await declareOutage(page, base);
    await context.setOffline(true);
  });

  await test.step('the summary CSV is imported beside the roster, after a preview naming the row left out', async () => {
    await page.goto(base + '/patients/');
    await expect(page.getByTestId('snapshot-status')).toContainText('この端末に診療サマリーはありません');
    await page.getByLabel('診療サマリーのファイル（CSV または FHIR の JSON）').setInputFiles({
      name: 'summary.csv',
      mimeType: 'text/csv',
      buffer: summaryCsv(patient.patientNo)
    });
    await expect(page.getByTestId('snapshot-summary')).toContainText(
      '1人・5件（アレルギー 1件・病名 1件・処方 3件）、CSV、SJIS'
    );
    await expect(page.getByTestId('snapshot-rejected')).toContainText(
      '7行目：種別「検査」はアレルギー・病名・処方のどれでもありません'
    );
    await expect(page.getByRole('cell', { name: '嘔気①' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('書き出した日時（この日時の時点の情報として表示します）').fill('2025-11-14T18:00');
    await page.getByRole('button', { name: 'この内容で取り込む' }).click();
    await expect(page.getByText('診療サマリーを取り込みました：1人・5件。')).toBeVisible();
    await expect(page.getByTestId('snapshot-status')).toContainText('2025年11月14日');
  });

  await test.step('a patient found by search shows their summary beside the roster details', async () => {
    await page.getByLabel('患者検索').fill(patient.patientNo);
    await page.getByTestId('patient-hit').first().click();
    const summary = page.getByTestId('snapshot-summary-of-patient');
    await expect(summary).toContainText('診療サマリー（2025年11月14日');
    await expect(summary).toContainText('造影剤 嘔気①（2021-02-03）');
    await expect(summary).toContainText('髙血圧症');
    await expect(summary).toContainText('アムロジピン錠 5㎎ 1錠 1日1回朝食後 28日分');
  });

  await test.step('the desk registers the patient and the doctor opens the memo', async () => {
    const queueNo = await registerRosterPatient(page, base, patient.patientNo, 'いつもの薬');
    await openMemo(page, base, queueNo);
    await page.getByRole('combobox', { name: '担当', exact: true }).selectOption({ label: '山田 太郎' });
  });

  const panel = page.getByTestId('clinical-panel');
  await test.step('allergies, problems and the last prescription are there, each with its source and date', async () => {
    await expect(panel.getByRole('complementary', { name: '名簿のアレルギー' })).toContainText('ペニシリン');
    const allergies = panel.getByTestId('clinical-allergies');
    await expect(allergies).toContainText('造影剤');
    await expect(allergies).toContainText('嘔気①');
    await expect(allergies).toContainText('診療サマリー（2025年11月14日');
    await expect(allergies).toContainText('2021-02-03');
    await expect(panel.getByTestId('clinical-problems')).toContainText('髙血圧症');
    const last = panel.getByRole('article', { name: /診療サマリー/ });
    await expect(last).toContainText('アムロジピン錠');
    await expect(last).toContainText('メトホルミン塩酸塩錠');
    await expect(last).not.toContainText('昔の薬');
  });

  await test.step('one tap on Do copies it into this visit’s prescription, which stays editable', async () => {
    await panel.getByRole('button', { name: /Do（処方に写す）|処方 2件を、この診療の処方に写す/ }).click();
    await expect(panel.getByRole('status')).toContainText('2件を処方に写しました');
    const first = page.getByRole('group', { name: '処方 1', exact: true });
    await expect(first.getByLabel('薬剤名')).toHaveValue('アムロジピン錠');
    await expect(first.getByLabel('規格')).toHaveValue('5㎎');
    await expect(first.getByLabel('用法')).toHaveValue('1日1回朝食後');
    await expect(first.getByLabel('日数')).toHaveValue('28');
    await first.getByLabel('日数').fill('56');
    await expect(page.getByRole('group', { name: '処方 2', exact: true }).getByLabel('薬剤名')).toHaveValue(
      'メトホルミン塩酸塩錠'
    );
    expect(await seriousViolations(page)).toEqual([]);
  });

  await test.step('a drug matching the summary’s allergy is warned about, as a name match', async () => {
    await page.getByRole('button', { name: '＋ 処方を追加' }).click();
    const third = page.getByRole('group', { name: '処方 3', exact: true });
    await third.getByLabel('薬剤名').fill('イオパミドール（造影剤）');
    await expect(third.getByRole('alert')).toContainText('「造影剤」（診療サマリー）');
    await expect(third.getByRole('alert')).toContainText(
      '名前の一致を見ただけで、相互作用の確認ではありません'
    );
    await page.getByRole('button', { name: '診療メモを保存' }).click();
    await expect(page.getByText('診療メモを保存し、会計待ちにしました。')).toBeVisible();
  });

  await test.step('after a reload (still offline) the panel, the copied rows and the warning are all there', async () => {
    await page.reload();
    await expect(panel.getByTestId('clinical-allergies')).toContainText('造影剤');
    await expect(page.getByRole('group', { name: '処方 1', exact: true }).getByLabel('日数')).toHaveValue(
      '56'
    );
    await expect(page.getByRole('group', { name: '処方 3', exact: true }).getByRole('alert')).toContainText(
      '「造影剤」（診療サマリー）'
    );
  });

  await test.step('paid and gone, the patient comes back later: the desk registers a new visit of the same person', async () => {
    await page.goto(base + '/queue/');
    await openQueueCard(page, 'A-001');
    await page.getByRole('button', { name: 'A-001 を「会計済」にする' }).click();
    // Stored before leaving the page (a navigation started at once would end the write).
    await expect(queueRow(page, 'A-001')).toHaveAttribute('data-status', 'paid');
    await page.goto(base + '/reception/');
    await page.getByLabel('患者検索').fill(patient.patientNo);
    await page.getByTestId('patient-hit').first().click();
    await page.getByLabel('主訴（受付で聞いた内容）').fill('薬の続き');
    await choose(page, '資格の確認方法', 'マイナ保険証＋資格情報のお知らせ');
    const warning = page.getByTestId('duplicate-warning');
    await expect(warning).toContainText('同じ人の受診がすでに終わっています');
    await warning.getByRole('button', { name: '同じ人の新しい受診として受付する' }).click();
    expect(await submitArrival(page)).toBe('A-002');
  });

  await test.step('that memo’s prescription is offered beside the summary’s, and one Do renews it', async () => {
    await openMemo(page, base, 'A-002');
    const lastMemo = panel.getByRole('article', { name: /の診療メモ/ });
    await expect(lastMemo).toContainText('アムロジピン錠');
    await expect(lastMemo).toContainText('イオパミドール（造影剤）');
    await lastMemo.getByRole('button', { name: /の診療メモ の処方 3件を、この診療の処方に写す/ }).click();
    await expect(panel.getByRole('status')).toContainText('3件を処方に写しました');
    // The days changed on the last visit are what is renewed, not the summary's.
    await expect(page.getByRole('group', { name: '処方 1', exact: true }).getByLabel('日数')).toHaveValue(
      '56'
    );
    await expect(page.getByRole('group', { name: '処方 3', exact: true }).getByRole('alert')).toContainText(
      '「造影剤」（診療サマリー）'
    );
  });
});

test('a FHIR (JP Core) Bundle imported, replaced by a CSV on re-import, and deleted with its own button', async ({
  page,
  context,
  server
}) => {
  const base = server.url;
  await test.step('a clinic with a roster, offline', async () => {
    await openReady(page, base + '/');
    await setUpClinic(page, base, { staff: ['受付 花子'] });
    await seedRoster(page, makeRoster());
    await page.reload();
    await context.setOffline(true);
    await page.goto(base + '/patients/');
  });
  const file = page.getByLabel('診療サマリーのファイル（CSV または FHIR の JSON）');
  const status = page.getByTestId('snapshot-status');

  await test.step('the FHIR Bundle: previewed with its own "as of", patients not in the roster named, imported', async () => {
    await file.setInputFiles('docs/snapshot-sample.fhir.json');
    await expect(page.getByTestId('snapshot-summary')).toContainText(
      '1人・3件（アレルギー 1件・病名 1件・処方 1件）、FHIR R4 Bundle'
    );
    await expect(page.getByText('名簿にない患者番号が 1人分あります')).toBeVisible();
    await expect(page.getByRole('cell', { name: 'ムコダイン錠２５０ｍｇ' })).toBeVisible();
    await expect(page.getByLabel('書き出した日時（この日時の時点の情報として表示します）')).not.toHaveValue(
      ''
    );
    await page.getByRole('button', { name: 'この内容で取り込む' }).click();
    await expect(status).toContainText('1人・3件');
    await expect(status).toContainText('snapshot-sample.fhir.json');
  });

  await test.step('a CSV imported next replaces it whole', async () => {
    await file.setInputFiles('docs/snapshot-sample.csv');
    await expect(page.getByTestId('snapshot-summary')).toContainText('2人・9件');
    await page.getByRole('button', { name: 'この内容で置き換える' }).click();
    await expect(status).toContainText('2人・9件');
    await expect(status).toContainText('snapshot-sample.csv');
    await page.reload();
    await expect(status).toContainText('2人・9件');
  });

  await test.step('its own delete button removes it from the device', async () => {
    await page.getByRole('button', { name: '診療サマリーを消す' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '消す', exact: true }).click();
    await expect(page.getByText('診療サマリーを消しました。')).toBeVisible();
    await expect(status).toContainText('この端末に診療サマリーはありません');
    await page.reload();
    await expect(status).toContainText('この端末に診療サマリーはありません');
  });
});
