// Helpers for the visit-memo journeys: patients registered at the reception desk (and their 問診) the way staff do it.
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { choose, openQueueCard, submitArrival } from './reception';

export interface DeskPatient {
  name: string;
  kana: string;
  /** As typed at the desk: 'S55.4.1' or '1980-04-01'. */
  birthDate: string;
  sex: '男' | '女';
  complaint: string;
  /** 問診 taken at the desk, when the patient filled one in. */
  intake?: { allergies: string; medications: string };
}

/**
 * Register a new patient at /reception/ (in an open outage session) and, if given, their 問診 from
 * the queue; returns the queue number (A-001 …) the desk gave.
 */
export async function registerAtDesk(page: Page, base: string, patient: DeskPatient): Promise<string> {
  await page.goto(base + '/reception/');
  await page.getByRole('textbox', { name: '氏名', exact: true }).fill(patient.name);
  await page.getByLabel('フリガナ').fill(patient.kana);
  await page.getByLabel('生年月日').fill(patient.birthDate);
  await choose(page, '性別', patient.sex);
  await choose(page, '初診・再診', '初診');
  await page.getByLabel('主訴（受付で聞いた内容）').fill(patient.complaint);
  await choose(page, '資格の確認方法', '未確認');
  const queueNo = await submitArrival(page);
  if (patient.intake) {
    await page.goto(base + '/queue/');
    await openQueueCard(page, queueNo);
    await page.getByRole('link', { name: `${queueNo} の問診` }).click();
    await page.getByLabel('どうされましたか（症状）').fill(patient.complaint);
    await page.getByLabel('アレルギー（薬・食べ物など）').fill(patient.intake.allergies);
    await page.getByLabel('飲んでいる薬（お薬手帳）').fill(patient.intake.medications);
    await choose(page, '妊娠・授乳', 'いいえ');
    await page.getByRole('button', { name: '問診を保存' }).click();
    await expect(page.getByText('問診を保存しました')).toBeVisible();
  }
  return queueNo;
}

/** Open a patient's memo from the visit-memo list, as the doctor does. */
export async function openMemo(page: Page, base: string, queueNo: string): Promise<void> {
  await page.goto(base + '/visits/');
  await page.getByRole('link', { name: new RegExp(`^${queueNo} メモを(書く|開く)$`) }).click();
  await expect(page.getByText(`受付番号 ${queueNo}`)).toBeVisible();
}
