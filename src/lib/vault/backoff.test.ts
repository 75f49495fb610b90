import { describe, expect, it } from 'vitest';
import { MAX_WAIT_MS, noAttempts, readAttempts, recordFailure, waitAfter } from './backoff';

describe('waitAfter', () => {
  it('is free for three tries, then 30 s doubling, capped at 15 minutes', () => {
    expect([0, 1, 2].map(waitAfter)).toEqual([0, 0, 0]);
    expect([3, 4, 5, 6, 7].map(waitAfter)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000]);
    expect(waitAfter(8)).toBe(MAX_WAIT_MS);
    expect(waitAfter(40)).toBe(MAX_WAIT_MS);
  });
});

describe('recordFailure', () => {
  const t0 = new Date('2025-04-01T09:00:00Z');

  it('counts the failure and sets the whole wait it calls for as the wait left', () => {
    let a = noAttempts;
    a = recordFailure(a, t0);
    a = recordFailure(a, t0);
    expect(a).toEqual({ failures: 2, lastFailureAt: t0.toISOString(), waitLeftMs: 0 });
    a = recordFailure(a, t0);
    expect(a.waitLeftMs).toBe(30_000);
  });
});

describe('readAttempts', () => {
  const now = new Date('2025-04-01T09:00:00Z');

  it('never asks for more than the failures call for (a bogus row cannot lock for longer)', () => {
    expect(
      readAttempts({ failures: 3, lastFailureAt: null, waitLeftMs: 10 * 3600_000 }, now).waitLeftMs
    ).toBe(30_000);
    expect(readAttempts({ failures: 20, lastFailureAt: null, waitLeftMs: -5 }, now).waitLeftMs).toBe(0);
    expect(readAttempts({ failures: -1, lastFailureAt: null, waitLeftMs: 5_000 }, now)).toEqual({
      failures: 0,
      lastFailureAt: null,
      waitLeftMs: 0
    });
  });

  it('reckons the wait left of an earlier version row from the time of its last failure, within the cap', () => {
    const row = (ago: number) => ({
      failures: 4,
      lastFailureAt: new Date(now.getTime() - ago).toISOString()
    });
    expect(readAttempts(row(15_000), now).waitLeftMs).toBe(45_000);
    expect(readAttempts(row(90_000), now).waitLeftMs).toBe(0);
    // A last failure "in the future" (the clock was set back): never more than the whole wait.
    expect(readAttempts(row(-3600_000), now).waitLeftMs).toBe(60_000);
  });
});
