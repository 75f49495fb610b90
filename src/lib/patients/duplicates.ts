// The duplicate-patient warning at registration: roster patients who look like the one being registered.
import { searchKey } from './kana';
import type { Patient, Sex } from './model';
import type { RosterIndex } from './search';
import { parseBirthDate } from './wareki';

export interface DuplicateCandidate {
  name: string;
  kana: string;
  /** ISO yyyy-mm-dd, or any spelling parseBirthDate reads. */
  birthDate: string;
  sex: Sex;
}

export interface DuplicateOptions {
  /** The patient being edited, who must not be reported as their own duplicate. */
  excludeId?: string;
}

/**
 * Patients with the same birth date and sex whose 氏名 or フリガナ is the same once spaces,
 * widths, kana kind and variant kanji are ignored (髙橋 = 高橋). An unknown sex ('') on either
 * side does not rule a patient out: a missed duplicate costs more than an extra warning.
 */
export function findLikelyDuplicates(
  candidate: DuplicateCandidate,
  index: RosterIndex,
  options: DuplicateOptions = {}
): Patient[] {
  const birth = parseBirthDate(candidate.birthDate);
  if (!birth.ok) return [];
  const nameKey = searchKey(candidate.name);
  const kanaKey = searchKey(candidate.kana);
  if (nameKey === '' && kanaKey === '') return [];
  return index.byBirthDate(birth.value).filter((patient) => {
    if (patient.id === options.excludeId) return false;
    if (candidate.sex !== '' && patient.sex !== '' && candidate.sex !== patient.sex) return false;
    return (
      (nameKey !== '' && searchKey(patient.name) === nameKey) ||
      (kanaKey !== '' && searchKey(patient.kana) === kanaKey)
    );
  });
}
