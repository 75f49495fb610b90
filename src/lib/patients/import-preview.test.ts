import { describe, expect, it } from 'vitest';
import { parseRosterCsv } from './csv-import';
import { previewRows } from './import-preview';

const csv = [
  '患者番号,氏名,フリガナ,生年月日,性別',
  '1001,山田　太郎,ﾔﾏﾀﾞ ﾀﾛｳ,S55.1.2,男',
  ',名無し,ナナシ,1980/1/1,女',
  '1002,佐藤　花子,さとう　はなこ,1990/2/30,女',
  '1003,鈴木　一郎,スズキ　イチロウ,1975-04-01,1',
  '1001,山田　太郎,ヤマダ　タロウ,1980/1/2,男'
].join('\r\n');

describe('previewRows', () => {
  it('pairs each row number with its patient or its reason', () => {
    const parsed = parseRosterCsv(csv);
    const rows = previewRows(parsed.rows, parsed.mapping, { firstRowNumber: parsed.firstRowNumber });
    expect(rows.map((r) => [r.rowNumber, r.patient?.patientNo ?? r.reason?.key])).toEqual([
      [2, '1001'],
      [3, 'patients.error.patientNoMissing'],
      [4, 'patients.error.birthDateImpossible'],
      [5, '1003'],
      [6, 'patients.error.duplicatePatientNo']
    ]);
    expect(rows[0]!.patient).toMatchObject({ kana: 'ヤマダ　タロウ', birthDate: '1980-01-02', sex: 'M' });
  });

  it('skips a blank row as the import does, keeping the numbers of the rows after it', () => {
    const parsed = parseRosterCsv(csv);
    const rows = [parsed.rows[0]!, ['', ' ', '', '', ''], parsed.rows[3]!];
    const preview = previewRows(rows, parsed.mapping, { firstRowNumber: 2 });
    expect(preview.map((r) => [r.rowNumber, r.patient?.patientNo])).toEqual([
      [2, '1001'],
      [4, '1003']
    ]);
  });

  it('shows only the first rows', () => {
    const parsed = parseRosterCsv(csv);
    expect(previewRows(parsed.rows, parsed.mapping, {}, 2)).toHaveLength(2);
  });
});
