// Prescribed drug names against recorded allergy words: a plain name match, never a drug-interaction check.

/** Words that say there is no allergy, which must never match a drug. */
const NONE = new Set([
  'なし',
  '無し',
  '無',
  'ない',
  '特になし',
  'とくになし',
  '不明',
  'なし。',
  'none',
  '-',
  '－'
]);

/** Full-width letters and digits as half-width, hiragana as katakana, case folded, spaces gone: how names compare. */
export function foldName(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
    .replace(/\s+/g, '')
    .toLowerCase();
}

/** The allergy words of a free-text field (roster アレルギー, 問診): split at 、,，・/／ and spaces, 「なし」 and the like left out. */
export function allergyWords(text: string): string[] {
  const words = text
    .split(/[、,，・/／;；\s]+/)
    .map((w) => w.replace(/[（(].*?[)）]/g, '').trim())
    .filter((w) => w !== '' && !NONE.has(w) && !NONE.has(foldName(w)));
  return [...new Set(words)];
}

/**
 * The recorded words a drug name matches: the drug's name contains the word, or the word contains the
 * whole drug name (a word such as ロキソニン錠 against a drug typed as ロキソニン). One-character words
 * are left out: they match too much to mean anything.
 */
export function allergyMatches(drug: string, words: readonly string[]): string[] {
  const name = foldName(drug);
  if (name.length < 2) return [];
  return words.filter((word) => {
    const w = foldName(word);
    return w.length >= 2 && (name.includes(w) || w.includes(name));
  });
}

/** Where an allergy word was recorded: roster, 本人申告, お薬手帳 患者特記, the clinical snapshot, an お薬手帳 note. */
export type AllergySource = 'roster' | 'memo' | 'notebook' | 'snapshot' | 'notebookNote';
export interface RecordedAllergy {
  word: string;
  source: AllergySource;
}

/** Every allergy word on record with where it was recorded (roster, the memo's 本人申告, an お薬手帳's 患者特記). */
export function recordedAllergies(
  texts: readonly { source: AllergySource; text: string }[]
): RecordedAllergy[] {
  return texts.flatMap(({ source, text }) => allergyWords(text).map((word) => ({ word, source })));
}

/** The recorded allergies a prescribed drug's name matches (see allergyMatches). */
export function drugAllergyMatches(drug: string, recorded: readonly RecordedAllergy[]): RecordedAllergy[] {
  return recorded.filter((r) => allergyMatches(drug, [r.word]).length > 0);
}
