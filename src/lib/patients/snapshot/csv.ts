// The snapshot CSV (UTF-8 or CP932): one row per allergy, 病名 or prescription line, columns named in Japanese.
import Papa from 'papaparse';
import { fail, ok, type Problem, type Result } from '../../result';
import { decodeRosterFile } from '../csv-import';
import { cleanPatientNo } from '../roster-values';
import {
  groupByPatient,
  readDate,
  type ClinicalItem,
  type ClinicalKind,
  type ReadSnapshot,
  type SnapshotRowProblem
} from './model';

/** The columns, with the header words each accepts (compared after NFKC and without spaces). */
export const SNAPSHOT_COLUMNS = {
  patientNo: ['患者番号', '患者ID', 'patientno'],
  kind: ['種別', '区分', 'kind'],
  name: ['名称', '名前', 'name'],
  strength: ['規格', 'strength'],
  dose: ['用量', 'dose'],
  usage: ['用法', 'usage'],
  days: ['日数', 'days'],
  date: ['日付', 'date'],
  note: ['備考', 'note']
} as const;
type Column = keyof typeof SNAPSHOT_COLUMNS;
const REQUIRED: readonly Column[] = ['patientNo', 'kind', 'name'];

/** 種別 cells and what they mean. */
const KIND_WORDS: Record<string, ClinicalKind> = {
  アレルギー: 'allergy',
  allergy: 'allergy',
  病名: 'problem',
  傷病名: 'problem',
  problem: 'problem',
  処方: 'prescription',
  prescription: 'prescription'
};

const fold = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** Where each column is in the header row, or the problem naming the missing required ones. */
function columnsOf(headers: readonly string[]): Result<Partial<Record<Column, number>>> {
  const at: Partial<Record<Column, number>> = {};
  headers.forEach((h, i) => {
    const key = fold(h);
    for (const [col, words] of Object.entries(SNAPSHOT_COLUMNS) as [Column, readonly string[]][])
      if (at[col] === undefined && words.some((w) => fold(w) === key)) at[col] = i;
  });
  const missing = REQUIRED.filter((c) => at[c] === undefined);
  if (missing.length > 0)
    return fail({
      key: 'snapshot.error.columnsMissing',
      values: { columns: missing.map((c) => SNAPSHOT_COLUMNS[c][0]).join('、') }
    });
  return ok(at);
}

/** One data row to an item, or the problem to report beside its row number. */
function readRow(
  cells: readonly string[],
  at: Partial<Record<Column, number>>
): { patientNo: string; item: ClinicalItem } | Problem {
  const cell = (c: Column) => (at[c] === undefined ? '' : (cells[at[c]] ?? '').trim());
  const patientNo = cleanPatientNo(cell('patientNo'));
  if (!patientNo) return { key: 'snapshot.error.patientNoMissing', field: 'patientNo' };
  const kindCell = cell('kind');
  const kind = KIND_WORDS[fold(kindCell)];
  if (!kind) return { key: 'snapshot.error.kindUnknown', values: { value: kindCell }, field: 'kind' };
  const name = cell('name').normalize('NFC');
  if (!name) return { key: 'snapshot.error.nameMissing', field: 'name' };
  const date = readDate(cell('date'));
  if (date === null)
    return { key: 'snapshot.error.dateInvalid', values: { value: cell('date') }, field: 'date' };
  const days = cell('days').normalize('NFKC');
  if (days !== '' && !/^\d{1,3}$/.test(days))
    return { key: 'snapshot.error.daysInvalid', values: { value: cell('days') }, field: 'days' };
  return {
    patientNo,
    item: {
      kind,
      name,
      strength: cell('strength'),
      dose: cell('dose'),
      usage: cell('usage'),
      days,
      date,
      note: cell('note')
    }
  };
}

/** Decoded CSV text to a snapshot; the header row is the first non-blank one. */
export function parseSnapshotCsv(text: string, encoding = 'UTF-8'): Result<ReadSnapshot> {
  const all = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false }).data;
  let h = 0;
  while (h < all.length && all[h]!.every((c) => c.trim() === '')) h++;
  if (h >= all.length) return fail({ key: 'snapshot.error.empty' });
  const at = columnsOf(all[h]!);
  if (!at.ok) return at;
  const rows: { patientNo: string; item: ClinicalItem }[] = [];
  const rejected: SnapshotRowProblem[] = [];
  all.slice(h + 1).forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const read = readRow(cells, at.value);
    const rowNumber = h + 2 + i;
    if ('key' in read) rejected.push({ rowNumber, reason: read });
    else rows.push(read);
  });
  return ok({ patients: groupByPatient(rows), rejected, format: 'csv', encoding, exportedAt: null });
}

/** A CSV file's bytes (UTF-8, with or without BOM, or CP932) to a snapshot. */
export function readSnapshotCsv(bytes: Uint8Array): Result<ReadSnapshot> {
  const decoded = decodeRosterFile(bytes);
  if (!decoded.ok) return decoded;
  return parseSnapshotCsv(decoded.value.text, decoded.value.encoding);
}
