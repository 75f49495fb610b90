// What the memo's clinical panel shows and what a Do copies: pure rules over the roster, the snapshot, memos and お薬手帳.
import { allergyWords } from '../medication/allergy-match';
import type { Notebook } from '../medication/jahis';
import {
  lastPrescription,
  newestFirst,
  type ClinicalItem,
  type PatientClinical
} from '../patients/snapshot/model';
import { newPrescription, type Memo, type Prescription } from './model';

/** A previous prescription a Do can copy, with where it comes from. */
export interface PreviousPrescription {
  source: { kind: 'snapshot'; asOf: string } | { kind: 'memo'; date: string; memoId: string };
  rows: Prescription[];
}

/** A snapshot prescription line as a memo's prescription row (院外 by default, as a new row is). */
export function fromSnapshotItem(item: ClinicalItem, id: string): Prescription {
  return {
    ...newPrescription(id),
    drug: item.name,
    strength: item.strength,
    dose: item.dose,
    usage: item.usage,
    days: item.days
  };
}

/** The snapshot's last prescription and the previous memos' prescriptions (newest first, at most `limit` memos). */
export function previousPrescriptions(
  snapshot: { asOf: string; patient: PatientClinical | null } | null,
  memos: readonly Memo[],
  limit = 3
): PreviousPrescription[] {
  const out: PreviousPrescription[] = [];
  for (const memo of memos.filter((m) => m.content.prescriptions.length > 0).slice(0, limit))
    out.push({
      source: { kind: 'memo', date: memo.content.date, memoId: memo.id },
      rows: memo.content.prescriptions
    });
  const last = snapshot?.patient ? lastPrescription(snapshot.patient.items) : [];
  if (snapshot && last.length > 0)
    out.push({
      source: { kind: 'snapshot', asOf: snapshot.asOf },
      rows: last.map((item, i) => ({ ...fromSnapshotItem(item, `s${i}`), id: `s${i}` }))
    });
  return out;
}

/**
 * The Do: the previous rows appended to this visit's, each with a new id so the memo's history tells them
 * apart, and editable like any typed row. Rows already there are kept (a Do never overwrites what was typed).
 */
export function doCopy(
  current: readonly Prescription[],
  previous: readonly Prescription[],
  newId: () => string
): Prescription[] {
  const blank = (p: Prescription) => !p.drug && !p.strength && !p.dose && !p.usage && !p.days;
  return [...current.filter((p) => !blank(p)), ...previous.map((p) => ({ ...p, id: newId() }))];
}

/** The snapshot's items of a kind, newest first. */
export const itemsOf = (patient: PatientClinical | null, kind: ClinicalItem['kind']) =>
  patient ? newestFirst(patient.items.filter((i) => i.kind === kind)) : [];

/** The allergy words of the snapshot: each allergy's name (a name with separators splits like free text). */
export function snapshotAllergyTexts(patient: PatientClinical | null): string[] {
  return itemsOf(patient, 'allergy').map((i) => i.name);
}

/** An お薬手帳's free-text notes (dispensing and drug notes): checked against drug names like allergy words. */
export function notebookNoteTexts(book: Notebook): string[] {
  return book.dispensings
    .flatMap((d) => [...d.notes, ...d.drugs.flatMap((x) => x.notes)])
    .flatMap(allergyWords);
}

/** The roster's 患者番号 of an arrival's patientId (ids are 'p:' + 患者番号, see patients/model.ts). */
export function patientNoOf(patientId: string | null | undefined): string {
  return patientId?.startsWith('p:') ? patientId.slice(2) : '';
}
