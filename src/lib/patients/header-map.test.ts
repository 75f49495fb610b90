import { describe, expect, it } from 'vitest';
import {
  ROSTER_FIELDS,
  checkMapping,
  emptyMapping,
  guessMapping,
  headerKey,
  mappedFieldCount,
  type ColumnMapping
} from './header-map';
import { ROSTER_HEADERS } from '../fixtures/synthetic';

describe('headerKey', () => {
  it('folds width, kana kind, case, spaces and brackets', () => {
    expect(headerKey('氏名（カナ）')).toBe(headerKey('氏名(カナ)'));
    expect(headerKey('ふりがな')).toBe(headerKey('フリガナ'));
    expect(headerKey('ﾌﾘｶﾞﾅ')).toBe(headerKey('フリガナ'));
    expect(headerKey(' Patient_ID ')).toBe('PATIENTID');
    expect(headerKey('患者ＩＤ')).toBe('患者ID');
  });
});

describe('guessMapping', () => {
  it('maps the synthetic EHR export completely', () => {
    const mapping = guessMapping([...ROSTER_HEADERS]);
    expect(mapping).toEqual({
      patientNo: 0,
      name: 1,
      kana: 2,
      birthDate: 3,
      sex: 4,
      insurerNo: 5,
      cardSymbol: 6,
      cardNumber: 7,
      branch: 8,
      copayRate: 9,
      address: 10,
      phone: 11,
      allergies: 12
    });
  });

  it.each([
    ['患者番号', 'patientNo'],
    ['患者ID', 'patientNo'],
    ['カルテ番号', 'patientNo'],
    ['カルテNo.', 'patientNo'],
    ['氏名', 'name'],
    ['患者氏名', 'name'],
    ['名前', 'name'],
    ['フリガナ', 'kana'],
    ['カナ', 'kana'],
    ['カナ氏名', 'kana'],
    ['ふりがな', 'kana'],
    ['氏名（カナ）', 'kana'],
    ['生年月日', 'birthDate'],
    ['性別', 'sex'],
    ['保険者番号', 'insurerNo'],
    ['記号', 'cardSymbol'],
    ['番号', 'cardNumber'],
    ['枝番', 'branch'],
    ['負担割合', 'copayRate'],
    ['住所', 'address'],
    ['電話', 'phone'],
    ['電話番号', 'phone'],
    ['アレルギー', 'allergies'],
    ['Patient ID', 'patientNo'],
    ['patient_no', 'patientNo'],
    ['MRN', 'patientNo'],
    ['Name', 'name'],
    ['Kana', 'kana'],
    ['Date of birth', 'birthDate'],
    ['DOB', 'birthDate'],
    ['Sex', 'sex'],
    ['Gender', 'sex'],
    ['Insurer number', 'insurerNo'],
    ['Symbol', 'cardSymbol'],
    ['Card number', 'cardNumber'],
    ['Branch', 'branch'],
    ['Copay rate', 'copayRate'],
    ['Address', 'address'],
    ['Phone', 'phone'],
    ['TEL', 'phone'],
    ['Allergies', 'allergies']
  ] as const)('recognises %s as %s', (header, field) => {
    const mapping = guessMapping(['メモ', header]);
    expect(mapping[field]).toBe(1);
    expect(mappedFieldCount(mapping)).toBe(1);
  });

  it('falls back to telling words inside longer headers', () => {
    const mapping = guessMapping([
      'カルテNo（院内）',
      '患者氏名（漢字）',
      '氏名カナ（全角）',
      '生年月日(西暦/和暦)',
      '連絡先TEL',
      '現住所１'
    ]);
    expect(mapping).toMatchObject({ patientNo: 0, name: 1, kana: 2, birthDate: 3, phone: 4, address: 5 });
  });

  it('does not mistake 被保険者番号 or 患者番号 for 保険者番号 or 番号', () => {
    const mapping = guessMapping(['患者番号', '被保険者証番号', '保険者番号']);
    expect(mapping).toMatchObject({ patientNo: 0, cardNumber: 1, insurerNo: 2 });
  });

  it('gives each field the first fitting column and each column one field', () => {
    const mapping = guessMapping(['氏名', '氏名', '電話', '携帯電話']);
    expect(mapping.name).toBe(0);
    expect(mapping.phone).toBe(2);
    const columns = ROSTER_FIELDS.map((f) => mapping[f]).filter((c) => c !== null);
    expect(new Set(columns).size).toBe(columns.length);
  });

  it('maps nothing from unrelated headers', () => {
    expect(mappedFieldCount(guessMapping(['患者一覧', '2025/11/15']))).toBe(0);
    expect(guessMapping([])).toEqual(emptyMapping());
  });
});

describe('checkMapping', () => {
  const good = guessMapping([...ROSTER_HEADERS]);
  it('passes a complete mapping', () => expect(checkMapping(good, 13)).toEqual([]));

  it('asks for each required column', () => {
    const problems = checkMapping(emptyMapping(), 3);
    expect(problems.map((p) => p.key)).toEqual([
      'patients.error.mappingMissing.patientNo',
      'patients.error.mappingMissing.name',
      'patients.error.mappingMissing.birthDate'
    ]);
  });

  it('catches a column used twice or beyond the file', () => {
    const twice: ColumnMapping = { ...good, kana: 1 };
    expect(checkMapping(twice, 13)).toEqual([
      { key: 'patients.error.mappingColumnTwice', values: { column: 2 }, field: 'kana' }
    ]);
    const beyond: ColumnMapping = { ...good, allergies: 20 };
    expect(checkMapping(beyond, 13)).toEqual([
      { key: 'patients.error.mappingColumnMissing', values: { column: 21 }, field: 'allergies' }
    ]);
  });
});
