// A copy of the data database's schema and settings without the vault layer, for `npm run bench` only.
// It measures what encryption at rest costs a save (the issue asks for the vault on and off). The app
// never imports this file; no patient data is ever written to it (the bench writes synthetic records).
import { Dexie } from 'dexie';
import { applyMigrations } from './migrations';

export function unsealedBenchDb(name: string): Dexie {
  const db = new Dexie(name, { chromeTransactionDurability: 'strict', cache: 'cloned' });
  applyMigrations(db);
  return db;
}
