// What is still in progress when the EHR comes back: patients not yet through the desk, in arrival order.
import type { Arrival, QueueStatus } from '../reception/model';

/** Statuses of a patient still being seen or waiting to pay (not paid, pay-later, gone home or cancelled). */
const OPEN: ReadonlySet<QueueStatus> = new Set(['waiting', 'inConsult', 'awaitingPayment']);

export function stillOpen(arrivals: readonly Arrival[]): Arrival[] {
  return arrivals.filter((a) => OPEN.has(a.status));
}
