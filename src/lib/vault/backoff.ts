// Back-off after wrong passcodes: three tries free, then 30 s, doubling each time, never more than 15 minutes.
//
// The wait is an amount of time still to be waited, not a moment on the device's clock: the tablet's
// clock can be moved (forward to skip the wait, back to lengthen it), so the wait is counted down with a
// monotonic clock while a page is open (wait-clock.ts) and what is left is stored, so a reload resumes it.

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
  /**
   * ISO time of the last wrong passcode; null when none since the last unlock. It names one run of
   * failures (wait-clock.ts tells them apart by it); it never decides when the wait ends.
   */
  lastFailureAt: string | null;
  /** The wait still to be waited, as last stored by a page counting it down. */
  waitLeftMs: number;
}

export const noAttempts: Attempts = { failures: 0, lastFailureAt: null, waitLeftMs: 0 };

export function recordFailure(attempts: Attempts, now: Date): Attempts {
  const failures = attempts.failures + 1;
  return { failures, lastFailureAt: now.toISOString(), waitLeftMs: waitAfter(failures) };
}

/**
 * A stored row as usable attempts. The wait left is never more than the failures call for (a bogus
 * row cannot lock the vault for longer than the cap). A row of an earlier version holds no wait left,
 * only the time of the last failure: its wait is reckoned once from the clock, within the same bounds.
 */
export function readAttempts(
  row: { failures: number; lastFailureAt: string | null; waitLeftMs?: number },
  now: Date
): Attempts {
  const failures = Number.isInteger(row.failures) && row.failures > 0 ? row.failures : 0;
  const wait = waitAfter(failures);
  let left = row.waitLeftMs;
  if (typeof left !== 'number' || !Number.isFinite(left)) {
    const last = row.lastFailureAt ? new Date(row.lastFailureAt).getTime() : NaN;
    left = Number.isFinite(last) ? last + wait - now.getTime() : wait;
  }
  return { failures, lastFailureAt: row.lastFailureAt, waitLeftMs: Math.min(Math.max(0, left), wait) };
}
