// Schema version 1: the first released shape of tebikae's patient-data database.
import type { Dexie } from 'dexie';

/** Stores and their indexes. The first key is the primary key; only fields search needs are indexed. */
export const v1Stores = {
  settings: '&key',
  sessions: '&id, startedAt',
  events: '&id, sessionId, at',
  patients: '&id, patientNo',
  arrivals: '&id, sessionId, [sessionId+deviceLabel+seq]',
  intakes: '&id, sessionId, arrivalId',
  memos: '&id, sessionId, arrivalId',
  revisions: '&id, sessionId, recordId',
  bills: '&id, sessionId, arrivalId, serial',
  settlements: '&id, sessionId, billId',
  backEntries: '&id, sessionId, recordId',
  paperLinks: '&id, sessionId, serial, recordId',
  counters: '&key',
  drafts: '&key, updatedAt',
  audit: '&id, sessionId, at',
  vault: '&key'
} as const;

export function v1(db: Dexie): void {
  db.version(1).stores(v1Stores);
}
