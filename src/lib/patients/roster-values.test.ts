import { describe, expect, it } from 'vitest';
import { cleanBranch, cleanCode, cleanPatientNo, cleanText, parseCopayRate, parseSex } from './roster-values';

describe('parseSex', () => {
  it.each([
    ['男', 'M'],
    ['男性', 'M'],
    ['M', 'M'],
    ['m', 'M'],
    ['Ｍ', 'M'],
    ['1', 'M'],
    ['１', 'M'],
    ['male', 'M'],
    ['女', 'F'],
    ['女性', 'F'],
    ['F', 'F'],
    ['f', 'F'],
    ['2', 'F'],
    ['Female', 'F'],
    ['その他', 'O'],
    ['O', 'O'],
    ['9', 'O'],
    ['other', 'O'],
    ['', ''],
    [' ', ''],
    ['不明', ''],
    ['0', '']
  ] as const)('%s → %s', (raw, sex) => expect(parseSex(raw)).toBe(sex));

  it('returns null for what it does not know', () => {
    expect(parseSex('男女')).toBeNull();
    expect(parseSex('3')).toBeNull();
    expect(parseSex('オス')).toBeNull();
  });
});

describe('parseCopayRate', () => {
  it.each([
    ['3割', 3],
    ['３割', 3],
    ['30%', 3],
    ['30％', 3],
    ['3', 3],
    ['0.3', 3],
    ['30', 3],
    [' 3 割 ', 3],
    ['2割', 2],
    ['20%', 2],
    ['0.2', 2],
    ['2', 2],
    ['1割', 1],
    ['10%', 1],
    ['0.1', 1],
    ['1', 1],
    ['10', 1]
  ] as const)('%s → %i', (raw, rate) => expect(parseCopayRate(raw)).toBe(rate));

  it('reads empty and zero as no copay known', () => {
    for (const raw of ['', ' ', '0', '0割', '0%', 'なし', '-']) expect(parseCopayRate(raw)).toBeNull();
  });

  it('returns undefined for values it cannot read', () => {
    for (const raw of ['4割', '25%', '0.25', '三割', 'abc', '5', '100%'])
      expect(parseCopayRate(raw)).toBeUndefined();
  });
});

describe('cleanPatientNo', () => {
  it('trims and narrows, keeping leading zeros', () => {
    expect(cleanPatientNo(' ０００１２３ ')).toBe('000123');
    expect(cleanPatientNo('A-12')).toBe('A-12');
    expect(cleanPatientNo('12 34')).toBe('1234');
  });
});

describe('cleanBranch', () => {
  it('pads a single digit a spreadsheet left', () => {
    expect(cleanBranch('1')).toBe('01');
    expect(cleanBranch('01')).toBe('01');
    expect(cleanBranch('００')).toBe('00');
    expect(cleanBranch('')).toBe('');
  });
});

describe('cleanCode', () => {
  it('narrows and collapses spaces in 記号・番号 and phone numbers', () => {
    expect(cleanCode(' ０３－１２３４－５６７８ ')).toBe('03-1234-5678');
    expect(cleanCode('千代田　１２')).toBe('千代田 12');
  });
});

describe('cleanText', () => {
  it('trims and flattens line breaks from quoted cells, keeping inner spaces as written', () => {
    expect(cleanText(' 東京都\r\n千代田区　本町 1-2 ')).toBe('東京都 千代田区　本町 1-2');
    expect(cleanText('卵\tそば')).toBe('卵 そば');
  });
});
