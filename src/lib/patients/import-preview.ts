// The import's preview: the first rows of a file, each as the patient it will become or the reason it will not.
import type { Problem } from '../result';
import { importRows, type ImportOptions } from './csv-import';
import type { ColumnMapping } from './header-map';
import type { Patient } from './model';

export type PreviewRow =
  | { rowNumber: number; patient: Patient; reason?: undefined }
  | { rowNumber: number; reason: Problem; patient?: undefined };

export const PREVIEW_ROWS = 10;

/**
 * The first `count` rows through the same importRows the import uses, matched back to their row
 * numbers (importRows returns patients without them): blank rows are skipped as the import skips them.
 */
export function previewRows(
  rows: readonly (readonly string[])[],
  mapping: ColumnMapping,
  options: ImportOptions = {},
  count = PREVIEW_ROWS
): PreviewRow[] {
  const first = options.firstRowNumber ?? 2;
  const head = rows.slice(0, count);
  const { patients, rejected } = importRows(head, mapping, options);
  const reasonAt = new Map(rejected.map((r) => [r.rowNumber, r.reason]));
  const out: PreviewRow[] = [];
  let next = 0;
  head.forEach((row, i) => {
    const rowNumber = first + i;
    const reason = reasonAt.get(rowNumber);
    if (reason) out.push({ rowNumber, reason });
    else if (row.some((cell) => cell.trim() !== '')) out.push({ rowNumber, patient: patients[next++]! });
  });
  return out;
}
