// This tab's vault state for the UI: checking, first setup, locked or unlocked; idle lock and lock-everywhere.
import type { FieldProblems, Problem, Result } from '../result';
import { eraseDeviceData } from '../store/persistence';
import { toProblem } from '../store/errors';
import { keyring, type AttemptState } from './keyring';
import { forgetKeys, isUnlocked, onLock, onUnlock } from '../store/session-key';
import { DEFAULT_IDLE_MINUTES, idleExpired, idleMinutesOf } from './idle';
import { rememberVault } from './boot-handoff';

export type VaultPhase = 'checking' | 'setup' | 'locked' | 'unlocked' | 'failed';

const CHANNEL = 'tebikae-vault';
const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
const IDLE_CHECK_MS = 5_000;

class VaultLock {
  phase = $state<VaultPhase>('checking');
  /**
   * The app's pages are mounted from the first unlock on and then stay mounted under the lock
   * screen, so component state and unsaved input survive a lock. Before the first unlock they are
   * not mounted at all: they could not read anything anyway.
   */
  everUnlocked = $state(false);
  /** Set during first setup: the recovery code to show once, until the user confirms it is written down. */
  recoveryCode = $state<string | null>(null);
  attempts = $state<AttemptState>({ failures: 0, waitMs: 0 });
  /** Why the vault state could not be read (storage trouble). */
  problem = $state<Problem | null>(null);
  /** The passcode was just replaced with the recovery code: tell the user to pass the new one on. */
  passcodeChanged = $state(false);

  #idleMinutes = $state(DEFAULT_IDLE_MINUTES);
  /** Counts unlocks, so a lock that was overtaken by an unlock does not forget the new key. */
  #unlocks = 0;
  #idleEnabled = true;
  #lastActivity = Date.now();
  #channel: BroadcastChannel | null = null;
  #waitTimer: ReturnType<typeof setInterval> | null = null;

  /** Start watching (call once from VaultGate's onMount); returns the cleanup. */
  start(): () => void {
    const stops: (() => void)[] = [];
    stops.push(
      onLock(() => {
        if (this.phase === 'unlocked') this.phase = 'locked';
        void this.refreshAttempts();
      })
    );
    stops.push(
      onUnlock(() => {
        if (this.phase === 'locked') this.#opened();
      })
    );
    if (typeof window !== 'undefined') {
      const activity = () => (this.#lastActivity = Date.now());
      for (const name of ACTIVITY_EVENTS)
        window.addEventListener(name, activity, { passive: true, capture: true });
      const onVisible = () => {
        if (document.visibilityState === 'visible') this.#checkIdle();
      };
      document.addEventListener('visibilitychange', onVisible);
      const timer = setInterval(() => this.#checkIdle(), IDLE_CHECK_MS);
      stops.push(() => {
        for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, activity, { capture: true });
        document.removeEventListener('visibilitychange', onVisible);
        clearInterval(timer);
      });
    }
    if (typeof BroadcastChannel !== 'undefined') {
      // "Lock" on one tab locks every tab of tebikae on this device; unlocking is per tab (no key is ever sent).
      const channel = new BroadcastChannel(CHANNEL);
      channel.onmessage = (event: MessageEvent<unknown>) => {
        if (event.data === 'lock') forgetKeys();
      };
      this.#channel = channel;
      stops.push(() => {
        channel.close();
        this.#channel = null;
      });
    }
    stops.push(() => this.#stopWaitTimer());
    void this.#check();
    return () => {
      for (const stop of stops) stop();
    };
  }

  async #check(): Promise<void> {
    try {
      const exists = await keyring.exists();
      rememberVault(exists);
      if (!exists) this.phase = 'setup';
      else if (isUnlocked()) this.#opened();
      else this.phase = 'locked';
      await this.refreshAttempts();
      this.problem = null;
    } catch (error) {
      this.problem = toProblem(error);
      this.phase = 'failed';
    }
  }

  /** Try again after a storage failure while checking. */
  retry(): Promise<void> {
    this.phase = 'checking';
    return this.#check();
  }

  #opened() {
    // The benchmark's mark for a passcode typed at once: from the page's start to the app unlocked.
    if (this.#unlocks === 0) performance.mark('tebikae:unlocked');
    this.#unlocks++;
    this.phase = 'unlocked';
    this.everUnlocked = true;
    this.#lastActivity = Date.now();
    void this.#showUnconfirmedCode();
  }

  /** A first setup's recovery code not yet confirmed as written down (the page was reloaded on it): show it again. */
  async #showUnconfirmedCode(): Promise<void> {
    try {
      const code = await keyring.unconfirmedRecoveryCode();
      if (!code || this.phase !== 'unlocked') return;
      this.recoveryCode = code;
      this.phase = 'setup';
    } catch {
      // Shown again at the next unlock; settings can also make a new code.
    }
  }

  async refreshAttempts(): Promise<void> {
    try {
      this.attempts = await keyring.attempts();
    } catch {
      // The count is shown as a courtesy; the rule itself is enforced in keyring.unlock.
    }
    // While a wait runs it is counted each second: the screen shows it, and what is left is stored,
    // so a reload resumes the wait instead of skipping or restarting it.
    if (this.attempts.waitMs > 0) this.#waitTimer ??= setInterval(() => void this.refreshAttempts(), 1000);
    else this.#stopWaitTimer();
  }

  #stopWaitTimer() {
    if (this.#waitTimer) clearInterval(this.#waitTimer);
    this.#waitTimer = null;
  }

  /** Idle lock settings: off for screens nobody touches (the waiting-room board); minutes from the clinic settings. */
  configureIdle(enabled: boolean, minutes: unknown): void {
    this.#idleEnabled = enabled;
    this.#idleMinutes = idleMinutesOf(minutes);
    this.#lastActivity = Date.now();
  }

  get idleMinutes(): number {
    return this.#idleMinutes;
  }

  #checkIdle() {
    if (this.phase !== 'unlocked' || !this.#idleEnabled) return;
    if (idleExpired(this.#lastActivity, Date.now(), this.#idleMinutes)) void this.lock({ everywhere: false });
  }

  async setUp(
    passcode: string,
    confirm: string
  ): Promise<Result<{ recoveryCode: string }, FieldProblems<'passcode' | 'confirm'> | Problem>> {
    const result = await keyring.setup(passcode, confirm);
    if (result.ok) this.recoveryCode = result.value.recoveryCode;
    return result;
  }

  /** The recovery code is written down: forget its sealed copy and start working. */
  async finishSetup(): Promise<void> {
    this.recoveryCode = null;
    await keyring.recoveryCodeWritten();
    rememberVault(true);
    if (isUnlocked()) this.#opened();
    else this.phase = 'locked';
  }

  async unlock(passcode: string): Promise<Result<void>> {
    const result = await keyring.unlock(passcode);
    if (result.ok) this.#opened();
    await this.refreshAttempts();
    return result;
  }

  async unlockWithRecovery(
    code: string,
    passcode: string,
    confirm: string
  ): Promise<Result<void, FieldProblems<'code' | 'passcode' | 'confirm'> | Problem>> {
    const result = await keyring.unlockWithRecovery(code, passcode, confirm);
    if (result.ok) {
      this.passcodeChanged = true;
      this.#opened();
    }
    await this.refreshAttempts();
    return result;
  }

  /**
   * Lock now. The screen is covered first; a moment later the key is forgotten, so an autosave
   * started by the tap itself (leaving a field) still lands. `everywhere` also locks the other tabs.
   */
  async lock(options: { everywhere: boolean } = { everywhere: true }): Promise<void> {
    if (this.phase !== 'unlocked') return;
    this.phase = 'locked';
    const unlocks = this.#unlocks;
    await new Promise((resolve) => setTimeout(resolve, 150));
    // Unlocked again meanwhile (a fast unlock, or a delayed timer): this lock is over, keep the key.
    if (this.#unlocks !== unlocks) return;
    await keyring.lock();
    if (options.everywhere) this.#channel?.postMessage('lock');
    await this.refreshAttempts();
  }

  /** Passcode and recovery code both lost: delete this device's database and start from setup. */
  async erase(): Promise<Result<void>> {
    try {
      forgetKeys();
      await eraseDeviceData();
      rememberVault(false);
      return { ok: true, value: undefined };
    } catch (error) {
      return { ok: false, error: toProblem(error) };
    }
  }
}

export const vaultLock = new VaultLock();
