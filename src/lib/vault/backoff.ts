// Back-off after wrong passcodes: three tries free, then 30 s, doubling each time, never more than 15 minutes.

export const FREE_ATTEMPTS = 3;
export const FIRST_WAIT_MS = 30_000;
export const MAX_WAIT_MS = 15 * 60_000;

/** How long to wait after `failures` wrong passcodes in a row. */
export function waitAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(FIRST_WAIT_MS * 2 ** (failures - FREE_ATTEMPTS), MAX_WAIT_MS);
}

export interface Attempts {
  failures: number;
  /** ISO time of the last wrong passcode; null when none since the last unlock. */
  lastFailureAt: string | null;
}

export const noAttempts: Attempts = { failures: 0, lastFailureAt: null };

/** When the next try is allowed, or null when it is allowed now. */
export function retryAt(attempts: Attempts, now: Date): Date | null {
  if (!attempts.lastFailureAt) return null;
  const wait = waitAfter(attempts.failures);
  if (wait === 0) return null;
  const at = new Date(new Date(attempts.lastFailureAt).getTime() + wait);
  // A clock set back far (or a bogus row) must not lock the vault for longer than the cap.
  if (at.getTime() - now.getTime() > MAX_WAIT_MS) return new Date(now.getTime() + MAX_WAIT_MS);
  return at.getTime() > now.getTime() ? at : null;
}

export function recordFailure(attempts: Attempts, now: Date): Attempts {
  return { failures: attempts.failures + 1, lastFailureAt: now.toISOString() };
}
