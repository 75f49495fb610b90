// What changed between two versions of a memo, field by field: the body of every Revision (改訂履歴).
import {
  issuedDocuments,
  vitalFields,
  type FieldChange,
  type MemoContent,
  type Prescription,
  type TestItem
} from './model';
import { notebookSummary } from '../medication/attached';

/** Plain fields of the memo, in the order the form shows them. */
export const textFields = [
  'date',
  'startTime',
  'endTime',
  'department',
  'doctor',
  'complaint',
  'history',
  'reportedMeds',
  'allergies',
  'findings',
  'assessment',
  'suspected',
  'procedures',
  'injections',
  'guidance',
  'nextAppointment'
] as const satisfies (keyof MemoContent)[];

export const prescriptionFields = [
  'drug',
  'strength',
  'dose',
  'usage',
  'days',
  'dispensing',
  'marks'
] as const;
export const testFields = ['name', 'state'] as const;

function push(changes: FieldChange[], field: string, before: string, after: string) {
  if (before !== after) changes.push({ field, before, after });
}

/**
 * Rows are matched by their id, so editing row 2 shows as row 2's change, a removed row as its
 * fields emptied and an added row as its fields filled; the field is named `<list>.<n>.<sub>` with n
 * counted from 0 (position in the newer version, or in the older one for a removed row).
 */
function diffRows<R extends { id: string }>(
  changes: FieldChange[],
  list: string,
  before: R[],
  after: R[],
  fields: readonly (keyof R & string)[]
) {
  const text = (row: R | undefined, field: keyof R & string) => (row ? String(row[field] ?? '') : '');
  after.forEach((row, index) => {
    const old = before.find((b) => b.id === row.id);
    for (const f of fields) push(changes, `${list}.${index}.${f}`, text(old, f), text(row, f));
  });
  before.forEach((row, index) => {
    if (after.some((a) => a.id === row.id)) return;
    for (const f of fields) push(changes, `${list}.${index}.${f}`, text(row, f), '');
  });
}

/** Every field that differs between two versions, with its text before and after. */
export function diffContent(before: MemoContent, after: MemoContent): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const f of textFields) push(changes, f, String(before[f]), String(after[f]));
  for (const f of vitalFields) push(changes, `vitals.${f}`, before.vitals[f], after.vitals[f]);
  diffRows<Prescription>(
    changes,
    'prescriptions',
    before.prescriptions,
    after.prescriptions,
    prescriptionFields
  );
  diffRows<TestItem>(changes, 'tests', before.tests, after.tests, testFields);
  const docs = (list: string[]) => issuedDocuments.filter((d) => list.includes(d)).join(',');
  push(changes, 'documents', docs(before.documents), docs(after.documents));
  push(changes, 'notebooks', notebookSummary(before.notebooks), notebookSummary(after.notebooks));
  return changes;
}

/** How a change's field is named on screen: its section, its field, and the row number for list rows. */
export interface FieldName {
  group: 'memo' | 'vitals' | 'prescriptions' | 'tests';
  name: string;
  /** 1-based row number for prescriptions and tests. */
  row?: number;
}

export function fieldName(path: string): FieldName {
  const [head, second, third] = path.split('.');
  if (head === 'vitals' && second) return { group: 'vitals', name: second };
  if ((head === 'prescriptions' || head === 'tests') && second !== undefined && third)
    return { group: head, name: third, row: Number(second) + 1 };
  return { group: 'memo', name: head ?? path };
}
