// Protecting patient data on the tablet: a passcode before anything, sealed records on disk, locking that keeps the work.
import { test, expect, openReady, setUpClinic, declareOutage } from './support/fixtures';
import {
  PASSCODE,
  diskText,
  lockNow,
  lockScreen,
  openReadyLocked,
  putSealed,
  readSealed,
  vaultDataKey,
  setUpAndReload,
  setUpVault,
  setupScreen,
  stopKeepingOpen,
  unlockVault,
  wrongPasscodes
} from './support/vault';
import { registerAtDesk } from './support/visits';

const patient = {
  name: '山田 花子',
  kana: 'ヤマダ ハナコ',
  birthDate: '1980-05-17',
  sex: '女' as const,
  complaint: '昨夜から頭痛がひどい',
  intake: { allergies: 'ペニシリンで発疹', medications: 'ロキソニン' }
};

test('first use: the passcode comes before anything, the recovery code is shown once', async ({
  page,
  server
}) => {
  await openReadyLocked(page, server.url + '/');
  const setup = setupScreen(page);
  await expect(setup).toBeVisible();
  await expect(setup.getByText('誰にも読めなくなります', { exact: false })).toBeVisible();
  let setupMs = 0;
  await test.step('Nothing of the app is there yet', async () => {
    await expect(page.getByRole('link', { name: '受付', exact: true })).toHaveCount(0);

    await setup.getByLabel('新しいパスコード').fill('12345');
    await setup.getByLabel('パスコード（確認）').fill('12345');
    await setup.getByRole('button', { name: 'パスコードを設定する' }).click();
    await expect(setup.getByText('パスコードは6文字以上にしてください。')).toBeVisible();
    await setup.getByLabel('新しいパスコード').fill(PASSCODE);
    await setup.getByLabel('パスコード（確認）').fill('246811');
    await setup.getByRole('button', { name: 'パスコードを設定する' }).click();
    await expect(setup.getByText('確認のパスコードが一致しません', { exact: false })).toBeVisible();
    await setup.getByLabel('パスコード（確認）').fill(PASSCODE);
    const setupStart = Date.now();
    await setup.getByRole('button', { name: 'パスコードを設定する' }).click();

    await expect(setup.getByTestId('recovery-code')).toHaveText(/^([0-9A-Z]{4}){6}$/, { timeout: 30_000 });
    setupMs = Date.now() - setupStart;
  });

  await test.step('A reload on the sheet (a stray tap, a crash) does not lose the code: once unlocked, it is shown again', async () => {
    const firstCode = (await setup.getByTestId('recovery-code').textContent())!;
    await page.reload();
    await unlockVault(page);
    await expect(setup.getByTestId('recovery-code')).toHaveText(firstCode);
    const start = setup.getByRole('button', { name: '使い始める' });
    await expect(start).toBeDisabled();
    await page.keyboard.press('Escape');
    await expect(setup).toBeVisible();
    await setup.getByLabel('回復コードを書き留めました（または印刷しました）').check();
    await start.click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('手控え');
  });

  const lock = lockScreen(page);
  await test.step('A reload forgets the key: the lock screen, and nothing of the app behind it', async () => {
    await page.reload();
    await expect(lock).toBeVisible();
    await expect(page.getByRole('link', { name: '受付', exact: true })).toHaveCount(0);
    await lock.getByLabel('パスコード', { exact: true }).fill('111111');
    await lock.getByRole('button', { name: 'ロック解除' }).click();
    await expect(lock.getByText('パスコードが違います（1回目）。')).toBeVisible({ timeout: 30_000 });
    await expect(lock.getByText('間違えた回数：1回')).toBeVisible();
  });

  await test.step('The big keypad types digits too', async () => {
    for (const digit of PASSCODE) await lock.getByRole('button', { name: digit, exact: true }).click();
    const unlockStart = Date.now();
    await lock.getByRole('button', { name: 'ロック解除' }).click();
    await expect(lock).toBeHidden({ timeout: 30_000 });
    console.log(
      `[vault] Chromium, PBKDF2 600k: setup ${setupMs} ms (two keys), unlock ${Date.now() - unlockStart} ms (tap to app)`
    );
    await expect(page.getByRole('heading', { level: 1 })).toContainText('手控え');
  });

  await test.step('Confirmed once: not shown again', async () => {
    await expect(setup).toHaveCount(0);
  });
});

test('what reaches the disk is sealed: no name, kana, birth date or symptom in clear', async ({
  page,
  server
}) => {
  await openReady(page, server.url + '/');
  await setUpClinic(page, server.url);
  await declareOutage(page, server.url);
  const queueNo = await registerAtDesk(page, server.url, patient);
  await test.step('A half-typed next patient sits in a draft', async () => {
    await page.goto(server.url + '/reception/');
    await page.getByRole('textbox', { name: '氏名', exact: true }).fill('下書き 次郎');
    await page.getByLabel('フリガナ').fill('シタガキ ジロウ');
    await page.getByLabel('フリガナ').blur();

    const disk = await diskText(page);
    const everything = Object.values(disk).join('\n');
    for (const secret of [
      '山田',
      'ヤマダ',
      '1980-05-17',
      '頭痛',
      'ペニシリン',
      'ロキソニン',
      '下書き',
      'シタガキ'
    ])
      expect(everything, secret).not.toContain(secret);
    expect(disk.arrivals).toContain('"_enc"');
    expect(disk.drafts).toContain('"_enc"');
    // Settings hold no patient data and stay readable: the clinic's name is there in clear.
    expect(disk.settings).toContain('てびかえ内科クリニック');
  });

  await test.step('Through the app everything reads as typed', async () => {
    await page.goto(server.url + '/queue/');
    await expect(page.getByText(queueNo)).toBeVisible();
    await expect(page.getByText('山田 花子').first()).toBeVisible();
  });

  await test.step('The format is plain AES-GCM: with the passcode, WebCrypto alone opens a record and seals one the app reads', async () => {
    const key = await vaultDataKey(page);
    const arrivals = await readSealed<{ id: string; name: string; seq: number; queueNo: string }>(
      page,
      'arrivals',
      key
    );
    expect(arrivals.map((a) => a.name.replace(/\s+/g, ' '))).toEqual(['山田 花子']);
    const copy = { ...arrivals[0]!, id: 'sealed-by-test', name: '外部 記録', seq: 99, queueNo: 'A-099' };
    await putSealed(page, { arrivals: [copy] }, key);
    await page.reload();
    await expect(page.getByText('外部 記録').first()).toBeVisible();
  });
});

test('locking keeps the unsaved form: unlock, and the half-typed patient is still there (offline)', async ({
  page,
  context,
  server
}) => {
  await openReady(page, server.url + '/');
  await setUpClinic(page, server.url);
  await declareOutage(page, server.url);
  await page.goto(server.url + '/reception/');
  const name = page.getByRole('textbox', { name: '氏名', exact: true });
  await expect(name).toBeVisible();
  await context.setOffline(true);
  await stopKeepingOpen(page);

  await name.fill('田中 一郎');
  await page.getByLabel('フリガナ').fill('タナカ イチロウ');
  await lockNow(page);
  await test.step('The form is still in the page, but neither seen nor reachable', async () => {
    await expect(name).toBeHidden();
    await expect(page.getByText('田中 一郎')).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(lockScreen(page)).toBeVisible();

    await unlockVault(page);
    await expect(page).toHaveURL(/\/reception\/$/);
    await expect(name).toHaveValue('田中 一郎');
    await expect(page.getByLabel('フリガナ')).toHaveValue('タナカ イチロウ');
  });

  await test.step('Typing goes on and still autosaves: after a reload and unlock the draft is restored', async () => {
    await name.fill('田中 一郎太');
    await name.blur();
    await page.reload();
    await unlockVault(page);
    await expect(name).toHaveValue('田中 一郎太');
  });
});

test('wrong passcodes slow down after three, and a reload does not reset the count', async ({
  page,
  server
}) => {
  await page.clock.install();
  await setUpAndReload(page, server.url + '/');
  const lock = lockScreen(page);
  const field = lock.getByLabel('パスコード', { exact: true });
  const unlock = lock.getByRole('button', { name: 'ロック解除' });
  await test.step('Three wrong passcodes: a wait of 30 seconds before the next try', async () => {
    await wrongPasscodes(page, 3);
    await expect(lock.getByText('間違えた回数：3回')).toBeVisible();
    await expect(lock.getByTestId('vault-wait')).toContainText(/あと(30|29|28)秒/);
    await expect(unlock).toBeDisabled();
  });

  await test.step('A reload does not reset the count', async () => {
    await page.reload();
    await expect(lock.getByText('間違えた回数：3回')).toBeVisible();
    await expect(unlock).toBeDisabled();
  });

  await test.step('After the wait, a fourth wrong passcode: the wait grows to a minute', async () => {
    await page.clock.fastForward('00:31');
    await expect(lock.getByTestId('vault-wait')).toBeHidden();
    await field.fill('000000');
    await unlock.click();
    await expect(lock.getByText('パスコードが違います（4回目）。')).toBeVisible({ timeout: 30_000 });
    await expect(lock.getByTestId('vault-wait')).toContainText(/あと1分/);
  });

  await test.step('After that wait, the right passcode opens the app', async () => {
    await page.clock.fastForward('01:01');
    await unlockVault(page);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('手控え');
  });
});

test('moving the tablet clock during the wait lets no passcode in early, nor makes the wait longer', async ({
  page,
  server
}) => {
  await page.clock.install();
  await setUpAndReload(page, server.url + '/');
  const lock = lockScreen(page);
  const field = lock.getByLabel('パスコード', { exact: true });
  const unlock = lock.getByRole('button', { name: 'ロック解除' });
  const wait = lock.getByTestId('vault-wait');
  await wrongPasscodes(page, 3);
  await expect(wait).toContainText(/あと(30|29|28)秒/);
  const pageNow = () => page.evaluate(() => Date.now());

  await test.step('20 minutes ahead, well past the wait by the clock: the wait goes on and the right passcode is refused', async () => {
    await page.clock.setSystemTime((await pageNow()) + 20 * 60_000);
    await page.clock.runFor(2_000);
    await expect(wait).toContainText(/あと2\d秒/);
    await expect(unlock).toBeDisabled();
    await field.fill(PASSCODE);
    await field.press('Enter');
    await page.waitForTimeout(2_000); // an unlock (PBKDF2) would be done by now
    await expect(lock).toBeVisible();
    await expect(lock.getByText('間違えた回数：3回')).toBeVisible();
  });

  await test.step('Three hours back: the wait is not stretched to the 15-minute cap either', async () => {
    await page.clock.setSystemTime((await pageNow()) - 3 * 3600_000);
    await page.clock.runFor(1_000);
    await expect(wait).toContainText(/あと2\d秒/);
  });

  await test.step('A reload with the clock still moved resumes the same wait, neither skipped nor started again', async () => {
    await page.reload();
    await expect(wait).toContainText(/あと(1\d|2[0-7])秒/);
    await expect(unlock).toBeDisabled();
    await page.clock.fastForward('00:30');
    await expect(wait).toBeHidden();
    await unlockVault(page);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('手控え');
  });
});

test('a forgotten passcode: the recovery code opens the vault and sets a new passcode', async ({
  page,
  server
}) => {
  await openReadyLocked(page, server.url + '/');
  const code = await setUpVault(page);
  await page.reload();
  const lock = lockScreen(page);
  await lock.getByRole('button', { name: 'パスコードを忘れた（回復コードを使う）' }).click();
  await lock.getByLabel('回復コード').fill('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF');
  await lock.getByLabel('新しいパスコード').fill('135790');
  await lock.getByLabel('パスコード（確認）').fill('135790');
  await lock.getByRole('button', { name: '回復コードで解除して、パスコードを変える' }).click();
  await expect(lock.getByText('回復コードが違います（1回目）。')).toBeVisible({ timeout: 30_000 });
  await test.step('Typed back as read from the sheet: lower case, spaces between the groups', async () => {
    await lock.getByLabel('回復コード').fill(code.toLowerCase().replace(/(.{4})(?!$)/g, '$1 '));
    await lock.getByRole('button', { name: '回復コードで解除して、パスコードを変える' }).click();
    await expect(lock).toBeHidden({ timeout: 30_000 });
  });

  await test.step('The new passcode must reach the rest of the staff: the app says so once', async () => {
    await expect(page.getByTestId('passcode-changed')).toContainText(
      '新しいパスコードを口頭で伝えてください'
    );

    await page.reload();
    await lock.getByLabel('パスコード', { exact: true }).fill(PASSCODE);
    await lock.getByRole('button', { name: 'ロック解除' }).click();
    await expect(lock.getByText('パスコードが違います（1回目）。')).toBeVisible({ timeout: 30_000 });
    await unlockVault(page, '135790');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('手控え');
  });
});

test('idle for the set minutes locks the screen; the lock button locks every tab', async ({
  page,
  context,
  server
}) => {
  await test.step('The screen is set to lock after 2 idle minutes', async () => {
    await page.clock.install();
    await openReady(page, server.url + '/');
    await setUpClinic(page, server.url);
    await page.goto(server.url + '/settings/');
    await page.getByLabel('自動ロックまでの時間（分）').fill('2');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.getByText('設定を保存しました')).toBeVisible();
    await stopKeepingOpen(page);
  });

  await test.step('Idle for a minute and a half it stays open; past 2 minutes it locks', async () => {
    await page.clock.fastForward('01:30');
    await expect(lockScreen(page)).toBeHidden();
    await page.clock.fastForward('00:40');
    await expect(lockScreen(page)).toBeVisible();
    await unlockVault(page);
  });

  await test.step('The lock button on one tab locks the other tab too', async () => {
    const other = await context.newPage();
    await other.goto(server.url + '/settings/');
    await expect(other.getByLabel('医院名')).toHaveValue('てびかえ内科クリニック');
    await stopKeepingOpen(other);
    await lockNow(page);
    await expect(lockScreen(other)).toBeVisible();
    await unlockVault(other);
    await expect(other.getByLabel('医院名')).toHaveValue('てびかえ内科クリニック');
  });
});

test('the audit trail shows who did what on which device, never a patient name', async ({ page, server }) => {
  await openReady(page, server.url + '/');
  await setUpClinic(page, server.url);
  await declareOutage(page, server.url);
  await registerAtDesk(page, server.url, { ...patient, intake: undefined });
  await page.goto(server.url + '/settings/');
  const log = page.getByTestId('audit-log');
  await test.step("The registration's line names it by its queue number, as the desk knows it", async () => {
    await expect(log.locator('tr[data-action="create"]').filter({ hasText: '受付' }).first()).toContainText(
      'A-001'
    );
    await expect(log.locator('tr[data-action="unlock"]').first()).toContainText('A');
    await expect(log).not.toContainText('山田');
    await page.getByLabel('操作で絞り込む').selectOption({ label: 'ロック解除' });
    await expect(log.locator('tr[data-action="create"]')).toHaveCount(0);
    await expect(log.locator('tr[data-action="unlock"]').first()).toBeVisible();
  });
});
