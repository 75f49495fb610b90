// The roster (患者名簿): the office manager imports the EHR's export offline, reception finds patients in it, a re-import replaces it.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, openReady, watchOffOrigin } from './support/fixtures';
import { importRosterFile, toHiragana, writeRosterFile } from './support/patients';
import { formatWareki } from '../../src/lib/patients/wareki';
import type { Page } from '@playwright/test';

const hits = (page: Page) => page.getByTestId('patient-hit');

/** No serious or critical axe violations on the screen as it stands. */
async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('a CP932 roster imported offline: encoding shown, a column fixed, bad rows reported, patients found by kana, number and 和暦 — and still there after a reload', async ({
  page,
  context,
  server
}) => {
  const off = watchOffOrigin(context, server.url);
  const dupeNo = '1001';
  const file = await writeRosterFile(300, 20251115, {
    encoding: 'SJIS',
    // This EHR calls the kana column 読み仮名, which is not a spelling tebikae knows.
    renameHeaders: { フリガナ: '読み仮名' },
    extraLines: [
      ',名無し　次郎,ナナシ　ジロウ,1980/1/1,男,,,,,,,,',
      '99001,日付　誤り,ヒヅケ　アヤマリ,1980/2/30,女,,,,,,,,',
      `${dupeNo},二重\u3000登録,ニジュウ\u3000トウロク,1970/5/5,男,,,,,,,,`,
      '99002,性別　不詳,セイベツ　フショウ,1990/5/5,？,,,,,3割,,,'
    ],
    name: '患者一覧_20251114.csv'
  });
  expect(file.patients[0]!.patientNo).toBe(dupeNo);

  await openReady(page, server.url + '/patients/');
  await context.setOffline(true);
  await page.reload();

  await test.step('No roster yet: the status says so, and the search box says where to get one', async () => {
    await expect(page.getByTestId('roster-status')).toContainText('名簿がまだ取り込まれていません');
    await expect(page.getByTestId('picker-no-roster')).toContainText('名簿が取り込まれていません');
    await expect(
      page.getByTestId('picker-no-roster').getByRole('link', { name: '名簿を取り込む' })
    ).toBeVisible();
    await expectAccessible(page);
  });

  await test.step('1. The file: Shift_JIS detected', async () => {
    await page.getByLabel('CSVファイル').setInputFiles(file.path);
    await expect(page.getByTestId('detected-encoding')).toHaveText('文字コード：Shift_JIS');
    await expect(page.getByText('患者一覧_20251114.csv：304行・13列')).toBeVisible();
  });

  await test.step('2. The columns: the kana column was not recognised; the manager picks it', async () => {
    const kana = page.getByLabel('フリガナ', { exact: true });
    await expect(kana).toHaveValue('');
    await expect(page.getByText('フリガナの列が選ばれていません')).toBeVisible();
    await expect(page.getByLabel(/^患者番号/)).toHaveValue('0');
    await kana.selectOption({ label: '3列目：読み仮名' });
    await expect(page.getByText('フリガナの列が選ばれていません')).toHaveCount(0);
  });

  await test.step('Choosing a column twice is caught next to the select, and the import waits', async () => {
    await page.getByLabel('住所', { exact: true }).selectOption({ label: '3列目：読み仮名' });
    await expect(page.getByText('3列目が2つの項目に選ばれています')).toBeVisible();
    await expect(page.getByRole('button', { name: '取り込む', exact: true })).toBeDisabled();
    await page.getByLabel('住所', { exact: true }).selectOption({ label: '11列目：住所' });
  });

  await test.step('3. The preview: the first ten rows as they will be imported, kana and 和暦 included', async () => {
    const first = file.patients[0]!;
    const preview = page.getByTestId('import-preview');
    await expect(preview.locator('tbody tr')).toHaveCount(10);
    const firstRow = preview.locator('tbody tr').first();
    await expect(firstRow).toContainText(first.name);
    await expect(firstRow).toContainText(first.kana);
    await expect(firstRow).toContainText(formatWareki(first.birthDate)!);

    await expectAccessible(page);
  });

  await test.step('4. When the roster was exported, then import', async () => {
    await page.getByLabel('名簿の時点（電子カルテから書き出した日時）').fill('2025-11-14T18:30');
    await page.getByRole('button', { name: '取り込む', exact: true }).click();
    const done = page.getByTestId('import-done');
    await expect(done).toContainText('301人を取り込みました', { timeout: 30_000 });
    await expect(done).toContainText('この名簿は 2025年11月14日（金） 18:30 時点のものです');
    const rejected = done.getByTestId('import-rejected');
    await expect(rejected).toContainText('3行は取り込めませんでした');
    await expect(rejected.getByRole('listitem').nth(0)).toHaveText(/302行目\s*患者番号がありません/);
    await expect(rejected.getByRole('listitem').nth(1)).toHaveText(
      /303行目\s*生年月日「1980\/2\/30」は存在しない日付です/
    );
    await expect(rejected.getByRole('listitem').nth(2)).toHaveText(
      new RegExp(`304行目\\s*患者番号 ${dupeNo} は2行目にもあります`)
    );
    const warnings = done.getByTestId('import-warnings');
    await expect(warnings).toContainText('305行目');
    await expect(warnings).toContainText('性別「？」を読めないため、不明として取り込みました');

    const status = page.getByTestId('roster-status');
    await expect(status).toContainText('301人');
    await expect(status).toContainText('名簿の時点：2025年11月14日（金） 18:30');
    await expect(status).toContainText('ファイル：患者一覧_20251114.csv');
    await expect(status).toContainText('文字コード：Shift_JIS');
  });

  const search = page.getByLabel('患者検索');
  const someone = file.patients[42]!;
  await test.step("Reception's lookups: hiragana finds the katakana kana …", async () => {
    await search.fill(toHiragana(someone.kana));
    await expect(hits(page).filter({ hasText: someone.patientNo }).first()).toContainText(someone.name);
  });

  await test.step('… the 患者番号 finds the patient first …', async () => {
    await search.fill(someone.patientNo);
    await expect(hits(page).first()).toContainText(someone.name);
    await expect(hits(page).first()).toContainText(someone.patientNo);
  });

  await test.step('… and a birth date in 和暦 finds everyone born that day', async () => {
    const wareki = formatWareki(someone.birthDate)!;
    await search.fill(wareki);
    await expect(hits(page).filter({ hasText: someone.patientNo })).toHaveCount(1);
    await expect(hits(page).first()).toContainText(wareki);
    await expectAccessible(page);
  });

  await test.step('Nothing matches: said plainly', async () => {
    await search.fill('ンンンン');
    await expect(page.getByText('該当する患者がいません')).toBeVisible();
  });

  await test.step('A pick shows the roster details, read-only', async () => {
    await search.fill(someone.patientNo);
    await hits(page).first().click();
    const details = page.getByTestId('patient-details');
    await expect(details).toContainText(someone.name);
    await expect(details).toContainText(someone.insurerNo);
    if (someone.allergies) await expect(details).toContainText(someone.allergies);
    await expect(details.getByRole('textbox')).toHaveCount(0);
  });

  await test.step('Reloaded, still offline: the roster is there and searchable', async () => {
    await page.reload();
    await expect(page.getByTestId('roster-status')).toContainText('301人');
    await page.getByLabel('患者検索').fill(toHiragana(someone.kana));
    await expect(hits(page).filter({ hasText: someone.patientNo }).first()).toContainText(someone.name);
  });

  await test.step("The last import's report can be read again later", async () => {
    await page.getByText('前回の取り込みの報告').click();
    await expect(page.getByTestId('roster-status').getByTestId('import-rejected')).toContainText('302行目');
    expect(off).toEqual([]);
  });
});

test('a UTF-8 roster with BOM; a re-import replaces it; the roster is deleted with a typed confirmation', async ({
  page,
  context,
  server
}) => {
  await openReady(page, server.url + '/patients/');
  await context.setOffline(true);
  const before = await writeRosterFile(40, 5, { encoding: 'UTF-8-BOM', name: 'roster-before.csv' });
  await page.getByLabel('CSVファイル').setInputFiles(before.path);
  await expect(page.getByTestId('detected-encoding')).toHaveText('文字コード：UTF-8（BOM付き）');
  await test.step('Every column of this export is recognised', async () => {
    await expect(page.getByLabel('フリガナ', { exact: true })).toHaveValue('2');
    await page.getByRole('button', { name: '取り込む', exact: true }).click();
    await expect(page.getByTestId('import-done')).toContainText('40人を取り込みました');
    await expect(page.getByTestId('import-done').getByTestId('import-rejected')).toHaveCount(0);
  });

  await test.step('A newer export replaces the whole roster; the screen says what it replaced and as of when', async () => {
    const after = await writeRosterFile(25, 6, {
      encoding: 'UTF-8-BOM',
      firstPatientNo: 8001,
      name: 'roster-after.csv'
    });
    await page.getByRole('button', { name: '別のファイルを選ぶ' }).click();
    await page.getByLabel('CSVファイル').setInputFiles(after.path);
    await expect(page.getByText('今の名簿（40人）を置き換えます')).toBeVisible();
    await page.getByLabel('名簿の時点（電子カルテから書き出した日時）').fill('2025-11-15T08:00');
    await page.getByRole('button', { name: '取り込む', exact: true }).click();
    const done = page.getByTestId('import-done');
    await expect(done).toContainText('25人を取り込みました');
    await expect(done).toContainText('前の名簿（40人）を置き換えました');
    await expect(done).toContainText('この名簿は 2025年11月15日（土） 08:00 時点のものです');
    await expect(page.getByTestId('roster-status')).toContainText('ファイル：roster-after.csv');
    await expect(page.getByTestId('roster-status')).toContainText('文字コード：UTF-8（BOM付き）');

    const search = page.getByLabel('患者検索');
    await search.fill(before.patients[0]!.name);
    await expect(hits(page).filter({ hasText: before.patients[0]!.patientNo })).toHaveCount(0);
    await search.fill(after.patients[3]!.patientNo);
    await expect(hits(page).first()).toContainText(after.patients[3]!.name);
  });

  await test.step('Deleting asks for the word first', async () => {
    await page.getByRole('button', { name: '名簿を削除する…' }).click();
    const dialog = page.getByRole('dialog', { name: '名簿を削除' });
    await expect(dialog).toContainText('名簿（25人）を削除します');
    const confirm = dialog.getByRole('button', { name: '名簿を削除する', exact: true });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel('確認のため「削除」と入力してください').fill('削除');
    await confirm.click();
    await expect(page.getByText('名簿を削除しました')).toBeVisible();
    await expect(page.getByTestId('roster-status')).toContainText('名簿がまだ取り込まれていません');
    await expect(page.getByTestId('picker-no-roster')).toBeVisible();
    await page.reload();
    await expect(page.getByTestId('roster-status')).toContainText('名簿がまだ取り込まれていません');
  });
});

test('a routine re-import takes the guessed columns and the file’s own time: choose, check, import', async ({
  page,
  server
}) => {
  await openReady(page, server.url + '/');
  const file = await writeRosterFile(30, 77);
  await importRosterFile(page, server.url, file);
  await expect(page.getByTestId('roster-status')).toContainText('30人');

  await test.step('A search that matches more than the list shows says how many it leaves out', async () => {
    const matching = file.patients.filter((p) => p.patientNo.startsWith('10')).length;
    expect(matching).toBeGreaterThan(20);
    await page.getByLabel('患者検索').fill('10');
    await expect(hits(page)).toHaveCount(20);
    await expect(page.getByTestId('picker-more')).toHaveText(
      `20人を表示（ほかに${matching - 20}人）。条件を足して絞り込んでください`
    );
    await expect(page.getByText(`20人を表示（ほかに${matching - 20}人）`, { exact: true })).toBeAttached();
  });

  await test.step('One that fits says just how many', async () => {
    await page.getByLabel('患者検索').fill(file.patients[3]!.patientNo);
    await expect(page.getByTestId('picker-more')).toHaveCount(0);
    await expect(page.getByText('1人が見つかりました', { exact: true })).toBeAttached();
  });
});

test('a UTF-16 file, or Shift_JIS behind a UTF-8 mark, is refused in plain words; the roster on the device stays', async ({
  page,
  server
}) => {
  await openReady(page, server.url + '/');
  await importRosterFile(page, server.url, await writeRosterFile(20, 41));
  await expect(page.getByTestId('roster-status')).toContainText('20人');
  await page.getByRole('button', { name: '別のファイルを選ぶ' }).click();

  await test.step("Excel's 「Unicode テキスト」 is UTF-16: said so, with what to do instead — not read as Shift_JIS mojibake", async () => {
    const utf16 = await writeRosterFile(30, 42, { encoding: 'UTF-16LE', name: 'unicode.csv' });
    await page.getByLabel('CSVファイル').setInputFiles(utf16.path);
    const refusal = page.getByRole('alert').filter({ hasText: 'UTF-16' });
    await expect(refusal).toContainText('UTF-16（Unicode テキスト）で保存されていて、読み込めません');
    await expect(refusal).toContainText('「UTF-8」か「Shift_JIS（CP932）」で書き出し直す');
    await expect(refusal).toContainText('「CSV UTF-8（コンマ区切り）」で保存し直して');
    await expect(page.getByTestId('detected-encoding')).toHaveCount(0);
    await expect(page.getByText('患者番号の列を選んでください')).toHaveCount(0);
    await expect(page.getByRole('button', { name: '取り込む', exact: true })).toHaveCount(0);
  });

  await test.step('A UTF-8 mark in front of Shift_JIS bytes: a mixed encoding, said so', async () => {
    const mixed = await writeRosterFile(30, 43, { encoding: 'SJIS-behind-BOM', name: 'mixed.csv' });
    await page.getByLabel('CSVファイル').setInputFiles(mixed.path);
    await expect(page.getByRole('alert')).toContainText(
      '中身は Shift_JIS など別の文字コードです（文字コードが混ざっています）'
    );
    await expect(page.getByTestId('detected-encoding')).toHaveCount(0);

    await expect(page.getByTestId('roster-status')).toContainText('20人');
    await expect(page.getByTestId('roster-status')).toContainText('ファイル：roster-41.csv');
  });
});

test('a roster with a quote left open on row 501 of 1,000: the damage is named, replacing asks again with both counts, and declining keeps the roster', async ({
  page,
  server
}) => {
  await openReady(page, server.url + '/');
  const good = await writeRosterFile(1000, 51, { name: 'good.csv' });
  await importRosterFile(page, server.url, good);
  const status = page.getByTestId('roster-status');
  await expect(status).toContainText('1,000人');

  const broken = await writeRosterFile(1000, 51, { name: 'broken.csv', openQuoteOnPatient: 500 });
  await test.step("The same export with a quote opened in the 500th patient's name (file row 501) and never closed", async () => {
    await page.getByRole('button', { name: '別のファイルを選ぶ' }).click();
    await page.getByLabel('CSVファイル').setInputFiles(broken.path);
    const damage = page.getByTestId('quote-damage');
    await expect(damage).toContainText('ファイルの引用符（"）が壊れています');
    await expect(damage).toContainText(
      '501行目の2列目（氏名）で引用符（"）が開いたまま閉じられていません。そこからファイルの終わりまでの500行がこの1つの項目に入ってしまい、取り込めません'
    );
  });

  const dialog = page.getByRole('dialog', { name: 'このファイルで名簿を置き換えますか？' });
  await test.step('Importing asks a second time, with the roster now and what the file would leave', async () => {
    await page.getByRole('button', { name: '取り込む', exact: true }).click();
    await expect(dialog.getByTestId('replace-counts')).toHaveText('今の名簿 1,000人 → 新しいファイル 499人');
    await expect(dialog).toContainText('501行目の2列目（氏名）で引用符');
    await expect(dialog).toContainText('今の名簿（1,000人）の半分より少なくなります');
    await expectAccessible(page);
  });

  await test.step('Declined: the good roster stays, all of it, after a reload too', async () => {
    await dialog.getByRole('button', { name: 'やめる（今の名簿を残す）' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('取り込みをやめました。今の名簿（1,000人）はそのままです')).toBeVisible();
    await expect(page.getByTestId('import-done')).toHaveCount(0);
    await page.reload();
    await expect(status).toContainText('1,000人');
    await expect(status).toContainText('ファイル：good.csv');
    const late = good.patients[799]!;
    await page.getByLabel('患者検索').fill(late.patientNo);
    await expect(hits(page).first()).toContainText(late.name);
  });

  await test.step('Asked for explicitly, the damaged file replaces it, and the report says what was left out', async () => {
    await page.getByLabel('CSVファイル').setInputFiles(broken.path);
    await page.getByRole('button', { name: '取り込む', exact: true }).click();
    await page.getByRole('button', { name: 'このファイルで置き換える' }).click();
    const done = page.getByTestId('import-done');
    await expect(done).toContainText('499人を取り込みました');
    await expect(done).toContainText('前の名簿（1,000人）を置き換えました');
    const rejected = done.getByTestId('import-rejected');
    await expect(rejected).toContainText('501行は取り込めませんでした');
    await expect(rejected.getByRole('listitem').first()).toHaveText(
      /501行目\s*501行目の2列目（氏名）で引用符（"）が開いたまま閉じられていません。そこからファイルの終わりまでの500行/
    );
    await expect(status).toContainText('499人');
  });
});

test('values reception would refuse are flagged at import, row by row, and those patients can still be found', async ({
  page,
  server
}) => {
  await openReady(page, server.url + '/');
  const file = await writeRosterFile(20, 61, {
    name: 'flagged.csv',
    extraLines: [
      `99001,${'長'.repeat(1000)},ナガイ\u3000ナマエ,1980/1/1,男,,,,,,,,`,
      '99002,未来　生子,ミライ　ウマコ,2099/1/1,女,,,,,,,,',
      '99003,漢字　仮名,カンジ　仮名,1970/3/3,女,,,,,,,,',
      '99004,電話　無子,デンワ　ナコ,1975/4/4,女,,,,,,,電話なし,'
    ]
  });
  await importRosterFile(page, server.url, file);
  const done = page.getByTestId('import-done');
  await expect(done).toContainText('24人を取り込みました');
  await expect(done.getByTestId('import-rejected')).toHaveCount(0);
  const warnings = done.getByTestId('import-warnings').getByRole('listitem');
  await expect(warnings).toHaveText([
    /22行目\s*氏名が1,000文字あり、受付で使える60文字を超えています.*先頭60文字で取り込みました/,
    /23行目\s*生年月日「2099\/1\/1」が未来の日付です。そのまま取り込みましたが、受付では生年月日を直すよう求められます/,
    /24行目\s*フリガナ「カンジ\u3000仮名」にカタカナ以外の文字があります/,
    /25行目\s*電話番号「電話なし」が電話番号の形ではありません/
  ]);

  await test.step('Still found in an outage: by number, by name', async () => {
    const search = page.getByLabel('患者検索');
    await search.fill('99002');
    await expect(hits(page).first()).toContainText('未来　生子');
    await expect(hits(page).first()).not.toContainText('歳'); // no negative age for a date to come
    await search.fill('99001');
    await expect(hits(page).first()).toContainText('長'.repeat(60));
  });
});
