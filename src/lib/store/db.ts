// The only code that opens IndexedDB: tebikae's patient-data database (Dexie) and its disposable sibling.
import { Dexie, type Table, type Transaction } from 'dexie';
import { applyMigrations } from './migrations';
import { useVault } from './vault-middleware';
import { actInTransaction, actorOf } from './audit-entry';
import type { Actor } from './record';
import type { v1Stores } from './migrations/v1';
import type { v2Stores } from './migrations/v2';
import type { v3Stores } from './migrations/v3';
import type { v4Stores } from './migrations/v4';

export type StoreName =
  keyof typeof v1Stores | keyof typeof v2Stores | keyof typeof v3Stores | keyof typeof v4Stores;

/** Patient data lives here; strict durability so a saved entry survives a power cut. */
export const DATA_DB_NAME = 'tebikae';
/** Disposable things (UI preferences, benchmark scratch) live apart from patient data. */
export const LOCAL_DB_NAME = 'tebikae-local';

type Listener = (event: 'versionchange' | 'blocked' | 'close') => void;
const listeners = new Set<Listener>();

/** Be told when another tab upgrades the schema, blocks ours, or the browser drops the connection. */
export function onConnectionEvent(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit(event: 'versionchange' | 'blocked' | 'close') {
  for (const listener of listeners) listener(event);
}

function createDataDb(name: string): Dexie {
  const db = new Dexie(name, { chromeTransactionDurability: 'strict', cache: 'cloned' });
  applyMigrations(db);
  // Encryption at rest under everything (see src/lib/vault/README-vault.md).
  useVault(db);
  db.on('versionchange', () => {
    // A newer tab wants to upgrade: close so it can, and tell the user. Unsaved input stays in memory.
    db.close();
    emit('versionchange');
    return false;
  });
  db.on('blocked', () => emit('blocked'));
  db.on('close', () => emit('close'));
  return db;
}

let dataDb: Dexie | null = null;

/** The patient-data database, opened lazily. */
export function openData(): Dexie {
  dataDb ??= createDataDb(DATA_DB_NAME);
  return dataDb;
}

/** A typed table of the patient-data database. Domain repos give the row type. */
export function table<T, K = string>(name: StoreName): Table<T, K> {
  return openData().table(name);
}

/**
 * Run several writes atomically (all or nothing) across the named stores. With `by`, every record the
 * transaction writes is audited as that person's act (an import, a merge); without it, each record's
 * line names the record's own author fields.
 */
export function transaction<T>(stores: StoreName[], work: () => Promise<T>, by?: Actor): Promise<T> {
  if (!by) return openData().transaction('rw', stores, work);
  // An async function: Dexie keeps its transaction across the awaits inside only for those.
  return openData().transaction('rw', stores, async () => {
    const trans = Dexie.currentTransaction as (Transaction & { idbtrans?: object }) | null;
    if (trans?.idbtrans) actInTransaction(trans.idbtrans, actorOf(by));
    return await work();
  });
}

/** Read several stores consistently (one snapshot) without taking a write lock on them. */
export function readTransaction<T>(stores: StoreName[], work: () => Promise<T>): Promise<T> {
  return openData().transaction('r', stores, work);
}

/** For tests and purge: close and forget the connection so the next call opens afresh. */
export function closeDataDb(): void {
  dataDb?.close();
  dataDb = null;
}

/** Reopen after the browser dropped the connection (iOS Safari does this under memory pressure). */
export async function reopenDataDb(): Promise<void> {
  const db = openData();
  if (!db.isOpen()) await db.open();
}

/** Raw object-store names and counts, read directly: used by the purge check and storage screens. */
export async function countAll(): Promise<Record<StoreName, number>> {
  const db = openData();
  const counts: Partial<Record<StoreName, number>> = {};
  for (const t of db.tables) counts[t.name as StoreName] = await t.count();
  return counts as Record<StoreName, number>;
}

export async function deleteDataDb(): Promise<void> {
  closeDataDb();
  await Dexie.delete(DATA_DB_NAME);
}
