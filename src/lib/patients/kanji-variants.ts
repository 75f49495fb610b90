// Folding of variant kanji (異体字) in names to their common form, so 高橋 finds 髙橋 and 山崎 finds 山﨑.

/**
 * Variant → common form. Only characters that occur in Japanese surnames and given names and that
 * reception staff cannot easily type; folding is for matching only, the stored name keeps its glyph.
 */
const VARIANTS: Record<string, string> = {
  髙: '高',
  嶋: '島',
  嶌: '島',
  峯: '峰',
  曾: '曽',
  瀧: '滝',
  條: '条',
  﨑: '崎',
  嵜: '崎',
  邊: '辺',
  邉: '辺',
  齋: '斎',
  齊: '斉',
  濵: '浜',
  濱: '浜',
  澤: '沢',
  廣: '広',
  櫻: '桜',
  國: '国',
  德: '徳',
  '\uFA10': '塚', // 塚 (CJK compatibility form)
  槇: '槙',
  冨: '富',
  惠: '恵',
  眞: '真',
  實: '実',
  藏: '蔵',
  淺: '浅',
  關: '関',
  瀨: '瀬',
  會: '会',
  兒: '児',
  黑: '黒',
  增: '増',
  萬: '万',
  與: '与',
  彌: '弥',
  壽: '寿',
  圓: '円',
  龍: '竜',
  '\u{20BB7}': '吉' // 𠮷 (つちよし), outside the BMP
};

const byCodePoint = new Map<number, number>(
  Object.entries(VARIANTS).map(([from, to]) => [from.codePointAt(0)!, to.codePointAt(0)!])
);

/** The common form's code point for a variant kanji, or the code point itself. */
export function foldKanjiVariant(codePoint: number): number {
  return byCodePoint.get(codePoint) ?? codePoint;
}

/** Fold every variant kanji in a string (for display-independent comparison). */
export function foldKanjiVariants(text: string): string {
  let out = '';
  for (const ch of text) out += String.fromCodePoint(foldKanjiVariant(ch.codePointAt(0)!));
  return out;
}
