// Test fixtures: a fresh static server per test, the app opened and controlled by its service worker, helpers for setup.
import { test as base, expect, type Page, type BrowserContext } from '@playwright/test';
import { startStaticServer, type StaticServer } from './static-server';
import { keepVaultOpen } from './vault';

export const test = base.extend<{ server: StaticServer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright's fixture signature needs the object pattern
  server: async ({}, use) => {
    const server = await startStaticServer();
    await use(server);
    await server.stop();
  }
});
export { expect };

/**
 * Open the app and wait until the service worker controls the page and reports offline-ready.
 * From then on the passcode setup and lock screens are answered whenever they appear (first use,
 * each reload, each new tab), so journeys about other things need not mention them.
 */
export async function openReady(page: Page, url: string): Promise<void> {
  await keepVaultOpen(page.context());
  await page.goto(url);
  await expect(page.getByTestId('offline-readiness')).toHaveAttribute('data-state', 'ready', {
    timeout: 30_000
  });
}

/** The clinic every journey sets up (its 医療機関コード tells its files from another clinic's). */
export const TEST_CLINIC = {
  clinicId: '',
  medicalInstitutionCode: '1312345678',
  name: 'てびかえ内科クリニック'
};

/** Fill the first-run settings: clinic, one staff member, device label; then pick the staff member. */
export async function setUpClinic(page: Page, base: string, opts: { label?: string; staff?: string[] } = {}) {
  const label = opts.label ?? 'A';
  const staff = opts.staff ?? ['受付 花子'];
  await page.goto(`${base}/settings/`);
  await page.getByLabel('医院名').fill('てびかえ内科クリニック');
  await page.getByLabel('住所', { exact: true }).fill('東京都千代田区1-2-3');
  await page.getByLabel('電話番号').fill('03-1234-5678');
  await page.getByLabel('医療機関コード').fill(TEST_CLINIC.medicalInstitutionCode);
  for (const name of staff) {
    await page.getByLabel('氏名', { exact: true }).fill(name);
    await page.getByRole('button', { name: '職員を追加' }).click();
  }
  await page.getByLabel('端末名（A, B, C…）').fill(label);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('設定を保存しました')).toBeVisible();
}

/** Declare an outage (real or drill) from the home screen. */
export async function declareOutage(page: Page, base: string, kind: 'real' | 'drill' = 'real') {
  await page.goto(`${base}/`);
  if (kind === 'drill') await page.getByText('訓練', { exact: true }).click();
  await page.getByLabel(/状況/).fill('電子カルテにログインできない');
  await page
    .getByRole('button', { name: kind === 'drill' ? '訓練を始める' : '障害を宣言して受付を始める' })
    .click();
  // Declaring takes the receptionist straight to registration.
  await page.waitForURL('**/reception/');
  await expect(page.getByTestId('session-phase')).toHaveAttribute('data-phase', 'outage');
}

/** Count requests that left the app's origin. */
export function watchOffOrigin(context: BrowserContext, origin: string): string[] {
  const off: string[] = [];
  context.on('request', (req) => {
    const url = req.url();
    // Only network schemes count; Chromium's own PDF viewer loads chrome:// and chrome-extension:// files.
    if (/^(https?|wss?):/.test(url) && !url.startsWith(origin)) off.push(url);
  });
  return off;
}
