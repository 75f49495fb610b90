// Ties the roster's cached search index to the vault without putting search into the first screen's code.
//
// Build the index shortly after each unlock, so the first search at the desk does not wait for 50,000
// patients to be read and indexed; drop it on lock, so a locked tablet holds no roster in memory. The
// roster and search code is loaded on demand (it is large), so the app shell stays small.
import { onLock, onUnlock } from '../store/session-key';

const rosterStore = () => import('./roster-store.svelte');

/** Call once from the app shell; returns the cleanup. */
export function followVault(delayMs = 300): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const stopUnlock = onUnlock(() => {
    // After the unlocked screen has drawn; a failure here is retried by the first picker that asks.
    timer = setTimeout(() => {
      void rosterStore().then((m) => m.getRosterIndex().catch(() => m.forgetRosterIndex()));
    }, delayMs);
  });
  const stopLock = onLock(() => {
    if (timer) clearTimeout(timer);
    void rosterStore().then((m) => m.forgetRosterIndex());
  });
  return () => {
    if (timer) clearTimeout(timer);
    stopUnlock();
    stopLock();
  };
}
