// Reading an .xlsx back in tests, as a spreadsheet would: the ZIP's files (node:zlib) and each cell of the sheet with the type it is stored as.
import { inflateRawSync } from 'node:zlib';

/** The files inside a ZIP archive (an .xlsx is one), by path. Stored and deflated entries only. */
export function unzip(bytes: Uint8Array): Map<string, Buffer> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = buf.length - 22;
  while (end >= 0 && buf.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a ZIP archive: no end of central directory');
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`);
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const skip = nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    if (method === 0) files.set(name, Buffer.from(data));
    else if (method === 8) files.set(name, inflateRawSync(data));
    else throw new Error(`${name}: compression method ${method}`);
    at += 46 + skip;
  }
  return files;
}

/**
 * How a spreadsheet stores a cell: `text` (a shared or inline string: shown as written, never read as a
 * number or a date), `number`, `boolean`, or `formula`.
 */
export interface XlsxCell {
  type: 'text' | 'number' | 'boolean' | 'formula';
  value: string;
}

export interface XlsxSheet {
  name: string;
  /** Row by row from the first; a cell absent from the file is null. */
  rows: (XlsxCell | null)[][];
}

const unescapeXml = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(
        e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))
      );
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e.toLowerCase()]!;
  });

/** The text of an <si> or <is>: every <t> run, joined. */
const runs = (xml: string) =>
  [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => unescapeXml(m[1]!)).join('');

/** 'AB12' → column 27 (0-based), row 11 (0-based). */
function address(ref: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) throw new Error(`cell reference ${ref}`);
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** The workbook's sheets, in order, with their cells. */
export function readXlsx(bytes: Uint8Array): XlsxSheet[] {
  const files = unzip(bytes);
  const text = (path: string) => files.get(path)?.toString('utf8') ?? '';
  const shared = [...text('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => runs(m[1]!));
  const rels = new Map(
    [...text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)].map((m) => [
      /\bId="([^"]+)"/.exec(m[0])![1]!,
      /\bTarget="([^"]+)"/.exec(m[0])![1]!
    ])
  );
  return [...text('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)].map((m) => {
    const name = unescapeXml(/\bname="([^"]*)"/.exec(m[0])![1]!);
    const target = rels.get(/\br:id="([^"]+)"/.exec(m[0])![1]!)!;
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    const rows: (XlsxCell | null)[][] = [];
    for (const c of text(path).matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1]!;
      const body = c[2] ?? '';
      const { row, col } = address(/\br="([A-Z]+\d+)"/.exec(attrs)![1]!);
      const t = /\bt="([^"]+)"/.exec(attrs)?.[1] ?? 'n';
      const v = unescapeXml(/<v>([\s\S]*?)<\/v>/.exec(body)?.[1] ?? '');
      let cell: XlsxCell;
      if (/<f[\s>]/.test(body)) cell = { type: 'formula', value: v };
      else if (t === 's') cell = { type: 'text', value: shared[Number(v)]! };
      else if (t === 'inlineStr') cell = { type: 'text', value: runs(body) };
      else if (t === 'str') cell = { type: 'text', value: v };
      else if (t === 'b') cell = { type: 'boolean', value: v };
      else cell = { type: 'number', value: v };
      (rows[row] ??= [])[col] = cell;
    }
    for (let r = 0; r < rows.length; r++) rows[r] = Array.from(rows[r] ?? [], (cell) => cell ?? null);
    return { name, rows };
  });
}

/** One sheet's cells as a table: the header row's texts, and each later row's cells under them. */
export function sheetTable(sheet: XlsxSheet): {
  headers: string[];
  cell: (row: number, header: string) => XlsxCell | null;
} {
  const headers = (sheet.rows[0] ?? []).map((c) => c?.value ?? '');
  return {
    headers,
    cell: (row, header) => {
      const col = headers.indexOf(header);
      if (col < 0) throw new Error(`no column ${header}`);
      return sheet.rows[row]?.[col] ?? null;
    }
  };
}
