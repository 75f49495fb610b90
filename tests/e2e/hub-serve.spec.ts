// `npm run hub` at the reception PC: a tablet opens the app from the hub's HTTPS origin (its certificate from the clinic CA), connects to /hub/ on that same origin with the printed credentials, and its arrival reaches the hub sealed.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, test, expect } from '@playwright/test';
import { chromiumArgs } from '../../playwright.config';
import { startHubServer } from '../../scripts/hub/server.mjs';
import { openReady, setUpClinic, declareOutage } from './support/fixtures';
import { register } from './support/hub';

const patient = {
  name: '高橋 三郎',
  kana: 'タカハシ サブロウ',
  birthDate: '1958-07-21',
  complaint: '朝から右の脇腹が痛む'
};

test('a tablet opens the app from npm run hub over HTTPS and its arrival reaches the hub sealed', async () => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'tebikae-hub-serve-'));
  const hub = await startHubServer({
    dataDir,
    buildDir: process.env.TEBIKAE_BUILD ?? 'build',
    host: '127.0.0.1',
    port: 0,
    caPort: 0
  });
  // The tablet trusts the hub's certificate as if the clinic CA were installed: Chromium is told its key.
  const spki = createHash('sha256')
    .update(hub.certificate.x509.publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...chromiumArgs, `--ignore-certificate-errors-spki-list=${spki}`]
  });
  const base = `https://127.0.0.1:${hub.port}`;
  const clinic = hub.credentials!.clinic;
  try {
    const context = await browser.newContext({
      acceptDownloads: true,
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
      viewport: { width: 1024, height: 768 }
    });
    const page = await context.newPage();

    await test.step('the certificate page (plain HTTP) offers the iPad profile and the Android certificate', async () => {
      await page.goto(`http://127.0.0.1:${hub.caPort}/`);
      await expect(page.getByRole('heading', { level: 1 })).toContainText('医院のハブの証明書');
      await expect(page.getByText(hub.ca.x509.fingerprint256)).toBeVisible();
      for (const [name, file] of [
        ['iPad・iPhone 用のプロファイルをダウンロード', 'tebikae-clinic-ca.mobileconfig'],
        ['Android 用の証明書（.crt）をダウンロード', 'tebikae-clinic-ca.crt']
      ] as const) {
        const download = page.waitForEvent('download');
        await page.getByRole('link', { name }).click();
        expect((await download).suggestedFilename()).toBe(file);
      }
      expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
      await expect(page.getByRole('link', { name: `https://127.0.0.1:${hub.port}/` })).toBeVisible();
    });

    await test.step('the app opens from the hub’s HTTPS origin and is ready offline', async () => {
      await openReady(page, base + '/');
      expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
    });

    await test.step('reception declares, and connects to the hub with the address and user npm run hub printed', async () => {
      await setUpClinic(page, base, { label: 'A', staff: ['受付 花子'] });
      await declareOutage(page, base);
      await page.goto(`${base}/settings/`);
      await page.getByLabel('ハブのアドレス').fill(hub.hubUrls[0]!.replace(/^https:\/\/[^/]+/, base));
      await page.getByLabel('ハブのユーザー名').fill(clinic.name);
      await page.getByLabel('ハブのパスワード').fill(clinic.password);
      await page.getByRole('button', { name: '医院の鍵を作る（1台目の端末）' }).click();
      await page.getByLabel('この端末でハブを使う').check();
      await page.getByRole('button', { name: 'ハブの設定を保存' }).click();
      await expect(page.getByText('ハブの設定を保存しました')).toBeVisible();
      await expect(page.getByTestId('hub-status')).toHaveText('つながっています', { timeout: 15_000 });
    });

    await test.step('an arrival is registered and reaches the hub, sealed', async () => {
      expect(await register(page, base, patient)).toBe('A-001');
      await expect(page.getByTestId('hub-unsent')).toHaveCount(0, { timeout: 15_000 });

      const auth = 'Basic ' + Buffer.from(`${clinic.name}:${clinic.password}`).toString('base64');
      const db = `${hub.couchUrl}/${hub.db}`;
      expect((await fetch(`${db}/_all_docs`)).status).toBe(401);
      let rows: { id: string; doc: Record<string, unknown> }[] = [];
      await expect
        .poll(
          async () => {
            const all = await fetch(`${db}/_all_docs?include_docs=true`, {
              headers: { authorization: auth }
            });
            rows = ((await all.json()) as { rows: typeof rows }).rows.filter(
              (r) => !r.id.startsWith('_design/')
            );
            return rows.map((r) => r.id.split(':')[0]);
          },
          { timeout: 10_000 }
        )
        .toContain('arrivals');
      for (const { doc } of rows) expect(Object.keys(doc).sort()).toEqual(['_id', '_rev', 'c', 't']);
      const text = JSON.stringify(rows);
      for (const clear of [
        patient.name,
        patient.kana,
        patient.birthDate,
        patient.complaint,
        '高橋',
        'タカハシ',
        '19580721'
      ])
        expect(text).not.toContain(clear);
    });
    await context.close();
  } finally {
    await browser.close();
    await hub.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
