// A synchronous write-ahead copy of each form's newest value, for the milliseconds before IndexedDB commits.
//
// An IndexedDB write is asynchronous: a reload or a closed tab right after a keystroke can end the page
// before the transaction commits (a browser test caught exactly that). localStorage writes before the
// call returns, so every change is journalled here first and the entry removed once IndexedDB holds the
// same value. The entry is sealed with the vault's record key (synchronous AES-GCM), never in clear;
// while the vault is locked nothing is journalled (nothing could be written to IndexedDB either).
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
  at: string;
}

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
export function journalDraft<T>(key: string, value: T, at: string): boolean {
  const keys = heldKeys();
  const store = storage();
  if (!keys || !store) return false;
  try {
    const sealed = sealBytes(keys.records, encodeRecord({ value, at }), aad(key));
    store.setItem(PREFIX + key, toBase64(sealed));
    return true;
  } catch {
    // Quota or a value the codec refuses: the IndexedDB write still runs and reports its own error.
    return false;
  }
}

/** The journalled value for a form, if one is there and opens under this vault's key. */
export function readJournal<T>(key: string): JournalEntry<T> | null {
  const keys = heldKeys();
  const store = storage();
  if (!keys || !store) return null;
  const text = store.getItem(PREFIX + key);
  if (!text) return null;
  try {
    const plain = openBytes(keys.records, fromBase64(text), aad(key));
    return plain ? (decodeRecord(plain) as JournalEntry<T>) : null;
  } catch {
    return null;
  }
}

/** IndexedDB now holds the form's value (or the form was submitted): the journal entry is done with. */
export function clearJournal(key: string): void {
  storage()?.removeItem(PREFIX + key);
}

/** Remove every journal entry (purge, erase). */
export function clearAllJournals(): void {
  const store = storage();
  if (!store) return;
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const k = store.key(i);
    if (k?.startsWith(PREFIX)) keys.push(k);
  }
  for (const k of keys) store.removeItem(k);
}

/** How many forms have a journalled value not yet confirmed in IndexedDB. */
export function journalCount(): number {
  const store = storage();
  if (!store) return 0;
  let n = 0;
  for (let i = 0; i < store.length; i++) if (store.key(i)?.startsWith(PREFIX)) n++;
  return n;
}
