import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import {
  PatientSchema,
  RosterSnapshotSchema,
  checkPatient,
  parsePatient,
  patientIdOf,
  type Patient,
  type RosterSnapshot
} from './model';

const taro: Patient = {
  id: 'p:1001',
  patientNo: '1001',
  name: '山田　太郎',
  kana: 'ヤマダ　タロウ',
  birthDate: '1980-01-02',
  sex: 'M',
  insurerNo: '01130012',
  cardSymbol: '12345678',
  cardNumber: '42',
  branch: '00',
  copayRate: 3,
  address: '東京都千代田区本町1丁目2番3号',
  phone: '03-0000-0000',
  allergies: ''
};

describe('PatientSchema', () => {
  it('accepts a complete patient', () => {
    expect(v.is(PatientSchema, taro)).toBe(true);
  });
  it('accepts unknown sex and copay', () => {
    expect(v.is(PatientSchema, { ...taro, sex: '', copayRate: null })).toBe(true);
    expect(v.is(PatientSchema, { ...taro, sex: 'O', copayRate: 1 })).toBe(true);
  });
  it('rejects what a roster patient cannot be', () => {
    expect(v.is(PatientSchema, { ...taro, sex: 'X' })).toBe(false);
    expect(v.is(PatientSchema, { ...taro, copayRate: 4 })).toBe(false);
    expect(v.is(PatientSchema, { ...taro, copayRate: '3' })).toBe(false);
    expect(v.is(PatientSchema, { ...taro, birthDate: '1980/01/02' })).toBe(false);
    expect(v.is(PatientSchema, { ...taro, birthDate: '1980-02-30' })).toBe(false);
    expect(v.is(PatientSchema, { ...taro, patientNo: '' })).toBe(false);
    expect(v.is(PatientSchema, { ...taro, name: '' })).toBe(false);
    const { allergies: _dropped, ...incomplete } = taro;
    expect(v.is(PatientSchema, incomplete)).toBe(false);
  });
});

describe('parsePatient', () => {
  it('returns the patient when valid', () => {
    expect(parsePatient(taro)).toEqual({ ok: true, value: taro });
  });
  it('names the first bad field', () => {
    const result = parsePatient({ ...taro, birthDate: 'yesterday' });
    expect(result).toEqual({
      ok: false,
      error: { key: 'patients.error.invalidRecord', values: { path: 'birthDate' }, field: 'birthDate' }
    });
  });
  it('copes with input that is not an object', () => {
    const result = parsePatient(null);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.key).toBe('patients.error.invalidRecord');
  });
});

describe('RosterSnapshotSchema', () => {
  const snapshot: RosterSnapshot = {
    takenAt: '2025-11-15T07:30:00.000Z',
    importedAt: '2025-11-15T08:00:00.000Z',
    sourceFileName: 'kanja_20251115.csv',
    count: 50000,
    encoding: 'SJIS'
  };
  it('accepts a snapshot record', () => expect(v.is(RosterSnapshotSchema, snapshot)).toBe(true));
  it('rejects bad encodings, counts and timestamps', () => {
    expect(v.is(RosterSnapshotSchema, { ...snapshot, encoding: 'EUC-JP' })).toBe(false);
    expect(v.is(RosterSnapshotSchema, { ...snapshot, count: -1 })).toBe(false);
    expect(v.is(RosterSnapshotSchema, { ...snapshot, count: 1.5 })).toBe(false);
    expect(v.is(RosterSnapshotSchema, { ...snapshot, takenAt: '2025-11-15' })).toBe(false);
  });
});

describe('patientIdOf', () => {
  it('is deterministic from 患者番号', () => {
    expect(patientIdOf('1001')).toBe('p:1001');
    expect(patientIdOf('000123')).toBe('p:000123');
  });
});

describe('checkPatient', () => {
  it('finds nothing wrong with a good patient', () => {
    expect(checkPatient(taro)).toEqual({});
    expect(checkPatient({ ...taro, insurerNo: '', kana: '' })).toEqual({});
  });
  it('puts each problem next to its field', () => {
    const problems = checkPatient({
      ...taro,
      patientNo: ' ',
      name: '',
      kana: 'やまだ',
      birthDate: '1980-02-30',
      insurerNo: '01130013'
    });
    expect(problems.patientNo?.key).toBe('patients.error.patientNoMissing');
    expect(problems.name?.key).toBe('patients.error.nameMissing');
    expect(problems.kana?.key).toBe('patients.error.kanaNotKatakana');
    expect(problems.birthDate?.key).toBe('patients.error.birthDateImpossible');
    expect(problems.insurerNo?.key).toBe('patients.error.insurerNoCheckDigit');
    expect(problems.insurerNo?.field).toBe('insurerNo');
  });
  it('flags a missing or future birth date', () => {
    expect(checkPatient({ ...taro, birthDate: '' }).birthDate?.key).toBe('patients.error.birthDateMissing');
    expect(checkPatient({ ...taro, birthDate: '2026-01-01' }, { today: '2025-11-15' }).birthDate?.key).toBe(
      'patients.error.birthDateFuture'
    );
    expect(checkPatient({ ...taro, birthDate: '2026-01-01' })).toEqual({});
  });
});
