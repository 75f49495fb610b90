import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DATA_DB_NAME, deleteDataDb, openData } from '../db';
import { SCHEMA_VERSION } from '.';
import { v1, v1Stores } from './v1';
import { v2Stores } from './v2';
import { v3, v3Stores } from './v3';
import { v4Stores } from './v4';
import { v2 } from './v2';

afterEach(async () => {
  await deleteDataDb();
});

function rawOpen(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DATA_DB_NAME);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

describe('schema history', () => {
  it('versions 1 to 4 create every store with its indexes', async () => {
    await openData().open();
    const db = openData();
    expect(db.verno).toBe(SCHEMA_VERSION);
    for (const [name, spec] of Object.entries({ ...v1Stores, ...v2Stores, ...v3Stores, ...v4Stores })) {
      const t = db.table(name);
      const indexes = spec
        .split(',')
        .slice(1)
        .map((s) => s.trim());
      expect(t.schema.indexes.map((i) => i.name).sort()).toEqual([...indexes].sort());
    }
  });

  it('keeps rows written by an earlier connection when reopened (no data lost on open)', async () => {
    await openData().table('sessions').put({ id: 's1', startedAt: '2025-11-15T03:15:00Z', reason: '障害' });
    openData().close();
    const raw = await rawOpen();
    const row = await new Promise((resolve) => {
      const req = raw.transaction('sessions').objectStore('sessions').get('s1');
      req.onsuccess = () => resolve(req.result);
    });
    raw.close();
    expect(row).toMatchObject({ reason: '障害' });
    await openData().open();
    expect(await openData().table('sessions').get('s1')).toMatchObject({ reason: '障害' });
  });

  it('opens a database written by version 1: upgraded to the current version, its rows and stores kept', async () => {
    // A tablet still on the previous app: only version 1 exists, and it wrote a session and a roster row.
    const old = new Dexie(DATA_DB_NAME);
    v1(old);
    await old.open();
    expect(old.verno).toBe(1);
    await old.table('sessions').put({ id: 's1', startedAt: '2025-11-15T03:15:00Z', reason: '障害' });
    await old.table('patients').put({ id: 'old-row', patientNo: 'h', sealed: 'x' });
    old.close();

    await openData().open();
    const db = openData();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(db.tables.map((t) => t.name)).toContain('rosterBlocks');
    expect(await db.table('sessions').get('s1')).toMatchObject({ reason: '障害' });
    db.close();
    // The v1 roster row waits, untouched, for the patients repo to move it into blocks once unlocked.
    const raw = await rawOpen();
    const row = await new Promise((resolve) => {
      const req = raw.transaction('patients').objectStore('patients').get('old-row');
      req.onsuccess = () => resolve(req.result);
    });
    raw.close();
    expect(row).toMatchObject({ sealed: 'x' });
  });

  it('opens a database written by version 3: the clinical snapshot store is added, earlier rows kept', async () => {
    const old = new Dexie(DATA_DB_NAME);
    v1(old);
    v2(old);
    v3(old);
    await old.open();
    expect(old.verno).toBe(3);
    await old.table('cashCounts').put({ id: 'c1', sessionId: 's1', sealed: 'y' });
    await old.table('rosterBlocks').put({ id: 0, sealed: 'z' });
    old.close();

    await openData().open();
    const db = openData();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(db.tables.map((t) => t.name)).toContain('clinicalBlocks');
    db.close();
    const raw = await rawOpen();
    const read = (store: string, key: IDBValidKey) =>
      new Promise((resolve) => {
        const req = raw.transaction(store).objectStore(store).get(key);
        req.onsuccess = () => resolve(req.result);
      });
    expect(await read('cashCounts', 'c1')).toMatchObject({ sealed: 'y' });
    expect(await read('rosterBlocks', 0)).toMatchObject({ sealed: 'z' });
    expect(await read('clinicalBlocks', 0)).toBeUndefined();
    raw.close();
  });
});
