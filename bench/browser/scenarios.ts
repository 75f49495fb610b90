// Benchmark scenarios run inside Chromium: each returns named figures in milliseconds or bytes.
import { percentile } from './stats';
import { INTAKE_ANSWERS } from './intake-answers';
import { table, transaction, newMeta, randomId, type WriteContext } from '$lib/store';
import { closeDataDb, deleteDataDb } from '$lib/store/db';
import { unsealedBenchDb } from '$lib/store/bench-db';
import { generatePatients, rosterCsvBytes } from '$lib/fixtures/synthetic';
import { RosterIndex } from '$lib/patients/search';
import { readRosterFile, importRows } from '$lib/patients/csv-import';
import { patientsRepo } from '$lib/patients/repo';
import { keyring } from '$lib/vault/keyring';
import { forgetKeys, heldKeys } from '$lib/store/session-key';
import { encodeRecord, recordAad, sealBytes } from '$lib/store/record-cipher';
import { journalDraft, prepareJournal } from '$lib/store/draft-journal';
import fontUrl from '../../fonts/NotoSansJP-subset.ttf?url';

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
    ...INTAKE_ANSWERS
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

/** The same save on the same schema and durability, without the vault layer (no sealing, no audit line). */
async function plainSave(n: number): Promise<number[]> {
  const db = unsealedBenchDb('bench-plain');
  await db.delete();
  await db.open();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const record = intakeRecord(i);
    const t0 = performance.now();
    await db.transaction('rw', ['intakes', 'audit'], async () => {
      await db.table('intakes').put(record);
    });
    times.push(performance.now() - t0);
  }
  await db.delete();
  return times;
}

const N_ROSTER = 50_000;
const PASSCODE = '246810';

/**
 * Every store write goes through the vault now: set one up (PBKDF2 at the real 600,000 rounds) on the
 * fresh database, as a clinic does on first use, and return how long unlocking took.
 */
async function freshUnlockedStore(): Promise<{ setupMs: number }> {
  forgetKeys();
  await deleteDataDb();
  const t0 = performance.now();
  const made = await keyring.setup(PASSCODE, PASSCODE);
  if (!made.ok) throw new Error('vault setup failed');
  return { setupMs: performance.now() - t0 };
}

/** Time one call of fn, in ms. */
async function time(fn: () => unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

let rosterIndex: RosterIndex | null = null;
function roster(): RosterIndex {
  rosterIndex ??= new RosterIndex(generatePatients(N_ROSTER, 42));
  return rosterIndex;
}

/** Per-keystroke search: each prefix of a query typed one character at a time. */
function typeQuery(index: RosterIndex, query: string): number[] {
  const times: number[] = [];
  for (let i = 1; i <= query.length; i++) {
    const prefix = query.slice(0, i);
    const t0 = performance.now();
    index.search(prefix, 20);
    times.push(performance.now() - t0);
  }
  return times;
}

export const scenarios = {
  async search(): Promise<Figures> {
    const build = await time(() => {
      rosterIndex = null;
      roster();
    });
    const index = roster();
    const sample = generatePatients(N_ROSTER, 42).filter((_, i) => i % 5000 === 7);
    const kana: number[] = [];
    const number: number[] = [];
    const birth: number[] = [];
    for (const p of sample) {
      kana.push(...typeQuery(index, p.kana.replace(/\s/g, '').slice(0, 5)));
      number.push(...typeQuery(index, p.patientNo));
      birth.push(...typeQuery(index, p.birthDate.replace(/-/g, '')));
    }
    return {
      'search.build50k.ms': build,
      'search.kana.p95.ms': percentile(kana, 95),
      'search.number.p95.ms': percentile(number, 95),
      'search.birth.p95.ms': percentile(birth, 95),
      'search.all.max.ms': Math.max(...kana, ...number, ...birth)
    };
  },

  async importRoster(): Promise<Figures> {
    const bytes = rosterCsvBytes(N_ROSTER, 7, 'SJIS');
    await freshUnlockedStore();
    let stored = 0;
    const ms = await time(async () => {
      const read = readRosterFile(bytes);
      if (!read.ok) throw new Error(read.error.key);
      const parsed = read.value;
      const { patients } = importRows(parsed.rows, parsed.mapping, { firstRowNumber: parsed.firstRowNumber });
      const result = await patientsRepo.replaceSnapshot(
        patients,
        {
          takenAt: new Date().toISOString(),
          importedAt: new Date().toISOString(),
          sourceFileName: 'bench.csv',
          encoding: parsed.encoding
        },
        { staffId: '', staffName: 'ベンチ', deviceLabel: 'A' }
      );
      if (!result.ok) throw new Error(result.error.key);
      stored = result.value.count;
    });
    // After a reload or an unlock: the sealed roster read back and indexed for the first search.
    let loaded = 0;
    const loadMs = await time(async () => {
      const { patients } = await patientsRepo.load();
      loaded = new RosterIndex(patients).size;
    });
    closeDataDb();
    return {
      'import.cp932.50k.ms': ms,
      'import.cp932.rows': stored,
      'roster.load50k.ms': loadMs,
      'roster.load.rows': loaded
    };
  },

  /** The vault: first setup, then unlock with the passcode (PBKDF2-SHA-256, 600,000 rounds, WebCrypto). */
  async vault(): Promise<Figures> {
    const { setupMs } = await freshUnlockedStore();
    await keyring.lock();
    const unlockMs = await time(async () => {
      const opened = await keyring.unlock(PASSCODE);
      if (!opened.ok) throw new Error('unlock failed');
    });
    // Sealing alone (what encryption adds to each save): an intake-sized record, JSON + AES-256-GCM.
    const keys = heldKeys();
    if (!keys) throw new Error('locked');
    const seal: number[] = [];
    for (let i = 0; i < 500; i++) {
      const record = intakeRecord(i);
      const t0 = performance.now();
      sealBytes(keys.records, encodeRecord(record), recordAad('intakes', record.id));
      seal.push(performance.now() - t0);
    }
    closeDataDb();
    return {
      'vault.setup.ms': setupMs,
      'vault.unlock.ms': unlockMs,
      'vault.seal.p50.ms': percentile(seal, 50),
      'vault.seal.p95.ms': percentile(seal, 95)
    };
  },

  async pdf(): Promise<Figures> {
    const [{ visitMemos }, fixtures] = await Promise.all([
      import('$lib/paper/printouts/visit-memos'),
      import('$lib/paper/test-fixtures')
    ]);
    const font = new Uint8Array(await (await fetch(fontUrl)).arrayBuffer());
    const memos = Array.from({ length: 300 }, (_, i) => fixtures.memo(i));
    let bytes = 0;
    const ms = await time(() => {
      bytes = visitMemos({ clinic: fixtures.clinic, drill: false, memos }, font).bytes.length;
    });
    return { 'pdf.memos300.ms': ms, 'pdf.memos300.bytes': bytes };
  },

  async csv(): Promise<Figures> {
    const [{ arrivalsTable }, { cp932Issues, encodeCsv, toCsvText }, sample] = await Promise.all([
      import('$lib/recovery/csv/csv-columns'),
      import('$lib/recovery/csv/csv'),
      import('$lib/recovery/sample')
    ]);
    const arrivals = Array.from({ length: 20_000 }, (_, i) =>
      sample.sampleArrival('A', i + 1, { name: i % 7 === 0 ? `髙橋 ${i}` : `患者 ${i}` })
    );
    const data = { ...sample.sampleData(0), arrivals };
    const utf8 = await time(() => encodeCsv(toCsvText(arrivalsTable(data, { wareki: true })), 'utf8bom'));
    const cp932 = await time(() => {
      const table = arrivalsTable(data, { wareki: true });
      cp932Issues(table);
      encodeCsv(toCsvText(table), 'cp932');
    });
    return { 'csv.utf8bom.20k.ms': utf8, 'csv.cp932.20k.ms': cp932 };
  },

  async save(n = 200): Promise<Figures> {
    await freshUnlockedStore();
    const raw = await rawPutFloor(n);
    const plain = await plainSave(n);
    const app = await storeSave(n);
    closeDataDb();
    return {
      'save.raw.p50': percentile(raw, 50),
      'save.raw.p95': percentile(raw, 95),
      'save.novault.p50': percentile(plain, 50),
      'save.novault.p95': percentile(plain, 95),
      'save.app.p50': percentile(app, 50),
      'save.app.p95': percentile(app, 95)
    };
  },

  /**
   * A keystroke's journal entry, as the input handler pays for it: sealed, posted to the journal worker and,
   * where the page is cross-origin isolated, waited for until the worker wrote it to its file (`keystroke`);
   * beside it the same without the wait (`posted`).
   */
  async journal(n = 200): Promise<Figures> {
    await freshUnlockedStore();
    const key = 'bench.journal';
    const tab = randomId();
    prepareJournal(key, tab);
    // The worker starts and opens the form's file while the form is shown, before anyone types.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // Alternate keystrokes wait for the write and do not (posted only, as before the wait): the difference is
    // what waiting costs, under the same load.
    const waited: number[] = [];
    const posted: number[] = [];
    let value = '';
    for (let i = 0; i < n; i++) {
      value += i % 10 === 9 ? '、' : 'あ';
      const entry = {
        value: { ...INTAKE_ANSWERS, allergies: value },
        base: INTAKE_ANSWERS,
        at: new Date().toISOString(),
        tab
      };
      const wait = i % 2 === 0;
      const t0 = performance.now();
      if (!journalDraft(key, entry, { wait })) throw new Error('not journalled');
      (wait ? waited : posted).push(performance.now() - t0);
      // Keystrokes come a few tens of milliseconds apart, not back to back.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    closeDataDb();
    return {
      'journal.isolated': crossOriginIsolated ? 1 : 0,
      'journal.keystroke.p50': percentile(waited, 50),
      'journal.keystroke.p95': percentile(waited, 95),
      'journal.keystroke.max': Math.max(...waited),
      'journal.posted.p50': percentile(posted, 50),
      'journal.posted.p95': percentile(posted, 95)
    };
  }
};
