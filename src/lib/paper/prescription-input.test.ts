import { describe, expect, it } from 'vitest';
import { sampleArrival, sampleContent, sampleMemo } from '../recovery/sample';
import { missingForSheet } from '../prescription/model';
import {
  defaultRxChoices,
  outsideLines,
  prescriptionSerial,
  prescriptionSerialPrefix,
  prescriptionSheet
} from './prescription-input';

const clinic = {
  name: '手控えクリニック',
  address: '東京都千代田区1-2-3',
  phone: '03-1234-5678',
  medicalInstitutionCode: '13-1-1234567'
};

function visit() {
  const arrival = sampleArrival('A', 1, {
    name: '山田 花子',
    kana: 'ヤマダ ハナコ',
    birthDate: '1958-04-01',
    sex: 'F',
    insurance: {
      insurerNo: '0113 0012',
      symbol: '12-34',
      number: '5678',
      branch: '01',
      relation: 'family',
      copay: '3',
      validUntil: '',
      publicPayerNo: '54136015',
      publicRecipientNo: '1234567'
    }
  });
  arrival.rececon = {
    postalCode: '',
    address: '',
    insuranceKind: 'kokuho',
    insuredName: '山田 一郎',
    qualifiedOn: '',
    firstPublic: { validFrom: '', validUntil: '' },
    morePublics: [{ payerNo: '12136014', recipientNo: '7654321', validFrom: '', validUntil: '' }]
  };
  const memo = sampleMemo(arrival, {
    content: sampleContent({
      doctor: '髙橋 一郎',
      prescriptions: [
        {
          id: 'r1',
          drug: 'アムロジピン錠',
          strength: '5㎎',
          dose: '1錠',
          usage: '朝食後',
          days: '28',
          dispensing: 'outside',
          marks: ['noChange']
        },
        {
          id: 'r2',
          drug: 'ビオフェルミン',
          strength: '',
          dose: '3g',
          usage: '毎食後',
          days: '7',
          dispensing: 'inHouse'
        },
        { id: 'r3', drug: ' ', strength: '', dose: '', usage: '', days: '', dispensing: 'outside' },
        // A row written before the marks existed.
        {
          id: 'r4',
          drug: 'ムコダイン錠',
          strength: '500mg',
          dose: '3錠',
          usage: '毎食後',
          days: '7',
          dispensing: 'outside'
        }
      ]
    })
  });
  return { arrival, memo };
}

describe('the 処方箋 from a memo', () => {
  it('takes only the written 院外 lines, with their marks', () => {
    const lines = outsideLines(visit().memo);
    expect(lines.map((l) => [l.drug, l.noChange, l.patientWish])).toEqual([
      ['アムロジピン錠', true, false],
      ['ムコダイン錠', false, false]
    ]);
  });

  it('maps the arrival’s insurance, 公費, 区分 and the clinic, issued today', () => {
    const { arrival, memo } = visit();
    const sheet = prescriptionSheet(memo, arrival, clinic, defaultRxChoices, new Date(2026, 11, 6, 10, 0));
    expect(sheet.issuedOn).toBe('2026-12-06');
    expect(sheet.paper).toBe('a5');
    expect(sheet.clinic.code).toBe('1311234567');
    expect(sheet.doctor).toBe('髙橋 一郎');
    expect(sheet.insurance).toEqual({
      type: 'kokuho',
      insurerNo: '01130012',
      symbol: '12-34',
      number: '5678',
      branch: '01',
      relation: 'dependent',
      copay: '3',
      publics: [
        { payerNo: '54136015', recipientNo: '1234567' },
        { payerNo: '12136014', recipientNo: '7654321' }
      ]
    });
    expect(missingForSheet(sheet)).toEqual([]);
  });

  it('falls back to the arrival’s doctor, and names what is missing', () => {
    const { arrival, memo } = visit();
    memo.content.doctor = '';
    arrival.doctor = '';
    arrival.insurance.insurerNo = '';
    arrival.insurance.publicPayerNo = '';
    arrival.rececon = undefined;
    const sheet = prescriptionSheet(
      memo,
      arrival,
      { ...clinic, medicalInstitutionCode: '1234567' },
      defaultRxChoices,
      new Date()
    );
    expect(missingForSheet(sheet).map((p) => p.key)).toEqual([
      'rx.missing.insurer',
      'rx.missing.doctor',
      'rx.missing.clinicCode'
    ]);
  });

  it('numbers sheets per device: R and a one-letter label, plain R otherwise', () => {
    expect(prescriptionSerialPrefix('A')).toBe('RA');
    expect(prescriptionSerialPrefix('AB')).toBe('R');
    expect(prescriptionSerial('B', 12)).toBe('RB-0012');
  });
});
