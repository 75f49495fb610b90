import { describe, expect, it } from 'vitest';
import { ageOn, copayHint } from './age';

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

describe('copayHint: the 負担割合 an age usually means', () => {
  it('未就学児 until the first 31 March after reaching 6 (the day before the 6th birthday)', () => {
    // Born 1 April: reaches 6 on 31 March, so school (and 3割) starts that April.
    expect(copayHint('2019-04-01', '2025-03-31')).toEqual({ band: 'preschool', usual: '2' });
    expect(copayHint('2019-04-01', '2025-04-01')).toEqual({ band: 'working', usual: '3' });
    // Born 2 April: reaches 6 on 1 April 2025, so one more year as 未就学児.
    expect(copayHint('2019-04-02', '2026-03-31')).toEqual({ band: 'preschool', usual: '2' });
    expect(copayHint('2019-04-02', '2026-04-01')).toEqual({ band: 'working', usual: '3' });
  });

  it('70–74 from the first of the month after the 70th birthday; that month for one born on the 1st', () => {
    expect(copayHint('1955-06-15', '2025-06-30')).toEqual({ band: 'working', usual: '3' });
    expect(copayHint('1955-06-15', '2025-07-01')).toEqual({ band: 'elderly70', usual: '2' });
    expect(copayHint('1955-06-01', '2025-05-31')).toEqual({ band: 'working', usual: '3' });
    expect(copayHint('1955-06-01', '2025-06-01')).toEqual({ band: 'elderly70', usual: '2' });
    expect(copayHint('1955-12-20', '2026-01-01')).toEqual({ band: 'elderly70', usual: '2' });
  });

  it('後期高齢者 from the 75th birthday itself; a 29 February birthday counts on 1 March', () => {
    expect(copayHint('1950-11-15', '2025-11-14')).toEqual({ band: 'elderly70', usual: '2' });
    expect(copayHint('1950-11-15', '2025-11-15')).toEqual({ band: 'lateElderly', usual: '1' });
    expect(copayHint('1948-02-29', '2023-02-28')).toEqual({ band: 'elderly70', usual: '2' });
    expect(copayHint('1948-02-29', '2023-03-01')).toEqual({ band: 'lateElderly', usual: '1' });
    expect(copayHint('2030-01-01', '2025-01-01')).toBeNull();
  });
});
