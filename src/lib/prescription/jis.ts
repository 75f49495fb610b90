// The characters the JAHIS 2D symbol may carry (表 3-4 使用制限文字 / 外字): JIS X 0201 8-bit codes and JIS X
// 0208-1983, in Shift_JIS. CP932's NEC and IBM extensions (①, ㎎, 髙) and anything beyond are 外字 there.
import Encoding from 'encoding-japanese';

/** 表 3-4: what a character the symbol cannot hold becomes (全角「■」, Shift_JIS 81A1). */
export const REPLACEMENT = '■';

const sjisOf = (ch: string): number[] =>
  Encoding.convert(Encoding.stringToCode(ch), { to: 'SJIS', from: 'UNICODE' });

/**
 * Whether a character is in JIS X 0201 or JIS X 0208-1983 as Shift_JIS writes it. The round trip drops what
 * Shift_JIS has no code for; the lead byte then drops CP932's additions: row 13 (NEC, 87xx), rows 89–92
 * (NEC-selected IBM, EDxx–EExx), the IBM and user-defined areas (F0xx–FCxx), and the two kanji JIS X 0208
 * gained in 1990 (凜 EAA3, 熙 EAA4). Control characters are not text.
 */
export function isJisChar(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f) return false;
  if (code < 0x80) return true;
  const bytes = sjisOf(ch);
  const back = Encoding.codeToString(Encoding.convert(bytes, { to: 'UNICODE', from: 'SJIS' }));
  if (back !== ch) return false;
  const [lead = 0, trail = 0] = bytes;
  if (bytes.length === 1) return lead >= 0xa1 && lead <= 0xdf; // half-width katakana
  if (lead === 0xea && (trail === 0xa3 || trail === 0xa4)) return false;
  return (lead >= 0x81 && lead <= 0x84) || (lead >= 0x88 && lead <= 0x9f) || (lead >= 0xe0 && lead <= 0xea);
}

/**
 * JIS X 0208 characters Unicode names differently from CP932 (the JIS mapping's 〜, −, ‖ … against CP932's
 * ～, －, ∥ …), and JIS X 0201's ¥ and ‾ (written full-width: a reader decoding CP932 shows 5C and 7E as \ and ~).
 */
const JIS_FORMS: Record<string, string> = {
  '\u301c': '\uff5e',
  '\u2212': '\uff0d',
  '\u2016': '\u2225',
  '\u00a2': '\uffe0',
  '\u00a3': '\uffe1',
  '\u00ac': '\uffe2',
  '\u2014': '\u2015',
  '\u00a5': '\uffe5',
  '\u203e': '\uffe3'
};

/**
 * One character as the symbol may hold it: itself when allowed, else its compatibility form (NFKC: ① → 1,
 * ㎎ → mg, ㈱ → (株)) when every character of that is allowed, else ■. A typed ■ is ■ too: 表 3-4 keeps ■
 * for "a character that could not be recorded", which is what it now is (the paper shows the real one).
 */
export function jisChar(ch: string): string {
  if (ch === REPLACEMENT || ch === '\r' || ch === '\n') return ch; // CR LF end records (field() keeps them out of fields)
  if (isJisChar(ch)) return ch;
  const jis = JIS_FORMS[ch];
  if (jis) return jis;
  const compat = ch.normalize('NFKC');
  if (compat !== ch && [...compat].every((c) => c !== REPLACEMENT && isJisChar(c))) return compat;
  return REPLACEMENT;
}

/** Text with every character made one the symbol may hold, and the characters that became ■. */
export function jisText(text: string): { text: string; replaced: string[] } {
  let out = '';
  const replaced = new Set<string>();
  for (const ch of text) {
    const mapped = jisChar(ch);
    if (mapped === REPLACEMENT && ch !== REPLACEMENT) replaced.add(ch);
    out += mapped;
  }
  return { text: out, replaced: [...replaced] };
}

/** Shift_JIS bytes of one already mapped character: ASCII and half-width katakana take one, the rest two. */
const charBytes = (ch: string) => {
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x80 || (code >= 0xff61 && code <= 0xff9f) ? 1 : 2;
};

/** The length the 規約's バイト column limits: Shift_JIS bytes after mapping (N40 = 80 bytes, 全角 40). */
export function jisBytes(text: string): number {
  let n = 0;
  for (const ch of jisText(text).text) n += charBytes(ch);
  return n;
}

/** Mapped text cut into pieces of at most `max` bytes, never inside a character. */
export function jisChunks(text: string, max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of jisText(text).text) {
    const n = charBytes(ch);
    if (size + n > max && current) {
      chunks.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += n;
  }
  if (current) chunks.push(current);
  return chunks;
}
