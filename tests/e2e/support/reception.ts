// Reception journey helpers: clinic with doctors and departments, a roster snapshot on the device, filling the arrival form by label.
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';
import type { Patient } from '../../../src/lib/patients/model';
import { makeCheckDigit } from '../../../src/lib/patients/insurer-number';
import { putSealed, vaultDataKey } from './vault';

/** Departments and doctors, on top of setUpClinic: the desk then asks which department and doctor. */
export async function addDoctorsAndDepartments(
  page: Page,
  base: string,
  opts: { departments: string[]; doctors: string[] }
): Promise<void> {
  await page.goto(`${base}/settings/`);
  await page.getByLabel(/^診療科/).fill(opts.departments.join('、'));
  for (const name of opts.doctors) {
    await page.getByLabel('氏名', { exact: true }).fill(name);
    await page.getByLabel('役割').selectOption({ label: '医師' });
    await page.getByRole('button', { name: '職員を追加' }).click();
  }
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('設定を保存しました')).toBeVisible();
}

/**
 * Put a roster snapshot on the device as the roster import leaves it (patients sealed in blocks of
 * 1,000 in rosterBlocks, the snapshot row in settings). The import screen belongs to the patients
 * domain; reception only reads the roster. Reload afterwards so the app reads it.
 */
export async function seedRoster(page: Page, patients: Patient[]): Promise<void> {
  const at = new Date().toISOString();
  const blocks = [];
  for (let i = 0; i < patients.length; i += 1000)
    blocks.push({ id: blocks.length, patients: patients.slice(i, i + 1000) });
  await putSealed(
    page,
    {
      rosterBlocks: blocks,
      settings: [
        {
          key: 'roster',
          value: {
            takenAt: at,
            importedAt: at,
            sourceFileName: 'roster.csv',
            count: patients.length,
            encoding: 'UTF-8'
          }
        }
      ]
    },
    await vaultDataKey(page)
  );
}

/** Check one option of a fieldset (radio or checkbox group) found by its legend. */
export async function choose(page: Page, legend: string, option: string): Promise<void> {
  await page.getByRole('group', { name: legend, exact: true }).getByLabel(option, { exact: true }).check();
}

/** Register and return the queue number shown big on the confirmation. */
export async function submitArrival(page: Page): Promise<string> {
  await page.getByRole('button', { name: '受付する', exact: true }).click();
  const number = page.getByTestId('queue-number');
  await expect(number).toBeVisible();
  return (await number.textContent())?.trim() ?? '';
}

/** The queue row of a queue number. */
export const queueRow = (page: Page, queueNo: string) =>
  page.locator(`[data-testid="queue-row"][data-queue-no="${queueNo}"]`);

/** Open a queue row's full card (links, eligibility, kana): the one-line view shows number, name, status and marks. */
export async function openQueueCard(page: Page, queueNo: string): Promise<void> {
  const more = queueRow(page, queueNo).getByRole('button', { name: new RegExp(`^${queueNo} の詳しい情報`) });
  // A web-first wait first: after a page load it lets the vault's lock screen be answered.
  await expect(more).toBeVisible();
  if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
}

/** The count shown on a status filter button (すべて, 待合, 診察中 …). */
export async function statusCount(page: Page, status: string): Promise<number> {
  // A web-first wait first: after a reload it lets the vault's lock screen be answered.
  await expect(page.getByTestId('status-counts')).toBeVisible();
  const text = await page.getByTestId('status-counts').locator(`[data-status="${status}"] .n`).textContent();
  return Number(text);
}

const FAMILIES = [
  ['佐藤', 'サトウ'],
  ['鈴木', 'スズキ'],
  ['高橋', 'タカハシ'],
  ['田中', 'タナカ'],
  ['伊藤', 'イトウ'],
  ['渡辺', 'ワタナベ']
] as const;
const GIVEN = [
  ['太郎', 'タロウ', 'M'],
  ['花子', 'ハナコ', 'F'],
  ['一郎', 'イチロウ', 'M'],
  ['恵子', 'ケイコ', 'F'],
  ['誠', 'マコト', 'M']
] as const;

/**
 * A small roster made by rule (every family name with every given name), the same on every run;
 * birth dates, 患者番号 and valid 保険者番号 (check digit computed) follow from the position.
 */
export function makeRoster(): Patient[] {
  const out: Patient[] = [];
  for (const [fi, [family, familyKana]] of FAMILIES.entries()) {
    for (const [gi, [given, givenKana, sex]] of GIVEN.entries()) {
      const i = fi * GIVEN.length + gi;
      const patientNo = String(1001 + i * 3);
      const year = 1940 + ((i * 7) % 70);
      const payload = `0113${String(100 + i).padStart(3, '0')}`;
      out.push({
        id: `p:${patientNo}`,
        patientNo,
        name: `${family}\u3000${given}`,
        kana: `${familyKana}\u3000${givenKana}`,
        birthDate: `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
        sex,
        insurerNo: `${payload}${makeCheckDigit(payload)}`,
        cardSymbol: String(10 + i),
        cardNumber: String(5000 + i),
        branch: '00',
        copayRate: year < 1951 ? 1 : 3,
        address: '東京都千代田区',
        phone: `03-0000-${String(1000 + i)}`,
        allergies: ''
      });
    }
  }
  return out;
}

/** Press and hold a staff-only button (patient mode, the waiting-room board) long enough to act. */
export async function pressAndHold(page: Page, name: string, ms = 2300): Promise<void> {
  await page.getByRole('button', { name }).hover();
  await page.mouse.down();
  await page.waitForTimeout(ms);
  await page.mouse.up();
}

/** The rendered height of an element, to check touch targets (at least 48px). */
export async function heightOf(locator: Locator): Promise<number> {
  return (await locator.boundingBox())?.height ?? 0;
}

/** The desk finds a roster patient by 患者番号 and registers them (資格: マイナ保険証); their queue number. */
export async function registerRosterPatient(
  page: Page,
  base: string,
  patientNo: string,
  complaint: string
): Promise<string> {
  await page.goto(base + '/reception/');
  await page.getByLabel('患者検索').fill(patientNo);
  await page.getByTestId('patient-hit').first().click();
  await page.getByLabel('主訴（受付で聞いた内容）').fill(complaint);
  await choose(page, '資格の確認方法', 'マイナ保険証＋資格情報のお知らせ');
  return submitArrival(page);
}
