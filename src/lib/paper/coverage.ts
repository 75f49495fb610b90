// Which characters the print font can draw (coverage.json is written with the font by scripts/subset-font.mjs).
import coverage from './coverage.json';

/** Drawn in place of a character the font lacks, so the gap is visible on paper. */
export const REPLACEMENT = '〓';

/** SHA-256 of the font file the coverage was read from (tests check the two agree). */
export const FONT_SHA256: string = coverage.sha256;

const bmp = decodeRanges(coverage.ranges);

function decodeRanges(ranges: string): Uint8Array {
  const bits = new Uint8Array(0x10000 / 8);
  for (const run of ranges.split(' ')) {
    const [from, to = from] = run.split('-').map((hex) => parseInt(hex, 16));
    if (from === undefined || to === undefined) continue;
    for (let cp = from; cp <= to; cp++) bits[cp >> 3]! |= 1 << (cp & 7);
  }
  return bits;
}

/** The font covers CP932 only, so nothing outside the Basic Multilingual Plane (𠮷, emoji) is printable. */
export function canPrint(codePoint: number): boolean {
  return codePoint < 0x10000 && (bmp[codePoint >> 3]! & (1 << (codePoint & 7))) !== 0;
}

/** Text made ready for the font: spacing normalised, undrawable characters replaced and listed. */
export interface Printable {
  text: string;
  missing: string[];
}

export function toPrintable(text: string): Printable {
  const missing: string[] = [];
  let out = '';
  for (const ch of text.replace(/\r\n?/g, '\n')) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '\n' || canPrint(cp)) out += ch;
    // Tabs, no-break and other spaces and control codes print as a plain space: nothing is lost.
    else if (cp < 0x20 || cp === 0x7f || /\s/.test(ch)) out += ' ';
    else {
      out += REPLACEMENT;
      missing.push(ch);
    }
  }
  return { text: out, missing };
}

/** The distinct characters of `text` that would print as 〓 — for a warning while the text is typed. */
export function unprintableChars(text: string): string[] {
  return [...new Set(toPrintable(text).missing)];
}
