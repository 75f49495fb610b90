// After the EHR returns: tablets merge their records offline, staff enter everything into the EHR, export CSVs and a report, then purge.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Download, Locator, Page } from '@playwright/test';
import Encoding from 'encoding-japanese';
import Papa from 'papaparse';
import { test, expect, openReady, setUpClinic, declareOutage, TEST_CLINIC } from './support/fixtures';
import { startStaticServer } from './support/static-server';
import { addDoctorsAndDepartments } from './support/reception';
import {
  BUNDLE_PASSWORD,
  bundleInput,
  bundleUpload,
  bytesOf,
  countBySession,
  currentSessionId,
  downloadBy,
  exportBundle,
  getRow,
  holdsInClear,
  newTablet,
  intakeFor,
  logged,
  openEntry,
  paperLinkFor,
  putRows,
  recordsFor,
  settledNow
} from './support/recovery';
import type { Memo } from '../../src/lib/visits/model';
import type { Arrival } from '../../src/lib/reception/model';
import type { BackEntry } from '../../src/lib/recovery/model';
import { createBundle } from '../../src/lib/recovery/bundle/bundle';
import { canonicalJson, sha256Hex } from '../../src/lib/recovery/bundle/canonical';
import { sampleData, sampleSession } from '../../src/lib/recovery/sample';
import { sealBundle } from '../../src/lib/recovery/bundle/sealed-bundle';
import { readXlsx, sheetTable, type XlsxSheet } from './support/xlsx';

const csvRows = (text: string) => Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
const utf8 = (bytes: Buffer) => new TextDecoder('utf-8').decode(bytes);
const sjis = (bytes: Buffer) =>
  Encoding.codeToString(Encoding.convert(new Uint8Array(bytes), { to: 'UNICODE', from: 'SJIS' }));
/** The one sheet of a downloaded .xlsx, named as the file's table. */
function onlySheet(bytes: Buffer, name: string): XlsxSheet {
  const sheets = readXlsx(bytes);
  expect(sheets.map((s) => s.name)).toEqual([name]);
  return sheets[0]!;
}

test('two tablets record offline and export; a third merges them, settles a difference, enters, exports and purges', async ({
  page,
  context,
  server,
  browser
}) => {
  test.setTimeout(240_000);
  const serverB = await startStaticServer();
  const serverC = await startStaticServer();
  const tabletB = await newTablet(browser);
  const tabletC = await newTablet(browser);
  try {
    let sessionId = '';
    let a!: ReturnType<typeof recordsFor>;
    let a1!: Download;
    let fileA1!: Buffer;
    let memoA1!: Memo;
    let bundleB!: Download;
    let fileB!: Buffer;
    let a2!: Download;
    let fileA2!: Buffer;
    let c!: Page;
    let afterMerge!: Record<string, number>;
    let memoRow!: Locator;
    await test.step('── Tablet A, reception desk: the EHR is down; three patients come in', async () => {
      await openReady(page, server.url + '/');
      await setUpClinic(page, server.url, { label: 'A', staff: ['受付 花子'] });
      await declareOutage(page, server.url);
      await context.setOffline(true);
      sessionId = await currentSessionId(page);
      a = recordsFor(sessionId, 'A', [
        { n: 1, name: '髙橋 ①子', kana: 'タカハシ イチコ', deposit: 3000 },
        { n: 2, name: '新患 太郎', kana: 'シンカン タロウ', isNew: true, declaration: true, payLater: true },
        { n: 3, name: '鈴木 次郎', deposit: 5000 }
      ]);
      await putRows(page, a);
      await page.goto(server.url + '/recovery/export/');
      // The file is always encrypted: no password, a short one or two that differ are named beside the field.
      const exportButton = page.getByRole('button', { name: 'バンドルを書き出す' });
      await exportButton.click();
      await expect(page.getByText('パスワードは10文字以上にしてください。')).toBeVisible();
      await page.getByLabel('書き出しパスワード', { exact: true }).fill(BUNDLE_PASSWORD);
      await page.getByLabel('書き出しパスワード（確認）').fill('sakura-2052');
      await exportButton.click();
      await expect(page.getByText('確認のパスワードが一致しません。')).toBeVisible();
      await expect(page.getByText(/^書き出しました/)).toHaveCount(0);
      a1 = await exportBundle(page);
      expect(a1.suggestedFilename()).toMatch(/^\d{4}-\d{2}-\d{2}_手控え_端末A\.tebikae\.tbk$/);
      await expect(page.getByText(`書き出しました：${a1.suggestedFilename()}`)).toBeVisible();
      await expect(page.getByText('パスワードは、取り込む人に口頭で伝えてください。')).toBeVisible();
      fileA1 = await bytesOf(a1);
      // On the USB stick: the sealed envelope, and not one name, kana or record in clear.
      expect(fileA1.subarray(0, 4).toString('latin1')).toBe('TBKV');
      for (const clear of ['髙橋 ①子', '新患 太郎', 'タカハシ', '鈴木', 'tebikae.session-bundle', sessionId])
        expect(holdsInClear(fileA1, clear), clear).toBe(false);
    });

    await test.step("── Tablet B, second desk: takes A's bundle on a USB stick (no network) and registers its own patients", async () => {
      const b = await tabletB.newPage();
      await openReady(b, serverB.url + '/');
      await setUpClinic(b, serverB.url, { label: 'B', staff: ['看護 次郎'] });
      await tabletB.setOffline(true);
      await b.goto(serverB.url + '/recovery/import/');
      await bundleInput(b).setInputFiles(bundleUpload(a1.suggestedFilename(), fileA1));
      const fromA = b.getByTestId('bundle-entry');
      await expect(fromA).toContainText('このファイルは暗号化されています');
      // A wrong password is refused beside its field, and nothing is imported.
      await openEntry(fromA, 'sakura-2024');
      await expect(fromA.getByRole('alert')).toContainText('パスワードが違います');
      await expect(fromA.getByRole('button', { name: '取り込む', exact: true })).toHaveCount(0);
      expect(await countBySession(b, sessionId)).toMatchObject({ sessions: 0, arrivals: 0, memos: 0 });
      await openEntry(fromA);
      await expect(b.getByText('この端末にない障害対応です。')).toBeVisible();
      await expect(fromA.getByLabel('このファイルのパスワード')).toHaveCount(0);
      await b.getByRole('button', { name: '取り込む', exact: true }).click();
      await expect(b.getByText('この障害対応をこの端末に追加しました。')).toBeVisible();
      const bRows = recordsFor(sessionId, 'B', [
        { n: 1, name: '山田 花子😀', deposit: 2000 },
        { n: 2, name: '佐藤 三郎', memo: false }
      ]);
      memoA1 = a.memos[0]!;
      // The doctor adds to A-001's memo on tablet B…
      const byB = {
        ...memoA1,
        rev: 2,
        content: { ...memoA1.content, findings: '端末Bで追記' },
        updatedDevice: 'B'
      };
      await putRows(b, { ...bRows, memos: [...bRows.memos, byB] });
      await b.goto(serverB.url + '/recovery/export/');
      bundleB = await exportBundle(b);
      expect(bundleB.suggestedFilename()).toMatch(/_手控え_端末B\.tebikae\.tbk$/);
      fileB = await bytesOf(bundleB);
    });

    await test.step('…while the same memo is also changed on tablet A. The EHR comes back; A records it and exports again', async () => {
      await putRows(page, {
        memos: [{ ...memoA1, rev: 2, content: { ...memoA1.content, findings: '端末Aで追記' } }]
      });
      await page.goto(server.url + '/');
      await page.getByRole('button', { name: '復旧を記録する' }).click();
      // The second tap, after the list of what is still open.
      await expect(page.getByTestId('recovery-precheck')).toBeVisible();
      await page.getByRole('button', { name: 'この内容で復旧を記録する' }).click();
      await expect(page.getByTestId('session-phase')).toHaveAttribute('data-phase', 'recovering');
      await page.goto(server.url + '/recovery/export/');
      a2 = await exportBundle(page);
      fileA2 = await bytesOf(a2);
    });

    await test.step('── Tablet C, the office: merges both bundles, offline', async () => {
      c = await tabletC.newPage();
      await openReady(c, serverC.url + '/');
      await setUpClinic(c, serverC.url, { label: 'C', staff: ['事務 三郎'] });
      // The office manager works on C; the doctor comes over to confirm what was entered for them.
      await addDoctorsAndDepartments(c, serverC.url, { departments: ['内科'], doctors: ['医師 一郎'] });
      await tabletC.setOffline(true);
      await c.goto(serverC.url + '/recovery/');
      await expect(c.getByText('この端末には障害対応の記録がありません。')).toBeVisible();
      await c.getByRole('link', { name: 'バンドルを取り込む' }).click();
      await bundleInput(c).setInputFiles([
        bundleUpload(a2.suggestedFilename(), fileA2),
        bundleUpload(bundleB.suggestedFilename(), fileB)
      ]);
      const picked = c.getByTestId('bundle-entry');
      await expect(picked).toHaveCount(2);
      // Both tablets used the password told that morning: typed once, it opens the other file too.
      await openEntry(picked.nth(0));
      await expect(picked.nth(0)).toContainText('同じパスワードをほかのファイルにも試し、1件開きました。');
      await expect(picked.nth(1)).toContainText('ほかのファイルで入力したパスワードで開きました。');
      await expect(picked.getByLabel('このファイルのパスワード')).toHaveCount(0);
      await c.getByRole('button', { name: 'まとめて取り込む' }).click();
      await expect(c.getByText('取り込みました（端末Aから）')).toBeVisible();
      await expect(c.getByText('取り込みました（端末Bから）')).toBeVisible();
    });

    await test.step('The memo both tablets changed: both versions side by side; nothing was overwritten', async () => {
      const conflict = c.getByTestId('conflict');
      await expect(conflict).toHaveCount(1);
      await expect(conflict).toContainText('端末Aで追記');
      await expect(conflict).toContainText('端末Bで追記');
      expect((await getRow<Memo>(c, 'memos', memoA1.id))?.content.findings).toBe('端末Aで追記');
      // Still waiting after a reload.
      await c.goto(serverC.url + `/recovery/import/?session=${sessionId}`);
      await expect(c.getByTestId('conflict')).toHaveCount(1);
      await c.getByTestId('conflict').getByRole('button', { name: '端末Bの内容にする' }).click();
      await expect(c.getByTestId('conflict')).toHaveCount(0);
      const merged = await getRow<Memo>(c, 'memos', memoA1.id);
      expect(merged?.content.findings).toBe('端末Bで追記');
      expect(merged?.rev).toBe(3);
      afterMerge = await countBySession(c, sessionId);
      expect(afterMerge).toMatchObject({ sessions: 1, arrivals: 5, memos: 4, bills: 4 });
    });

    await test.step('The same bundle again changes nothing', async () => {
      await bundleInput(c).setInputFiles(bundleUpload(a2.suggestedFilename(), fileA2));
      await openEntry(c.getByTestId('bundle-entry'));
      await c.getByRole('button', { name: '取り込む', exact: true }).click();
      await expect(c.getByText('新しい記録はありませんでした（取り込み済みです）。')).toBeVisible();
      expect(await countBySession(c, sessionId)).toEqual(afterMerge);
    });

    await test.step('── The hub: every step in order with its progress', async () => {
      await c.goto(serverC.url + `/recovery/?session=${sessionId}`);
      await expect(c.getByTestId('recovery-state')).toContainText('記録のある端末：A・B');
      await expect(c.getByTestId('step-checklist')).toContainText('0 / 14 件 入力済み');
      await expect(c.getByTestId('step-settle')).toContainText('未精算 4件');
      await expect(c.getByTestId('step-settle').getByRole('link', { name: '開く' })).toHaveAttribute(
        'href',
        '/settle/'
      );
    });

    await test.step("── Back entry: the new patient first, with the EHR's own patient number", async () => {
      await c.getByTestId('step-checklist').getByRole('link', { name: '開く' }).click();
      await expect(c.getByTestId('checklist-progress')).toContainText('0 / 14 件 入力済み');
      const newcomer = c.getByTestId(`be-arrival-${sessionId}-arr-A-2`);
      await expect(newcomer).toContainText('新患登録');
      // Ticked before the number is typed: the number is asked for, next to its field, and nothing is saved.
      await newcomer.getByRole('button', { name: '電子カルテに入力済み（A-002・受付）' }).click();
      await expect(newcomer.getByRole('alert')).toContainText(
        '新患は、電子カルテで登録したときの患者番号を入力してから'
      );
      await expect(c.getByTestId('checklist-progress')).toContainText('0 / 14 件 入力済み');
      await newcomer.getByLabel('電子カルテの患者番号').fill('00123');
      await c.reload();
      await expect(newcomer.getByLabel('電子カルテの患者番号')).toHaveValue('00123');
      await newcomer.getByRole('button', { name: '電子カルテに入力済み' }).click();
      await expect(c.getByTestId('checklist-progress')).toContainText('1 / 14 件 入力済み');
      await expect(newcomer).toHaveCount(0); // the "not entered" list no longer shows it
      await c.getByRole('radio', { name: 'すべて' }).click();
      await expect(newcomer).toContainText('入力済み：事務 三郎');
      await expect(newcomer).toContainText('電子カルテの患者番号：00123');
      await expect(newcomer).toContainText('記録：受付 花子（端末A）');
      // The number stays on screen after the tick, and can be corrected there.
      await expect(newcomer.getByLabel('電子カルテの患者番号')).toHaveValue('00123');
      await newcomer.getByLabel('電子カルテの患者番号').fill('00124');
      await newcomer.getByRole('button', { name: '患者番号を保存（A-002・受付）' }).click();
      await expect(newcomer).toContainText('患者番号を保存しました');
      await expect(newcomer).toContainText('電子カルテの患者番号：00124');
      await c.reload();
      await c.getByRole('radio', { name: 'すべて' }).click();
      await expect(newcomer.getByLabel('電子カルテの患者番号')).toHaveValue('00124');
    });

    await test.step('── 代行入力 of a memo: the office manager enters it, a doctor confirms it (確定者)', async () => {
      memoRow = c.getByTestId(`be-memo-${memoA1.id}`);
      await expect(memoRow).toContainText('医師以外が入力したときは、医師が確定するまで済みになりません。');
      await memoRow.getByRole('button', { name: '電子カルテに入力済み' }).click();
      await expect(memoRow).toContainText('確定待ち（医師の確認が必要）');
      await expect(memoRow).toContainText('入力：事務 三郎');
      await expect(memoRow).toContainText('入力した版：第3版');
      // Entered but not confirmed: it does not count yet.
      await expect(c.getByTestId('checklist-progress')).toContainText('1 / 14 件 入力済み');
      await expect(c.getByTestId('checklist-progress')).toContainText('うち確定待ち 1件');
      await c.getByRole('radio', { name: '確定待ち' }).click();
      await expect(c.getByTestId(/^be-/)).toHaveCount(1);
      // Only doctors are offered; nobody is picked for the office manager.
      const confirmer = memoRow.getByLabel('確定する医師');
      await expect(confirmer.locator('option')).toHaveText(['選んでください', '医師 一郎']);
      await memoRow.getByRole('button', { name: '確定する（A-001・診療メモ）' }).click();
      await expect(memoRow.getByRole('alert')).toContainText('確定する医師を選んでください。');
      await confirmer.selectOption({ label: '医師 一郎' });
      await memoRow.getByRole('button', { name: '確定する（A-001・診療メモ）' }).click();
      await expect(c.getByTestId(/^be-/)).toHaveCount(0);
      await c.getByRole('radio', { name: 'すべて' }).click();
      await expect(memoRow).toContainText('入力済み：事務 三郎');
      await expect(memoRow).toContainText('確定：医師 一郎');
      await expect(c.getByTestId('checklist-progress')).toContainText('2 / 14 件 入力済み');
      const confirmedTick = await getRow<BackEntry>(c, 'backEntries', `be-memo-${memoA1.id}`);
      expect(confirmedTick).toMatchObject({ enteredBy: '事務 三郎', confirmedBy: '医師 一郎', recordRev: 3 });
      expect(confirmedTick?.history.map((h) => [h.action, h.by])).toEqual([
        ['entered', '事務 三郎'],
        ['confirmed', '医師 一郎']
      ]);
      const depositRow = c.getByTestId(`be-bill-${a.bills[0]!.id}`);
      await depositRow.getByRole('button', { name: 'レセコンに入力済み' }).click();
      await expect(c.getByTestId('checklist-progress')).toContainText('3 / 14 件 入力済み');
      // A tick by mistake is undone; its history stays.
      await depositRow.getByRole('button', { name: '取り消す' }).click();
      await expect(c.getByTestId('checklist-progress')).toContainText('2 / 14 件 入力済み');
      await c.reload();
      await expect(c.getByTestId('checklist-progress')).toContainText('2 / 14 件 入力済み');
    });

    await test.step('The doctor then adds to the memo after it was entered: the line reopens, saying what changed', async () => {
      const entered = (await getRow<Memo>(c, 'memos', memoA1.id))!;
      const editedAt = new Date().toISOString();
      const edited = {
        ...entered,
        rev: 4,
        updatedAt: editedAt,
        updatedBy: '医師 一郎',
        updatedDevice: 'C',
        content: { ...entered.content, nextAppointment: '1週間後' }
      };
      await putRows(c, {
        memos: [edited],
        revisions: [
          {
            id: `${memoA1.id}-rev-4`,
            sessionId,
            recordId: memoA1.id,
            rev: 4,
            at: editedAt,
            by: '医師 一郎',
            deviceLabel: 'C',
            changes: [
              { field: 'nextAppointment', before: entered.content.nextAppointment, after: '1週間後' }
            ],
            snapshot: edited.content
          }
        ]
      });
      await c.reload();
      await c.getByRole('radio', { name: 'すべて' }).click();
      await expect(memoRow).toContainText('入力後に変更あり — もう一度入力してください');
      await expect(memoRow).toContainText('変更：医師 一郎');
      await expect(memoRow).toContainText('次回予約');
      await expect(memoRow).toContainText('1週間後');
      await expect(c.getByTestId('checklist-progress')).toContainText('1 / 14 件 入力済み');
      await expect(c.getByTestId('checklist-progress')).toContainText('入力後に変更あり 1件');
      // The doctor enters the new version personally: confirmed at once (入力者 = 確定者).
      await c.getByRole('combobox', { name: '担当', exact: true }).selectOption({ label: '医師 一郎' });
      await memoRow.getByRole('button', { name: '電子カルテに入力済み（A-001・診療メモ）' }).click();
      await expect(memoRow).toContainText('入力済み：医師 一郎');
      await expect(memoRow).toContainText('入力した版：第4版');
      await expect(memoRow).not.toContainText('確定待ち');
      await expect(c.getByTestId('checklist-progress')).toContainText('2 / 14 件 入力済み');
      await c.getByRole('combobox', { name: '担当', exact: true }).selectOption({ label: '事務 三郎' });
      await c.getByRole('radio', { name: '資格未確認' }).click();
      await expect(c.getByTestId(/^be-/)).toHaveCount(1);
      await expect(c.getByTestId(`be-eligibility-${sessionId}-arr-A-2`)).toContainText('被保険者資格申立書');
      await c.getByRole('radio', { name: '新患' }).click();
      await expect(c.getByTestId(/^be-/)).toHaveCount(4);
    });

    await test.step('── Reconciliation CSVs, read back here', async () => {
      await c.goto(serverC.url + `/recovery/csv/?session=${sessionId}`);
      const arrivalsCsv = await downloadBy(c, () =>
        c.getByRole('button', { name: /書き出す.*受付一覧/ }).click()
      );
      expect(arrivalsCsv.suggestedFilename()).toMatch(/^\d{4}-\d{2}-\d{2}_受付一覧\.csv$/);
      const arrivalsUtf8 = await bytesOf(arrivalsCsv);
      expect([...arrivalsUtf8.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = csvRows(utf8(arrivalsUtf8).replace(/^\uFEFF/, ''));
      expect(rows[0]!.slice(0, 7)).toEqual([
        '受付番号',
        '受付日',
        '受付時刻',
        '端末',
        '患者番号',
        '新患',
        '氏名'
      ]);
      expect(rows).toHaveLength(6);
      expect(rows.map((r) => r[6])).toEqual(expect.arrayContaining(['髙橋 ①子', '山田 花子😀', '新患 太郎']));
      const method = rows[0]!.indexOf('資格確認方法');
      expect(rows.find((r) => r[6] === '新患 太郎')![method]).toBe('被保険者資格申立書');

      await c.getByRole('radio', { name: 'Shift_JIS（CP932・古いシステム向け）' }).click();
      await c.getByRole('button', { name: /書き出す.*受付一覧/ }).click();
      const issues = c.getByTestId('cp932-issues');
      await expect(issues).toContainText('Shift_JISで書けない文字があります（1か所）');
      await expect(issues).toContainText('（B-001）「氏名」：😀 → 〓');
      const sjisCsv = await downloadBy(c, () =>
        c.getByRole('button', { name: '置き換えてShift_JISで書き出す' }).click()
      );
      expect(sjisCsv.suggestedFilename()).toMatch(/_受付一覧_SJIS\.csv$/);
      const sjisRows = csvRows(sjis(await bytesOf(sjisCsv)));
      expect(sjisRows[0]!.slice(0, 7)).toEqual([
        '受付番号',
        '受付日',
        '受付時刻',
        '端末',
        '患者番号',
        '新患',
        '氏名'
      ]);
      expect(sjisRows.map((r) => r[6])).toEqual(expect.arrayContaining(['髙橋 ①子', '山田 花子〓']));

      // The memo list holds the same name: listed again, replaced again by choice.
      await c.getByRole('button', { name: /書き出す.*診療メモ/ }).click();
      await expect(issues).toContainText('「氏名」：😀 → 〓');
      const memosCsv = await downloadBy(c, () =>
        c.getByRole('button', { name: '置き換えてShift_JISで書き出す' }).click()
      );
      const memoRows = csvRows(sjis(await bytesOf(memosCsv)));
      expect(memoRows[0]).toEqual(expect.arrayContaining(['薬剤名', '用法', '日数', '院内院外']));
      expect(memoRows.find((r) => r[2] === '髙橋 ①子')![memoRows[0]!.indexOf('所見')]).toBe('端末Bで追記');

      await c.getByRole('radio', { name: 'UTF-8（BOM付き・Excel向け）' }).click();
      const checklistCsv = await downloadBy(c, () =>
        c.getByRole('button', { name: /書き出す.*代行入力チェックリスト/ }).click()
      );
      const checkRows = csvRows(utf8(await bytesOf(checklistCsv)).replace(/^\uFEFF/, ''));
      const h = checkRows[0]!;
      const newcomerRow = checkRows.find(
        (r) => r[h.indexOf('氏名')] === '新患 太郎' && r[h.indexOf('項目')] === '受付'
      )!;
      expect(newcomerRow[h.indexOf('状態')]).toBe('入力済');
      expect(newcomerRow[h.indexOf('入力者')]).toBe('事務 三郎');
      expect(newcomerRow[h.indexOf('記録者')]).toBe('受付 花子');
      expect(newcomerRow[h.indexOf('電子カルテ患者番号')]).toBe('00124');
      const memoCsvRow = checkRows.find(
        (r) => r[h.indexOf('氏名')] === '髙橋 ①子' && r[h.indexOf('項目')] === '診療メモ'
      )!;
      expect(memoCsvRow[h.indexOf('状態')]).toBe('入力済');
      expect(memoCsvRow[h.indexOf('入力者')]).toBe('医師 一郎');
      expect(memoCsvRow[h.indexOf('確定者')]).toBe('医師 一郎');
      expect(memoCsvRow[h.indexOf('入力した版')]).toBe('4');
      expect(newcomerRow[h.indexOf('確定者')]).toBe('事務 三郎');
      expect(checkRows).toHaveLength(15);
    });

    await test.step('── The incident report, on screen and as a PDF', async () => {
      await c.goto(serverC.url + `/recovery/report/?session=${sessionId}`);
      const report = c.getByTestId('incident-report');
      await expect(report).toContainText('5人（名簿にない患者 1人・初診 1人）');
      await expect(report).toContainText('3件・合計 10,000円');
      await expect(report).toContainText('12件（全14件中）');
      await expect(report).toContainText('取り込み');
      // Timeline details in words, not in the log's own shorthand.
      await expect(report).toContainText('端末Aから：追加');
      await expect(report).not.toContainText(/追加\d/);
      const pdf = await downloadBy(c, () => c.getByRole('button', { name: 'PDFで保存' }).click());
      expect(pdf.suggestedFilename()).toMatch(/_障害対応報告\.pdf$/);
      const pdfBytes = await bytesOf(pdf);
      expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // The till count: nobody counted a till, and the screen and the PDF both say so (never 合っています).
      await expect(c.getByTestId('report-cash-count')).toContainText('まだ数えていません');
      const pdfPath = test.info().outputPath('report.pdf');
      writeFileSync(pdfPath, pdfBytes);
      const pdfText = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdfPath, '-'], {
        encoding: 'utf8'
      });
      expect(pdfText).toContain('レジ締め');
      expect(pdfText).toContain('まだ数えていません');
      expect(pdfText).not.toContain('合っています');
    });

    await test.step('── Purge from this tablet: warned first, typed confirmation, then nothing of the session is left', async () => {
      await c.goto(serverC.url + `/recovery/purge/?session=${sessionId}`);
      await expect(c.getByTestId('purge-summary')).toContainText('受付');
      const warnings = c.getByTestId('purge-warnings');
      // Tablet C never exported a bundle: everything merged here is only here.
      await expect(warnings.getByTestId('purge-warn-export')).toContainText(
        'この端末からまだバンドルを書き出していません'
      );
      await expect(warnings.getByRole('link', { name: 'バンドルを書き出す' })).toBeVisible();
      await expect(warnings).toContainText('入力が済んでいない項目が 12件あります');
      await expect(warnings).toContainText('精算が済んでいない預り金・後日精算が 4件あります');
      const purge = c.getByRole('button', { name: 'この端末から消去する' });
      await expect(purge).toBeDisabled();
      await c.getByLabel(/確認のため「.*」または「削除」/).fill('消す');
      await expect(purge).toBeDisabled();
      await c.getByLabel(/確認のため「.*」または「削除」/).fill('削除');
      await purge.click();
      const check = c.getByTestId('purge-check');
      await expect(check).toContainText('すべて0件です');
      const left = await countBySession(c, sessionId);
      for (const [store, n] of Object.entries(left)) {
        // The session row stays as a tombstone (no patient data); the timeline and the audit trail keep
        // one line each saying who purged it.
        const expected = store === 'sessions' || store === 'events' || store === 'audit' ? 1 : 0;
        expect(n, store).toBe(expected);
      }
      const tomb = await getRow<{ purgedAt: string | null; reason: string }>(c, 'sessions', sessionId);
      expect(tomb?.purgedAt).not.toBeNull();
      expect(tomb?.reason).toBe('');
      // What stays is said, and the proof is still on screen after a reload (not 記録がありません).
      await expect(c.getByTestId('purge-stays')).toContainText('この端末に残るもの');
      await c.reload();
      await expect(c.getByTestId('purge-check')).toContainText('すべて0件です');
      await expect(c.getByTestId('purge-stays')).toBeVisible();
      await c.goto(serverC.url + '/');
      await expect(c.getByTestId('session-phase')).toHaveAttribute('data-phase', 'prepared');
    });
  } finally {
    await tabletB.close();
    await tabletC.close();
    await serverB.stop();
    await serverC.stop();
  }
});

test('before a purge: changes after the last bundle and unsaved forms are named; paper, intake and the timeline read in words', async ({
  page,
  context,
  server
}) => {
  test.setTimeout(120_000);
  let sessionId = '';
  let day: ReturnType<typeof recordsFor>;
  let a2: Arrival;
  let a3: Arrival;
  await test.step('── The morning: tablet A registers three patients; paper forms are printed and one is linked', async () => {
    await openReady(page, server.url + '/');
    await setUpClinic(page, server.url, { label: 'A', staff: ['受付 花子'] });
    await declareOutage(page, server.url);
    await context.setOffline(true);
    sessionId = await currentSessionId(page);
    day = recordsFor(sessionId, 'A', [
      { n: 1, name: '髙橋 ①子', deposit: 3000 },
      { n: 2, name: '新患 太郎', isNew: true, deposit: 2000 },
      { n: 3, name: '鈴木 次郎', deposit: 5000 }
    ]);
    // A-001's numbers are the ones a spreadsheet mangles when it guesses (01200013 → 1200013, 1/2 → a date).
    const a1 = day.arrivals[0]!;
    day.arrivals[0] = {
      ...a1,
      patientNo: '000001',
      phone: '09012345678',
      insurance: { ...a1.insurance, insurerNo: '01200013', branch: '03' }
    };
    const memo1 = day.memos[0]!;
    const rx = memo1.content.prescriptions[0]!;
    day.memos[0] = {
      ...memo1,
      content: { ...memo1.content, prescriptions: [rx, { ...rx, id: 'rx-2', drug: 'ムコダイン錠250' }] }
    };
    [, a2, a3] = day.arrivals as [Arrival, Arrival, Arrival];
    await putRows(page, {
      ...day,
      intakes: [intakeFor(a3, { symptoms: '咳が止まらない', since: '3日前', allergies: 'ペニシリン' })],
      paperLinks: [paperLinkFor(a3, 'U-0003')],
      events: [logged(sessionId, 'printed', 'arrivalSlip 5'), logged(sessionId, 'printed', 'waitingNotice 1')]
    });
  });

  await test.step("The home screen's timeline says what was printed, in words", async () => {
    await page.goto(server.url + '/');
    await expect(page.getByRole('listitem').filter({ hasText: '受付票 5枚' })).toHaveCount(1);
    await expect(page.getByRole('listitem').filter({ hasText: '待合室の掲示 1枚' })).toHaveCount(1);
    await expect(page.getByText(/arrivalSlip|waitingNotice/)).toHaveCount(0);
    await page.getByRole('button', { name: '復旧を記録する' }).click();
    // The second tap, after the list of what is still open.
    await expect(page.getByTestId('recovery-precheck')).toBeVisible();
    await page.getByRole('button', { name: 'この内容で復旧を記録する' }).click();
    await expect(page.getByTestId('session-phase')).toHaveAttribute('data-phase', 'recovering');
  });

  await test.step('── The EHR is back: the bundle is exported first', async () => {
    await page.goto(server.url + `/recovery/export/?session=${sessionId}`);
    await exportBundle(page);
  });

  await test.step('Then the cashier settles two deposits, and the office ticks two lines of the checklist; each button names its patient and line', async () => {
    await putRows(page, { settlements: [settledNow(day.bills[0]!), settledNow(day.bills[2]!)] });
    await page.goto(server.url + `/recovery/checklist/?session=${sessionId}`);
    await expect(page.getByTestId('checklist-progress')).toContainText('0 / 9 件 入力済み');
    await expect(page.getByRole('button', { name: /に入力済み/ })).toHaveCount(9);
    const names = await page
      .getByRole('button', { name: /に入力済み/ })
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? b.textContent));
    expect(new Set(names).size).toBe(names.length);
    await expect(page.getByTestId(`be-arrival-${a3.id}`)).toContainText('アレルギー：ペニシリン');
    await expect(page.getByTestId(`be-arrival-${a3.id}`)).toContainText('問診の症状：咳が止まらない');
    await page.getByRole('button', { name: '電子カルテに入力済み（A-001・受付）' }).click();
    await page.getByRole('button', { name: 'レセコンに入力済み（A-001・会計）' }).click();
    await expect(page.getByTestId('checklist-progress')).toContainText('2 / 9 件 入力済み');
  });

  await test.step("The new patient's number is started but not saved; the doctor left a memo half written", async () => {
    const newcomer = page.getByTestId(`be-arrival-${a2.id}`);
    await newcomer.getByRole('button', { name: '電子カルテに入力済み（A-002・受付）' }).click();
    await expect(newcomer.getByRole('alert')).toBeVisible();
    await expect(newcomer.getByRole('button', { name: /番号なしで入力済みにする/ })).toBeVisible();
    await newcomer.getByLabel('電子カルテの患者番号').fill('0077');
    await expect.poll(() => getRow(page, 'drafts', `recovery.ehrNo.${a2.id}`)).toBeTruthy();
    await putRows(page, {
      drafts: [
        {
          key: `visits.memo:${a3.id}`,
          value: { content: { findings: '書きかけ' }, baseRev: 0 },
          updatedAt: new Date().toISOString(),
          tabId: 'doctor',
          sessionId
        }
      ]
    });
  });

  const warnings = page.getByTestId('purge-warnings');
  await test.step('── The purge page says the bundle is stale, how much is missing from it, and which forms would be lost', async () => {
    await page.goto(server.url + `/recovery/purge/?session=${sessionId}`);
    await expect(warnings.getByTestId('purge-warn-export')).toContainText(
      /最後の書き出し（.+）のあとに変更があります（4件）— もう一度書き出してください/
    );
    await expect(warnings).toContainText('診療メモの下書き 1件（A-003）— 保存されていないため消えます');
    await expect(warnings).toContainText(
      '電子カルテの患者番号の入力途中 1件（A-002）— 保存されていないため消えます'
    );
    await expect(page.getByTestId('purge-summary')).toContainText('入力途中のフォーム');
  });

  await test.step('The warning leads straight to a fresh export; after it, the bundle holds everything again', async () => {
    await warnings.getByRole('link', { name: 'バンドルを書き出す' }).click();
    await expect(page).toHaveURL(/\/recovery\/export\//);
    await exportBundle(page);
    await page.goto(server.url + `/recovery/purge/?session=${sessionId}`);
    await expect(page.getByTestId('purge-warnings')).toContainText('診療メモの下書き 1件（A-003）');
    await expect(page.getByTestId('purge-warn-export')).toHaveCount(0);
  });

  let rows: string[][] = [];
  let h: string[] = [];
  await test.step('── The arrivals CSV carries the linked paper and the intake answers', async () => {
    await page.goto(server.url + `/recovery/csv/?session=${sessionId}`);
    const csv = await downloadBy(page, () =>
      page.getByRole('button', { name: /書き出す.*受付一覧/ }).click()
    );
    rows = csvRows(utf8(await bytesOf(csv)).replace(/^\uFEFF/, ''));
    h = rows[0]!;
    const row3 = rows.find((r) => r[0] === 'A-003')!;
    expect(row3[h.indexOf('用紙番号')]).toBe('U-0003');
    expect(row3[h.indexOf('問診_症状')]).toBe('咳が止まらない');
    expect(row3[h.indexOf('問診_アレルギー')]).toBe('ペニシリン');
    expect(row3[h.indexOf('問診_記入者')]).toBe('患者');
    expect(rows.find((r) => r[0] === 'A-001')![h.indexOf('問診_アレルギー')]).toBe('');
    expect(rows.find((r) => r[0] === 'A-001')![h.indexOf('保険者番号')]).toBe('01200013');
  });

  await test.step('── Beside each CSV, the same table as .xlsx: what a spreadsheet would mangle is text, money a number', async () => {
    const xlsxOf = (title: RegExp) =>
      downloadBy(page, () =>
        page.getByRole('button', { name: new RegExp(`Excel形式.*${title.source}`) }).click()
      );
    const arrivalsXlsx = await xlsxOf(/受付一覧/);
    expect(arrivalsXlsx.suggestedFilename()).toMatch(/^\d{4}-\d{2}-\d{2}_受付一覧\.xlsx$/);
    const arrivalsSheet = onlySheet(await bytesOf(arrivalsXlsx), '受付一覧');
    expect(arrivalsSheet.rows).toHaveLength(rows.length); // the same rows…
    const arrivals = sheetTable(arrivalsSheet);
    expect(arrivals.headers).toEqual(h); // …and columns as the CSV
    const first = arrivalsSheet.rows.findIndex((r) => r[0]?.value === 'A-001');
    expect(arrivals.cell(first, '保険者番号')).toEqual({ type: 'text', value: '01200013' });
    expect(arrivals.cell(first, '患者番号')).toEqual({ type: 'text', value: '000001' });
    expect(arrivals.cell(first, '枝番')).toEqual({ type: 'text', value: '03' });
    expect(arrivals.cell(first, '電話番号')).toEqual({ type: 'text', value: '09012345678' });
    expect(arrivals.cell(first, '受付日')?.type).toBe('text');
    const third = arrivalsSheet.rows.findIndex((r) => r[0]?.value === 'A-003');
    expect(arrivals.cell(third, '問診_症状')).toEqual({ type: 'text', value: '咳が止まらない' });

    const memos = sheetTable(onlySheet(await bytesOf(await xlsxOf(/診療メモ/)), '診療メモ'));
    expect(memos.cell(1, '患者番号')).toEqual({ type: 'text', value: '000001' });
    expect(memos.cell(1, '処方番号')).toEqual({ type: 'text', value: '1/2' });
    expect(memos.cell(2, '処方番号')).toEqual({ type: 'text', value: '2/2' });
    expect(memos.cell(2, '薬剤名')).toEqual({ type: 'text', value: 'ムコダイン錠250' });

    const bills = sheetTable(onlySheet(await bytesOf(await xlsxOf(/預り金と精算/)), '預り金と精算'));
    expect(bills.cell(1, '患者番号')).toEqual({ type: 'text', value: '000001' });
    expect(bills.cell(1, '金額')).toEqual({ type: 'number', value: '3000' });
    await expect(page.getByText(/書き出しました：.*_預り金と精算\.xlsx/)).toBeVisible();
  });

  await test.step("── The report's timeline in words too", async () => {
    await page.goto(server.url + `/recovery/report/?session=${sessionId}`);
    const report = page.getByTestId('incident-report');
    await expect(report).toContainText('受付票 5枚');
    await expect(report).toContainText('CSV：受付一覧');
    await expect(report).toContainText('Excel形式（.xlsx）：受付一覧');
    await expect(report).not.toContainText('arrivalSlip');
    await expect(report).not.toContainText('waitingNotice');
  });
});

test('a busy day as .xlsx, offline: compressed on the page, since the CSP refuses the workers the zip library would start', async ({
  page,
  context,
  server
}) => {
  test.setTimeout(120_000);
  await openReady(page, server.url + '/');
  await setUpClinic(page, server.url, { label: 'A', staff: ['受付 花子'] });
  await declareOutage(page, server.url);
  await context.setOffline(true);
  const sessionId = await currentSessionId(page);
  await test.step("300 arrivals: the sheet's XML is far over the 160 kB from which fflate's zip() would use a Worker", async () => {
    const day = recordsFor(
      sessionId,
      'A',
      Array.from({ length: 300 }, (_, i) => ({ n: i + 1, name: `患者 ${i + 1}`, memo: false }))
    );
    await putRows(page, day);
    await page.goto(server.url + `/recovery/csv/?session=${sessionId}`);
    await expect(page.getByText('300行').first()).toBeVisible();
    const xlsx = await downloadBy(page, () =>
      page.getByRole('button', { name: /Excel形式.*受付一覧/ }).click()
    );
    const sheet = onlySheet(await bytesOf(xlsx), '受付一覧');
    expect(sheet.rows).toHaveLength(301);
    expect(sheetTable(sheet).cell(300, '受付番号')).toEqual({ type: 'text', value: 'A-300' });
  });
});

async function bundleText(
  mutate: (b: Record<string, unknown>) => Promise<void> | void,
  kind: 'real' | 'drill' = 'real'
) {
  const data = sampleData(2, sampleSession({ kind }));
  const bundle = (await createBundle(data, {
    deviceLabel: 'B',
    deviceId: 'device-b',
    exportedBy: '看護 次郎',
    clinic: TEST_CLINIC,
    now: new Date('2025-11-15T05:00:00Z')
  })) as unknown as Record<string, unknown>;
  await mutate(bundle);
  return Buffer.from(JSON.stringify(bundle));
}

test('bundles that cannot be trusted: wrong password refused, newer version refused, damaged records set aside, bad checksum asked about, drill marked', async ({
  page,
  context,
  server
}) => {
  await openReady(page, server.url + '/');
  await setUpClinic(page, server.url, { label: 'C', staff: ['事務 三郎'] });
  await context.setOffline(true);
  await page.goto(server.url + '/recovery/import/');
  const input = bundleInput(page);
  const sealed = async (buffer: Buffer, password = BUNDLE_PASSWORD) =>
    Buffer.from(await sealBundle(buffer.toString('utf8'), password));

  const newer = await bundleText((b) => void (b.schemaVersion = 99));
  const damaged = await bundleText(async (b) => {
    const records = b.records as Record<string, Record<string, unknown>[]>;
    records.arrivals![1]!.rev = 'two';
    (b.checksum as { value: string }).value = await sha256Hex(
      canonicalJson({ clinic: b.clinic, sessions: b.sessions, records })
    );
  });
  const tampered = await bundleText((b) => {
    (b.records as Record<string, Record<string, unknown>[]>).bills![0]!.amount = 30000;
  });
  const drill = await bundleText(() => {}, 'drill');
  await input.setInputFiles([
    bundleUpload('newer.tebikae.tbk', await sealed(newer)),
    bundleUpload('damaged.tebikae.tbk', await sealed(damaged)),
    bundleUpload('not-a-bundle.json', Buffer.from('{"hello": 1}')),
    bundleUpload('tampered.tebikae.tbk', await sealed(tampered)),
    // Tablet B exported with its own passcode instead of the shared password.
    bundleUpload('own-passcode.tebikae.tbk', await sealed(await bundleText(() => {}), '246810'))
  ]);
  const entries = page.getByTestId('bundle-entry');
  await expect(entries).toHaveCount(5);
  await expect(entries.getByLabel('このファイルのパスワード')).toHaveCount(4);
  await expect(entries.nth(2)).toContainText('手控えのバンドルではありません。');

  await test.step("A wrong password: refused next to that file's field; the other files and the database untouched", async () => {
    await openEntry(entries.nth(3), 'sakura-2024');
    await expect(entries.nth(3).getByRole('alert')).toContainText('パスワードが違います');
    for (const other of [0, 1, 4]) await expect(entries.nth(other).getByRole('alert')).toHaveCount(0);
    await expect(entries.getByLabel('このファイルのパスワード')).toHaveCount(4);
    expect(await countBySession(page, sampleSession().id)).toMatchObject({
      sessions: 0,
      arrivals: 0,
      bills: 0
    });
  });

  await test.step("The right one opens its file, and is tried on the others: the tampered file opens, B's does not", async () => {
    await openEntry(entries.nth(0));
    await expect(entries.nth(0)).toContainText(
      'このファイルは新しいバージョンの手控え（データ形式 99）で作られています'
    );
    await expect(entries.nth(0)).toContainText('同じパスワードをほかのファイルにも試し、2件開きました。');
    await expect(entries.nth(0).getByRole('button')).toHaveCount(0);
    await expect(entries.nth(3)).toContainText('ほかのファイルで入力したパスワードで開きました。');
    await expect(entries.nth(3).getByLabel('このファイルのパスワード')).toHaveCount(0);
    await expect(entries.nth(4).getByLabel('このファイルのパスワード')).toBeVisible();
    await openEntry(entries.nth(4), '246810');
    await expect(entries.nth(4)).toContainText('端末B・看護 次郎');

    await expect(entries.nth(1)).toContainText('ほかのファイルで入力したパスワードで開きました。');
    await entries.nth(1).getByRole('button', { name: '取り込む', exact: true }).click();
    await expect(entries.nth(1)).toContainText('取り込めなかった記録（1件）');
    await expect(entries.nth(1).getByTestId('damaged')).toContainText(
      '受付 2番目（ID arr-A-2）：項目「rev」が読めません'
    );
    await expect(entries.nth(1).getByTestId('import-tally')).toBeVisible();

    await expect(entries.nth(3)).toContainText('ファイルの検査値が合いません');
    await expect(entries.nth(3).getByRole('button', { name: '取り込む', exact: true })).toHaveCount(0);
    await entries.nth(3).getByRole('button', { name: '警告を確認して取り込む' }).click();
    await expect(entries.nth(3)).toContainText('取り込みました（端末Bから）');
  });

  await test.step('A plain (unencrypted) file proves nothing about where it comes from: refused unless settings allow it', async () => {
    await input.setInputFiles(bundleUpload('plain.tebikae.json', await bundleText(() => {})));
    await expect(entries.nth(5)).toContainText('暗号化されていない古い形式です');
    await expect(entries.nth(5).getByRole('button', { name: /取り込む/ })).toHaveCount(0);
  });

  await test.step('A file picked later is tried with the passwords that worked here', async () => {
    await input.setInputFiles(bundleUpload('drill.tebikae.tbk', await sealed(drill)));
    await expect(entries.nth(6).locator('.drill-mark')).toHaveText('訓練');
    await expect(entries.nth(6)).toContainText('ほかのファイルで入力したパスワードで開きました。');
  });
});

test('every recovery screen is usable by touch and screen reader (no serious axe violations)', async ({
  page,
  server
}) => {
  await openReady(page, server.url + '/');
  await setUpClinic(page, server.url, { label: 'A' });
  await declareOutage(page, server.url);
  const sessionId = await currentSessionId(page);
  await putRows(
    page,
    recordsFor(sessionId, 'A', [
      { n: 1, name: '髙橋 ①子', deposit: 3000 },
      { n: 2, name: '新患 太郎', isNew: true, declaration: true, payLater: true }
    ])
  );
  for (const path of [
    '/recovery/',
    '/recovery/export/',
    '/recovery/import/',
    '/recovery/checklist/',
    '/recovery/csv/',
    '/recovery/report/',
    '/recovery/purge/'
  ]) {
    await page.goto(`${server.url}${path}?session=${sessionId}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText('読み込み中…')).toHaveCount(0);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      serious.map((v) => `${path}: ${v.id} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      `axe on ${path}`
    ).toEqual([]);
  }
});
