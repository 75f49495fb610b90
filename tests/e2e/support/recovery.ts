// Helpers for the after-recovery journeys: a tablet per browser context, records written straight into IndexedDB, files read back.
import { readFile } from 'node:fs/promises';
import {
  expect,
  type Browser,
  type BrowserContext,
  type Download,
  type Locator,
  type Page
} from '@playwright/test';
import { getSealed, putSealed, vaultDataKey } from './vault';
import {
  sampleArrival,
  sampleBill,
  sampleContent,
  sampleMemo,
  sampleMeta,
  sampleSettlement
} from '../../../src/lib/recovery/sample';
import { emptyIntakeFields, type Arrival, type Intake } from '../../../src/lib/reception/model';
import type { PaperLink } from '../../../src/lib/paper/links';
import type { TimelineEvent } from '../../../src/lib/outage/model';
import type { Settlement } from '../../../src/lib/billing/model';
import type { Memo } from '../../../src/lib/visits/model';
import type { Bill } from '../../../src/lib/billing/model';

/** A browser context as one tablet: its own storage, Japanese, Tokyo time, downloads allowed. */
export function newTablet(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    viewport: { width: 1024, height: 768 },
    acceptDownloads: true
  });
}

type Rows = Record<string, object[]>;

type Op =
  | { op: 'sessionId' }
  | { op: 'put'; rows: Rows }
  | { op: 'get'; store: string; id: string }
  | { op: 'count'; sessionId: string };

/** One trip into the app's own database ('tebikae'); the page must be on the app. (No eval: the app's CSP forbids it.) */
function idb<T>(page: Page, request: Op): Promise<T> {
  return page.evaluate(async (req) => {
    const open = indexedDB.open('tebikae');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = (name: string) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const r = db.transaction(name).objectStore(name).getAll();
        r.onsuccess = () => resolve(r.result as Record<string, unknown>[]);
        r.onerror = () => reject(r.error);
      });
    try {
      if (req.op === 'sessionId') {
        const open = (await all('sessions'))
          .filter((s) => !s.closedAt && !s.purgedAt)
          .sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
        if (!open[0]) throw new Error('declare an outage first');
        return open[0].id;
      }
      if (req.op === 'put') {
        const tx = db.transaction(Object.keys(req.rows), 'readwrite');
        for (const [store, list] of Object.entries(req.rows))
          for (const row of list) tx.objectStore(store).put(row);
        await new Promise((resolve, reject) => {
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
          tx.onabort = () => reject(tx.error);
        });
        return null;
      }
      if (req.op === 'get') {
        return await new Promise((resolve, reject) => {
          const r = db.transaction(req.store).objectStore(req.store).get(req.id);
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
      }
      const out: Record<string, number> = {};
      for (const name of [...db.objectStoreNames]) {
        const rows = await all(name);
        out[name] = rows.filter(
          (row) => row.sessionId === req.sessionId || (name === 'sessions' && row.id === req.sessionId)
        ).length;
      }
      return out;
    } finally {
      db.close();
    }
  }, request) as Promise<T>;
}

/** The id of the open outage session on this tablet. */
export function currentSessionId(page: Page): Promise<string> {
  return idb<string>(page, { op: 'sessionId' });
}

/**
 * The audit-trail lines the app's store writes with each version of a record (one 'create', then a
 * 'change' per later version), so rows put straight into the database look as the app made them: an
 * import refuses a version number no change on record explains.
 */
function auditLinesFor(rows: Rows): object[] {
  const lines: object[] = [];
  for (const [table, list] of Object.entries(rows)) {
    if (['audit', 'events', 'sessions', 'revisions', 'drafts', 'counters', 'settings'].includes(table))
      continue;
    for (const row of list as Record<string, unknown>[]) {
      const rev = typeof row.rev === 'number' ? row.rev : 1;
      for (let v = 1; v <= rev; v++) {
        const device = String(v === 1 ? row.createdDevice : row.updatedDevice);
        const at = String(v === 1 ? row.createdAt : row.updatedAt);
        // Two tablets' lines for one record never share an id (each device makes its own ids).
        lines.push({
          id: `audit-${table}-${String(row.id)}-${v}-${device}-${at}`,
          at,
          sessionId: row.sessionId,
          who: String(v === 1 ? row.createdBy : row.updatedBy),
          deviceLabel: device,
          action: v === 1 ? 'create' : 'change',
          table,
          recordId: String(row.id)
        });
      }
    }
  }
  return lines;
}

/** Put rows (store → records) in one transaction, as the reception, visits and billing screens would have (audit lines too). */
export async function putRows(page: Page, rows: Rows): Promise<void> {
  const audit = [...((rows.audit as object[] | undefined) ?? []), ...auditLinesFor(rows)];
  await putSealed(page, { ...rows, audit }, await vaultDataKey(page));
}

export async function getRow<T>(page: Page, store: string, id: string): Promise<T | undefined> {
  return getSealed<T>(page, store, id, await vaultDataKey(page));
}

/** Rows of the session in every store (drafts included; sessions: the session row), counted straight from IndexedDB. */
export function countBySession(page: Page, sessionId: string): Promise<Record<string, number>> {
  return idb<Record<string, number>>(page, { op: 'count', sessionId });
}

export interface Patient {
  n: number;
  name: string;
  kana?: string;
  isNew?: boolean;
  declaration?: boolean;
  deposit?: number;
  payLater?: boolean;
  memo?: boolean;
}

/** Records a tablet makes for its patients: arrival, memo (with a prescription) and a deposit or pay-later. */
export type TabletRecords = { arrivals: Arrival[]; memos: Memo[]; bills: Bill[] };

/** `minutes` after the arrival: every record of the morning lies in the past (none after a later export). */
const after = (arrival: Arrival, minutes: number) =>
  new Date(new Date(arrival.arrivedAt).getTime() + minutes * 60_000).toISOString();
const written = (arrival: Arrival, minutes: number) => {
  const at = after(arrival, minutes);
  return { createdAt: at, updatedAt: at, writtenAt: at };
};
const issued = (arrival: Arrival, minutes: number) => {
  const at = after(arrival, minutes);
  return { createdAt: at, updatedAt: at, issuedAt: at };
};

export function recordsFor(sessionId: string, label: string, patients: Patient[]): TabletRecords {
  const arrivals: Arrival[] = [];
  const memos: Memo[] = [];
  const bills: Bill[] = [];
  const now = Date.now();
  patients.forEach((p, i) => {
    const at = new Date(now - (patients.length - i) * 5 * 60_000).toISOString();
    const arrival = sampleArrival(label, p.n, {
      id: `${sessionId}-arr-${label}-${p.n}`,
      sessionId,
      arrivedAt: at,
      createdAt: at,
      updatedAt: at,
      name: p.name,
      kana: p.kana ?? '',
      isNew: p.isNew ?? false,
      patientNo: p.isNew ? '' : `${2000 + p.n}`,
      visitType: p.isNew ? 'first' : 'return',
      ...(p.declaration
        ? { eligibilityMethod: 'declaration' as const, eligibilityStatus: 'unconfirmed' as const }
        : {})
    });
    arrivals.push(arrival);
    if (p.memo !== false)
      memos.push(
        sampleMemo(arrival, {
          id: `${arrival.id}-memo`,
          sessionId,
          ...written(arrival, 1),
          content: sampleContent({ complaint: '発熱' })
        })
      );
    if (p.deposit || p.payLater)
      bills.push(
        sampleBill(arrival, p.n, {
          id: `${arrival.id}-bill`,
          sessionId,
          ...issued(arrival, 2),
          ...(p.payLater ? { kind: 'payLater' as const, amount: 0, serial: '' } : { amount: p.deposit ?? 0 })
        })
      );
  });
  return { arrivals, memos, bills };
}

/** Stamp a record as made now, in `sessionId`, on tablet `label`. */
function madeNow(id: string, sessionId: string, label: string) {
  const at = new Date().toISOString();
  return { ...sampleMeta(id, at, label), sessionId };
}

/** An intake (問診) the patient filled in on the tablet for `arrival`. */
export function intakeFor(arrival: Arrival, answers: Partial<Intake> = {}): Intake {
  return {
    ...madeNow(`${arrival.id}-intake`, arrival.sessionId, arrival.deviceLabel),
    arrivalId: arrival.id,
    ...emptyIntakeFields,
    filledBy: 'patient',
    ...answers
  };
}

/** A printed form's serial attached to an arrival on the paper screen. */
export function paperLinkFor(arrival: Arrival, serial: string): PaperLink {
  return {
    ...madeNow(`${arrival.id}-link-${serial}`, arrival.sessionId, arrival.deviceLabel),
    serial,
    recordId: arrival.id,
    recordKind: 'arrival'
  };
}

/** A settlement (精算) of `bill` made now, as the settle screen would write it. */
export function settledNow(bill: Bill, by = '会計 次郎'): Settlement {
  return {
    ...sampleSettlement(bill, { settledBy: by, settledAt: new Date().toISOString() }),
    ...madeNow(`${bill.id}-settled`, bill.sessionId, bill.createdDevice)
  };
}

/** A timeline line as a domain logs it (the paper screen: 'arrivalSlip 5'). */
export function logged(
  sessionId: string,
  kind: TimelineEvent['kind'],
  detail: string,
  label = 'A'
): TimelineEvent {
  return {
    id: `${sessionId}-ev-${kind}-${detail}`,
    sessionId,
    kind,
    at: new Date().toISOString(),
    by: '受付 花子',
    deviceLabel: label,
    detail
  };
}

/** A download's bytes. */
export async function bytesOf(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFile(path);
}

/** Click and wait for the file it saves. */
export async function downloadBy(page: Page, click: () => Promise<void>): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return download;
}

/** The one-off password the journeys' tablets export with (told in person, never written on the stick). */
export const BUNDLE_PASSWORD = 'sakura-2025';

/** The import's file input, found by its visible label. */
export const bundleInput = (page: Page) => page.getByLabel('バンドルファイル（.tebikae.tbk）');

/** A bundle file as the file input receives it: sealed bundles are opaque bytes. */
export function bundleUpload(name: string, buffer: Buffer) {
  return {
    name,
    mimeType: name.endsWith('.json') ? 'application/json' : 'application/octet-stream',
    buffer
  };
}

/** On the export page: type the password twice and export; the sealed file it saves. */
export async function exportBundle(page: Page, password = BUNDLE_PASSWORD): Promise<Download> {
  await page.getByLabel('書き出しパスワード', { exact: true }).fill(password);
  await page.getByLabel('書き出しパスワード（確認）').fill(password);
  const file = await downloadBy(page, () => page.getByRole('button', { name: 'バンドルを書き出す' }).click());
  await expect(page.getByLabel('書き出しパスワード', { exact: true })).toHaveValue('');
  return file;
}

/** On the import page: type a sealed file's password beside it and press 開く. */
export async function openEntry(entry: Locator, password = BUNDLE_PASSWORD): Promise<void> {
  await entry.getByLabel('このファイルのパスワード').fill(password);
  await entry.getByRole('button', { name: '開く' }).click();
}

/** Whether `text` appears in the file's bytes as UTF-8 (how the bundle's JSON would hold it). */
export const holdsInClear = (file: Buffer, text: string): boolean => file.includes(Buffer.from(text, 'utf8'));
