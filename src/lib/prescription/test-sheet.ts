// A filled 処方箋 for tests: one patient with insurance and a 公費, drugs written with CP932's special characters.
import type { RxLine, RxSheet } from './model';

export function rxLine(drug: string, overrides: Partial<RxLine> = {}): RxLine {
  return {
    drug,
    strength: '',
    dose: '1錠',
    usage: '1日1回 朝食後',
    days: '14',
    noChange: false,
    patientWish: false,
    ...overrides
  };
}

export function testSheet(overrides: Partial<RxSheet> = {}): RxSheet {
  return {
    serial: 'R-0001',
    paper: 'a5',
    drill: false,
    clinic: {
      name: '手控えクリニック',
      address: '東京都千代田区霞が関1-2-2',
      phone: '03-1234-5678',
      code: '1311234567'
    },
    doctor: '髙橋 一郎',
    department: '内科',
    patient: {
      id: 'P-0042',
      name: '山田 花子',
      kana: 'ヤマダ ハナコ',
      birthDate: '1958-04-01',
      sex: 'F'
    },
    insurance: {
      type: 'shaho',
      insurerNo: '06139999',
      symbol: '１２３',
      number: '４５６７',
      branch: '01',
      relation: 'dependent',
      copay: '3',
      publics: [{ payerNo: '54136015', recipientNo: '1234567' }]
    },
    issuedOn: '2026-12-06',
    validUntil: '',
    refills: 0,
    splitParts: 0,
    remarks: '',
    lines: [
      rxLine('アムロジピン錠', { strength: '5㎎', noChange: true }),
      rxLine('ロキソプロフェンNa錠', { strength: '60㎎', dose: '1錠', usage: '疼痛時', days: '10' }),
      rxLine('①ヒルドイドソフト軟膏', {
        strength: '0.3%',
        dose: '25g',
        usage: '1日2回 患部に塗布',
        days: '',
        patientWish: true
      })
    ],
    ...overrides
  };
}
