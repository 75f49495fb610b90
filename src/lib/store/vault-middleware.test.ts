import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie, liveQuery } from 'dexie';
import { applyMigrations } from './migrations';
import { CLEAR_TABLES, sealExistingRows, useVault } from './vault-middleware';
import { forgetKeys, holdDataKey } from './session-key';
import type { AuditEntry } from './audit-entry';
import { vaultProblem } from './vault-errors';

let n = 0;
let db: Dexie;
let name: string;
const dataKey = () => new Uint8Array(32).fill(7);

function openDb(withVault = true): Dexie {
  const d = new Dexie(name, { chromeTransactionDurability: 'strict', cache: 'cloned' });
  applyMigrations(d);
  if (withVault) useVault(d, { now: () => new Date('2025-04-01T09:00:00Z') });
  return d;
}

beforeEach(() => {
  name = `vault-mw-${++n}`;
  holdDataKey(dataKey());
  db = openDb();
});

afterEach(async () => {
  db.close();
  await Dexie.delete(name);
  holdDataKey(dataKey());
});

// Seeded, recognisable patient content: none of these strings may reach the disk in clear.
const SECRETS = [
  '山田',
  '太郎',
  'ヤマダ',
  'タロウ',
  '1980-05-17',
  '06139012',
  '記号12',
  '番号345',
  '頭痛がひどい',
  '1234567'
];

const meta = (id: string, sessionId = 's1') => ({
  id,
  sessionId,
  createdAt: '2025-04-01T09:00:00.000Z',
  createdBy: '受付 花子',
  createdDevice: 'A',
  updatedAt: '2025-04-01T09:00:00.000Z',
  updatedBy: '受付 花子',
  updatedDevice: 'A',
  rev: 1,
  drill: false
});

function arrival(id: string, seq: number, sessionId = 's1') {
  return {
    ...meta(id, sessionId),
    deviceLabel: 'A',
    seq,
    queueNo: `A-${seq}`,
    arrivedAt: '2025-04-01T09:00:00.000Z',
    patientId: 'p:1234567',
    patientNo: '1234567',
    isNew: false,
    name: '山田 太郎',
    kana: 'ヤマダ タロウ',
    birthDate: '1980-05-17',
    sex: 'M',
    phone: '090-1111-2222',
    complaint: '頭痛がひどい',
    insurance: { insurerNo: '06139012', symbol: '記号12', number: '番号345', branch: '01' },
    status: 'waiting'
  };
}

const patient = {
  id: 'pt-1',
  patientNo: '1234567',
  name: '山田 太郎',
  kana: 'ヤマダ タロウ',
  birthDate: '1980-05-17',
  insurerNo: '06139012',
  cardSymbol: '記号12',
  cardNumber: '番号345'
};

const memo = { ...meta('m1'), arrivalId: 'a1', text: '頭痛がひどい。山田 太郎さん' };
const draft = {
  key: 'intake:a1',
  value: { name: '山田 太郎', birthDate: '1980-05-17' },
  updatedAt: '2025-04-01T09:00:00.000Z',
  tabId: 't',
  sessionId: 's1'
};

/** Every row of every object store, read with the plain IndexedDB API on a connection without the vault. */
async function rawDump(): Promise<Record<string, unknown[]>> {
  const idb: IDBDatabase = await new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const out: Record<string, unknown[]> = {};
  const stores = [...idb.objectStoreNames];
  const tx = idb.transaction(stores, 'readonly');
  await Promise.all(
    stores.map(
      (s) =>
        new Promise<void>((resolve) => {
          const req = tx.objectStore(s).getAll();
          req.onsuccess = () => {
            out[s] = req.result as unknown[];
            resolve();
          };
        })
    )
  );
  idb.close();
  return out;
}

/** Raw rows as text, with any byte arrays decoded as UTF-8 too, so clear text hidden in bytes would show. */
function asText(rows: unknown): string {
  const decoder = new TextDecoder();
  return JSON.stringify(rows, (_k, v: unknown) =>
    ArrayBuffer.isView(v) ? decoder.decode(v as Uint8Array) + JSON.stringify(Array.from(v as Uint8Array)) : v
  );
}

describe('vault middleware: nothing in clear on disk', () => {
  it('arrivals, patients, memos and drafts written through Dexie hold no patient content on disk', async () => {
    await db.table('arrivals').add(arrival('a1', 1));
    await db.table('patients').put(patient);
    await db.table('memos').add(memo);
    await db.table('drafts').put(draft);
    await db.table('rosterBlocks').put({ id: 0, patients: [patient] });
    const raw = await rawDump();
    const text = asText(raw);
    for (const secret of SECRETS) expect(text, secret).not.toContain(secret);
    // What stays visible: ids, session, index fields, timestamps of indexes.
    const stored = raw.arrivals![0] as Record<string, unknown>;
    expect(Object.keys(stored).sort()).toEqual(['_enc', 'deviceLabel', 'id', 'seq', 'sessionId']);
    expect(stored._enc).toBeInstanceOf(Uint8Array);
    const storedPatient = raw.patients![0] as Record<string, unknown>;
    expect(storedPatient.patientNo).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(raw.drafts![0] as object).sort()).toEqual(['_enc', 'key', 'updatedAt']);
    // A roster block (schema v2) shows only its block number: no 患者番号, not even hashed.
    expect(Object.keys(raw.rosterBlocks![0] as object).sort()).toEqual(['_enc', 'id']);
  });

  it('clear tables stay readable without the key', async () => {
    await db.table('settings').put({ key: 'clinic', value: { name: 'てびかえ内科' } });
    const raw = await rawDump();
    expect(raw.settings).toEqual([{ key: 'clinic', value: { name: 'てびかえ内科' } }]);
    expect([...CLEAR_TABLES]).toContain('audit');
  });
});

describe('vault middleware: reads are transparent', () => {
  beforeEach(async () => {
    await db.table('arrivals').bulkPut([arrival('a1', 1), arrival('a2', 2), arrival('a3', 3, 's2')]);
    await db
      .table('patients')
      .bulkPut([patient, { ...patient, id: 'pt-2', patientNo: '7654321', name: '佐藤 花子' }]);
  });

  it('get, getMany, where().equals(), toArray, orderBy, compound index, first', async () => {
    const arrivals = db.table('arrivals');
    expect(await arrivals.get('a1')).toEqual(arrival('a1', 1));
    expect(await arrivals.bulkGet(['a2', 'nope', 'a1'])).toEqual([
      arrival('a2', 2),
      undefined,
      arrival('a1', 1)
    ]);
    expect((await arrivals.where('sessionId').equals('s1').toArray()).map((a) => a.id)).toEqual(['a1', 'a2']);
    expect((await arrivals.toArray()).map((a) => a.name)).toEqual(['山田 太郎', '山田 太郎', '山田 太郎']);
    expect((await arrivals.orderBy(':id').reverse().toArray()).map((a) => a.id)).toEqual(['a3', 'a2', 'a1']);
    expect((await arrivals.orderBy('sessionId').reverse().toArray()).map((a) => a.id)).toEqual([
      'a3',
      'a2',
      'a1'
    ]);
    expect(
      (await arrivals.where('sessionId').equals('s1').reverse().sortBy('seq')).map((a) => a.seq)
    ).toEqual([2, 1]);
    const last = await arrivals
      .where('[sessionId+deviceLabel+seq]')
      .between(['s1', 'A', Dexie.minKey], ['s1', 'A', Dexie.maxKey])
      .last();
    expect(last?.id).toBe('a2');
    expect(await arrivals.where('sessionId').equals('s1').count()).toBe(2);
    expect((await arrivals.filter((a) => a.seq > 1).first())?.id).toBe('a2');
    const seen: string[] = [];
    await arrivals.each((a: { name: string }) => seen.push(a.name));
    expect(seen).toHaveLength(3);
  });

  it('looks patients up by 患者番号 through the hashed index', async () => {
    const patients = db.table('patients');
    expect((await patients.where('patientNo').equals('7654321').first())?.name).toBe('佐藤 花子');
    expect(await patients.where({ patientNo: '1234567' }).count()).toBe(1);
    expect(await patients.where('patientNo').equals('0000000').toArray()).toEqual([]);
    await expect(patients.where('patientNo').startsWith('12').toArray()).rejects.toMatchObject({
      name: 'VaultQueryError'
    });
  });

  it('update, modify and delete work on sealed rows', async () => {
    const arrivals = db.table('arrivals');
    await arrivals.update('a1', { status: 'done', rev: 2 });
    expect(await arrivals.get('a1')).toMatchObject({ status: 'done', name: '山田 太郎', rev: 2 });
    await arrivals.where('sessionId').equals('s2').modify({ status: 'cancelled' });
    expect((await arrivals.get('a3'))?.status).toBe('cancelled');
    await arrivals.where('sessionId').equals('s2').delete();
    expect(await arrivals.count()).toBe(2);
    expect(asText(await rawDump())).not.toContain('cancelled');
  });

  it('a transaction over several tables commits sealed rows and their audit together', async () => {
    await db.transaction('rw', ['arrivals', 'intakes', 'counters'], async () => {
      const c = ((await db.table('counters').get('q')) as { value: number } | undefined)?.value ?? 0;
      await db.table('counters').put({ key: 'q', value: c + 1 });
      await db.table('arrivals').add(arrival('a9', 9));
      await db.table('intakes').add({ ...meta('i9'), arrivalId: 'a9', symptoms: '頭痛がひどい' });
    });
    expect((await db.table('intakes').where('arrivalId').equals('a9').first())?.symptoms).toBe(
      '頭痛がひどい'
    );
    const audit = (await db.table('audit').toArray()) as AuditEntry[];
    const mine = audit.filter((e) => e.recordId === 'a9' || e.recordId === 'i9');
    expect(mine.map((e) => [e.action, e.table, e.recordId, e.who, e.deviceLabel, e.sessionId])).toEqual(
      expect.arrayContaining([
        ['create', 'arrivals', 'a9', '受付 花子', 'A', 's1'],
        ['create', 'intakes', 'i9', '受付 花子', 'A', 's1']
      ])
    );
    // A failed transaction leaves neither the record nor its audit entry.
    await expect(
      db.transaction('rw', ['arrivals'], async () => {
        await db.table('arrivals').add(arrival('a10', 10));
        throw new Error('cancelled by the form');
      })
    ).rejects.toThrow('cancelled');
    expect(await db.table('arrivals').get('a10')).toBeUndefined();
    expect(((await db.table('audit').toArray()) as AuditEntry[]).some((e) => e.recordId === 'a10')).toBe(
      false
    );
  });

  it('a failed single write leaves no audit line behind, even when the caller catches the error', async () => {
    await db.table('arrivals').add(arrival('a9', 9));
    const before = await db.table('audit').count();
    const rows = await db.table('arrivals').count();
    const outcome = await db
      .transaction('rw', 'arrivals', async () => {
        await db
          .table('arrivals')
          .add(arrival('a9', 9))
          .catch(() => {});
      })
      .then(
        () => 'committed',
        () => 'rolled back'
      );
    expect(outcome).toBe('rolled back');
    expect(await db.table('audit').count()).toBe(before);
    expect(await db.table('arrivals').count()).toBe(rows);
  });

  it('audits a change as change, a bulk write as one counted entry, and drafts not at all', async () => {
    await db.table('audit').clear();
    await db.table('arrivals').put({ ...arrival('a1', 1), rev: 2 });
    await db.table('drafts').put(draft);
    await db.table('memos').bulkAdd(Array.from({ length: 30 }, (_, i) => ({ ...memo, id: `m-${i}` })));
    const audit = (await db.table('audit').orderBy('at').toArray()) as AuditEntry[];
    expect(audit.map((e) => [e.action, e.table, e.recordId, e.count])).toEqual(
      expect.arrayContaining([
        ['change', 'arrivals', 'a1', undefined],
        ['create', 'memos', '', 30]
      ])
    );
    expect(audit).toHaveLength(2);
    expect(asText(audit)).not.toContain('山田');
    // The line names the record by the number staff know it by (its queue number), not only its id.
    expect(audit.find((e) => e.table === 'arrivals')?.ref).toBe('A-1');
  });

  it('live queries see sealed rows decrypted', async () => {
    const values: string[][] = [];
    const sub = liveQuery(() => db.table('arrivals').where('sessionId').equals('s1').toArray()).subscribe(
      (rows) => values.push(rows.map((r: { name: string }) => r.name))
    );
    await new Promise((r) => setTimeout(r, 50));
    await db.table('arrivals').add({ ...arrival('a4', 4), name: '鈴木 一郎' });
    await new Promise((r) => setTimeout(r, 50));
    sub.unsubscribe();
    expect(values.at(-1)).toContain('鈴木 一郎');
  });
});

describe('vault middleware: locked', () => {
  it('refuses reads and writes of encrypted tables with VaultLockedError, clear tables still work', async () => {
    await db.table('arrivals').add(arrival('a1', 1));
    forgetKeys();
    const refused = await db
      .table('arrivals')
      .get('a1')
      .catch((e: unknown) => e);
    // What the user is told, next to the form: locked, input kept, saved after unlock.
    expect(vaultProblem(refused)).toEqual({ key: 'vault.error.locked' });
    await expect(db.table('arrivals').toArray()).rejects.toMatchObject({ name: 'VaultLockedError' });
    await expect(db.table('arrivals').add(arrival('a2', 2))).rejects.toMatchObject({
      name: 'VaultLockedError'
    });
    await expect(db.table('drafts').put(draft)).rejects.toMatchObject({ name: 'VaultLockedError' });
    await expect(db.table('patients').where('patientNo').equals('1').first()).rejects.toMatchObject({
      name: 'VaultLockedError'
    });
    // Counting reveals nothing the disk does not.
    expect(await db.table('arrivals').count()).toBe(1);
    await db.table('settings').put({ key: 'x', value: 1 });
    expect(await db.table('settings').get('x')).toEqual({ key: 'x', value: 1 });
  });

  it('a live query that failed while locked reads again after unlock', async () => {
    await db.table('arrivals').add(arrival('a1', 1));
    const seen: unknown[] = [];
    const sub = liveQuery(() => db.table('arrivals').toArray()).subscribe({
      next: (rows) => seen.push(rows.length),
      error: (e: { name: string }) => seen.push(e.name)
    });
    await new Promise((r) => setTimeout(r, 30));
    forgetKeys();
    // Another tab (unlocked) writes meanwhile: this tab's query re-runs and fails.
    const other = openDb();
    holdDataKey(dataKey());
    await other.table('arrivals').add(arrival('a2', 2));
    forgetKeys();
    other.close();
    await db.table('settings').put({ key: 'poke', value: 1 });
    await new Promise((r) => setTimeout(r, 30));
    holdDataKey(dataKey());
    await new Promise((r) => setTimeout(r, 50));
    sub.unsubscribe();
    expect(seen[0]).toBe(1);
    expect(seen.at(-1)).toBe(2);
  });

  it('a record sealed under another key fails its integrity check without revealing content', async () => {
    await db.table('memos').add(memo);
    holdDataKey(new Uint8Array(32).fill(9));
    const err = await db
      .table('memos')
      .get('m1')
      .catch((e: Error) => e);
    expect(err).toMatchObject({ name: 'VaultIntegrityError' });
    expect(String((err as Error).message)).not.toContain('山田');
  });
});

describe('vault middleware: rows written before the vault existed', () => {
  it('are read as they are, then sealed by sealExistingRows', async () => {
    db.close();
    const plain = openDb(false);
    await plain.table('arrivals').add(arrival('a1', 1));
    plain.close();
    db = openDb();
    expect((await db.table('arrivals').get('a1'))?.name).toBe('山田 太郎');
    expect(asText(await rawDump())).toContain('山田');
    expect(await sealExistingRows(db)).toBe(1);
    expect(asText(await rawDump())).not.toContain('山田');
    expect((await db.table('arrivals').get('a1'))?.name).toBe('山田 太郎');
  });
});

describe('vault middleware: cost', () => {
  it('measures the cost per save of sealing (200 puts of an intake-sized record)', async () => {
    const intake = {
      ...meta('x'),
      arrivalId: 'a1',
      symptoms: '頭痛と発熱。昨夜から38度台。'.repeat(8),
      since: '昨日の夜',
      temperature: '38.2',
      allergies: 'ペニシリン',
      medications: 'ロキソニン、ムコスタ',
      pregnancy: 'no',
      pastIllnesses: '高血圧（10年前から）、胃潰瘍',
      message: '待合で横になれる場所があると助かります。',
      filledBy: 'staff'
    };
    // Best of three runs each (the machine is shared): plain, sealed only (drafts table), sealed + audited.
    async function run(d: Dexie, tableName: string): Promise<number> {
      let best = Infinity;
      for (let round = 0; round < 4; round++) {
        const start = performance.now();
        for (let i = 0; i < 200; i++)
          await d
            .table(tableName)
            .put(
              tableName === 'drafts'
                ? { key: `x-${i}`, value: intake, updatedAt: intake.updatedAt, tabId: 't', sessionId: 's1' }
                : { ...intake, id: `x-${i}` }
            );
        if (round > 0) best = Math.min(best, performance.now() - start);
      }
      return best;
    }
    db.close();
    const plain = openDb(false);
    const plainMs = await run(plain, 'intakes');
    plain.close();
    db = openDb();
    const sealedMs = await run(db, 'drafts');
    const auditedMs = await run(db, 'intakes');
    const bytes = JSON.stringify(intake).length;
    const per = (ms: number) => ((ms - plainMs) / 200).toFixed(2);
    console.log(
      `[vault] 200 puts of a ~${bytes}-char intake (fake-indexeddb, Node, best of 3): plain ${plainMs.toFixed(0)} ms, ` +
        `sealed ${sealedMs.toFixed(0)} ms (+${per(sealedMs)} ms/save), sealed+audited ${auditedMs.toFixed(0)} ms (+${per(auditedMs)} ms/save)`
    );
    const start = performance.now();
    const rows = await db.table('intakes').toArray();
    console.log(
      `[vault] reading and opening ${rows.length} sealed intakes: ${(performance.now() - start).toFixed(0)} ms`
    );
    expect(rows).toHaveLength(200);
  });
});

describe('vault middleware with the keyring', () => {
  it('data sealed before a passcode change and a recovery unlock still reads; a wrong passcode reads nothing', async () => {
    const { keyring } = await import('../vault/keyring');
    const { deleteDataDb } = await import('./db');
    forgetKeys();
    const fast = { iterations: 1_000 };
    const setup = await keyring.setup('123456', '123456', fast);
    if (!setup.ok) throw new Error('setup failed');
    await db.table('arrivals').add(arrival('a1', 1));
    await db.table('patients').put(patient);

    await keyring.lock();
    await expect(db.table('arrivals').get('a1')).rejects.toMatchObject({ name: 'VaultLockedError' });
    expect((await keyring.unlock('999999', fast)).ok).toBe(false);
    await expect(db.table('arrivals').get('a1')).rejects.toMatchObject({ name: 'VaultLockedError' });

    expect((await keyring.unlock('123456', fast)).ok).toBe(true);
    expect((await keyring.changePasscode('123456', 'a1b2c3', 'a1b2c3', fast)).ok).toBe(true);
    await keyring.lock();
    expect((await keyring.unlock('123456', fast)).ok).toBe(false);
    expect((await keyring.unlock('a1b2c3', fast)).ok).toBe(true);
    expect((await db.table('arrivals').get('a1'))?.name).toBe('山田 太郎');

    await keyring.lock();
    const recovered = await keyring.unlockWithRecovery(setup.value.recoveryCode, '555555', '555555', fast);
    expect(recovered.ok).toBe(true);
    expect((await db.table('patients').where('patientNo').equals('1234567').first())?.kana).toBe(
      'ヤマダ タロウ'
    );
    await deleteDataDb();
  });
});
