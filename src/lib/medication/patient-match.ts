// Whether an お薬手帳 belongs to the patient at the desk: its name and birth date against the arrival's.
import { foldName } from './allergy-match';
import type { NotebookPatient } from './jahis';

export type Mismatch = 'name' | 'birthDate';

/**
 * What differs between the notebook's patient and the arrival: the name compared without spaces and
 * width (鈴木 太郎 = 鈴木太郎), the birth date as YYYY-MM-DD. A field empty on either side cannot differ;
 * the staff see both anyway.
 */
export function patientMismatch(
  book: NotebookPatient,
  arrival: { name: string; birthDate: string }
): Mismatch[] {
  const out: Mismatch[] = [];
  if (book.name && arrival.name && foldName(book.name) !== foldName(arrival.name)) out.push('name');
  if (book.birthDate && arrival.birthDate && book.birthDate !== arrival.birthDate) out.push('birthDate');
  return out;
}
