import { describe, expect, it } from 'vitest';
import { defaultTakenAt, readTakenAt } from './taken-at';

const now = new Date(2025, 10, 15, 9, 30);

describe('defaultTakenAt', () => {
  it('uses the file’s modified time, in local time', () => {
    expect(defaultTakenAt(new Date(2025, 10, 14, 18, 5).getTime(), now)).toBe('2025-11-14T18:05');
  });

  it('falls back to now when the file has no time or one in the future', () => {
    expect(defaultTakenAt(0, now)).toBe('2025-11-15T09:30');
    expect(defaultTakenAt(undefined, now)).toBe('2025-11-15T09:30');
    expect(defaultTakenAt(new Date(2026, 0, 1).getTime(), now)).toBe('2025-11-15T09:30');
  });
});

describe('readTakenAt', () => {
  it('reads a local date-time into an ISO timestamp', () => {
    expect(readTakenAt('2025-11-14T18:05', now)).toEqual({
      iso: new Date(2025, 10, 14, 18, 5).toISOString()
    });
  });

  it('asks for a date and time when the field is empty or malformed', () => {
    expect(readTakenAt('', now)).toEqual({
      problem: { key: 'patients.import.error.takenAtInvalid', field: 'takenAt' }
    });
    expect(readTakenAt('2025-02-30T10:00', now)).toMatchObject({
      problem: { key: 'patients.import.error.takenAtInvalid' }
    });
  });

  it('refuses the future but allows a few minutes of clock skew', () => {
    expect(readTakenAt('2025-11-15T09:34', now)).toHaveProperty('iso');
    expect(readTakenAt('2025-11-15T10:00', now)).toMatchObject({
      problem: { key: 'patients.import.error.takenAtFuture' }
    });
  });
});
