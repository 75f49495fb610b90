import { describe, expect, it } from 'vitest';
import { lastValidDay, missingForSheet } from './model';
import { rxLine, testSheet } from './test-sheet';

describe('the sheet rules', () => {
  it('counts four days including the day of issue, across a month end', () => {
    expect(lastValidDay({ issuedOn: '2026-12-06', validUntil: '' })).toBe('2026-12-09');
    expect(lastValidDay({ issuedOn: '2026-12-30', validUntil: '' })).toBe('2027-01-02');
    expect(lastValidDay({ issuedOn: '2026-12-06', validUntil: '2026-12-20' })).toBe('2026-12-20');
  });

  it('names every missing part a pharmacy needs', () => {
    expect(missingForSheet(testSheet())).toEqual([]);
    const bare = testSheet({
      doctor: ' ',
      clinic: { name: 'X', address: '', phone: '', code: '123' },
      insurance: { ...testSheet().insurance, insurerNo: '', publics: [] },
      lines: [rxLine('')]
    });
    expect(missingForSheet(bare).map((p) => p.key)).toEqual([
      'rx.missing.lines',
      'rx.missing.insurer',
      'rx.missing.doctor',
      'rx.missing.clinicCode',
      'rx.missing.clinicAddress'
    ]);
    const publicOnly = testSheet({ insurance: { ...testSheet().insurance, insurerNo: '' } });
    expect(missingForSheet(publicOnly)).toEqual([]);
    const odd = testSheet({ insurance: { ...testSheet().insurance, insurerNo: '1234' } });
    expect(missingForSheet(odd).map((p) => p.key)).toEqual(['rx.invalid.insurer']);
  });

  it('refuses a sex the symbol cannot record (表 3-14: 1 男, 2 女 only)', () => {
    for (const sex of ['O', ''] as const) {
      const sheet = testSheet({ patient: { ...testSheet().patient, sex } });
      expect(missingForSheet(sheet).map((p) => p.key)).toEqual(['rx.missing.sex']);
    }
  });

  it('refuses a line without 用法, a dose that is not an amount and unit, and days that are not a number', () => {
    const sheet = testSheet({
      lines: [
        rxLine('A錠', { usage: ' ' }),
        rxLine('B錠', { dose: '1日2回 1回1錠' }),
        rxLine('C錠', { days: '2週間' }),
        rxLine('D錠', { dose: '適量', days: '' })
      ]
    });
    expect(missingForSheet(sheet)).toEqual([
      { key: 'rx.missing.usage', values: { rp: 1 }, field: 'lines' },
      { key: 'rx.invalid.dose', values: { rp: 2, value: '1日2回 1回1錠' }, field: 'lines' },
      { key: 'rx.invalid.days', values: { rp: 3, value: '2週間' }, field: 'lines' },
      { key: 'rx.invalid.dose', values: { rp: 4, value: '適量' }, field: 'lines' }
    ]);
  });

  it('refuses a drug name or patient name longer than its field, which no record continues', () => {
    const sheet = testSheet({
      patient: { ...testSheet().patient, name: '山'.repeat(21) },
      lines: [rxLine('ア'.repeat(38), { strength: '10mg' })]
    });
    expect(missingForSheet(sheet)).toEqual([
      { key: 'rx.tooLong.field', values: { name: '患者氏名', max: 20, bytes: 40 }, field: 'patient' },
      { key: 'rx.tooLong.field', values: { name: 'Rp1 薬品名・規格', max: 40, bytes: 80 }, field: 'lines' }
    ]);
    // Exactly 40 full-width characters fit.
    expect(missingForSheet(testSheet({ lines: [rxLine('ア'.repeat(40))] }))).toEqual([]);
  });
});
