// Schema version 4: the pre-outage clinical snapshot (allergies, 病名, last prescriptions) in sealed blocks of patients.
//
// Like the roster (v2), a block holds up to 1,000 patients so the number of rows, not of patients, is
// visible on disk and the 患者番号 stay inside the sealed content.
import type { Dexie } from 'dexie';

export const v4Stores = {
  clinicalBlocks: '&id'
} as const;

export function v4(db: Dexie): void {
  db.version(4).stores(v4Stores);
}
