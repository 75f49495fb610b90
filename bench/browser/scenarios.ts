// Benchmark scenarios run inside Chromium: each returns named figures in milliseconds or bytes.
import { percentile } from './stats';
import { table, transaction, newMeta, randomId, type WriteContext } from '$lib/store';
import { closeDataDb, deleteDataDb } from '$lib/store/db';

export type Figures = Record<string, number>;

const ctx = (): WriteContext => ({
  actor: { staffId: 's1', staffName: '受付 花子', deviceLabel: 'A' },
  now: new Date(),
  newId: randomId
});

function intakeRecord(i: number) {
  return {
    ...newMeta(ctx(), 'bench-session', false),
    arrivalId: `arrival-${i}`,
    symptoms: '昨日から発熱と咳、のどの痛み。夜に悪化。',
    since: '昨日',
    temperature: '38.2',
    allergies: 'ペニシリン',
    medications: 'アムロジピン 5mg 1日1回',
    pregnancy: 'no',
    pastIllnesses: '高血圧',
    message: '',
    filledBy: 'staff'
  };
}

async function rawPutFloor(n: number): Promise<number[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open('bench-raw', 1);
    req.onupgradeneeded = () => req.result.createObjectStore('intakes', { keyPath: 'id' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const record = intakeRecord(i);
    const t0 = performance.now();
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('intakes', 'readwrite', { durability: 'strict' });
      tx.objectStore('intakes').put(record);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    times.push(performance.now() - t0);
  }
  db.close();
  return times;
}

async function storeSave(n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const record = intakeRecord(i);
    const t0 = performance.now();
    // The same path a form's submit takes: a transaction over the store with strict durability.
    await transaction(['intakes', 'audit'], async () => {
      await table('intakes').put(record);
    });
    times.push(performance.now() - t0);
  }
  return times;
}

export const scenarios = {
  async save(n = 200): Promise<Figures> {
    await deleteDataDb();
    const raw = await rawPutFloor(n);
    const app = await storeSave(n);
    closeDataDb();
    return {
      'save.raw.p50': percentile(raw, 50),
      'save.raw.p95': percentile(raw, 95),
      'save.app.p50': percentile(app, 50),
      'save.app.p95': percentile(app, 95)
    };
  }
};
