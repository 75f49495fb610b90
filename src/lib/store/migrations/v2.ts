// Schema version 2: the roster is kept in blocks of patients (rosterBlocks), not one row per patient.
//
// Why: with the vault every row is sealed on its own, and 50,000 small sealed rows cost far more than
// 50 large ones (per-row IndexedDB and AES-GCM overhead; import and the first search both read them
// all). A block also hides how many patients and which 患者番号 are on the device: the v1 'patients'
// rows had the number in their primary key. The old store stays declared so rows written by a v1
// app can still be read; the patients repo moves them into blocks the first time it runs unlocked
// (an upgrade callback cannot: it runs while the vault may still be locked).
import type { Dexie } from 'dexie';

export const v2Stores = {
  rosterBlocks: '&id'
} as const;

export function v2(db: Dexie): void {
  db.version(2).stores(v2Stores);
}
