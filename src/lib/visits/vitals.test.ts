import { describe, expect, it } from 'vitest';
import { emptyVitals, type Vitals } from './model';
import { checkVitals, parseVital, vitalRanges } from './vitals';

const vitals = (v: Partial<Vitals>): Vitals => ({ ...emptyVitals, ...v });

describe('parseVital', () => {
  it('reads half- and full-width numbers, blank as null, words as NaN', () => {
    expect(parseVital('36.5')).toBe(36.5);
    expect(parseVital('３６．５')).toBe(36.5);
    expect(parseVital(' 120 ')).toBe(120);
    expect(parseVital('１２０')).toBe(120);
    expect(parseVital('')).toBeNull();
    expect(parseVital('　')).toBeNull();
    expect(parseVital('高い')).toBeNaN();
    expect(parseVital('36.5度')).toBeNaN();
    expect(parseVital('-3')).toBeNaN();
  });
});

describe('checkVitals', () => {
  it('accepts a normal set of vitals, typed in 全角 or not', () => {
    expect(
      checkVitals(
        vitals({
          temperature: '３６．８',
          systolic: '128',
          diastolic: '８２',
          pulse: '72',
          spo2: '98',
          respRate: '16',
          height: '165.2',
          weight: '58'
        })
      )
    ).toEqual({});
  });

  it('accepts blanks: nothing measured is not a problem', () => {
    expect(checkVitals(emptyVitals)).toEqual({});
  });

  it('accepts the edges of every range and flags just beyond them', () => {
    for (const [field, { min, max }] of Object.entries(vitalRanges) as [
      keyof Vitals,
      { min: number; max: number }
    ][]) {
      // One field at a time, so diastolic is not compared with a systolic.
      expect(checkVitals(vitals({ [field]: String(min) }))[field], `${field} ${min}`).toBeUndefined();
      expect(checkVitals(vitals({ [field]: String(max) }))[field], `${field} ${max}`).toBeUndefined();
      for (const beyond of [min - 1, max + 1])
        expect(checkVitals(vitals({ [field]: String(beyond) }))[field], `${field} ${beyond}`).toEqual({
          key: 'visits.vitals.outOfRange',
          values: { min, max },
          field
        });
    }
  });

  it('flags the classic slips: 365 for 36.5, a weight in grams, SpO2 over 100', () => {
    expect(checkVitals(vitals({ temperature: '365' })).temperature?.key).toBe('visits.vitals.outOfRange');
    expect(checkVitals(vitals({ temperature: '３４．０' })).temperature).toBeUndefined();
    expect(checkVitals(vitals({ temperature: '33.9' })).temperature?.key).toBe('visits.vitals.outOfRange');
    expect(checkVitals(vitals({ weight: '3200' })).weight?.key).toBe('visits.vitals.outOfRange');
    expect(checkVitals(vitals({ spo2: '101' })).spo2?.key).toBe('visits.vitals.outOfRange');
  });

  it('asks for a number when the value is not one', () => {
    expect(checkVitals(vitals({ pulse: '速い' })).pulse).toEqual({
      key: 'visits.vitals.notNumber',
      field: 'pulse'
    });
  });

  it('flags a diastolic pressure not below the systolic one', () => {
    expect(checkVitals(vitals({ systolic: '80', diastolic: '90' })).diastolic?.key).toBe(
      'visits.vitals.diastolicHigh'
    );
    expect(checkVitals(vitals({ systolic: '90', diastolic: '90' })).diastolic?.key).toBe(
      'visits.vitals.diastolicHigh'
    );
    expect(checkVitals(vitals({ systolic: '９０', diastolic: '６０' }))).toEqual({});
    // Only one of the pair given: nothing to compare.
    expect(checkVitals(vitals({ diastolic: '90' }))).toEqual({});
  });

  it('does not pile a comparison on top of an out-of-range value', () => {
    const problems = checkVitals(vitals({ systolic: '1200', diastolic: '80' }));
    expect(problems.systolic?.key).toBe('visits.vitals.outOfRange');
    expect(problems.diastolic).toBeUndefined();
  });
});
