// Schema version 3: the cash drawer's float (釣銭準備金) and counts (レジ締め) of an outage, append-only.
import type { Dexie } from 'dexie';

export const v3Stores = {
  cashCounts: '&id, sessionId'
} as const;

export function v3(db: Dexie): void {
  db.version(3).stores(v3Stores);
}
