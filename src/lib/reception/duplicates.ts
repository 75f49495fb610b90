// The duplicate-patient warning at the desk: a new patient who may be in the roster, or anyone already registered this session.
import { findLikelyDuplicates } from '../patients/duplicates';
import { searchKey } from '../patients/kana';
import type { Patient } from '../patients/model';
import type { RosterIndex } from '../patients/search';
import { parseBirthDate } from '../patients/wareki';
import type { ArrivalForm } from './arrival-form';
import type { Arrival, Sex } from './model';

export interface Duplicates {
  /** Roster patients with the same name (or kana), birth date and sex: only asked for a new patient. */
  roster: Patient[];
  /** Arrivals of this session that look like the same person (or are the same roster patient). */
  arrivals: Arrival[];
  /** Identifies what was compared, so an answer ("a different person") holds until the identity changes. */
  signature: string;
}

export const noDuplicates: Duplicates = { roster: [], arrivals: [], signature: '' };

/** An arrival whose visit is over (paid, to pay later, gone home): the person may well come again. */
const visitOver = (a: Arrival) => a.status === 'paid' || a.status === 'payLater' || a.status === 'left';

/**
 * The person looks like someone whose visit this outage is over, and like nobody else: most likely the same
 * person coming again (back in the afternoon, or the next day of a long outage), so the desk is asked to
 * confirm a new visit, not to call them "a different person".
 */
export function comesAgain(duplicates: Duplicates): boolean {
  return (
    duplicates.roster.length === 0 && duplicates.arrivals.length > 0 && duplicates.arrivals.every(visitOver)
  );
}

interface Candidate {
  patientId: string | null;
  name: string;
  kana: string;
  /** ISO yyyy-mm-dd. */
  birthDate: string;
  sex: Sex;
}

const sexesMatch = (a: Sex, b: Sex) => a === '' || b === '' || a === b;

/**
 * Arrivals that are the same roster patient, or share birth date, compatible sex and 氏名 or フリガナ;
 * a cancelled one (受付取消) is no longer there to be confused with.
 */
export function findDuplicateArrivals(
  candidate: Candidate,
  arrivals: readonly Arrival[],
  excludeId = ''
): Arrival[] {
  const nameKey = searchKey(candidate.name);
  const kanaKey = searchKey(candidate.kana);
  return arrivals.filter((a) => {
    if (a.id === excludeId || a.status === 'cancelled') return false;
    if (candidate.patientId !== null && a.patientId === candidate.patientId) return true;
    if (!candidate.birthDate || a.birthDate !== candidate.birthDate || !sexesMatch(candidate.sex, a.sex))
      return false;
    return (
      (nameKey !== '' && searchKey(a.name) === nameKey) || (kanaKey !== '' && searchKey(a.kana) === kanaKey)
    );
  });
}

export interface DuplicateSources {
  roster: RosterIndex | null;
  arrivals: readonly Arrival[];
  /** The arrival being edited, never its own duplicate. */
  excludeId?: string;
}

/** Everything the desk should be warned about for the patient on the form (nothing until name and birth date read). */
export function findDuplicates(form: ArrivalForm, sources: DuplicateSources): Duplicates {
  const birth = parseBirthDate(form.birthDate);
  if (!birth.ok || (!searchKey(form.name) && !searchKey(form.kana))) return noDuplicates;
  const candidate: Candidate = {
    patientId: form.patientId,
    name: form.name,
    kana: form.kana,
    birthDate: birth.value,
    sex: form.sex
  };
  const roster =
    form.patientId === null && sources.roster
      ? findLikelyDuplicates(
          { name: form.name, kana: form.kana, birthDate: birth.value, sex: form.sex },
          sources.roster
        )
      : [];
  const arrivals = findDuplicateArrivals(candidate, sources.arrivals, sources.excludeId);
  if (roster.length === 0 && arrivals.length === 0) return noDuplicates;
  const signature = [
    form.patientId ?? '',
    searchKey(form.name),
    searchKey(form.kana),
    birth.value,
    form.sex,
    ...roster.map((p) => p.id),
    ...arrivals.map((a) => a.id)
  ].join('|');
  return { roster, arrivals, signature };
}

/** Whether saving must wait for staff to answer the warning. */
export function needsDuplicateAnswer(duplicates: Duplicates, form: ArrivalForm): boolean {
  return duplicates.signature !== '' && form.duplicateAck !== duplicates.signature;
}
