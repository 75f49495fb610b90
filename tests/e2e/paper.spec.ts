// Paper on demand: blank forms printed ahead, the waiting-room notice, the day's log, and paper linked back to its record — all offline.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, openReady, setUpClinic, declareOutage } from './support/fixtures';
import { tabletWithCamera } from './support/camera';
import { addMemoAndDeposit, makeAndDownload, registerAtDesk, timelineDetails } from './support/paper';

const CLINIC = 'てびかえ内科クリニック';

test('before an outage: a pack of 20 blank 受付票 U-0001…U-0020, then the next pack starts at 21', async ({
  page,
  context,
  server
}, testInfo) => {
  await openReady(page, server.url + '/');
  await setUpClinic(page, server.url);
  await context.setOffline(true);

  await page.goto(server.url + '/paper/');
  await expect(page.getByRole('heading', { level: 1, name: '用紙・印刷' })).toBeVisible();
  await page.getByRole('radio', { name: '受付票', exact: true }).check();
  await expect(page.getByLabel('開始番号')).toHaveValue('1');
  await expect(page.getByLabel('枚数')).toHaveValue('20');
  await expect(page.getByTestId('pack-range')).toHaveText('U-0001 〜 U-0020');

  const { fileName, text, preview } = await makeAndDownload(page, testInfo, '受付票のPDFを作る');
  await expect(preview.getByRole('status')).toContainText('PDFができました（20ページ）');
  expect(fileName).toMatch(/^\d{4}-\d{2}-\d{2}_受付票_U-0001〜U-0020\.pdf$/);
  for (let n = 1; n <= 20; n++) expect(text).toContain(`U-${String(n).padStart(4, '0')}`);
  expect(text).not.toContain('U-0021');
  expect(text).toContain(CLINIC);
  await test.step('The preview stays inside the app, with print and close', async () => {
    await expect(preview.locator('iframe')).toHaveAttribute('src', /^blob:/);
    await expect(preview.getByRole('button', { name: '印刷する' })).toBeVisible();
    // Offline, served by the service worker, the page is cross-origin isolated (the journal needs it), and
    // Chromium's PDF viewer still opens inside the preview (a blocked viewer would leave an error page).
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await expect
      .poll(() => page.frames().some((frame) => frame.url().startsWith('chrome-extension://')))
      .toBe(true);
  });

  await test.step('The next unused number is remembered: 21, also after a reload', async () => {
    await expect(page.getByLabel('開始番号')).toHaveValue('21');
    await expect(page.getByTestId('pack-range')).toHaveText('U-0021 〜 U-0040');
    await page.reload();
    await expect(page.getByLabel('開始番号')).toHaveValue('21');
    await expect(page.getByText('まだ使っていない次の番号：U-0021')).toBeVisible();
  });

  await test.step('Other forms keep their own numbers', async () => {
    await page.getByRole('radio', { name: '問診票', exact: true }).check();
    await expect(page.getByLabel('開始番号')).toHaveValue('1');
    await expect(page.getByTestId('pack-range')).toHaveText('Q-0001 〜 Q-0020');
  });

  await test.step('Printing an older range again is allowed, with a warning, and does not move the number back', async () => {
    await page.getByRole('radio', { name: '受付票', exact: true }).check();
    await page.getByLabel('開始番号').fill('5');
    await page.getByLabel('枚数').fill('２');
    await expect(page.getByText(/印刷済みの番号が含まれます/)).toBeVisible();
    await page.getByRole('button', { name: '受付票のPDFを作る' }).click();
    await expect(page.getByText('PDFができました（2ページ）')).toBeVisible();
    await expect(page.getByLabel('開始番号')).toHaveValue('21');
  });

  await test.step('A count past the limit is refused beside the field', async () => {
    await page.getByLabel('枚数').fill('501');
    await page.getByRole('button', { name: '受付票のPDFを作る' }).click();
    await expect(page.getByText('枚数は1〜500の数字で入れてください')).toBeVisible();
  });
});

test('the waiting-room notice (Japanese and English) and the staff card print offline', async ({
  page,
  context,
  server
}, testInfo) => {
  await openReady(page, server.url + '/');
  await setUpClinic(page, server.url);
  await context.setOffline(true);
  await page.goto(server.url + '/paper/');

  const notice = await makeAndDownload(page, testInfo, '待合室の掲示（日本語・英語）のPDFを作る');
  expect(notice.fileName).toMatch(/^\d{4}-\d{2}-\d{2}_待合室掲示\.pdf$/);
  expect(notice.text).toContain('電子カルテ');
  expect(notice.text).toContain('Our computer system is currently down');
  expect(notice.text).toContain(CLINIC);
  await notice.preview.getByRole('button', { name: '閉じる' }).click();
  await expect(page.getByTestId('pdf-preview')).toHaveCount(0);

  const card = await makeAndDownload(page, testInfo, '障害時の手順カード（職員用）のPDFを作る');
  expect(card.fileName).toMatch(/_停止時手順カード\.pdf$/);
  expect(card.text).toContain('電子カルテ停止時の手順');
});

test('during an outage: the day log lists both arrivals registered at the desk, with memo and deposit', async ({
  page,
  context,
  server
}, testInfo) => {
  await openReady(page, server.url + '/');
  await setUpClinic(page, server.url);
  await declareOutage(page, server.url);
  await context.setOffline(true);

  await registerAtDesk(page, server.url, {
    name: '山田 太郎',
    kana: 'ヤマダ タロウ',
    birth: '1970-04-01',
    visitType: '再診'
  });
  await registerAtDesk(page, server.url, {
    name: '鈴木 花子',
    kana: 'スズキ ハナコ',
    birth: '1985-10-20',
    visitType: '初診'
  });
  await addMemoAndDeposit(page, '山田 太郎', 3000);

  await page.goto(server.url + '/paper/');
  await expect(page.getByTestId('printout-counts')).toHaveText('受付 2件・診療メモ 1件');
  const log = await makeAndDownload(page, testInfo, '受付記録のPDFを作る');
  expect(log.fileName).toMatch(/^\d{4}-\d{2}-\d{2}_受付記録\.pdf$/);
  await test.step('Names are stored with a full-width space (山田＋全角スペース＋太郎), which pdftotext lays out as spaces', async () => {
    const lines = log.text.split('\n');
    const yamada = lines.find((l) => /山田\s+太郎/.test(l)) ?? '';
    const suzuki = lines.find((l) => /鈴木\s+花子/.test(l)) ?? '';
    expect(yamada).toMatch(/A-001\s+\d{2}:\d{2}/);
    expect(yamada).toContain('再診');
    expect(yamada).toMatch(/再診\s+待合\s+有\s+預り金/);
    expect(yamada).toContain('3,000');
    expect(suzuki).toMatch(/A-002\s+\d{2}:\d{2}/);
    expect(suzuki).toContain('初診');
    expect(suzuki).toMatch(/初診\s+待合\s+—\s+未/);
    expect(log.text.search(/山田\s+太郎/)).toBeLessThan(log.text.search(/鈴木\s+花子/));
    expect(log.text).toContain(CLINIC);
  });

  await test.step('The memo printout holds the one memo, with 疑い and the blood pressure', async () => {
    const memos = await makeAndDownload(page, testInfo, '診療メモのPDFを作る');
    expect(memos.text).toMatch(/山田\s+太郎/);
    expect(memos.text).not.toMatch(/鈴木\s+花子/);
    expect(memos.text).toContain('急性上気道炎（疑い）');
    expect(memos.text).toContain('128/82');
  });

  await test.step("The session's timeline says what was printed, never whose", async () => {
    expect((await timelineDetails(page, 'printed')).sort()).toEqual(['dayLog 2', 'visitMemos 1']);
  });
});

test('a form typed as Ｕ－３ is linked to an arrival, found again by its number, and asks before moving', async ({
  page,
  context,
  server
}) => {
  await openReady(page, server.url + '/');
  await setUpClinic(page, server.url);
  await declareOutage(page, server.url);
  await context.setOffline(true);
  await registerAtDesk(page, server.url, {
    name: '山田 太郎',
    kana: 'ヤマダ タロウ',
    birth: '1970-04-01',
    visitType: '再診'
  });
  await registerAtDesk(page, server.url, {
    name: '鈴木 花子',
    kana: 'スズキ ハナコ',
    birth: '1985-10-20',
    visitType: '初診'
  });

  await page.goto(server.url + '/paper/');
  const form = page.getByRole('region', { name: '紙の用紙を記録につなぐ' });
  await form.getByLabel('用紙の番号').fill('Ｕ－３');
  await expect(form.getByTestId('serial-read')).toHaveText('U-0003（受付票）');
  await expect(form.getByRole('radio', { name: '受付', exact: true })).toBeChecked();
  await test.step('A reload keeps what was typed', async () => {
    await page.reload();
    await expect(form.getByLabel('用紙の番号')).toHaveValue('Ｕ－３');
    await form.getByLabel('つなぐ受付').selectOption({ label: '受付 A-001 山田 太郎' });
    await form.getByRole('button', { name: 'つなぐ', exact: true }).click();
    await expect(page.getByText('U-0003 を「受付 A-001 山田 太郎」につなぎました')).toBeVisible();
    await expect(form.getByLabel('用紙の番号')).toHaveValue('');
  });

  const bySerial = page.getByTestId('links-by-serial');
  await test.step('Both ways: number → record, record → numbers', async () => {
    await expect(bySerial.getByRole('row', { name: /U-0003/ })).toContainText('受付 A-001 山田 太郎');
    await expect(page.getByTestId('links-by-record').getByRole('row', { name: /山田 太郎/ })).toContainText(
      'U-0003'
    );
  });

  await test.step('Looking the number up, typed another way, finds the arrival with a link to it', async () => {
    const lookup = page.getByRole('region', { name: '番号で記録を探す' });
    await lookup.getByLabel('探す番号').fill('u3');
    await lookup.getByRole('button', { name: '探す' }).click();
    await expect(lookup.getByTestId('lookup-result')).toContainText('U-0003 の記録：1件');
    await expect(lookup.getByTestId('lookup-result')).toContainText('受付 A-001 山田 太郎');
    const open = lookup.getByRole('link', { name: '受付を開く' });
    await expect(open).toHaveAttribute('href', /^\/reception\/\?arrival=[\w-]+$/);
  });

  await test.step('The same number on another arrival: asked first; "leave it" changes nothing, "link here" moves it', async () => {
    await form.getByLabel('用紙の番号').fill('U-0003');
    await form.getByLabel('つなぐ受付').selectOption({ label: '受付 A-002 鈴木 花子' });
    await form.getByRole('button', { name: 'つなぐ', exact: true }).click();
    const ask = page.getByRole('dialog', { name: 'U-0003 はほかの記録につながっています' });
    await expect(ask).toContainText('受付 A-001 山田 太郎');
    await ask.getByRole('button', { name: 'そのままにする' }).click();
    await expect(bySerial.getByRole('row', { name: /U-0003/ })).toContainText('山田 太郎');
    await form.getByRole('button', { name: 'つなぐ', exact: true }).click();
    await ask.getByRole('button', { name: 'つなぎ直す' }).click();
    await expect(page.getByText('U-0003 を「受付 A-002 鈴木 花子」につなぎました')).toBeVisible();
    await expect(bySerial.getByRole('row', { name: /U-0003/ })).toContainText('鈴木 花子');
  });

  await test.step('It is stored: after a reload the link is there, and opening it shows the arrival', async () => {
    await page.reload();
    await expect(page.getByTestId('links-by-serial').getByRole('row', { name: /U-0003/ })).toContainText(
      '鈴木 花子'
    );
    await page.getByTestId('links-by-serial').getByRole('link', { name: '受付 A-002 鈴木 花子' }).click();
    await expect(page).toHaveURL(/\/reception\/\?arrival=/);
    await expect(page.getByText('鈴木 花子').first()).toBeVisible();
  });
});

test('without a camera the scanner says so and the number can still be typed', async ({
  page,
  context,
  server
}) => {
  await openReady(page, server.url + '/');
  await setUpClinic(page, server.url);
  await declareOutage(page, server.url);
  await context.setOffline(true);
  await page.goto(server.url + '/paper/');
  const form = page.getByRole('region', { name: '紙の用紙を記録につなぐ' });
  await form.getByRole('button', { name: 'カメラで読み取る' }).click();
  await expect(form.getByText('番号を手で入力してください。')).toBeVisible();
  await form.getByRole('button', { name: 'カメラを閉じる' }).click();
  await form.getByLabel('用紙の番号').fill('m12');
  await expect(form.getByTestId('serial-read')).toHaveText('M-0012（診療メモ）');
  await expect(form.getByRole('radio', { name: '診療メモ', exact: true })).toBeChecked();
  await expect(form.getByText('この障害にはまだ診療メモがありません。')).toBeVisible();
});

test('the paper screen, with a preview open and a link made, has no serious accessibility problems', async ({
  page,
  server
}) => {
  await openReady(page, server.url + '/');
  await setUpClinic(page, server.url);
  await declareOutage(page, server.url);
  await registerAtDesk(page, server.url, {
    name: '山田 太郎',
    kana: 'ヤマダ タロウ',
    birth: '1970-04-01',
    visitType: '再診'
  });
  await page.goto(server.url + '/paper/');
  await page.getByRole('button', { name: '受付記録のPDFを作る' }).click();
  await expect(page.getByTestId('pdf-preview')).toBeVisible();
  const form = page.getByRole('region', { name: '紙の用紙を記録につなぐ' });
  await form.getByLabel('用紙の番号').fill('q1');
  await form.getByLabel('つなぐ受付').selectOption({ label: '受付 A-001 山田 太郎' });
  await form.getByRole('button', { name: 'つなぐ', exact: true }).click();
  await expect(page.getByTestId('links-by-serial')).toContainText('Q-0001');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('a form held up to the tablet camera fills in its number', async ({ playwright, server }) => {
  await test.step('A browser of its own whose fake camera shows a printed QR code', async () => {
    const { browser, context } = await tabletWithCamera(playwright.chromium, 'U-0007');
    try {
      const page = await context.newPage();
      await openReady(page, server.url + '/');
      await setUpClinic(page, server.url);
      await declareOutage(page, server.url);
      await context.setOffline(true);
      await registerAtDesk(page, server.url, {
        name: '山田 太郎',
        kana: 'ヤマダ タロウ',
        birth: '1970-04-01',
        visitType: '再診'
      });
      await page.goto(server.url + '/paper/');
      const form = page.getByRole('region', { name: '紙の用紙を記録につなぐ' });
      await form.getByRole('button', { name: 'カメラで読み取る' }).click();
      await expect(form.getByLabel('用紙の番号')).toHaveValue('U-0007', { timeout: 15_000 });
      await expect(form.getByTestId('serial-read')).toHaveText('U-0007（受付票）');
      // The camera is closed once the number is read.
      await expect(form.getByRole('button', { name: 'カメラを閉じる' })).toHaveCount(0);
      await form.getByLabel('つなぐ受付').selectOption({ label: '受付 A-001 山田 太郎' });
      await form.getByRole('button', { name: 'つなぐ', exact: true }).click();
      await expect(page.getByText('U-0007 を「受付 A-001 山田 太郎」につなぎました')).toBeVisible();
    } finally {
      await browser.close();
    }
  });
});
