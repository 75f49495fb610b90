import { describe, expect, it } from 'vitest';
import { birthDateRange, cutTo, isDeskBranch, isDeskPhone } from './desk-rules';

describe('desk rules', () => {
  it('takes phone numbers of 6 to 20 digits, hyphens, brackets, spaces and +, or none', () => {
    for (const phone of ['', '03-1234-5678', '(03) 1234-5678', '+81 90 1234 5678', '123456'])
      expect(isDeskPhone(phone)).toBe(true);
    for (const phone of ['12345', '電話なし', '03-1234-5678 携帯', '1'.repeat(21)])
      expect(isDeskPhone(phone)).toBe(false);
  });

  it('takes a two-digit 枝番, or none', () => {
    expect(['', '00', '01', '99'].map(isDeskBranch)).toEqual([true, true, true, true]);
    expect(['1', '123', 'AB'].map(isDeskBranch)).toEqual([false, false, false]);
  });

  it('places a birth date against today and 1900', () => {
    expect(birthDateRange('2025-11-16', '2025-11-15')).toBe('future');
    expect(birthDateRange('2025-11-15', '2025-11-15')).toBe('ok');
    expect(birthDateRange('1900-01-01', '2025-11-15')).toBe('ok');
    expect(birthDateRange('1899-12-31', '2025-11-15')).toBe('tooEarly');
  });

  it('cuts text without splitting a surrogate pair', () => {
    expect(cutTo('山田太郎', 2)).toBe('山田');
    expect(cutTo('山𠮷', 2)).toBe('山');
    expect(cutTo('山田', 5)).toBe('山田');
  });
});
