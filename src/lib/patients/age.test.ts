import { describe, expect, it } from 'vitest';
import { ageOn } from './age';

describe('ageOn', () => {
  it('counts full years, turning a year older on the birthday', () => {
    expect(ageOn('1980-01-02', '2025-01-01')).toBe(44);
    expect(ageOn('1980-01-02', '2025-01-02')).toBe(45);
    expect(ageOn('2025-11-15', '2025-11-15')).toBe(0);
  });

  it('treats a 2月29日 birthday as passed on 3月1日 in common years', () => {
    expect(ageOn('2000-02-29', '2025-02-28')).toBe(24);
    expect(ageOn('2000-02-29', '2025-03-01')).toBe(25);
    expect(ageOn('2000-02-29', '2024-02-29')).toBe(24);
  });
});
