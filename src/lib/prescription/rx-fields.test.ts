import { describe, expect, it } from 'vitest';
import { dispensingCount, doseParts, elderlyOn, preschoolOn } from './rx-fields';

describe('the sheet text read into JAHIS fields', () => {
  it('splits only a plain `<number><unit>` dose into 用量 and 単位名 (表 3-39)', () => {
    expect(doseParts('３錠')).toEqual({ amount: '3', unit: '錠' });
    expect(doseParts('0.5 g')).toEqual({ amount: '0.5', unit: 'g' });
    expect(doseParts('02.50mL')).toEqual({ amount: '2.5', unit: 'mL' });
    expect(doseParts('1.0錠')).toEqual({ amount: '1', unit: '錠' });
    // Anything else would give the pharmacy a wrong amount or unit: no parts.
    for (const dose of [
      '適量',
      '1日2回 1回1錠',
      '1回1錠',
      '1/2錠',
      '3錠(分3)',
      '',
      '1234567錠',
      '1カプセルずつ飲む'
    ])
      expect(doseParts(dose)).toBeNull();
  });

  it('reads 調剤数量 from the days or times, 1 when none is written', () => {
    expect(dispensingCount('14')).toBe('14');
    expect(dispensingCount('１４日分')).toBe('14');
    expect(dispensingCount('5回')).toBe('5');
    expect(dispensingCount('')).toBe('1');
    expect(dispensingCount('2週間')).toBeNull();
    expect(dispensingCount('0')).toBeNull();
    expect(dispensingCount('1000')).toBeNull();
  });

  it('tells a child before school (表 3-16 ６歳未満) from the birth date', () => {
    expect(preschoolOn('2020-04-02', '2027-03-31')).toBe(true);
    expect(preschoolOn('2020-04-02', '2027-04-01')).toBe(false);
    expect(preschoolOn('2020-04-01', '2026-03-31')).toBe(true);
    expect(preschoolOn('2020-04-01', '2026-04-01')).toBe(false);
    expect(preschoolOn('', '2026-04-01')).toBe(false);
  });

  it('tells a 高齢受給者 from the birth date: from the month after reaching 70 (born on the 1st: that month)', () => {
    expect(elderlyOn('1956-05-17', '2026-05-31')).toBe(false);
    expect(elderlyOn('1956-05-17', '2026-06-01')).toBe(true);
    expect(elderlyOn('1956-05-01', '2026-04-30')).toBe(false);
    expect(elderlyOn('1956-05-01', '2026-05-01')).toBe(true);
    expect(elderlyOn('', '2026-05-01')).toBe(false);
  });
});
