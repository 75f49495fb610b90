// This page's count-down of the passcode back-off, on a monotonic clock: moving the device's clock changes nothing.
import type { Attempts } from './backoff';

/**
 * The wait is counted from the moment this page first saw a run of failures (its stored wait left
 * then), on `monotonic` (performance.now() in the app): it ticks while the page is open, whatever the
 * wall clock does. Another page that has counted further (a smaller stored wait) is believed, since its
 * count is as honest as this one's; two pages never add up to a faster count.
 */
export class WaitClock {
  #monotonic: () => number;
  #seen: { run: string; endsAt: number } | null = null;

  constructor(monotonic: () => number) {
    this.#monotonic = monotonic;
  }

  /** Milliseconds still to wait for these attempts (0: a passcode may be tried now). */
  left(attempts: Attempts): number {
    const now = this.#monotonic();
    const run = `${attempts.failures}|${attempts.lastFailureAt ?? ''}`;
    if (this.#seen?.run !== run) this.#seen = { run, endsAt: now + attempts.waitLeftMs };
    return Math.max(0, Math.min(this.#seen.endsAt - now, attempts.waitLeftMs));
  }
}

/** The page's own clock: performance.now() is monotonic and starts again with each page. */
export const pageWaitClock = new WaitClock(() => performance.now());
