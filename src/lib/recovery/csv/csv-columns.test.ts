import { describe, expect, it } from 'vitest';
import type { Intake } from '../../reception/model';
import { describeDetail } from '../../outage/timeline-detail';
import { CSV_TITLE, arrivalsTable, billsTable, csvKinds } from './csv-columns';
import { EXPORT_DETAIL } from '../steps';
import { sampleArrival, sampleBill, sampleData, sampleMeta } from '../sample';
import type { SessionData, StoredRecord } from '../model';

const link = (id: string, serial: string, recordId: string, at: string): StoredRecord => ({
  ...sampleMeta(id, at),
  serial,
  recordId,
  recordKind: 'arrival'
});

function withPaperAndIntake(): SessionData {
  const data = sampleData(0);
  const a1 = sampleArrival('A', 1);
  const a3 = sampleArrival('A', 3, { paperSerial: 'E-0002' });
  const intake: Intake = {
    ...sampleMeta('in-1', '2025-11-15T00:12:00.000Z'),
    arrivalId: a3.id,
    symptoms: '咳が止まらない',
    since: '3日前',
    temperature: '37.8',
    allergies: 'ペニシリン',
    medications: 'ロキソニン',
    pregnancy: 'breastfeeding',
    pastIllnesses: '喘息',
    message: '=急いでいます',
    filledBy: 'patient'
  };
  return {
    ...data,
    arrivals: [a1, a3],
    intakes: [intake],
    paperLinks: [
      link('pl-2', 'U-0010', a3.id, '2025-11-15T00:20:00.000Z'),
      link('pl-1', 'U-0003', a3.id, '2025-11-15T00:15:00.000Z'),
      link('pl-3', 'M-0001', 'memo-x', '2025-11-15T00:25:00.000Z')
    ]
  };
}

describe('受付一覧', () => {
  it('用紙番号 holds the paper links of the arrival and its own serial', () => {
    const table = arrivalsTable(withPaperAndIntake(), { wareki: false });
    const col = table.headers.indexOf('用紙番号');
    expect(table.rows.map((r) => [r[0], r[col]])).toEqual([
      ['A-001', ''],
      ['A-003', 'E-0002・U-0003・U-0010']
    ]);
  });

  it('carries the intake answers in 問診_ columns after 記録ID (formula-like text neutralised)', () => {
    const table = arrivalsTable(withPaperAndIntake(), { wareki: false });
    const intakeColumns = [
      table.headers.indexOf('記録ID') + 1,
      table.headers.indexOf('問診_記入者') + 1
    ] as const;
    const intakeHeaders = table.headers.slice(...intakeColumns);
    expect(intakeHeaders).toEqual([
      '問診_症状',
      '問診_いつから',
      '問診_体温',
      '問診_アレルギー',
      '問診_服薬',
      '問診_妊娠授乳',
      '問診_既往歴',
      '問診_医師への伝言',
      '問診_記入者'
    ]);
    const [without, withIntake] = table.rows.map((r) => r.slice(...intakeColumns));
    expect(without).toEqual(['', '', '', '', '', '', '', '', '']);
    expect(withIntake).toEqual([
      '咳が止まらない',
      '3日前',
      '37.8',
      'ペニシリン',
      'ロキソニン',
      '授乳中',
      '喘息',
      "'=急いでいます",
      '患者'
    ]);
  });
});

describe('the timeline says every CSV and .xlsx export in words', () => {
  it('knows every CSV title recovery logs', () => {
    for (const kind of csvKinds) {
      const detail = `${EXPORT_DETAIL.csvPrefix}${CSV_TITLE[kind]}`;
      expect(describeDetail('exported', detail, 'ja'), kind).not.toBe(detail);
      const xlsx = `${EXPORT_DETAIL.xlsxPrefix}${CSV_TITLE[kind]}`;
      expect(describeDetail('exported', xlsx, 'ja'), kind).toBe(`Excel形式（.xlsx）：${CSV_TITLE[kind]}`);
    }
  });
});

describe('預り金と精算', () => {
  it('names the payment method as the screen and the 預り証 do (クレジットカード, not カード)', () => {
    const data = sampleData(0);
    const a1 = sampleArrival('A', 1);
    const table = billsTable(
      { ...data, arrivals: [a1], bills: [sampleBill(a1, 1, { method: 'card' })] },
      { wareki: false }
    );
    const column = table.headers.indexOf('支払方法');
    expect(column).toBeGreaterThanOrEqual(0);
    expect(table.rows[0]![column]).toBe('クレジットカード');
  });
});
