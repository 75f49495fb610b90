// The 預り証's content, mapped from a bill: Japanese labels, local times, the patient and the clinic.
import { describe, expect, it } from 'vitest';
import { depositSlipInput } from './deposit-slip-input';

describe('depositSlipInput', () => {
  it('prints the deposit in Japanese with local wall-clock times', () => {
    const input = depositSlipInput(
      {
        kind: 'deposit',
        serial: 'A-0003',
        issuedAt: new Date(2025, 10, 15, 10, 42).toISOString(),
        amount: 5000,
        method: 'card',
        receivedBy: '受付 花子',
        reason: 'insuranceUnconfirmed',
        drill: true
      },
      { name: '山田 太郎', kana: 'ヤマダ タロウ', patientNo: '' },
      {
        name: 'てびかえ内科',
        address: '東京都',
        phone: '03-1234-5678',
        medicalInstitutionCode: '1312345678'
      },
      new Date(2025, 10, 15, 10, 45)
    );
    expect(input).toEqual({
      kind: 'deposit',
      settleLater: false,
      clinic: {
        name: 'てびかえ内科',
        address: '東京都',
        phone: '03-1234-5678',
        medicalInstitutionCode: '1312345678'
      },
      drill: true,
      printedAt: '2025-11-15T10:45',
      serial: 'A-0003',
      receivedAt: '2025-11-15T10:42',
      patientName: '山田 太郎',
      patientKana: 'ヤマダ タロウ',
      patientId: undefined,
      amount: 5000,
      method: 'クレジットカード',
      receiver: '受付 花子',
      reason: '資格未確認'
    });
  });
});
