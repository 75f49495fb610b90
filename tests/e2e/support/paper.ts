// Helpers for the paper journeys: register at the desk, add a memo and a deposit, save a PDF from the preview and read its text.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { putSealed, readSealed, vaultDataKey } from './vault';

export interface DeskPatient {
  name: string;
  kana: string;
  birth: string;
  visitType: '初診' | '再診';
}

/** Register one arrival through the reception screen, as the desk would (資格 未確認, the clinic's only department). */
export async function registerAtDesk(page: Page, base: string, p: DeskPatient): Promise<void> {
  await page.goto(`${base}/reception/`);
  // Required fields carry a ＊ after the label (hidden from the accessible name).
  await page.getByRole('textbox', { name: '氏名', exact: true }).fill(p.name);
  await page.getByRole('textbox', { name: 'フリガナ', exact: true }).fill(p.kana);
  await page.getByRole('textbox', { name: '生年月日', exact: true }).fill(p.birth);
  await page.getByRole('radio', { name: p.visitType, exact: true }).check();
  await page.getByRole('radio', { name: '未確認', exact: true }).check();
  await page.getByRole('button', { name: '受付する', exact: true }).click();
  await expect(page.getByRole('heading', { name: '受付しました' })).toBeVisible();
}

/**
 * Give an arrival (by name) a visit memo and a cash deposit (預り金), written straight into IndexedDB
 * ('tebikae', schema v1) as the visits and billing screens would; the paper screen reads them live.
 */
export async function addMemoAndDeposit(page: Page, name: string, amount: number): Promise<void> {
  type Arrival = { id: string; sessionId: string; name: string; drill: boolean; deviceLabel: string };
  const key = await vaultDataKey(page);
  // The desk stores names with a full-width space (山田＋全角スペース＋太郎).
  const same = (x: string) => x.replace(/\s+/g, ' ');
  const arrival = (await readSealed<Arrival>(page, 'arrivals', key)).find((a) => same(a.name) === same(name));
  if (!arrival) throw new Error('no such arrival');
  const at = new Date().toISOString();
  const meta = {
    sessionId: arrival.sessionId,
    createdAt: at,
    createdBy: '医師 一郎',
    createdDevice: arrival.deviceLabel,
    updatedAt: at,
    updatedBy: '医師 一郎',
    updatedDevice: arrival.deviceLabel,
    rev: 1,
    drill: arrival.drill
  };
  const memoId = crypto.randomUUID();
  const content = {
    date: at.slice(0, 10),
    startTime: '',
    endTime: '',
    department: '内科',
    doctor: '医師 一郎',
    complaint: '咳',
    history: '',
    reportedMeds: '',
    allergies: '',
    vitals: {
      temperature: '37.8',
      systolic: '128',
      diastolic: '82',
      pulse: '',
      spo2: '',
      respRate: '',
      height: '',
      weight: ''
    },
    findings: '',
    assessment: '急性上気道炎',
    suspected: true,
    prescriptions: [],
    procedures: '',
    tests: [],
    injections: '',
    guidance: '',
    nextAppointment: '',
    documents: []
  };
  const memo = {
    ...meta,
    id: memoId,
    arrivalId: arrival.id,
    content,
    authorName: '医師 一郎',
    writtenAt: at,
    paperSerial: ''
  };
  const revision = {
    id: crypto.randomUUID(),
    sessionId: arrival.sessionId,
    recordId: memoId,
    rev: 1,
    at,
    by: '医師 一郎',
    deviceLabel: arrival.deviceLabel,
    changes: [],
    snapshot: content
  };
  const bill = {
    ...meta,
    id: crypto.randomUUID(),
    arrivalId: arrival.id,
    kind: 'deposit',
    amount,
    method: 'cash',
    receivedBy: '受付 花子',
    reason: 'systemDown',
    serial: `${arrival.deviceLabel}-0001`,
    issuedAt: at,
    voided: null,
    paperSerial: ''
  };
  await putSealed(page, { memos: [memo], revisions: [revision], bills: [bill] }, key);
}

/**
 * Make a PDF with the button of that name, then save it through the preview's download link.
 * Returns the file name the app gave it, where it was saved and the text pdftotext reads from it.
 */
export async function makeAndDownload(
  page: Page,
  testInfo: TestInfo,
  button: string
): Promise<{ fileName: string; path: string; text: string; preview: ReturnType<Page['getByTestId']> }> {
  const make = page.getByRole('button', { name: button, exact: true });
  const preview = page.getByTestId('pdf-output').filter({ has: make }).getByTestId('pdf-preview');
  await make.click();
  await expect(preview.getByRole('status')).toBeVisible({ timeout: 30_000 });
  // Headless Chromium may hand the previewed frame to a download too: wait for the named one.
  const download = page.waitForEvent('download', (d) => !/^[0-9a-f-]{36}$/.test(d.suggestedFilename()));
  await preview.getByRole('link', { name: 'ダウンロード' }).click();
  const file = await download;
  const fileName = file.suggestedFilename();
  const path = testInfo.outputPath(fileName.replace(/[^\w.-]/g, '_'));
  await file.saveAs(path);
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  writeFileSync(`${path}.txt`, text);
  return { fileName, path, text, preview };
}

/** Timeline entries of a kind, read from IndexedDB (detail only: no patient content is ever there). */
export async function timelineDetails(page: Page, kind: string): Promise<string[]> {
  return page.evaluate(async (kind) => {
    const request = indexedDB.open('tebikae');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const rows = await new Promise<{ kind: string; detail: string }[]>((resolve, reject) => {
      const r = db.transaction('events').objectStore('events').getAll();
      r.onsuccess = () => resolve(r.result as { kind: string; detail: string }[]);
      r.onerror = () => reject(r.error);
    });
    db.close();
    return rows.filter((e) => e.kind === kind).map((e) => e.detail);
  }, kind);
}
