// The early lock screen's contract with the app: what it leaves behind, and the hint that says to show it.
//
// A device whose data is sealed opens on its lock screen every morning. That screen is drawn by a small
// classic script (boot-lock.ts, built apart) before the app's modules, Dexie and the shell have loaded, so
// staff can type the passcode at once. When the app's own lock screen mounts it takes what was typed (and a
// tap on ロック解除 made meanwhile) from here; when the app finds no lock is needed it drops it.

import type { Locale } from '../i18n';

/** localStorage: set while this device has a vault. Says only that; the passcode and keys are never here. */
export const VAULT_HINT_KEY = 'tebikae.vault';
export const VAULT_HINT = 'sealed';

export interface BootLockState {
  passcode: string;
  /** ロック解除 was tapped (or Enter pressed) before the app could check the passcode. */
  submitted: boolean;
  /** パスコードを忘れた was tapped: the app opens the recovery-code way in. */
  mode: 'passcode' | 'recovery';
  /** The language chosen on the early screen (it may have been switched there). */
  locale: Locale;
}

export interface BootLock {
  /** Remove the early screen and hand over what was typed on it. */
  take(): BootLockState;
  /** Remove the early screen; what was typed is forgotten (no lock was needed after all). The language stays. */
  drop(): Locale;
}

declare global {
  interface Window {
    __tebikaeBootLock?: BootLock;
  }
}

/** The early screen's handle, taken off window so that only one caller ever gets it. */
function claim(): BootLock | undefined {
  if (typeof window === 'undefined') return undefined;
  const boot = window.__tebikaeBootLock;
  delete window.__tebikaeBootLock;
  return boot;
}

/** What the early screen holds, removing it; null when it was not shown (no vault hint, or already taken). */
export function takeBootLock(): BootLockState | null {
  return claim()?.take() ?? null;
}

/** Remove the early screen, if it is shown, forgetting what was typed on it; the language chosen there, if any. */
export function dropBootLock(): Locale | null {
  return claim()?.drop() ?? null;
}

/** Keep the hint in step with the vault: the next start shows the early lock screen only if there is one. */
export function rememberVault(exists: boolean): void {
  try {
    if (exists) localStorage.setItem(VAULT_HINT_KEY, VAULT_HINT);
    else localStorage.removeItem(VAULT_HINT_KEY);
  } catch {
    // No localStorage (private mode, full): the app's own lock screen still shows, only later.
  }
}
