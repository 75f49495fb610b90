// Passcode rules: what a passcode must be, normalised so a full-width ６ typed with a Japanese IME equals 6.
import type { FieldProblems, Problem } from '../result';

export const MIN_PASSCODE_LENGTH = 6;

/** NFKC turns full-width digits and letters (from a Japanese keyboard) into their ASCII forms. */
export function normalizePasscode(passcode: string): string {
  return passcode.normalize('NFKC');
}

export function checkPasscode(passcode: string, field = 'passcode'): Problem | null {
  if ([...normalizePasscode(passcode)].length < MIN_PASSCODE_LENGTH)
    return { key: 'vault.passcode.tooShort', values: { min: MIN_PASSCODE_LENGTH }, field };
  return null;
}

/** A new passcode typed twice: long enough, and the same both times. */
export function checkNewPasscode(passcode: string, confirm: string): FieldProblems<'passcode' | 'confirm'> {
  const problems: FieldProblems<'passcode' | 'confirm'> = {};
  const short = checkPasscode(passcode, 'passcode');
  if (short) problems.passcode = short;
  else if (normalizePasscode(passcode) !== normalizePasscode(confirm))
    problems.confirm = { key: 'vault.passcode.mismatch', field: 'confirm' };
  return problems;
}
