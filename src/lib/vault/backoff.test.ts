import { describe, expect, it } from 'vitest';
import { MAX_WAIT_MS, noAttempts, recordFailure, retryAt, waitAfter } from './backoff';

describe('waitAfter', () => {
  it('is free for three tries, then 30 s doubling, capped at 15 minutes', () => {
    expect([0, 1, 2].map(waitAfter)).toEqual([0, 0, 0]);
    expect([3, 4, 5, 6, 7].map(waitAfter)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000]);
    expect(waitAfter(8)).toBe(MAX_WAIT_MS);
    expect(waitAfter(40)).toBe(MAX_WAIT_MS);
  });
});

describe('retryAt', () => {
  const t0 = new Date('2025-04-01T09:00:00Z');
  const plus = (ms: number) => new Date(t0.getTime() + ms);

  it('is null before three failures and after the wait', () => {
    let a = noAttempts;
    a = recordFailure(a, t0);
    a = recordFailure(a, t0);
    expect(retryAt(a, t0)).toBeNull();
    a = recordFailure(a, t0);
    expect(retryAt(a, plus(1000))).toEqual(plus(30_000));
    expect(retryAt(a, plus(30_000))).toBeNull();
  });

  it('never asks for more than the cap, even with the clock set back', () => {
    const a = { failures: 20, lastFailureAt: '2030-01-01T00:00:00Z' };
    expect(retryAt(a, t0)).toEqual(plus(MAX_WAIT_MS));
  });
});
