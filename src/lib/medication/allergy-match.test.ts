import { describe, expect, it } from 'vitest';
import {
  allergyMatches,
  allergyWords,
  drugAllergyMatches,
  foldName,
  recordedAllergies
} from './allergy-match';
import { patientMismatch } from './patient-match';

describe('allergyWords', () => {
  it('splits a roster アレルギー cell into words and leaves out なし', () => {
    expect(allergyWords('ペニシリン、造影剤（発疹）・そば')).toEqual(['ペニシリン', '造影剤', 'そば']);
    expect(allergyWords('なし')).toEqual([]);
    expect(allergyWords('  ')).toEqual([]);
  });
});

describe('allergyMatches', () => {
  it('matches a drug name containing a recorded word, across width and kana', () => {
    expect(allergyMatches('アモキシシリン（ペニシリン系）カプセル２５０ｍｇ', ['ペニシリン'])).toEqual([
      'ペニシリン'
    ]);
    expect(allergyMatches('ﾛｷｿﾆﾝ錠60mg', ['ロキソニン'])).toEqual(['ロキソニン']);
    expect(allergyMatches('ろきそにん', ['ロキソニン錠'])).toEqual(['ロキソニン錠']);
  });
  it('matches nothing for an unrelated drug, a one-character word or an empty drug', () => {
    expect(allergyMatches('アムロジピン錠5mg', ['ペニシリン', '造影剤'])).toEqual([]);
    expect(allergyMatches('アムロジピン', ['ア'])).toEqual([]);
    expect(allergyMatches('', ['ペニシリン'])).toEqual([]);
  });
  it('folds width, case and spaces', () => {
    expect(foldName('ＡＢＣ　ｄ')).toBe('abcd');
  });
});

describe('patientMismatch', () => {
  const arrival = { name: '髙橋 花子', birthDate: '1958-03-03' };
  it('is empty for the same person written with other spacing', () => {
    expect(
      patientMismatch({ name: '髙橋　花子', kana: '', sex: 'F', birthDate: '1958-03-03' }, arrival)
    ).toEqual([]);
  });
  it('names the name and the birth date when they differ', () => {
    expect(
      patientMismatch({ name: '鈴木 太郎', kana: '', sex: 'M', birthDate: '1958-03-04' }, arrival)
    ).toEqual(['name', 'birthDate']);
  });
  it('cannot differ on a field empty on either side', () => {
    expect(patientMismatch({ name: '', kana: '', sex: '', birthDate: '' }, arrival)).toEqual([]);
  });
});

describe('drugAllergyMatches', () => {
  it('says which recorded word matched and where it was recorded', () => {
    const recorded = recordedAllergies([
      { source: 'roster', text: 'ペニシリン、造影剤' },
      { source: 'memo', text: 'なし' },
      { source: 'notebook', text: 'セフェム' }
    ]);
    expect(drugAllergyMatches('サワシリン（ペニシリン系）', recorded)).toEqual([
      { word: 'ペニシリン', source: 'roster' }
    ]);
    expect(drugAllergyMatches('セフェム系抗菌薬', recorded)).toEqual([
      { word: 'セフェム', source: 'notebook' }
    ]);
    expect(drugAllergyMatches('カロナール', recorded)).toEqual([]);
  });
});
