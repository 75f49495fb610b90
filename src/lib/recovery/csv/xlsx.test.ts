import { describe, expect, it } from 'vitest';
import { arrivalsTable, billsTable, CSV_TITLE, memosTable } from './csv-columns';
import { encodeXlsx, sheetData } from './xlsx';
import type { CsvTable } from './csv';
import {
  sampleArrival,
  sampleBill,
  sampleContent,
  sampleData,
  sampleMemo,
  sampleSettlement
} from '../sample';
import { readXlsx, sheetTable, type XlsxSheet } from '../../../../tests/e2e/support/xlsx';
import type { SessionData } from '../model';

/** A day whose identifiers a spreadsheet would mangle if it guessed their type. */
function spreadsheetHostileDay(): SessionData {
  const data = sampleData(0);
  const a1 = sampleArrival('A', 1, {
    patientNo: '000001',
    phone: '09012345678',
    insurance: { ...sampleArrival('A', 1).insurance, insurerNo: '01200013', branch: '03' }
  });
  const rx = sampleContent().prescriptions[0]!;
  const memo = sampleMemo(a1, {
    content: sampleContent({ prescriptions: [rx, { ...rx, id: 'rx-2', drug: 'ムコダイン錠250' }] })
  });
  const bill = sampleBill(a1, 1, { amount: 3000 });
  return {
    ...data,
    arrivals: [a1],
    memos: [memo],
    bills: [bill],
    settlements: [sampleSettlement(bill, { copayCharge: 2400, selfPayCharge: 0 })]
  };
}

async function roundTrip(table: CsvTable, sheet: string): Promise<XlsxSheet> {
  const sheets = readXlsx(await encodeXlsx(table, sheet));
  expect(sheets.map((s) => s.name)).toEqual([sheet]);
  return sheets[0]!;
}

describe('.xlsx of the reconciliation tables', () => {
  it('keeps 保険者番号 01200013, 患者番号 000001, 枝番 03 and the phone 09012345678 as text, exactly', async () => {
    const table = arrivalsTable(spreadsheetHostileDay(), { wareki: false });
    const sheet = sheetTable(await roundTrip(table, CSV_TITLE.arrivals));
    expect(sheet.headers).toEqual(table.headers);
    expect(sheet.cell(1, '保険者番号')).toEqual({ type: 'text', value: '01200013' });
    expect(sheet.cell(1, '患者番号')).toEqual({ type: 'text', value: '000001' });
    expect(sheet.cell(1, '枝番')).toEqual({ type: 'text', value: '03' });
    expect(sheet.cell(1, '電話番号')).toEqual({ type: 'text', value: '09012345678' });
    // Dates and times are text too: no spreadsheet serial number, no locale's date format.
    expect(sheet.cell(1, '受付日')?.type).toBe('text');
    expect(sheet.cell(1, '受付時刻')?.type).toBe('text');
    expect(sheet.cell(1, '生年月日')).toEqual({ type: 'text', value: '1980-01-02' });
  });

  it('keeps 処方番号 1/2 as text, not a date; every cell but numbers is text, with the CSV text', async () => {
    const table = memosTable(spreadsheetHostileDay(), { wareki: true });
    const read = await roundTrip(table, CSV_TITLE.memos);
    const sheet = sheetTable(read);
    expect(sheet.cell(1, '処方番号')).toEqual({ type: 'text', value: '1/2' });
    expect(sheet.cell(2, '処方番号')).toEqual({ type: 'text', value: '2/2' });
    expect(sheet.cell(1, '体温')).toEqual({ type: 'text', value: '38.2' });
    // Same rows and columns as the CSV, cell by cell (an empty CSV cell is an absent one).
    expect(read.rows).toHaveLength(table.rows.length + 1);
    table.rows.forEach((cells, r) =>
      cells.forEach((csv, c) => {
        const cell = read.rows[r + 1]?.[c] ?? null;
        if (csv === '') expect(cell, table.headers[c]).toBeNull();
        else if (table.headers[c] === '版') expect(cell).toEqual({ type: 'number', value: csv });
        else expect(cell, table.headers[c]).toEqual({ type: 'text', value: csv });
      })
    );
  });

  it('writes money and counts as numbers', async () => {
    const table = billsTable(spreadsheetHostileDay(), { wareki: false });
    const sheet = sheetTable(await roundTrip(table, CSV_TITLE.bills));
    expect(sheet.cell(1, '金額')).toEqual({ type: 'number', value: '3000' });
    expect(sheet.cell(1, '一部負担金')).toEqual({ type: 'number', value: '2400' });
    expect(sheet.cell(1, '自費')).toEqual({ type: 'number', value: '0' });
    expect(sheet.cell(1, '返金額')).toEqual({ type: 'number', value: '600' });
    expect(sheet.cell(1, '精算記録数')).toEqual({ type: 'number', value: '1' });
    expect(sheet.cell(1, '預り番号')?.type).toBe('text');
  });

  it('a number column: a neutralised minus is a number again, text that is no number stays text', () => {
    const table: CsvTable = {
      headers: ['金額', 'メモ'],
      rows: [
        ["'-500", "'-500"],
        ['', '=SUM(A1)'],
        ['1/2', '']
      ],
      rowLabels: ['1', '2', '3'],
      numbers: [true, false]
    };
    expect(sheetData(table).slice(1)).toEqual([
      [
        { type: Number, value: -500 },
        { type: String, value: "'-500" }
      ],
      [null, { type: String, value: '=SUM(A1)' }],
      [{ type: String, value: '1/2' }, null]
    ]);
  });

  it('writes a large file (zipped on the page: the CSP refuses the workers fflate would start)', async () => {
    const day = spreadsheetHostileDay();
    const many = Array.from({ length: 2000 }, (_, i) =>
      sampleArrival('A', i + 1, { patientNo: String(i + 1).padStart(6, '0') })
    );
    const table = arrivalsTable({ ...day, arrivals: many }, { wareki: true });
    const bytes = await encodeXlsx(table, CSV_TITLE.arrivals);
    const read = sheetTable(readXlsx(bytes)[0]!);
    expect(read.cell(2000, '患者番号')).toEqual({ type: 'text', value: '002000' });
  });
});
