// The reconciliation tables as .xlsx (write-excel-file): one sheet with the CSV's rows and columns, every cell text except the columns of numbers, so 01200013, 000001, 03, 090… and 1/2 stay as written.
import writeXlsxFile, { type Cell, type SheetData } from 'write-excel-file/universal';
import type { CsvTable } from './csv';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A cell of text: a spreadsheet shows it as typed and never reads it as a number, a date or a formula. */
const text = (cell: string): Cell => (cell === '' ? null : { type: String, value: cell });

const NUMBER = /^-?\d+(\.\d+)?$/;
/**
 * A cell of a number column (yen, counts). layout() wrote String(n), with neutralise()'s quote before a
 * minus sign; anything else that reached such a column stays text rather than becoming a wrong number.
 */
function number(cell: string): Cell {
  const plain = cell.startsWith("'") ? cell.slice(1) : cell;
  if (plain === '') return null;
  return NUMBER.test(plain) ? { type: Number, value: Number(plain) } : text(cell);
}

/** Width in the spreadsheet's character units: Japanese characters take two. */
function widthOf(cell: string): number {
  let w = 0;
  for (let i = 0; i < cell.length; i++) w += cell.charCodeAt(i) > 0xff ? 2 : 1;
  return w;
}

/** Each column as wide as its widest cell (header included), within 6 and 40 characters. */
function columnWidths(table: CsvTable): { width: number }[] {
  return table.headers.map((header, c) => {
    let widest = widthOf(header);
    for (const row of table.rows) widest = Math.max(widest, widthOf(row[c] ?? ''));
    return { width: Math.min(40, Math.max(6, widest + 2)) };
  });
}

/** The header row in bold, then every row, each cell typed by its column. */
export function sheetData(table: CsvTable): SheetData {
  const numbers = table.headers.map((_, c) => table.numbers?.[c] === true);
  const header: Cell[] = table.headers.map((h) => ({ type: String, value: h, fontWeight: 'bold' }));
  const rows = table.rows.map((cells) => cells.map((cell, c) => (numbers[c] ? number(cell) : text(cell))));
  return [header, ...rows];
}

/** The .xlsx file's bytes: one sheet named `sheet`, the header row kept in view while scrolling. */
export async function encodeXlsx(table: CsvTable, sheet: string): Promise<Uint8Array<ArrayBuffer>> {
  const blob = await writeXlsxFile(sheetData(table), {
    sheet,
    columns: columnWidths(table),
    stickyRowsCount: 1
  }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
