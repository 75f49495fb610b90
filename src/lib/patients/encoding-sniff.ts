// What a roster file's bytes look like before decoding: UTF-16, an Excel workbook, or UTF-8 with other bytes mixed in.

/** How much of the file the byte checks look at: enough for hundreds of rows, quick on a 50,000-row file. */
const SAMPLE_BYTES = 64 * 1024;

/**
 * A share of NUL bytes above this means UTF-16: every ASCII character (digits, commas, line
 * ends — a third or more of any roster) carries a zero byte there, and a UTF-8 or Shift_JIS
 * text has none. A stray NUL or two in a text file does not reach it.
 */
const UTF16_NUL_SHARE = 0.1;

/** A file the roster import cannot read as text at all, and why. */
export type UnreadableKind = 'utf16' | 'excel';

const startsWith = (bytes: Uint8Array, head: readonly number[]) => head.every((b, i) => bytes[i] === b);

/**
 * 'utf16' for UTF-16 (or UTF-32) with a byte order mark, little- or big-endian, or without one
 * when NUL bytes are as common as UTF-16 makes them; 'excel' for an .xlsx (a zip) or an old .xls
 * (an OLE compound file) chosen instead of its CSV; null for anything that may be text.
 */
export function unreadableKind(bytes: Uint8Array): UnreadableKind | null {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return 'utf16';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'excel';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'excel';
  const sample = Math.min(bytes.length, SAMPLE_BYTES);
  let nuls = 0;
  for (let i = 0; i < sample; i++) if (bytes[i] === 0) nuls++;
  return sample > 0 && nuls / sample > UTF16_NUL_SHARE ? 'utf16' : null;
}

/** How a byte sequence reads as UTF-8: well-formed multi-byte characters, and bytes that fit none. */
export interface Utf8Shape {
  multibyte: number;
  invalid: number;
}

/** Count well-formed multi-byte UTF-8 characters and stray bytes (RFC 3629: no overlongs, no surrogates). */
export function utf8Shape(bytes: Uint8Array): Utf8Shape {
  let multibyte = 0;
  let invalid = 0;
  let i = 0;
  while (i < bytes.length) {
    const c = bytes[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let low = 0x80;
    let high = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c === 0xe0) [need, low] = [2, 0xa0];
    else if ((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) need = 2;
    else if (c === 0xed) [need, high] = [2, 0x9f];
    else if (c === 0xf0) [need, low] = [3, 0x90];
    else if (c >= 0xf1 && c <= 0xf3) need = 3;
    else if (c === 0xf4) [need, high] = [3, 0x8f];
    let wellFormed = need > 0;
    for (let k = 1; wellFormed && k <= need; k++) {
      const next = bytes[i + k];
      const [from, to] = k === 1 ? [low, high] : [0x80, 0xbf];
      wellFormed = next !== undefined && next >= from && next <= to;
    }
    if (wellFormed) {
      multibyte++;
      i += need + 1;
    } else {
      invalid++;
      i++;
    }
  }
  return { multibyte, invalid };
}

/**
 * Bytes that are not valid UTF-8 but mostly are: UTF-8 text with some lines in another encoding
 * (a Shift_JIS row pasted into a UTF-8 export). Read as Shift_JIS, a genuine Shift_JIS roster
 * happens to form a valid UTF-8 character once per thirty or so stray bytes; a UTF-8 roster with
 * one Shift_JIS row has hundreds of good characters per stray byte. Four to one sits far from both.
 */
export function looksMixedUtf8(bytes: Uint8Array): boolean {
  const { multibyte, invalid } = utf8Shape(bytes);
  return invalid > 0 && multibyte > 4 * invalid;
}
