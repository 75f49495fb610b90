// Plausible ranges of vital signs: a typo such as 365 for 36.5 is flagged next to its field, never silently stored.
import type { FieldProblems } from '../result';
import { toHalfWidth, vitalFields, type Vitals } from './model';

export interface Range {
  min: number;
  max: number;
}

/** Values outside these are almost surely a slip of the finger (or a unit mix-up), not a patient. */
export const vitalRanges: Record<keyof Vitals, Range> = {
  temperature: { min: 34, max: 42 },
  systolic: { min: 60, max: 260 },
  diastolic: { min: 30, max: 160 },
  pulse: { min: 20, max: 250 },
  spo2: { min: 50, max: 100 },
  respRate: { min: 4, max: 60 },
  height: { min: 30, max: 230 },
  weight: { min: 1, max: 300 }
};

/** A typed vital as a number: null when left blank, NaN when it is not a number. 全角 digits are accepted. */
export function parseVital(text: string): number | null {
  const plain = toHalfWidth(text);
  if (plain === '') return null;
  return /^\d+(\.\d+)?$/.test(plain) ? Number(plain) : Number.NaN;
}

/**
 * Problems with the typed vitals, keyed by field. These are warnings: the clinician may confirm an
 * unusual value, but is always shown it first.
 */
export function checkVitals(vitals: Vitals): FieldProblems<keyof Vitals> {
  const problems: FieldProblems<keyof Vitals> = {};
  const values: Partial<Record<keyof Vitals, number | null>> = {};
  for (const field of vitalFields) {
    const value = parseVital(vitals[field]);
    values[field] = value;
    if (value === null) continue;
    if (Number.isNaN(value)) {
      problems[field] = { key: 'visits.vitals.notNumber', field };
      continue;
    }
    const { min, max } = vitalRanges[field];
    if (value < min || value > max)
      problems[field] = { key: 'visits.vitals.outOfRange', values: { min, max }, field };
  }
  const { systolic, diastolic } = values;
  if (
    !problems.diastolic &&
    !problems.systolic &&
    systolic != null &&
    diastolic != null &&
    diastolic >= systolic
  )
    problems.diastolic = { key: 'visits.vitals.diastolicHigh', field: 'diastolic' };
  return problems;
}
