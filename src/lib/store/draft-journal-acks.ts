// The journal's acknowledgements: shared memory the worker marks after each keystroke's write, and the input
// handler's wait for that mark (README, "Nothing lost").
//
// A page may share memory with its worker only when cross-origin isolated (lib/pwa/isolation.ts). It may
// not block in Atomics.wait either, so the handler polls the slot; a write takes well under a millisecond
// to 3 ms, and the wait is capped so a stuck worker never makes typing crawl.

/** Slots per kind (more than keystrokes ever in flight). */
const SLOTS = 1024;
/**
 * The longest an input handler waits for its keystroke to be written. A worker not given the CPU on a
 * loaded 2-core machine was seen writing up to 257 ms after the post.
 */
export const ACK_WAIT_MS = 300;

/**
 * Slot `seq % SLOTS` holds the newest write of that slot the worker is done with; the same slot of the
 * second half, the newest that failed (not written: the page keeps that keystroke elsewhere at once).
 */
export class AckSlots {
  readonly view: Int32Array;

  constructor(view: Int32Array) {
    this.view = view;
  }

  /** Slots in shared memory, where this page is cross-origin isolated; null elsewhere. */
  static shared(): AckSlots | null {
    if (!globalThis.crossOriginIsolated || typeof SharedArrayBuffer !== 'function') return null;
    try {
      return new AckSlots(new Int32Array(new SharedArrayBuffer(2 * SLOTS * Int32Array.BYTES_PER_ELEMENT)));
    } catch {
      return null;
    }
  }

  /** The worker is done with write `seq`: written, or failed. A slot only moves forward. */
  mark(seq: number, written: boolean): void {
    const slot = seq % SLOTS;
    // The failure first, so a page that sees the write done also sees how it went.
    if (!written && Atomics.load(this.view, SLOTS + slot) < seq) Atomics.store(this.view, SLOTS + slot, seq);
    if (Atomics.load(this.view, slot) < seq) Atomics.store(this.view, slot, seq);
  }

  done(seq: number): boolean {
    return Atomics.load(this.view, seq % SLOTS) >= seq;
  }

  failed(seq: number): boolean {
    return Atomics.load(this.view, SLOTS + (seq % SLOTS)) === seq;
  }
}

/** How a keystroke's hand-over went, as the input handler returns. */
export type HandOver = 'written' | 'failed' | 'late' | 'unwaited';

/** The page's waits: one at a time, from input handlers. */
export class AckWaiter {
  #slots: AckSlots;
  #waitMs: number;
  #now: () => number;
  /** A write the handler stopped waiting for: until it is done, later ones are not waited for either. */
  #overdue = 0;

  constructor(slots: AckSlots, waitMs = ACK_WAIT_MS, now: () => number = () => performance.now()) {
    this.#slots = slots;
    this.#waitMs = waitMs;
    this.#now = now;
  }

  /**
   * Wait (busily) until write `seq` is done, at most `waitMs`. A worker that missed the time once is
   * stuck: it is not waited for again until that write is done, so typing stays quick meanwhile.
   */
  wait(seq: number): HandOver {
    if (this.#overdue && !this.#slots.done(this.#overdue)) return 'unwaited';
    this.#overdue = 0;
    const until = this.#now() + this.#waitMs;
    while (!this.#slots.done(seq)) {
      if (this.#now() >= until) {
        this.#overdue = seq;
        return 'late';
      }
    }
    return this.#slots.failed(seq) ? 'failed' : 'written';
  }
}
