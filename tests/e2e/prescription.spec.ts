// The doctor hands over a 院外処方箋 during an outage: written on the memo, printed on A5 and A4 with the JAHIS
// 2D symbol a pharmacy's scanner reads, numbered, on the timeline; a patient without insurance gets no sheet.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Encoding from 'encoding-japanese';
import type { Page, TestInfo } from '@playwright/test';
import { test, expect, openReady, setUpClinic, declareOutage } from './support/fixtures';
import { addDoctorsAndDepartments, choose, submitArrival } from './support/reception';
import { openMemo } from './support/visits';
import { makeAndDownload } from './support/paper';

const rx = (page: Page, n: number) => page.getByRole('group', { name: `処方 ${n}`, exact: true });

/** Print the 処方箋 and save the PDF the preview offers, as staff would; returns its name and bytes. */
async function printAndSave(page: Page, testInfo: TestInfo): Promise<{ fileName: string; pdf: Uint8Array }> {
  const { fileName, path } = await makeAndDownload(page, testInfo, '院外処方箋を印刷');
  return { fileName, pdf: new Uint8Array(readFileSync(path)) };
}

/** What a scanner reads from the sheet: every page rendered, QR codes only, raw bytes as CP932. */
function scan(pdf: Uint8Array): { text: string; data: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tebikae-rx-'));
  const file = join(dir, 'rx.pdf');
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  execFileSync('pdftoppm', ['-png', '-r', '300', file, join(dir, 'p')]);
  const pages = execFileSync('ls', [dir], { encoding: 'utf8' })
    .split('\n')
    .filter((f) => f.endsWith('.png'));
  const data = pages
    .map((png) => {
      const run = spawnSync('zbarimg', [
        '-q',
        '--raw',
        '-Sdisable',
        '-Sqrcode.enable',
        '-Sbinary',
        join(dir, png)
      ]);
      return Encoding.codeToString(
        Encoding.convert(new Uint8Array(run.stdout), { to: 'UNICODE', from: 'SJIS' })
      );
    })
    .join('');
  return { text: text.replace(/[ \t]+/g, ' '), data };
}

test('memo → 院外処方箋 on A5 and A4, read back by a scanner; no sheet without insurance', async ({
  page,
  server
}, testInfo) => {
  await test.step('the clinic is set up and an outage declared', async () => {
    await openReady(page, server.url + '/');
    await setUpClinic(page, server.url, { staff: ['受付 花子'] });
    await addDoctorsAndDepartments(page, server.url, { departments: ['内科'], doctors: ['髙橋 一郎'] });
    await declareOutage(page, server.url);
  });

  await test.step('reception registers a patient with her insurance card and one without', async () => {
    await page.goto(server.url + '/reception/');
    await page.getByRole('textbox', { name: '氏名', exact: true }).fill('手控 花子');
    await page.getByLabel('フリガナ').fill('テビカエ ハナコ');
    await page.getByLabel('生年月日').fill('1958-04-01');
    await choose(page, '性別', '女');
    await choose(page, '初診・再診', '再診');
    await page.getByLabel('主訴（受付で聞いた内容）').fill('いつもの薬');
    await choose(page, '資格の確認方法', '保険証');
    await page.getByLabel('保険者番号').fill('01130012');
    await page.getByLabel('記号', { exact: true }).fill('12-34');
    await page.getByLabel('番号', { exact: true }).fill('5678');
    await choose(page, '本人・家族', '本人');
    await choose(page, '負担割合', '3割');
    expect(await submitArrival(page)).toBe('A-001');
    await page.getByRole('link', { name: '次の患者を受付' }).click();
    await page.getByRole('textbox', { name: '氏名', exact: true }).fill('紙谷 次郎');
    await page.getByLabel('フリガナ').fill('カミヤ ジロウ');
    await page.getByLabel('生年月日').fill('1955-10-10');
    await choose(page, '性別', '男');
    await choose(page, '初診・再診', '初診');
    await page.getByLabel('主訴（受付で聞いた内容）').fill('腰痛');
    await choose(page, '資格の確認方法', '未確認');
    expect(await submitArrival(page)).toBe('A-002');
  });

  await test.step('the doctor writes two 院外 lines, one marked 変更不可, and saves the memo', async () => {
    await openMemo(page, server.url, 'A-001');
    await page.getByLabel('医師').fill('髙橋 一郎');
    await page.getByRole('button', { name: '＋ 処方を追加' }).click();
    await rx(page, 1).getByLabel('薬剤名').fill('アムロジピン錠');
    await rx(page, 1).getByLabel('規格').fill('5㎎');
    // A dose the 処方箋's symbol cannot use is named beside 用量 as it is typed, and goes once it is right.
    await rx(page, 1).getByLabel('用量').fill('1日2回 1回1錠');
    const doseHint = rx(page, 1).getByText('院外処方箋の用量は数量と単位で書いてください');
    await expect(doseHint).toBeVisible();
    await expect(rx(page, 1).getByText('On an outside prescription write the dose')).toBeVisible();
    await rx(page, 1).getByLabel('用量').fill('1錠');
    await expect(doseHint).toBeHidden();
    await rx(page, 1).getByLabel('用法').fill('1日1回 朝食後');
    await rx(page, 1).getByLabel('日数').fill('28');
    await rx(page, 1).getByLabel('変更不可（医療上必要）').check();
    await page.getByRole('button', { name: '＋ 処方を追加' }).click();
    await rx(page, 2).getByLabel('薬剤名').fill('ロキソプロフェン錠');
    await rx(page, 2).getByLabel('用量').fill('1錠');
    await rx(page, 2).getByLabel('用法').fill('疼痛時');
    await rx(page, 2).getByLabel('日数').fill('10');
    await rx(page, 2).getByLabel('患者希望（先発品）').check();
    await page.getByRole('button', { name: '診療メモを保存' }).click();
    await expect(page.getByRole('heading', { name: '院外処方箋' })).toBeVisible();
  });

  await test.step('A5 (the default): numbered RA-0001, the fields and the 2D symbol on the sheet', async () => {
    await expect(page.getByRole('radio', { name: 'A5（標準）' })).toBeChecked();
    await page.getByRole('radio', { name: '3回' }).check();
    await page.getByLabel('備考').fill('一包化');
    const { fileName, pdf } = await printAndSave(page, testInfo);
    expect(fileName).toMatch(/^\d{4}-\d{2}-\d{2}_処方箋_RA-0001\.pdf$/);
    const { text, data } = scan(pdf);
    for (const field of [
      '処 方 箋',
      '手控 花子',
      '01130012',
      '12-34・5678',
      '髙橋 一郎',
      '13 1 2345678',
      'リフィル可',
      '3回',
      '一包化',
      'RA-0001'
    ])
      expect(text).toContain(field);
    expect(data.startsWith('JAHIS10\r\n')).toBe(true);
    for (const record of [
      '\r\n22,01130012\r\n',
      '\r\n23,12-34,5678,1,\r\n',
      // Only JIS X 0208 in the symbol (JAHIS 表3-4): 髙 becomes ■, ㎎ becomes mg; the sheet prints them as typed.
      '\r\n5,,,■橋 一郎\r\n',
      'アムロジピン錠 5mg',
      '281,1,1,1,3,後発品変更不可,',
      '\r\n64,3\r\n'
    ])
      expect(data).toContain(record);
  });

  await test.step('A4: a new number, the same data for the scanner', async () => {
    await page.getByRole('radio', { name: 'A4' }).check();
    const { fileName, pdf } = await printAndSave(page, testInfo);
    expect(fileName).toMatch(/_処方箋_RA-0002\.pdf$/);
    const { text, data } = scan(pdf);
    expect(text).toContain('RA-0002');
    expect(data).toContain('\r\n201,2,1,1,1,,ロキソプロフェン錠,1,1,錠\r\n');
    expect(data).toContain('\r\n281,2,1,1,8,先発医薬品患者希望,\r\n');
  });

  await test.step('a patient without insurance: what is missing is named beside the button, in Japanese and English', async () => {
    await openMemo(page, server.url, 'A-002');
    await page.getByLabel('医師').fill('髙橋 一郎');
    await page.getByRole('button', { name: '＋ 処方を追加' }).click();
    await rx(page, 1).getByLabel('薬剤名').fill('カロナール錠');
    await page.getByRole('button', { name: '診療メモを保存' }).click();
    const missing = page.getByTestId('rx-missing');
    await expect(missing).toContainText('保険者番号（または公費負担者番号）が受付にありません');
    await expect(missing).toContainText('No insurer number (or public payer number) on the arrival');
    await expect(page.getByRole('button', { name: '院外処方箋を印刷' })).toBeDisabled();
  });
});
