import { describe, expect, it } from 'vitest';
import { sampleArrival } from './sample';
import { stillOpen } from './precheck';

describe('stillOpen', () => {
  it('keeps patients waiting, in consultation or waiting to pay; drops paid, pay-later, gone and cancelled', () => {
    const statuses = [
      'waiting',
      'inConsult',
      'awaitingPayment',
      'paid',
      'payLater',
      'left',
      'cancelled'
    ] as const;
    const arrivals = statuses.map((status, i) => ({ ...sampleArrival('A', i + 1), status }));
    expect(stillOpen(arrivals).map((a) => a.queueNo)).toEqual(['A-001', 'A-002', 'A-003']);
  });
});
