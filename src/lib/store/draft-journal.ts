// A synchronous write-ahead copy of each form's newest value, for the milliseconds before IndexedDB commits.
//
// An IndexedDB write is asynchronous: a reload or a closed tab right after a keystroke can end the page
// before the transaction commits (a browser test caught exactly that). localStorage writes before the
// call returns, so every change is journalled here first and the entry removed once IndexedDB holds the
// same value. The entry is sealed with the vault's record key (synchronous AES-GCM), never in clear;
// while the vault is locked nothing is journalled (nothing could be written to IndexedDB either).
//
// Each tab (page load) keeps its own entry per form, with the value it started from (its base), so a
// restore is a three-way merge onto what IndexedDB holds: a tab that had not yet seen another tab's
// saved field cannot wipe it, and one tab finishing a save never removes another tab's entry.
import { heldKeys } from '../vault/session-key';
import {
  decodeRecord,
  encodeRecord,
  fromBase64,
  openBytes,
  recordAad,
  sealBytes,
  toBase64
} from '../vault/record-cipher';

const PREFIX = 'tebikae.journal.';

export interface JournalEntry<T> {
  value: T;
  /** What the tab knew IndexedDB to hold when it typed this: the base of the merge on restore. */
  base: T;
  at: string;
  /** The page load that wrote it. */
  tab: string;
}

/** An entry as found, with where it is kept (to clear it once merged). */
export interface FoundEntry<T> extends JournalEntry<T> {
  slot: string;
}

const slotOf = (key: string, tab: string) => `${PREFIX}${key}\u0000${tab}`;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // Storage disabled by policy: the IndexedDB write is the only copy.
  }
}

function aad(key: string): Uint8Array {
  return recordAad('draft-journal', key);
}

/** Journal a form's value now (synchronously). Returns false when it could not be (locked, no room). */
export function journalDraft<T>(key: string, entry: JournalEntry<T>): boolean {
  const keys = heldKeys();
  const store = storage();
  if (!keys || !store) return false;
  try {
    const sealed = sealBytes(keys.records, encodeRecord(entry), aad(key));
    store.setItem(slotOf(key, entry.tab), toBase64(sealed));
    return true;
  } catch {
    // Quota or a value the codec refuses: the IndexedDB write still runs and reports its own error.
    return false;
  }
}

/** Every tab's journalled entry for a form that opens under this vault's key, oldest first. */
export function readJournal<T>(key: string): FoundEntry<T>[] {
  const keys = heldKeys();
  const store = storage();
  if (!keys || !store) return [];
  const prefix = `${PREFIX}${key}\u0000`;
  const found: FoundEntry<T>[] = [];
  for (const slot of slots(store)) {
    if (!slot.startsWith(prefix)) continue;
    const text = store.getItem(slot);
    if (!text) continue;
    try {
      const plain = openBytes(keys.records, fromBase64(text), aad(key));
      if (plain) found.push({ ...(decodeRecord(plain) as JournalEntry<T>), slot });
    } catch {
      // Damaged or from another vault: not restorable; left for purge or erase to remove.
    }
  }
  return found.sort((a, b) => a.at.localeCompare(b.at));
}

/** This tab's entry for the form is done with: IndexedDB holds the value, or the form was submitted. */
export function clearJournal(key: string, tab: string): void {
  storage()?.removeItem(slotOf(key, tab));
}

/** Remove one found entry (merged into the draft on start). */
export function dropEntry(slot: string): void {
  storage()?.removeItem(slot);
}

function slots(store: Storage): string[] {
  const out: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const k = store.key(i);
    if (k?.startsWith(PREFIX)) out.push(k);
  }
  return out;
}

/** Remove every journal entry (purge, erase). */
export function clearAllJournals(): void {
  const store = storage();
  if (!store) return;
  for (const k of slots(store)) store.removeItem(k);
}

/** How many forms have a journalled value not yet confirmed in IndexedDB. */
export function journalCount(): number {
  const store = storage();
  return store ? slots(store).length : 0;
}
