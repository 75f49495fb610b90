// A clinic hub for the browser tests: pouchdb-server (CouchDB's HTTP API) on a free loopback port, data in a temp folder, with an admin, a clinic user and _security so nobody else reads or writes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  freePort,
  setUpClinicDatabase,
  startPouchServer,
  type PouchServer
} from '../../../scripts/hub/couch.mjs';
import { test as base, expect } from './fixtures';
import { choose, submitArrival } from './reception';
import type { DeskPatient } from './visits';

export const HUB_DB = 'clinic';
export const HUB_USER = 'tebikae-clinic';
export const HUB_PASSWORD = 'hub-pass-5c8e1a';
/** The hub's CouchDB admin (a clinic enters it once in 設定 on the managing device). */
export const HUB_ADMIN = { user: 'admin', password: 'admin-pass-93f2' };
const ADMIN = { name: HUB_ADMIN.user, password: HUB_ADMIN.password };

export interface Hub {
  /** The hub's own address (http://127.0.0.1:port), for the test's direct requests. */
  url: string;
  /** Stop the hub process (a power cut of the hub box): its data stays in the folder. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** A request as the clinic user (default), as another user (`as`), or as anyone (`anonymous`). */
  request(
    path: string,
    init?: RequestInit & { anonymous?: boolean; as?: { user: string; password: string } }
  ): Promise<Response>;
  /** A request as the hub's admin. */
  admin(path: string, init?: RequestInit): Promise<Response>;
}

const basic = (user: string, password: string) =>
  'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');

export async function startHub(): Promise<Hub & { dispose(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'tebikae-hub-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let couch: PouchServer | null = null;

  const up = async () => {
    couch = await startPouchServer(dir, port);
  };
  const down = async () => {
    const running = couch;
    couch = null;
    await running?.stop();
  };
  const admin = (path: string, init: RequestInit = {}) =>
    fetch(url + path, {
      ...init,
      headers: {
        'content-type': 'application/json',
        authorization: basic(HUB_ADMIN.user, HUB_ADMIN.password),
        ...init.headers
      }
    });

  await up();
  // As a clinic sets up its CouchDB (and as `npm run hub` does): an admin (no more "admin party"), the database,
  // one clinic user, and _security naming that user as the only member, so an anonymous request reads and
  // writes nothing.
  await setUpClinicDatabase(url, {
    db: HUB_DB,
    admin: ADMIN,
    clinic: { name: HUB_USER, password: HUB_PASSWORD }
  });

  return {
    url,
    stop: down,
    start: up,
    request: (path, init = {}) => {
      const { anonymous, as, ...rest } = init;
      const who = as ?? { user: HUB_USER, password: HUB_PASSWORD };
      return fetch(url + path, {
        ...rest,
        headers: {
          'content-type': 'application/json',
          ...(anonymous ? {} : { authorization: basic(who.user, who.password) }),
          ...rest.headers
        }
      });
    },
    admin,
    async dispose() {
      await down();
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

/** The app's fixtures plus a hub, reached from the app at `${server.url}/hub/${HUB_DB}` (same origin). */
export const test = base.extend<{ hub: Hub }>({
  hub: async ({ server }, use) => {
    const hub = await startHub();
    server.proxy('/hub/', hub.url);
    await use(hub);
    await hub.dispose();
  }
});
export { expect };

/** A patient at the desk, as the hub journeys register them. */
export interface Visit {
  name: string;
  kana: string;
  birthDate: string;
  complaint: string;
}

/** Register one arrival at reception; its queue number. */
export async function register(page: Page, base: string, visit: Visit): Promise<string> {
  await page.goto(`${base}/reception/`);
  await page.getByRole('textbox', { name: '氏名', exact: true }).fill(visit.name);
  await page.getByLabel('フリガナ').fill(visit.kana);
  await page.getByLabel('生年月日').fill(visit.birthDate);
  await choose(page, '性別', '男');
  await choose(page, '初診・再診', '初診');
  await choose(page, '資格の確認方法', '未確認');
  await page.getByLabel('主訴（受付で聞いた内容）').fill(visit.complaint);
  return submitArrival(page);
}

/** Open the hub settings, let `fill` enter them, switch the hub on, save, and wait until connected. */
export async function connect(page: Page, base: string, fill: () => Promise<void>): Promise<void> {
  await page.goto(`${base}/settings/`);
  await fill();
  await page.getByLabel('この端末でハブを使う').check();
  await page.getByRole('button', { name: 'ハブの設定を保存' }).click();
  await expect(page.getByText('ハブの設定を保存しました')).toBeVisible();
  await expect(page.getByTestId('hub-status')).toHaveText('つながっています', { timeout: 15_000 });
}

/** The first device: the hub's address and clinic user, a new clinic key, connected. */
export async function connectFirst(page: Page, base: string): Promise<void> {
  await connect(page, base, async () => {
    await page.getByLabel('ハブのアドレス').fill(`${base}/hub/${HUB_DB}`);
    await page.getByLabel('ハブのユーザー名').fill(HUB_USER);
    await page.getByLabel('ハブのパスワード').fill(HUB_PASSWORD);
    await page.getByRole('button', { name: '医院の鍵を作る（1台目の端末）' }).click();
  });
}

/** On the managing device (settings open): the hub admin's credentials, entered once. */
export async function enterHubAdmin(page: Page): Promise<void> {
  await page.getByLabel('管理者のユーザー名').fill(HUB_ADMIN.user);
  await page.getByLabel('管理者のパスワード').fill(HUB_ADMIN.password);
  await page.getByRole('button', { name: '管理者の設定を保存' }).click();
  await expect(page.getByText('管理者の設定を保存しました')).toBeVisible();
}

/** 端末を追加 with the passcode on the managing device (settings open): the pairing code its QR shows. */
export async function addDevice(page: Page, passcode: string): Promise<string> {
  await page.getByRole('button', { name: '端末を追加' }).click();
  await page.getByLabel('この端末のパスコード').fill(passcode);
  await page.getByRole('button', { name: 'ペアリング用QRコードを表示' }).click();
  const qr = page.getByTestId('hub-pairing').getByRole('img', { name: 'ペアリング用QRコード' });
  await expect(qr).toBeVisible({ timeout: 15_000 });
  return (await qr.getAttribute('data-code'))!;
}

/** A joining device (settings open) pastes the pairing code and is connected. */
export async function joinByPaste(page: Page, code: string): Promise<void> {
  await page.getByLabel('ペアリングコードを入力').fill(code);
  await page.getByRole('button', { name: 'ペアリングコードを読み込む' }).click();
  await expect(page.getByText('ハブにつなぎました')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('hub-status')).toHaveText('つながっています', { timeout: 15_000 });
}

/** Patients the hub journeys register at the desk (a clinic's afternoon). */
export const hubPatients: DeskPatient[] = [
  { name: '鈴木 一郎', kana: 'スズキ イチロウ', birthDate: '1961-03-14', sex: '男', complaint: '胸が痛い' },
  {
    name: '佐藤 花子',
    kana: 'サトウ ハナコ',
    birthDate: '1990-11-02',
    sex: '女',
    complaint: '熱とのどの痛み'
  },
  { name: '田中 誠', kana: 'タナカ マコト', birthDate: '1975-07-21', sex: '男', complaint: '腰が痛い' },
  { name: '高橋 優子', kana: 'タカハシ ユウコ', birthDate: '1988-02-09', sex: '女', complaint: '頭痛' },
  { name: '伊藤 健', kana: 'イトウ ケン', birthDate: '2001-12-30', sex: '男', complaint: '咳が続く' }
];

/**
 * The ids of a table's records on the hub, each once: the hub holds one document per version of a record
 * (`<table>:<record>:<revision>:…`), so a record that went through three versions counts once.
 */
export async function recordsOnHub(hub: Hub, table: string): Promise<Set<string>> {
  const all = await hub.request(`/${HUB_DB}/_all_docs`);
  const { rows } = (await all.json()) as { rows: { id: string }[] };
  return new Set(rows.filter((r) => r.id.startsWith(`${table}:`)).map((r) => r.id.split(':')[1] ?? ''));
}
