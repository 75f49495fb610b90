import { describe, expect, it } from 'vitest';
import { WaitClock } from './wait-clock';

const run = (waitLeftMs: number, failures = 3, at = '2025-04-01T09:00:00.000Z') => ({
  failures,
  lastFailureAt: at,
  waitLeftMs
});

describe('WaitClock', () => {
  it('counts down from when the page first saw the run, on its monotonic clock alone', () => {
    let ticks = 500;
    const clock = new WaitClock(() => ticks);
    expect(clock.left(run(30_000))).toBe(30_000);
    ticks += 12_000;
    // The stored wait left is still the old one (nobody stored since): the page's count decides.
    expect(clock.left(run(30_000))).toBe(18_000);
    ticks += 20_000;
    expect(clock.left(run(30_000))).toBe(0);
  });

  it('believes a page that has counted further, and starts over for a new run of failures', () => {
    let ticks = 0;
    const clock = new WaitClock(() => ticks);
    clock.left(run(60_000));
    ticks += 5_000;
    expect(clock.left(run(20_000))).toBe(20_000);
    // Unlocked elsewhere and failed three times again: same count, another run.
    expect(clock.left(run(30_000, 3, '2025-04-01T10:00:00.000Z'))).toBe(30_000);
    ticks += 1_000;
    expect(clock.left(run(30_000, 3, '2025-04-01T10:00:00.000Z'))).toBe(29_000);
  });
});
