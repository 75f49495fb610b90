// Broken quoting in a roster CSV: a quote (") that opens a cell and never closes, or closes rows later, swallowing the rows between.
import type { Problem } from '../result';

/** One cell that ran away: where its quote opens and how much of the file it took in. */
export interface QuoteDamage {
  /** Row number (as the import report numbers rows: the file's first line is 1) of the row the quote opens on. */
  rowNumber: number;
  /** Column (0-based) of the runaway cell, and its header as written. */
  column: number;
  header: string;
  /** Lines of the file after that row that ended up inside the one cell, blank ones not counted. */
  swallowedLines: number;
  /** The quote never closes: the cell runs to the end of the file. */
  unclosed: boolean;
}

const LINE_BREAK = /\r\n|\n|\r/;

/** A line break in a cell: the only way a cell can hold other rows. */
const hasLineBreak = (cell: string) => cell.includes('\n') || cell.includes('\r');

function count(text: string, part: string): number {
  let n = 0;
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length)) n++;
  return n;
}

/**
 * Cells that swallowed rows. A cell is a runaway when papaparse found its quote unterminated
 * (MissingQuotes, reported by row index), or when it holds a line break and at least as many
 * delimiters as a whole row has (columns − 1): a real address or note with a line break in
 * quotes does not carry a dozen commas, a cell that took in the next rows does.
 *
 * `rows` are the parsed rows of the whole file, `from` the first one to look at (the header row),
 * `headers` its cells, `unterminatedRows` the row indices of papaparse's MissingQuotes errors.
 */
export function findQuoteDamage(
  rows: readonly (readonly string[])[],
  from: number,
  delimiter: string,
  headers: readonly string[],
  unterminatedRows: ReadonlySet<number>
): QuoteDamage[] {
  const damage: QuoteDamage[] = [];
  const rowRecords = Math.max(1, headers.length - 1);
  for (let r = from; r < rows.length; r++) {
    const row = rows[r]!;
    const unclosed = unterminatedRows.has(r);
    let column = -1;
    for (let c = row.length - 1; c >= 0 && column < 0; c--) {
      const cell = row[c]!;
      if (hasLineBreak(cell) && count(cell, delimiter) >= rowRecords) column = c;
    }
    // An unterminated quote is always the row's last cell: the parser never came out of it.
    if (column < 0 && unclosed) column = row.length - 1;
    if (column < 0) continue;
    const swallowedLines = row[column]!.split(LINE_BREAK)
      .slice(1)
      .filter((line) => line.trim() !== '').length;
    damage.push({ rowNumber: r + 1, column, header: headers[column] ?? '', swallowedLines, unclosed });
  }
  return damage;
}

/** What happened, in words: where the quote opens, which column, how many lines it swallowed. */
export function quoteDamageProblem(damage: QuoteDamage): Problem {
  const values = {
    row: damage.rowNumber,
    column: damage.column + 1,
    header: damage.header,
    lines: damage.swallowedLines.toLocaleString('ja-JP')
  };
  if (!damage.unclosed) return { key: 'patients.import.quote.runaway', values };
  if (damage.swallowedLines === 0) return { key: 'patients.import.quote.unclosedLast', values };
  return { key: 'patients.import.quote.unclosed', values };
}

/** All the rows the damage took out of the import, beside the rows it happened on. */
export const swallowedLines = (damage: readonly QuoteDamage[]) =>
  damage.reduce((n, d) => n + d.swallowedLines, 0);
