import { describe, expect, it } from 'vitest';
import { isJisChar, jisBytes, jisChunks, jisText } from './jis';

describe('characters the JAHIS symbol may hold (表 3-4)', () => {
  it('keeps JIS X 0201 and JIS X 0208 characters as they are', () => {
    const text = '高橋 一郎　ｶﾞ，∵≒～－';
    expect(jisText(text)).toEqual({ text, replaced: [] });
  });

  it('maps CP932 extensions with a JIS X 0208 form (NFKC), and the JIS mapping of 〜 and −', () => {
    expect(jisText('①㎎㈱№Ⅰ㍻').text).toBe('1mg(株)NoI平成');
    expect(jisText('〜−¥').text).toBe('～－￥');
  });

  it('writes ■ for anything else: IBM kanji, characters beyond Shift_JIS, the 1990 kanji, controls', () => {
    expect(jisText('髙𠮷凜熙\u0007')).toEqual({
      text: '■■■■■',
      replaced: ['髙', '𠮷', '凜', '熙', '\u0007']
    });
    expect(isJisChar('髙')).toBe(false);
    expect(isJisChar('①')).toBe(false);
  });

  it('leaves a typed ■ as ■: the 規約 keeps it for a character that could not be recorded', () => {
    expect(jisText('■印')).toEqual({ text: '■印', replaced: [] });
  });

  it('counts Shift_JIS bytes after mapping and cuts text without splitting a character', () => {
    expect(jisBytes('アｱa①')).toBe(5);
    expect(jisChunks('あいうabcd', 5)).toEqual(['あい', 'うabc', 'd']);
    expect(jisChunks('', 5)).toEqual([]);
  });
});
