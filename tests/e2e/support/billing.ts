// Helpers for the billing journeys: patients who have seen the doctor and wait at the cashier, and reading the figures.
import { expect, type Locator, type Page } from '@playwright/test';
import { choose, submitArrival } from './reception';

/**
 * Register new patients at the reception desk (/reception/), then move each to 会計待ち on the queue
 * (/queue/), as the desk does after the consultation. Returns their queue numbers.
 */
export async function patientsAwaitingPayment(
  page: Page,
  base: string,
  patients: { name: string; kana: string; birthDate: string }[]
): Promise<string[]> {
  const numbers: string[] = [];
  for (const p of patients) {
    await page.goto(`${base}/reception/`);
    await page.getByRole('textbox', { name: '氏名', exact: true }).fill(p.name);
    await page.getByRole('textbox', { name: 'フリガナ', exact: true }).fill(p.kana);
    await page.getByRole('textbox', { name: '生年月日', exact: true }).fill(p.birthDate);
    await choose(page, '初診・再診', '初診');
    await choose(page, '資格の確認方法', '未確認');
    numbers.push(await submitArrival(page));
  }
  await page.goto(`${base}/queue/`);
  for (const queueNo of numbers) {
    const button = page.getByRole('button', { name: `${queueNo} を「会計待ち」にする` });
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
  }
  return numbers;
}

/** The figure shown in one box of the cash drawer (e.g. 'drawer-expected-cash'). */
export function drawerFigure(page: Page, testId: string) {
  return page.getByTestId('cash-drawer').getByTestId(testId).locator('dd');
}

/** The cash drawer shows these figures (each a box's text). */
export async function expectDrawer(
  page: Page,
  figures: { cash: string; all: string; deposits: string; payLater: string; voided: string }
): Promise<void> {
  await expect(drawerFigure(page, 'drawer-expected-cash')).toHaveText(figures.cash);
  await expect(drawerFigure(page, 'drawer-expected-all')).toHaveText(figures.all);
  await expect(drawerFigure(page, 'drawer-deposits')).toHaveText(figures.deposits);
  await expect(drawerFigure(page, 'drawer-pay-later')).toHaveText(figures.payLater);
  await expect(drawerFigure(page, 'drawer-voided')).toHaveText(figures.voided);
}

/** A row of the cash summary (e.g. 'summary-netCash') ends with this amount. */
export async function expectSummary(page: Page, rows: Record<string, string>): Promise<void> {
  const summary = page.getByTestId('cash-summary');
  for (const [key, text] of Object.entries(rows))
    await expect(summary.getByTestId(`summary-${key}`).locator('td').last()).toHaveText(text);
}

/** How many lines an element's own text takes on screen (a name broken a character per line takes many). */
export async function linesOf(locator: Locator): Promise<number> {
  return locator.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const tops = new Set(
      [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))
    );
    return tops.size;
  });
}

/** Whether a box shows all of its content without scrolling sideways. */
export async function fitsWidth(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element.scrollWidth <= element.clientWidth + 1);
}

/** The EHR is back: record the recovery from home (two taps, the second after the list of what is open). */
export async function recordRecovery(page: Page, base: string): Promise<void> {
  await page.goto(base + '/');
  await page.getByRole('button', { name: '復旧を記録する' }).click();
  await expect(page.getByTestId('recovery-precheck')).toBeVisible();
  await page.getByRole('button', { name: 'この内容で復旧を記録する' }).click();
  // Saved before leaving the page: a navigation started at once would end the write.
  await expect(page.getByRole('link', { name: '復旧後の処理へ' })).toBeVisible();
}
