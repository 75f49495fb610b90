// CSV files for reconciliation: cells made safe against formula injection, characters CP932 cannot hold found before export, encoded for Excel or older systems.
import { codeToString, convert, stringToCode } from 'encoding-japanese';
import { unparse } from 'papaparse';

/** UTF-8 with a byte-order mark (Excel opens it as UTF-8), or Shift_JIS/CP932 for older systems. */
export type CsvEncoding = 'utf8bom' | 'cp932';
export const csvEncodings: CsvEncoding[] = ['utf8bom', 'cp932'];

/** A table ready to be written: headers, rows of text cells, and a label per row to name it in a report. */
export interface CsvTable {
  headers: string[];
  rows: string[][];
  /** E.g. the queue number, so "row 12, column 氏名" can be found. */
  rowLabels: string[];
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or CR) as a formula (CSV injection). Such a
 * cell gets a leading single quote, which spreadsheets show as text and other systems read as a quote.
 */
export function neutralise(cell: string): string {
  const c = cell.charCodeAt(0);
  // = + - @ tab CR
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 ? `'${cell}` : cell;
}

/** A character (one code point) as it comes back after a trip through CP932, and its CP932 bytes. */
interface Trip {
  back: string;
  bytes: number[];
}

// Memoised per character: SJIS encoding is character by character, so a cell round-trips exactly when
// each of its characters does; distinct characters are few (hundreds) even in a 20,000-row file.
const tripCache = new Map<string, Trip>();
function trip(ch: string): Trip {
  let t = tripCache.get(ch);
  if (t === undefined) {
    const bytes = convert(stringToCode(ch), { to: 'SJIS', from: 'UNICODE' });
    t = { back: codeToString(convert(bytes, { to: 'UNICODE', from: 'SJIS' })), bytes };
    tripCache.set(ch, t);
  }
  return t;
}

/** Marks, in a CP932 file, a character that could not be held (a visible gap, as on paper). */
export const CP932_MISSING = '〓';

export interface Cp932Issue {
  /** 1-based data row (the header is row 0). */
  row: number;
  rowLabel: string;
  column: string;
  char: string;
  /**
   * What the file will hold instead: CP932's look-alike (〜 → ～) when there is one, otherwise 〓. Either
   * way it is listed, never silently replaced.
   */
  replacement: string;
}

/** The code point starting at `i` (a surrogate pair is one character). */
function charAt(text: string, i: number): string {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? text.slice(i, i + 2) : text[i]!;
}

/**
 * Every character of the table that CP932 cannot hold as it is, found by a round trip through CP932
 * (encoding-japanese, both ways) of every non-ASCII character of every cell.
 */
export function cp932Issues(table: CsvTable): Cp932Issue[] {
  const issues: Cp932Issue[] = [];
  const scan = (cell: string, row: number, column: string, rowLabel: string) => {
    for (let i = 0; i < cell.length; i++) {
      if (cell.charCodeAt(i) < 0x80) continue;
      const ch = charAt(cell, i);
      i += ch.length - 1;
      const back = trip(ch).back;
      if (back !== ch)
        issues.push({
          row,
          rowLabel,
          column,
          char: ch,
          replacement: back.includes('?') ? CP932_MISSING : back
        });
    }
  };
  table.headers.forEach((h) => scan(h, 0, h, ''));
  table.rows.forEach((cells, r) => {
    cells.forEach((cell, c) => scan(cell, r + 1, table.headers[c] ?? '', table.rowLabels[r] ?? ''));
  });
  return issues;
}

/** The distinct characters among the issues, in the order first met. */
export function issueChars(issues: readonly Cp932Issue[]): string[] {
  return [...new Set(issues.map((i) => i.char))];
}

/** RFC 4180 text with CRLF line ends (papaparse quotes cells holding commas, quotes or line breaks). */
export function toCsvText(table: CsvTable): string {
  return unparse({ fields: table.headers, data: table.rows }, { newline: '\r\n' }) + '\r\n';
}

/**
 * The file's bytes. For CP932, each character's bytes come from encoding-japanese (memoised per
 * character); characters listed as issues are written as their look-alike or as 〓, never as a silent '?'.
 */
export function encodeCsv(text: string, encoding: CsvEncoding): Uint8Array<ArrayBuffer> {
  if (encoding === 'utf8bom') return new TextEncoder().encode('\uFEFF' + text);
  const out = new Uint8Array(text.length * 2);
  const missing = trip(CP932_MISSING).bytes;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
      continue;
    }
    const ch = charAt(text, i);
    i += ch.length - 1;
    const t = trip(ch);
    const bytes = t.back.includes('?') ? missing : t.bytes;
    for (const b of bytes) out[n++] = b;
  }
  return out.slice(0, n);
}

/** Read a CSV file's bytes back as text (for tests and for checking a file before import). */
export function decodeCsv(bytes: Uint8Array, encoding: CsvEncoding): string {
  if (encoding === 'utf8bom') return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  return codeToString(convert(bytes, { to: 'UNICODE', from: 'SJIS' }));
}

export function csvMimeType(encoding: CsvEncoding): string {
  return encoding === 'utf8bom' ? 'text/csv;charset=utf-8' : 'text/csv;charset=shift_jis';
}
