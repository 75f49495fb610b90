// Vault helpers: first-use passcode setup, unlocking, locking, and keeping the vault open for journeys about other things.
import { expect, type BrowserContext, type Page } from '@playwright/test';

/** The passcode journeys use unless they are about the passcode itself. */
export const PASSCODE = '246810';

/** PBKDF2 with 600,000 rounds takes about a second on a slow machine; setup derives two keys. */
const KEY_TIMEOUT = 30_000;

export const setupScreen = (page: Page) => page.getByRole('dialog', { name: 'この端末の患者データを守る' });
export const lockScreen = (page: Page) => page.getByRole('dialog', { name: 'ロック中' });

/**
 * Open the app and wait until it works offline, answering nothing: for journeys about the setup and
 * lock screens themselves (fixtures' openReady answers them).
 */
export async function openReadyLocked(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('offline-readiness')).toHaveAttribute('data-state', 'ready', {
    timeout: 30_000
  });
}

/** First use: choose the passcode, read the recovery code shown once, confirm it is written down. */
export async function setUpVault(page: Page, passcode = PASSCODE): Promise<string> {
  const setup = setupScreen(page);
  await setup.getByLabel('新しいパスコード').fill(passcode);
  await setup.getByLabel('パスコード（確認）').fill(passcode);
  await setup.getByRole('button', { name: 'パスコードを設定する' }).click();
  const shown = setup.getByTestId('recovery-code');
  await expect(shown).toBeVisible({ timeout: KEY_TIMEOUT });
  const code = ((await shown.textContent()) ?? '').replace(/\s+/g, '');
  await setup.getByLabel('回復コードを書き留めました（または印刷しました）').check();
  await setup.getByRole('button', { name: '使い始める' }).click();
  await expect(setup).toBeHidden();
  return code;
}

/** Type the passcode on the lock screen and wait until the app shows again. */
export async function unlockVault(page: Page, passcode = PASSCODE): Promise<void> {
  const lock = lockScreen(page);
  await lock.getByLabel('パスコード', { exact: true }).fill(passcode);
  await lock.getByRole('button', { name: 'ロック解除' }).click();
  await expect(lock).toBeHidden({ timeout: KEY_TIMEOUT });
}

/** First use done, then a reload: the lock screen, as staff meet it every morning. */
export async function setUpAndReload(page: Page, url: string): Promise<void> {
  await openReadyLocked(page, url);
  await setUpVault(page);
  await page.reload();
}

/** Type a wrong passcode on the lock screen `count` times, each answered with its count. */
export async function wrongPasscodes(page: Page, count: number): Promise<void> {
  const lock = lockScreen(page);
  for (let n = 1; n <= count; n++) {
    await lock.getByLabel('パスコード', { exact: true }).fill('000000');
    await lock.getByRole('button', { name: 'ロック解除' }).click();
    await expect(lock.getByText(`パスコードが違います（${n}回目）。`)).toBeVisible({ timeout: KEY_TIMEOUT });
  }
}

/** One tap on the status bar's lock button. */
export async function lockNow(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'ロック', exact: true }).click();
  await expect(lockScreen(page)).toBeVisible();
}

const watched = new WeakSet<Page>();
const turns = new WeakMap<Page, Promise<unknown>>();

/**
 * Answer whichever screen shows, one answer at a time per page: two actions waiting behind the same
 * screen would otherwise type into the passcode field together. (Actions inside a handler never
 * call handlers, so waiting for the previous answer cannot wait on itself.)
 */
function answer(page: Page, passcode: string): Promise<void> {
  const turn = (turns.get(page) ?? Promise.resolve()).then(async () => {
    if (await setupScreen(page).isVisible()) await setUpVault(page, passcode);
    else if (await lockScreen(page).isVisible()) await unlockVault(page, passcode);
  });
  turns.set(
    page,
    turn.catch(() => undefined)
  );
  return turn;
}

async function watch(page: Page, passcode: string): Promise<void> {
  if (watched.has(page)) return;
  watched.add(page);
  await page.addLocatorHandler(setupScreen(page), () => answer(page, passcode));
  await page.addLocatorHandler(lockScreen(page), () => answer(page, passcode));
}

/**
 * After a reload, before plain reads (textContent, count, evaluate), which do not meet the locator
 * handlers: wait for the app's main area, letting the handlers answer the lock screen on the way.
 */
export async function settleVault(page: Page): Promise<void> {
  await expect(page.locator('main')).toBeVisible({ timeout: KEY_TIMEOUT });
}

/**
 * For journeys about something else: whenever the setup or lock screen appears (first use, every
 * reload, every new tab), answer it with the passcode.
 */
export async function keepVaultOpen(context: BrowserContext, passcode = PASSCODE): Promise<void> {
  for (const page of context.pages()) await watch(page, passcode);
  if (followed.has(context)) return;
  followed.add(context);
  context.on('page', (page) => void watch(page, passcode));
}

/** Contexts whose new pages are already answered (openReady and a journey may both ask). */
const followed = new WeakSet<BrowserContext>();

/** Stop answering the lock screen on this page (to look at it). */
export async function stopKeepingOpen(page: Page): Promise<void> {
  watched.delete(page);
  await page.removeLocatorHandler(lockScreen(page));
  await page.removeLocatorHandler(setupScreen(page));
}

/**
 * Every row of every object store of the app's database as stored on disk, read with plain
 * IndexedDB (no vault): byte arrays are given as their UTF-8 decoding, so text hidden in them shows.
 */
export async function diskText(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('tebikae');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const decoder = new TextDecoder();
    const out: Record<string, string> = {};
    try {
      for (const name of [...db.objectStoreNames]) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const r = db.transaction(name).objectStore(name).getAll();
          r.onsuccess = () => resolve(r.result as unknown[]);
          r.onerror = () => reject(r.error);
        });
        out[name] = JSON.stringify(rows, (_k, v: unknown) =>
          ArrayBuffer.isView(v) ? `bytes:${decoder.decode(v as Uint8Array)}` : v
        );
      }
    } finally {
      db.close();
    }
    return out;
  });
}

/**
 * The data key, unwrapped in the page with WebCrypto alone from the passcode and the stored keyring
 * (what anyone holding the passcode could do). For helpers that must read or seed sealed rows.
 */
export async function vaultDataKey(page: Page, passcode = PASSCODE): Promise<number[]> {
  return page.evaluate(async (passcode) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('tebikae');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    type Slot = { salt: Uint8Array; iterations: number; iv: Uint8Array; wrapped: Uint8Array };
    const ring = await new Promise<{ passcode: Slot }>((resolve, reject) => {
      const r = db.transaction('vault').objectStore('vault').get('keyring');
      r.onsuccess = () => resolve(r.result as { passcode: Slot });
      r.onerror = () => reject(r.error);
    });
    db.close();
    const enc = new TextEncoder();
    const slot = ring.passcode;
    const base = await crypto.subtle.importKey(
      'raw',
      enc.encode(passcode.normalize('NFKC')),
      'PBKDF2',
      false,
      ['deriveKey']
    );
    const kek = await crypto.subtle.deriveKey(
      { name: 'PBKDF2', salt: slot.salt as BufferSource, iterations: slot.iterations, hash: 'SHA-256' },
      base,
      { name: 'AES-GCM', length: 256 },
      false,
      ['decrypt']
    );
    const key = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: slot.iv as BufferSource,
        additionalData: enc.encode('tebikae-keyring-v1:passcode')
      },
      kek,
      slot.wrapped as BufferSource
    );
    return Array.from(new Uint8Array(key));
  }, passcode);
}

/** One row by its primary key, opened like readSealed; undefined when there is none. */
export async function getSealed<T>(
  page: Page,
  store: string,
  key: string,
  dataKey: number[]
): Promise<T | undefined> {
  const rows = await readSealed<T>(page, store, dataKey, key);
  return rows[0];
}

/** All rows of one store (or the one with `only` as its key), opened with WebCrypto from the data key (see vaultDataKey). */
export async function readSealed<T>(
  page: Page,
  store: string,
  dataKey: number[],
  only?: string
): Promise<T[]> {
  return page.evaluate(
    async ({ store, dataKey, only }) => {
      const enc = new TextEncoder();
      const hkdf = await crypto.subtle.importKey('raw', new Uint8Array(dataKey), 'HKDF', false, [
        'deriveBits'
      ]);
      const bits = await crypto.subtle.deriveBits(
        { name: 'HKDF', hash: 'SHA-256', salt: enc.encode('tebikae-vault-v1'), info: enc.encode('records') },
        hkdf,
        256
      );
      const key = await crypto.subtle.importKey('raw', bits, 'AES-GCM', false, ['decrypt']);
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('tebikae');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const os = db.transaction(store).objectStore(store);
      const keyPath = os.keyPath as string;
      const rows = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const r = only === undefined ? os.getAll() : os.getAll(only);
        r.onsuccess = () => resolve(r.result as Record<string, unknown>[]);
        r.onerror = () => reject(r.error);
      });
      db.close();
      const out: unknown[] = [];
      for (const row of rows) {
        const sealed = row._enc as Uint8Array | undefined;
        if (!sealed) {
          out.push(row);
          continue;
        }
        if (sealed[0] !== 1) throw new Error('unknown sealed format');
        const plain = await crypto.subtle.decrypt(
          {
            name: 'AES-GCM',
            iv: sealed.slice(1, 13),
            additionalData: enc.encode(`tebikae:${store}:${JSON.stringify(row[keyPath])}`)
          },
          key,
          sealed.slice(13)
        );
        out.push(JSON.parse(new TextDecoder().decode(plain)));
      }
      return out as T[];
    },
    { store, dataKey, only }
  );
}

/**
 * Write rows the way the vault stores them (key and index fields in clear, 患者番号 hashed, the
 * whole record sealed), with WebCrypto alone: for seeding a journey with data the app then reads.
 */
export async function putSealed(
  page: Page,
  rows: Record<string, object[]>,
  dataKey: number[]
): Promise<void> {
  await page.evaluate(
    async ({ rows, dataKey }) => {
      const enc = new TextEncoder();
      const hkdf = await crypto.subtle.importKey('raw', new Uint8Array(dataKey), 'HKDF', false, [
        'deriveBits'
      ]);
      const derive = (info: string) =>
        crypto.subtle.deriveBits(
          { name: 'HKDF', hash: 'SHA-256', salt: enc.encode('tebikae-vault-v1'), info: enc.encode(info) },
          hkdf,
          256
        );
      const key = await crypto.subtle.importKey('raw', await derive('records'), 'AES-GCM', false, [
        'encrypt'
      ]);
      const blind = await crypto.subtle.importKey(
        'raw',
        await derive('blind-index'),
        { name: 'HMAC', hash: 'SHA-256' },
        false,
        ['sign']
      );
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('tebikae');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      // Tables without patient content stay in clear (src/lib/store/vault-middleware.ts, CLEAR_TABLES).
      const clear = new Set(['settings', 'counters', 'vault', 'audit', 'events', 'sessions']);
      const sealedRows: Record<string, Record<string, unknown>[]> = {};
      const shape = db.transaction(Object.keys(rows));
      for (const [store, list] of Object.entries(rows)) {
        if (clear.has(store)) {
          sealedRows[store] = list as Record<string, unknown>[];
          continue;
        }
        const os = shape.objectStore(store);
        const keyPath = os.keyPath as string;
        const paths = new Set<string>([keyPath]);
        for (const name of [...os.indexNames]) {
          const kp = os.index(name).keyPath;
          for (const p of Array.isArray(kp) ? kp : [kp]) paths.add(p);
        }
        sealedRows[store] = [];
        for (const value of list as Record<string, unknown>[]) {
          const row: Record<string, unknown> = {};
          for (const p of paths) {
            if (value[p] === undefined) continue;
            if (store === 'patients' && p === 'patientNo') {
              const mac = await crypto.subtle.sign(
                'HMAC',
                blind,
                enc.encode(`patients.patientNo\u0000${typeof value[p]}:${String(value[p])}`)
              );
              row[p] = [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, '0')).join('');
            } else row[p] = value[p];
          }
          const nonce = crypto.getRandomValues(new Uint8Array(12));
          const ct = new Uint8Array(
            await crypto.subtle.encrypt(
              {
                name: 'AES-GCM',
                iv: nonce,
                additionalData: enc.encode(`tebikae:${store}:${JSON.stringify(value[keyPath])}`)
              },
              key,
              enc.encode(JSON.stringify(value))
            )
          );
          const sealed = new Uint8Array(13 + ct.length);
          sealed[0] = 1;
          sealed.set(nonce, 1);
          sealed.set(ct, 13);
          row._enc = sealed;
          sealedRows[store]!.push(row);
        }
      }
      const tx = db.transaction(Object.keys(rows), 'readwrite');
      for (const [store, list] of Object.entries(sealedRows))
        for (const row of list) tx.objectStore(store).put(row);
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
      db.close();
    },
    { rows, dataKey }
  );
}
