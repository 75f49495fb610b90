// Holds this tab's vault keys in memory while unlocked, and tells listeners when the vault opens or closes.
//
// This is the one deliberate piece of module state in tebikae. The store's middleware must encrypt
// and decrypt synchronously inside IndexedDB transactions, deep below any component, so it cannot be
// handed the key through Svelte context or function arguments; and the key must never be written
// anywhere (not IndexedDB, not sessionStorage) or encryption at rest would be pointless. A module-level
// holder in memory is the only place that satisfies both. Everything else reaches it through the
// functions below, and lock() (forgetKeys) wipes it.
import { deriveVaultKeys, wipeKeys, type VaultKeys } from './record-cipher';

let held: VaultKeys | null = null;
const unlockListeners = new Set<() => void>();
const lockListeners = new Set<() => void>();

function notify(listeners: Set<() => void>) {
  for (const listener of [...listeners]) {
    try {
      listener();
    } catch (error) {
      // One broken listener must not stop the others (a draft re-flush, the live-query refresh).
      queueMicrotask(() => {
        throw error;
      });
    }
  }
}

/**
 * Keep the working keys derived from an unwrapped data key; the caller should wipe its copy. The
 * record cipher must be loaded first (await loadRecordCipher()): with a key held, every read and write
 * of an encrypted table seals or opens synchronously.
 */
export function holdDataKey(dataKey: Uint8Array): void {
  const fresh = deriveVaultKeys(dataKey);
  if (held) wipeKeys(held);
  held = fresh;
  notify(unlockListeners);
}

/** Forget the keys (lock). Encrypted tables are unreadable until the next unlock. */
export function forgetKeys(): void {
  if (!held) return;
  wipeKeys(held);
  held = null;
  notify(lockListeners);
}

/** The keys while unlocked, null while locked. Read by the store's vault middleware on every access. */
export function heldKeys(): VaultKeys | null {
  return held;
}

export function isUnlocked(): boolean {
  return held !== null;
}

/** Be told each time the vault unlocks (e.g. to write drafts that failed while it was locked). */
export function onUnlock(listener: () => void): () => void {
  unlockListeners.add(listener);
  return () => unlockListeners.delete(listener);
}

/** Be told each time the vault locks. */
export function onLock(listener: () => void): () => void {
  lockListeners.add(listener);
  return () => lockListeners.delete(listener);
}

/**
 * Unit tests of other domains run their repos against the encrypted store: give them a random key
 * (never used in the app; src/test-setup.ts loads the record cipher and calls it).
 */
export function unlockForTests(): void {
  holdDataKey(crypto.getRandomValues(new Uint8Array(32)));
}
