import { describe, expect, it } from 'vitest';
import { retryDelay } from './hub-retry';

describe('how soon a device tries the hub again', () => {
  it('quickly while the hub is out of reach (a restart is found within seconds), never more than 4 s apart', () => {
    const waits: number[] = [];
    let delay = 0;
    for (let i = 0; i < 6; i++) waits.push((delay = retryDelay(delay, 'unreachable')));
    expect(waits).toEqual([500, 1_000, 2_000, 4_000, 4_000, 4_000]);
  });

  it('once a minute when the hub refused this device (removed, or its password changed), and quickly again once it is back', () => {
    expect(retryDelay(4_000, 'refused')).toBe(60_000);
    expect(retryDelay(60_000, 'refused')).toBe(60_000);
    expect(retryDelay(60_000, 'unreachable')).toBe(4_000);
  });
});
