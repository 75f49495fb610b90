// Kana and width normalisation: フリガナ as stored (full-width katakana) and the search key shared by index and query.
import { foldKanjiVariant } from './kanji-variants';

/** Half-width katakana U+FF61–U+FF9D and their full-width forms, position for position. */
const HALF = '｡｢｣､･ｦｧｨｩｪｫｬｭｮｯｰｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝ';
const FULL =
  '。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン';
const HALF_FIRST = 0xff61;
const HALF_LAST = 0xff9d;
const halfToFull = new Uint16Array(HALF_LAST - HALF_FIRST + 1);
for (let i = 0; i < HALF.length; i++) halfToFull[HALF.charCodeAt(i) - HALF_FIRST] = FULL.charCodeAt(i);

/** Katakana that take a dakuten (濁点) or handakuten (半濁点), and the combined letter. */
const voiced = new Map<number, number>();
const semiVoiced = new Map<number, number>();
const VOICE_FROM = 'カキクケコサシスセソタチツテトハヒフヘホウワヰヱヲ';
const VOICE_TO = 'ガギグゲゴザジズゼゾダヂヅデドバビブベボヴヷヸヹヺ';
for (let i = 0; i < VOICE_FROM.length; i++) voiced.set(VOICE_FROM.charCodeAt(i), VOICE_TO.charCodeAt(i));
const SEMI_FROM = 'ハヒフヘホ';
const SEMI_TO = 'パピプペポ';
for (let i = 0; i < SEMI_FROM.length; i++) semiVoiced.set(SEMI_FROM.charCodeAt(i), SEMI_TO.charCodeAt(i));

/** ﾞ (half-width), ゛ (spacing) and U+3099 (combining) all mean dakuten; likewise for handakuten. */
const isDakuten = (c: number) => c === 0xff9e || c === 0x309b || c === 0x3099;
const isHandakuten = (c: number) => c === 0xff9f || c === 0x309c || c === 0x309a;

/** Spaces of either width (and tabs, no-break spaces) — separators, never part of a name. */
const isSpace = (c: number) =>
  c === 0x20 || c === 0x3000 || c === 0x09 || c === 0xa0 || c === 0x0a || c === 0x0d;
/** Middle dots: ・ (full-width), ･ (half-width), · (Latin). */
const isMiddleDot = (c: number) => c === 0x30fb || c === 0xff65 || c === 0x00b7;

/** One code unit to full-width katakana: hiragana and half-width katakana convert, the rest stays. */
function kanaUnit(c: number): number {
  if (c >= 0x3041 && c <= 0x3096) return c + 0x60; // ぁ..ゖ → ァ..ヶ
  if (c === 0x309d || c === 0x309e) return c + 0x60; // ゝゞ → ヽヾ
  if (c >= HALF_FIRST && c <= HALF_LAST) return halfToFull[c - HALF_FIRST]!;
  return c;
}

/** Combine a dakuten/handakuten mark with the letter before it; null when it does not combine. */
function combine(previous: number, mark: number): number | null {
  if (isDakuten(mark)) return voiced.get(previous) ?? null;
  if (isHandakuten(mark)) return semiVoiced.get(previous) ?? null;
  return null;
}

/**
 * Hiragana → katakana and half-width → full-width katakana, with ｶﾞ → ガ and か゛ → ガ.
 * A mark that cannot combine is kept as the full-width spacing mark (゛/゜) so nothing is lost.
 */
export function toFullKatakana(text: string): string {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isDakuten(c) || isHandakuten(c)) {
      const last = out.length > 0 ? out[out.length - 1]! : -1;
      const combined = combine(last, c);
      if (combined !== null) out[out.length - 1] = combined;
      else out.push(isDakuten(c) ? 0x309b : 0x309c);
      continue;
    }
    out.push(kanaUnit(c));
  }
  return codesToString(out);
}

const FULL_WIDTH_ASCII = /[\uff01-\uff5e]/;

/** Full-width ASCII (Ａ, １, －, ／ …) → half-width; everything else unchanged. */
export function toHalfWidthAscii(text: string): string {
  if (!FULL_WIDTH_ASCII.test(text)) return text; // the common case: nothing to narrow
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out += c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : text[i];
  }
  return out;
}

/** Trim, and collapse runs of spaces of either width into one full-width space (氏名 as stored). */
export function normalizeSpaces(text: string): string {
  return text.replace(/[\s\u3000]+/g, '\u3000').replace(/^\u3000|\u3000$/g, '');
}

/** フリガナ as stored: full-width katakana, one full-width space between family and given name. */
export function normalizeKana(text: string): string {
  return normalizeSpaces(toFullKatakana(text));
}

const KANA_ONLY = /^[\u30a1-\u30fa\u30fc-\u30fe\u30fb\u3000 ]*$/;
const HAS_KANA = /[\u30a1-\u30fa\u30fc-\u30fe]/;

/**
 * Whether a フリガナ is full-width katakana only: letters, ー, spaces of either width, and ・
 * (foreign names such as スミス・ジョン). Hiragana and half-width are rejected: normalise first.
 */
export function isZenkakuKana(name: string): boolean {
  return KANA_ONLY.test(name) && HAS_KANA.test(name);
}

/** Katakana letters and ー only — what a kana search key looks like. */
export function isKanaKey(key: string): boolean {
  return key.length > 0 && /^[\u30a1-\u30fa\u30fc-\u30fe]+$/.test(key);
}

/**
 * The key both the roster index and the query go through, so they meet half-way: kana to
 * full-width katakana (dakuten combined), full-width ASCII to half-width and upper case, variant
 * kanji folded (髙 → 高), spellings of one sound folded (キョウコ/キヨウコ, ヴィ/ビ, ヂ/ジ, ヅ/ズ),
 * spaces and middle dots removed, 〜/～ to ~.
 */
export function searchKey(text: string): string {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (isSpace(c) || isMiddleDot(c)) continue;
    if (isDakuten(c) || isHandakuten(c)) {
      const last = out.length > 0 ? out[out.length - 1]! : -1;
      const combined = combine(last, c);
      if (combined !== null) out[out.length - 1] = combined;
      continue; // a stray mark is noise for matching
    }
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    else if (c === 0x301c)
      c = 0x7e; // 〜 WAVE DASH, which Shift_JIS round trips turn into ～
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const cp = text.codePointAt(i)!;
      const folded = foldKanjiVariant(cp);
      if (folded > 0xffff)
        out.push(0xd800 + ((folded - 0x10000) >> 10), 0xdc00 + ((folded - 0x10000) & 0x3ff));
      else out.push(folded);
      i++;
      continue;
    } else c = foldKanjiVariant(kanaUnit(c));
    if (c >= 0x61 && c <= 0x7a) c -= 0x20; // a-z → A-Z
    out.push(c);
  }
  return codesToString(foldSounds(out));
}

/** Small kana read as their full-size letters: old systems without small kana wrote キヨウコ for キョウコ. */
const SMALL_TO_LARGE = new Map(
  [...'ァィゥェォッャュョヮヵヶ'].map((small, i) => [
    small.charCodeAt(0),
    'アイウエオツヤユヨワカケ'.charCodeAt(i)
  ])
);
/** ヴ with a small vowel, as the same sound spelt with バ行: ヴィ and ビ are one name at the desk. */
const VU_WITH = new Map([...'ァィェォ'].map((small, i) => [small.charCodeAt(0), 'バビベボ'.charCodeAt(i)]));
const VU = 'ヴ'.charCodeAt(0);
const SAME_SOUND = new Map([
  ['ヂ'.charCodeAt(0), 'ジ'.charCodeAt(0)],
  ['ヅ'.charCodeAt(0), 'ズ'.charCodeAt(0)]
]);

/**
 * Spellings of one sound folded to one (for matching only, never for what is stored): ヴィ/ヴ → ビ/ブ,
 * ヂ → ジ, ヅ → ズ, small kana → full size. The index and the query both go through it, so they meet.
 */
function foldSounds(codes: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c === VU) {
      const withVowel = VU_WITH.get(codes[i + 1] ?? -1);
      if (withVowel !== undefined) {
        out.push(withVowel);
        i++;
      } else out.push('ブ'.charCodeAt(0));
      continue;
    }
    out.push(SAME_SOUND.get(c) ?? SMALL_TO_LARGE.get(c) ?? c);
  }
  return out;
}

function codesToString(codes: number[]): string {
  // Names are short; chunking only matters for whole-file input.
  if (codes.length < 4096) return String.fromCharCode(...codes);
  let out = '';
  for (let i = 0; i < codes.length; i += 4096) out += String.fromCharCode(...codes.slice(i, i + 4096));
  return out;
}
