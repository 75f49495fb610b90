import { describe, expect, it } from 'vitest';
import { lastValidDay, lineFieldProblems, missingForSheet } from './model';
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
      { key: 'rx.missing.usage', values: { rp: 1, drug: 'A錠' }, field: 'lines' },
      { key: 'rx.invalid.dose', values: { rp: 2, drug: 'B錠', value: '1日2回 1回1錠' }, field: 'lines' },
      { key: 'rx.invalid.days', values: { rp: 3, drug: 'C錠', value: '2週間' }, field: 'lines' },
      { key: 'rx.invalid.dose', values: { rp: 4, drug: 'D錠', value: '適量' }, field: 'lines' }
    ]);
  });

  it('names, field by field, what an 院外 line lacks for its sheet (shown beside the memo’s own fields)', () => {
    expect(lineFieldProblems({ dose: '1錠', usage: '1日1回 朝食後', days: '28' })).toEqual({});
    expect(lineFieldProblems({ dose: '1日2回 1回1錠', usage: '', days: '2週間' })).toEqual({
      dose: { key: 'rx.line.dose', values: { value: '1日2回 1回1錠' }, field: 'dose' },
      usage: { key: 'rx.line.usage', field: 'usage' },
      days: { key: 'rx.line.days', values: { value: '2週間' }, field: 'days' }
    });
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
