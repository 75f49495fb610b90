// The queue's last one-tap status change, so the screen can say what it did and take it back: a tap on the
// wrong row's 帰宅 or 会計済 is one tap, and so is its undo. One at a time, for a few seconds.
import type { QueueStep } from './model';

export interface Move {
  arrivalId: string;
  queueNo: string;
  from: QueueStep;
  to: QueueStep;
}

const SHOWN_MS = 10_000;

class LastMove {
  current = $state<Move | null>(null);
  #timer: ReturnType<typeof setTimeout> | null = null;

  record(move: Move): void {
    this.current = move;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.clear(), SHOWN_MS);
  }

  clear(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.current = null;
  }
}

export const lastMove = new LastMove();
