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
  /**
   * Per column, true where each cell holds a number or nothing (yen, counts). A CSV writes them as text
   * like every cell; an .xlsx writes them as numbers and every other cell as text (xlsx.ts).
   */
  numbers?: boolean[];
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

// The same trips, kept per UTF-16 code unit in a typed array so the hot loops over a 20,000-row file do
// neither a string allocation nor a Map lookup per character (those were most of the export's time on a
// tablet). Each entry is learnt from trip() the first time its character is met, so encoding-japanese
// stays the only source of the bytes and of what comes back. Layout of an entry (0 = not met yet):
const KNOWN = 1 << 24;
/** Not a simple case: a surrogate (astral characters are rare) or an odd byte count; use trip() itself. */
const SLOW = 1 << 23;
/** The character does not come back as itself (it is listed by cp932Issues). */
const ISSUE = 1 << 22;
/** It comes back as '?': the file gets 〓 instead. */
const MISSING = 1 << 21;
/** Two CP932 bytes (high << 8 | low) in the low 16 bits, else one byte. */
const TWO = 1 << 20;
let unitTable: Int32Array | null = null;

function unitInfo(c: number): number {
  unitTable ??= new Int32Array(0x10000);
  const known = unitTable[c]!;
  if (known !== 0) return known;
  let info = KNOWN;
  if (c >= 0xd800 && c <= 0xdfff) info |= SLOW;
  else {
    const ch = String.fromCharCode(c);
    const t = trip(ch);
    if (t.back !== ch) info |= ISSUE;
    if (t.back.includes('?')) info |= MISSING;
    if (t.bytes.length === 1) info |= t.bytes[0]!;
    else if (t.bytes.length === 2) info |= TWO | (t.bytes[0]! << 8) | t.bytes[1]!;
    else info |= SLOW;
  }
  unitTable[c] = info;
  return info;
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
 * (encoding-japanese, both ways) of every distinct non-ASCII character.
 */
export function cp932Issues(table: CsvTable): Cp932Issue[] {
  const issues: Cp932Issue[] = [];
  const scan = (cell: string, row: number, column: string, rowLabel: string) => {
    for (let i = 0; i < cell.length; i++) {
      const c = cell.charCodeAt(i);
      if (c < 0x80 || (unitInfo(c) & (ISSUE | SLOW)) === 0) continue;
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
  const { headers, rows, rowLabels } = table;
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r]!;
    for (let c = 0; c < cells.length; c++) scan(cells[c]!, r + 1, headers[c] ?? '', rowLabels[r] ?? '');
  }
  return issues;
}

/** The distinct characters among the issues, in the order first met. */
export function issueChars(issues: readonly Cp932Issue[]): string[] {
  return [...new Set(issues.map((i) => i.char))];
}

/**
 * Whether papaparse (quotes: false, escapeFormulae off, as toCsvText calls it) writes the cell as it is:
 * no delimiter, quote, line break or BOM, no space at either end. csv.test.ts holds this to unparse().
 */
function writtenAsIs(cell: string): boolean {
  const n = cell.length;
  if (n === 0) return true;
  if (cell.charCodeAt(0) === 32 || cell.charCodeAt(n - 1) === 32) return false;
  for (let i = 0; i < n; i++) {
    const c = cell.charCodeAt(i);
    // , " CR LF BOM: papaparse's delimiter, quote char and BAD_DELIMITERS
    if (c === 44 || c === 34 || c === 13 || c === 10 || c === 0xfeff) return false;
  }
  return true;
}

const UNPARSE = { newline: '\r\n' } as const;
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * RFC 4180 text with CRLF line ends (papaparse quotes cells holding commas, quotes or line breaks).
 * A row whose cells papaparse would all write as they are is joined directly; any other row is written
 * by papaparse itself. Same text as one unparse() of the whole table, several times faster on 20,000 rows.
 */
export function toCsvText(table: CsvTable): string {
  const { headers, rows } = table;
  // No rows, no headers or ragged rows: papaparse's own way (it pads or cuts rows, and writes an empty
  // table as the header plus one empty line).
  if (rows.length === 0 || headers.length === 0 || rows.some((cells) => cells.length !== headers.length))
    return unparse({ fields: headers, data: rows }, UNPARSE) + '\r\n';
  const lines = new Array<string>(rows.length + 1);
  for (let r = 0; r <= rows.length; r++) {
    const cells = r === 0 ? headers : rows[r - 1]!;
    let asIs = true;
    for (let c = 0; c < cells.length && asIs; c++) asIs = writtenAsIs(cells[c]!);
    lines[r] = asIs ? cells.join(',') : unparse([cells], UNPARSE);
  }
  return lines.join('\r\n') + '\r\n';
}

/**
 * The file's bytes. For CP932, each character's bytes come from encoding-japanese (learnt once per
 * character, then read from a typed array); characters listed as issues are written as their look-alike
 * or as 〓, never as a silent '?'.
 */
export function encodeCsv(text: string, encoding: CsvEncoding): Uint8Array<ArrayBuffer> {
  if (encoding === 'utf8bom') {
    // The BOM's bytes, then the text encoded in place: no 13 MB copy of '\uFEFF' + text on the way.
    const out = new Uint8Array(3 + text.length * 3); // a UTF-16 code unit takes at most 3 UTF-8 bytes
    out.set(UTF8_BOM);
    const { written } = new TextEncoder().encodeInto(text, out.subarray(3));
    return out.slice(0, 3 + written);
  }
  // Every code unit takes at most two bytes (a surrogate pair, two units, becomes 〓's two bytes).
  const out = new Uint8Array(text.length * 2);
  const missing = trip(CP932_MISSING).bytes;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
      continue;
    }
    const info = unitInfo(c);
    if ((info & (SLOW | MISSING)) === 0) {
      if (info & TWO) out[n++] = (info >> 8) & 0xff;
      out[n++] = info & 0xff;
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
