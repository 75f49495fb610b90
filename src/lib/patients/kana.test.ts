import { describe, expect, it } from 'vitest';
import {
  isKanaKey,
  isZenkakuKana,
  normalizeKana,
  normalizeSpaces,
  searchKey,
  toFullKatakana,
  toHalfWidthAscii
} from './kana';
import { foldKanjiVariants } from './kanji-variants';

describe('toFullKatakana', () => {
  it('turns hiragana into katakana', () => {
    expect(toFullKatakana('やまだ たろう')).toBe('ヤマダ タロウ');
    expect(toFullKatakana('ぁぃぅぇぉっゃゅょゎゔゕゖ')).toBe('ァィゥェォッャュョヮヴヵヶ');
    expect(toFullKatakana('ゝゞ')).toBe('ヽヾ');
  });

  it('widens half-width katakana and combines dakuten and handakuten', () => {
    expect(toFullKatakana('ﾔﾏﾀﾞ ﾀﾛｳ')).toBe('ヤマダ タロウ');
    expect(toFullKatakana('ｶﾞｷﾞｸﾞｹﾞｺﾞ')).toBe('ガギグゲゴ');
    expect(toFullKatakana('ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ')).toBe('パピプペポ');
    expect(toFullKatakana('ﾊﾞﾋﾞﾌﾞﾍﾞﾎﾞ')).toBe('バビブベボ');
    expect(toFullKatakana('ｳﾞｧｲｵﾘﾝ')).toBe('ヴァイオリン');
    expect(toFullKatakana('ｺｰﾋｰ･ｼｮｯﾌﾟ')).toBe('コーヒー・ショップ');
    expect(toFullKatakana('ｦ')).toBe('ヲ');
  });

  it('combines spacing and combining marks written after a letter', () => {
    expect(toFullKatakana('カ゛')).toBe('ガ');
    expect(toFullKatakana('か゛')).toBe('ガ');
    expect(toFullKatakana('ハ゜')).toBe('パ');
    expect(toFullKatakana('カ\u3099')).toBe('ガ');
    expect(toFullKatakana('ハ\u309a')).toBe('パ');
  });

  it('keeps a mark that has nothing to combine with, as the full-width spacing mark', () => {
    expect(toFullKatakana('ｱﾞ')).toBe('ア゛');
    expect(toFullKatakana('ﾟ')).toBe('゜');
  });

  it('leaves kanji, ASCII and full-width katakana alone', () => {
    expect(toFullKatakana('山田 Taro ヤマダ')).toBe('山田 Taro ヤマダ');
  });
});

describe('toHalfWidthAscii', () => {
  it('narrows full-width letters, digits and punctuation', () => {
    expect(toHalfWidthAscii('ＡＢＣ１２３－／．（）')).toBe('ABC123-/.()');
    expect(toHalfWidthAscii('ｚ～')).toBe('z~');
  });
  it('leaves kana, kanji and the ideographic space', () => {
    expect(toHalfWidthAscii('ヤマダ　山田')).toBe('ヤマダ　山田');
  });
});

describe('normalizeSpaces', () => {
  it('trims and collapses spaces of both widths to one full-width space', () => {
    expect(normalizeSpaces('  山田 \u3000 太郎\u3000')).toBe('山田\u3000太郎');
    expect(normalizeSpaces('山田\t太郎')).toBe('山田\u3000太郎');
    expect(normalizeSpaces('')).toBe('');
  });
});

describe('normalizeKana (storage)', () => {
  it('stores full-width katakana with one full-width space', () => {
    expect(normalizeKana(' ﾔﾏﾀﾞ  ﾀﾛｳ ')).toBe('ヤマダ\u3000タロウ');
    expect(normalizeKana('やまだ　はなこ')).toBe('ヤマダ\u3000ハナコ');
    expect(normalizeKana('ヤマダ タロウ')).toBe('ヤマダ\u3000タロウ');
  });
  it('returns already-normal kana unchanged', () => {
    expect(normalizeKana('サトウ\u3000イチロウ')).toBe('サトウ\u3000イチロウ');
  });
});

describe('isZenkakuKana', () => {
  it('accepts full-width katakana with spaces, ー and ・', () => {
    expect(isZenkakuKana('ヤマダ\u3000タロウ')).toBe(true);
    expect(isZenkakuKana('ヤマダ タロウ')).toBe(true);
    expect(isZenkakuKana('オーノ')).toBe(true);
    expect(isZenkakuKana('スミス・ジョン')).toBe(true);
    expect(isZenkakuKana('ヴァン')).toBe(true);
  });
  it('rejects hiragana, half-width kana, kanji, latin, digits and blanks', () => {
    expect(isZenkakuKana('やまだ')).toBe(false);
    expect(isZenkakuKana('ﾔﾏﾀﾞ')).toBe(false);
    expect(isZenkakuKana('山田')).toBe(false);
    expect(isZenkakuKana('YAMADA')).toBe(false);
    expect(isZenkakuKana('ヤマダ1')).toBe(false);
    expect(isZenkakuKana('')).toBe(false);
    expect(isZenkakuKana('\u3000 ')).toBe(false);
    expect(isZenkakuKana('ー')).toBe(true); // a lone ー is odd but still katakana-only
  });
});

describe('searchKey', () => {
  it('meets in the middle for every way kana can be typed', () => {
    const expected = 'ヤマダタロウ';
    for (const typed of [
      'やまだ たろう',
      'ヤマダ　タロウ',
      'ﾔﾏﾀﾞ ﾀﾛｳ',
      'ﾔﾏﾀﾞﾀﾛｳ',
      'やまだ・たろう',
      ' ﾔﾏﾀﾞ･ﾀﾛｳ ',
      'ヤマタ゛タロウ'
    ])
      expect(searchKey(typed)).toBe(expected);
  });

  it('narrows full-width ASCII and upper-cases latin', () => {
    expect(searchKey('ｓｍｉｔｈ　ｊｏｈｎ')).toBe('SMITHJOHN');
    expect(searchKey('００１２３')).toBe('00123');
    expect(searchKey('S55.1.2')).toBe('S55.1.2');
  });

  it('folds variant kanji so 高橋 finds 髙橋', () => {
    expect(searchKey('髙橋 一郎')).toBe(searchKey('高橋一郎'));
    expect(searchKey('山﨑')).toBe('山崎');
    expect(searchKey('渡邊')).toBe('渡辺');
    expect(searchKey('渡邉')).toBe('渡辺');
    expect(searchKey('齋藤')).toBe('斎藤');
    expect(searchKey('𠮷田')).toBe('吉田');
  });

  it('treats both wave dashes alike (Shift_JIS round trips swap them)', () => {
    expect(searchKey('2〜4月')).toBe(searchKey('2～4月'));
  });

  it('drops stray marks and leaves other surrogate pairs intact', () => {
    expect(searchKey('ﾞア')).toBe('ア');
    expect(searchKey('𩸽')).toBe('𩸽');
  });

  it('returns empty for blanks and handles long input', () => {
    expect(searchKey(' \u3000\t')).toBe('');
    const long = 'あ'.repeat(10000);
    expect(searchKey(long)).toBe('ア'.repeat(10000));
  });
});

describe('isKanaKey', () => {
  it('is true for katakana keys only', () => {
    expect(isKanaKey('ヤマダ')).toBe(true);
    expect(isKanaKey('オーノ')).toBe(true);
    expect(isKanaKey('山田')).toBe(false);
    expect(isKanaKey('')).toBe(false);
    expect(isKanaKey('ヤマダ1')).toBe(false);
  });
});

describe('foldKanjiVariants', () => {
  it('folds whole strings for comparison', () => {
    expect(foldKanjiVariants('髙橋・山﨑・渡邊・濱田・惠子')).toBe('高橋・山崎・渡辺・浜田・恵子');
    expect(foldKanjiVariants('𠮷野家')).toBe('吉野家');
  });
});

describe('spellings of one sound meet in the search key', () => {
  it('small kana as full size, ヴ with a vowel as バ行, ヂ as ジ, ヅ as ズ', () => {
    expect(searchKey('キョウコ')).toBe(searchKey('キヨウコ'));
    expect(searchKey('きょうこ')).toBe(searchKey('ｷﾖｳｺ'));
    expect(searchKey('ヴィクトリア')).toBe(searchKey('ビクトリア'));
    expect(searchKey('ヴォルフ')).toBe(searchKey('ボルフ'));
    expect(searchKey('ヴ')).toBe(searchKey('ブ'));
    expect(searchKey('ちぢみ')).toBe(searchKey('チジミ'));
    expect(searchKey('ツヅキ')).toBe(searchKey('ツズキ'));
    expect(searchKey('ハットリ')).toBe(searchKey('ハツトリ'));
  });

  it('the variant kanji of common surnames fold to the form staff type', () => {
    expect(searchKey('嶋田')).toBe(searchKey('島田'));
    expect(searchKey('嶌')).toBe(searchKey('島'));
    expect(searchKey('峯岸')).toBe(searchKey('峰岸'));
    expect(searchKey('曾根')).toBe(searchKey('曽根'));
    expect(searchKey('瀧本')).toBe(searchKey('滝本'));
    expect(searchKey('北條')).toBe(searchKey('北条'));
  });
});
