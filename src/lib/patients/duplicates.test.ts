import { describe, expect, it } from 'vitest';
import { findLikelyDuplicates } from './duplicates';
import { RosterIndex } from './search';
import type { Patient } from './model';
import { generatePatients } from '../fixtures/synthetic';

const base: Patient = {
  id: 'p:1',
  patientNo: '1',
  name: '髙橋　一郎',
  kana: 'タカハシ　イチロウ',
  birthDate: '1950-05-05',
  sex: 'M',
  insurerNo: '',
  cardSymbol: '',
  cardNumber: '',
  branch: '',
  copayRate: 1,
  address: '',
  phone: '',
  allergies: ''
};
const roster: Patient[] = [
  base,
  { ...base, id: 'p:2', patientNo: '2', sex: 'F', name: '髙橋　一子', kana: 'タカハシ　カズコ' },
  { ...base, id: 'p:3', patientNo: '3', birthDate: '1950-05-06' },
  { ...base, id: 'p:4', patientNo: '4', name: '高橋　一朗', kana: 'タカハシ　イチロウ', sex: '' },
  { ...base, id: 'p:5', patientNo: '5', name: '佐藤　一郎', kana: 'サトウ　イチロウ' }
];
const index = new RosterIndex(roster);
const ids = (patients: Patient[]) => patients.map((p) => p.id).sort();

describe('findLikelyDuplicates', () => {
  it('finds the same name, birth date and sex', () => {
    expect(
      ids(findLikelyDuplicates({ name: '髙橋　一郎', kana: '', birthDate: '1950-05-05', sex: 'M' }, index))
    ).toEqual(['p:1']);
  });

  it('ignores spaces, widths and variant kanji in the name', () => {
    for (const name of ['高橋一郎', '高橋 一郎', ' 髙橋　一郎 '])
      expect(
        ids(findLikelyDuplicates({ name, kana: '', birthDate: '1950-05-05', sex: 'M' }, index))
      ).toContain('p:1');
  });

  it('matches on kana alone, of any width or kind', () => {
    const found = findLikelyDuplicates(
      { name: '鷹箸　市郎', kana: 'ﾀｶﾊｼ ｲﾁﾛｳ', birthDate: '1950-05-05', sex: 'M' },
      index
    );
    expect(ids(found)).toEqual(['p:1', 'p:4']);
    const hiragana = findLikelyDuplicates(
      { name: '', kana: 'たかはし いちろう', birthDate: '1950-05-05', sex: 'M' },
      index
    );
    expect(ids(hiragana)).toEqual(['p:1', 'p:4']);
  });

  it('reads the birth date in any spelling', () => {
    expect(
      ids(findLikelyDuplicates({ name: '髙橋一郎', kana: '', birthDate: 'S25.5.5', sex: 'M' }, index))
    ).toEqual(['p:1']);
  });

  it('requires the same birth date and a compatible sex', () => {
    expect(
      findLikelyDuplicates({ name: '髙橋一郎', kana: '', birthDate: '1950-05-07', sex: 'M' }, index)
    ).toEqual([]);
    expect(
      ids(findLikelyDuplicates({ name: '髙橋一子', kana: '', birthDate: '1950-05-05', sex: 'M' }, index))
    ).toEqual([]);
    expect(
      ids(findLikelyDuplicates({ name: '髙橋一子', kana: '', birthDate: '1950-05-05', sex: 'F' }, index))
    ).toEqual(['p:2']);
  });

  it('treats an unknown sex on either side as possibly the same', () => {
    expect(
      ids(findLikelyDuplicates({ name: '髙橋一子', kana: '', birthDate: '1950-05-05', sex: '' }, index))
    ).toEqual(['p:2']);
    expect(
      ids(findLikelyDuplicates({ name: '高橋一朗', kana: '', birthDate: '1950-05-05', sex: 'F' }, index))
    ).toEqual(['p:4']);
  });

  it('leaves out the patient being edited', () => {
    expect(
      findLikelyDuplicates({ name: '髙橋一郎', kana: '', birthDate: '1950-05-05', sex: 'M' }, index, {
        excludeId: 'p:1'
      })
    ).toEqual([]);
  });

  it('finds nothing without a readable birth date or any name', () => {
    expect(findLikelyDuplicates({ name: '髙橋一郎', kana: '', birthDate: '', sex: 'M' }, index)).toEqual([]);
    expect(
      findLikelyDuplicates({ name: '髙橋一郎', kana: '', birthDate: '1950-02-30', sex: 'M' }, index)
    ).toEqual([]);
    expect(findLikelyDuplicates({ name: ' ', kana: '', birthDate: '1950-05-05', sex: 'M' }, index)).toEqual(
      []
    );
  });

  it('finds a re-registered synthetic patient among 20,000', () => {
    const patients = generatePatients(20000, 99);
    const big = new RosterIndex(patients);
    const someone = patients[12345]!;
    const found = findLikelyDuplicates(
      { name: someone.name.replace('\u3000', ''), kana: '', birthDate: someone.birthDate, sex: someone.sex },
      big
    );
    expect(found).toContain(someone);
    for (const p of found) expect(p.birthDate).toBe(someone.birthDate);
  });
});
