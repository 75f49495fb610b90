import { outageOf } from '../../outage/model';
import { describe, expect, it } from 'vitest';
import { convert, detect } from 'encoding-japanese';
import { parse, unparse } from 'papaparse';
import { buildChecklist } from '../checklist/checklist';
import {
  cp932Issues,
  decodeCsv,
  encodeCsv,
  issueChars,
  neutralise,
  toCsvText,
  CP932_MISSING,
  type CsvTable
} from './csv';
import { createRng } from '../../fixtures/synthetic';
import { arrivalsTable, billsTable, checklistTable, csvFileName, csvTable, memosTable } from './csv-columns';
import {
  sampleArrival,
  sampleBill,
  sampleContent,
  sampleData,
  sampleMemo,
  sampleSession,
  sampleSettlement
} from '../sample';
import type { SessionData } from '../model';

function withPatients(): SessionData {
  const data = sampleData(0);
  const a1 = sampleArrival('A', 1, { name: '髙橋 ①子', kana: 'タカハシ イチコ', complaint: '=SUM(A1:A9)' });
  const a2 = sampleArrival('A', 2, { name: '山田 太郎😀', phone: '+81-3-0000-0000' });
  const drill = sampleArrival('A', 3, { drill: true, name: '訓練 患者' });
  const memo = sampleMemo(a1, {
    content: sampleContent({
      prescriptions: [
        {
          id: 'rx-1',
          drug: 'カロナール錠200',
          strength: '200mg',
          dose: '1回2錠',
          usage: '発熱時',
          days: '5',
          dispensing: 'outside'
        },
        {
          id: 'rx-2',
          drug: 'ムコダイン錠500',
          strength: '500mg',
          dose: '1回1錠',
          usage: '1日3回毎食後',
          days: '5',
          dispensing: 'outside'
        }
      ]
    })
  });
  const memo2 = sampleMemo(a2, { content: sampleContent({ prescriptions: [] }) });
  const bill = sampleBill(a1, 1, { amount: 5000 });
  return {
    ...data,
    arrivals: [a2, drill, a1],
    memos: [memo, memo2],
    bills: [bill, sampleBill(a2, 2, { kind: 'payLater', amount: 0, serial: '' })],
    settlements: [sampleSettlement(bill, { copayCharge: 4200, note: '-返金済' })]
  };
}

const read = (bytes: Uint8Array, encoding: 'utf8bom' | 'cp932') =>
  parse<string[]>(decodeCsv(bytes, encoding), { skipEmptyLines: true }).data;

describe('neutralise', () => {
  it('puts a quote before cells a spreadsheet would run as a formula', () => {
    for (const cell of ['=1+1', '+81-3', '-5', '@SUM(A1)', '\tx', '\rx'])
      expect(neutralise(cell)).toBe(`'${cell}`);
    for (const cell of ['髙橋', '5000', 'a=b', '', "'already"]) expect(neutralise(cell)).toBe(cell);
  });

  it('is applied to every cell of every file', () => {
    const table = arrivalsTable(withPatients(), { wareki: false });
    const complaint = table.headers.indexOf('主訴');
    const phone = table.headers.indexOf('電話番号');
    expect(table.rows[0]![complaint]).toBe("'=SUM(A1:A9)");
    expect(table.rows[1]![phone]).toBe("'+81-3-0000-0000");
    const bills = billsTable(withPatients(), { wareki: false });
    expect(bills.rows[0]![bills.headers.indexOf('備考')]).toBe("'-返金済");
  });
});

describe('CSV files', () => {
  it('arrivals in UTF-8 with BOM read back with their Japanese headers; drill records stay out', () => {
    const table = arrivalsTable(withPatients(), { wareki: false });
    const bytes = encodeCsv(toCsvText(table), 'utf8bom');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = read(bytes, 'utf8bom');
    expect(rows[0]!.slice(0, 8)).toEqual([
      '受付番号',
      '受付日',
      '受付時刻',
      '端末',
      '患者番号',
      '新患',
      '氏名',
      'カナ'
    ]);
    expect(rows[0]).toEqual(
      expect.arrayContaining(['資格確認方法', '資格確認状況', '保険者番号', '負担割合'])
    );
    expect(rows).toHaveLength(3);
    expect(rows[1]![0]).toBe('A-001');
    expect(rows[1]![6]).toBe('髙橋 ①子');
    expect(rows[1]![rows[0]!.indexOf('資格確認方法')]).toBe('マイナ保険証＋マイナポータル');
    expect(rows.flat()).not.toContain('訓練 患者');
  });

  it('CP932: 髙橋 and ① survive the round trip; an emoji is listed, not silently replaced', () => {
    const table = arrivalsTable(withPatients(), { wareki: false });
    const issues = cp932Issues(table);
    expect(issues).toEqual([
      { row: 2, rowLabel: 'A-002', column: '氏名', char: '😀', replacement: CP932_MISSING }
    ]);
    expect(issueChars(issues)).toEqual(['😀']);
    const bytes = encodeCsv(toCsvText(table), 'cp932');
    expect(detect(bytes)).toBe('SJIS');
    const rows = read(bytes, 'cp932');
    expect(rows[0]!.slice(0, 7)).toEqual([
      '受付番号',
      '受付日',
      '受付時刻',
      '端末',
      '患者番号',
      '新患',
      '氏名'
    ]);
    expect(rows[1]![6]).toBe('髙橋 ①子');
    expect(rows[2]![6]).toBe('山田 太郎〓');
  });

  it('a look-alike CP932 holds differently (〜 → ～) is listed with what it becomes', () => {
    const data = withPatients();
    data.arrivals[0]!.complaint = '3日前〜';
    const issues = cp932Issues(arrivalsTable(data, { wareki: false }));
    expect(issues).toContainEqual(expect.objectContaining({ column: '主訴', char: '〜', replacement: '～' }));
  });

  it('memos: one row per prescription, a memo without prescriptions is one row', () => {
    const table = memosTable(withPatients(), { wareki: false });
    for (const encoding of ['utf8bom', 'cp932'] as const) {
      const rows = read(encodeCsv(toCsvText(table), encoding), encoding);
      const h = rows[0]!;
      expect(h).toEqual(
        expect.arrayContaining([
          '受付番号',
          '診療日',
          '病名',
          '処方番号',
          '薬剤名',
          '用法',
          '日数',
          '院内院外',
          '記載者'
        ])
      );
      expect(
        rows.slice(1).map((r) => [r[h.indexOf('受付番号')], r[h.indexOf('処方番号')], r[h.indexOf('薬剤名')]])
      ).toEqual([
        ['A-001', '1/2', 'カロナール錠200'],
        ['A-001', '2/2', 'ムコダイン錠500'],
        ['A-002', '', '']
      ]);
      expect(rows[1]![h.indexOf('氏名')]).toBe('髙橋 ①子');
    }
  });

  it('memos: the 変更不可/患者希望 marks and the numbers of the 院外処方箋 printed from the memo', () => {
    const data = withPatients();
    const memo = data.memos[0]!;
    memo.content.prescriptions[0]!.marks = ['noChange', 'patientWish'];
    data.events.push({
      ...data.events[0]!,
      id: 'ev-rx',
      kind: 'printed',
      detail: `prescription RA-0007 ${memo.id} a5`
    });
    const rows = read(encodeCsv(toCsvText(memosTable(data, { wareki: false })), 'cp932'), 'cp932');
    const h = rows[0]!;
    const col = (name: string) => rows.slice(1).map((r) => r[h.indexOf(name)]);
    expect(col('変更不可・患者希望')).toEqual(['変更不可・患者希望', '', '']);
    expect(col('院外処方箋番号')).toEqual(['RA-0007', 'RA-0007', '']);
  });

  it('deposits and settlements: amount, status, charge and refund', () => {
    const table = billsTable(withPatients(), { wareki: false });
    const rows = read(encodeCsv(toCsvText(table), 'cp932'), 'cp932');
    const h = rows[0]!;
    const row = rows[1]!;
    expect(row[h.indexOf('預り番号')]).toBe('A-0001');
    expect(row[h.indexOf('種別')]).toBe('預り金');
    expect(row[h.indexOf('金額')]).toBe('5000');
    expect(row[h.indexOf('精算状況')]).toBe('精算済');
    expect(row[h.indexOf('請求額合計')]).toBe('4200');
    expect(row[h.indexOf('返金額')]).toBe('800');
    expect(rows[2]![h.indexOf('種別')]).toBe('後日精算');
    expect(rows[2]![h.indexOf('精算状況')]).toBe('未精算');
  });

  it('the checklist file says what is entered, by whom, beside who recorded it', () => {
    const data = withPatients();
    const items = buildChecklist(data);
    const table = checklistTable(data, items, { wareki: true });
    const rows = read(encodeCsv(toCsvText(table), 'utf8bom'), 'utf8bom');
    const h = rows[0]!;
    expect(h).toEqual(
      expect.arrayContaining([
        '項目',
        '入力先',
        '状態',
        '記録者',
        '入力者',
        '入力日',
        '確定者',
        '確定日',
        '確定時刻',
        '入力した版',
        '電子カルテ患者番号',
        '受付日（和暦）'
      ])
    );
    expect(rows[1]![h.indexOf('受付日（和暦）')]).toBe('令和7年11月15日');
    expect(rows[1]![h.indexOf('状態')]).toBe('未入力');
    expect(rows.slice(1).some((r) => r.includes('訓練 患者'))).toBe(false);
  });

  it('和暦 adds a column after each date', () => {
    const table = arrivalsTable(withPatients(), { wareki: true });
    const i = table.headers.indexOf('生年月日');
    expect(table.headers[i + 1]).toBe('生年月日（和暦）');
    expect(table.rows[0]![i + 1]).toBe('昭和55年1月2日');
  });

  it('a drill session exports its drill records, marked 訓練 in the file name', () => {
    const data = withPatients();
    const drill = { ...data, session: outageOf([sampleSession({ kind: 'drill' })]) };
    expect(csvTable('arrivals', drill, [], { wareki: false }).rows).toHaveLength(3);
    expect(csvFileName('arrivals', drill, 'utf8bom')).toBe('2025-11-15_訓練_受付一覧.csv');
    expect(csvFileName('bills', data, 'cp932')).toBe('2025-11-15_預り金と精算_SJIS.csv');
  });

  it('20,000 rows export quickly (measured, not asserted)', () => {
    const base = sampleArrival('A', 1);
    const arrivals = Array.from({ length: 20_000 }, (_, i) =>
      sampleArrival('A', i + 1, {
        name: i % 7 === 0 ? `髙橋 ${i}` : `患者 ${i}`,
        complaint: i % 13 === 0 ? '=1+1' : base.complaint
      })
    );
    const data = { ...sampleData(0), arrivals };
    for (const encoding of ['utf8bom', 'cp932'] as const) {
      const started = performance.now();
      const table = arrivalsTable(data, { wareki: true });
      const issues = encoding === 'cp932' ? cp932Issues(table) : [];
      const bytes = encodeCsv(toCsvText(table), encoding);
      const ms = performance.now() - started;
      console.log(`CSV 20,000 rows ${encoding}: ${ms.toFixed(0)} ms, ${(bytes.length / 1e6).toFixed(1)} MB`);
      expect(issues).toEqual([]);
    }
  });
});

describe('encoding-japanese sanity', () => {
  it('CP932 holds NEC and IBM extensions', () => {
    const bytes = convert('髙①', { to: 'SJIS', from: 'UNICODE', type: 'array' });
    expect(decodeCsv(Uint8Array.from(bytes), 'cp932')).toBe('髙①');
  });
});

describe('the fast paths write the bytes of the plain paths', () => {
  // The plain paths: papaparse unparsing the whole table at once, and encoding-japanese converting the
  // whole text at once (with 〓 written for what CP932 cannot hold), the way the files were first made.
  const plainText = (table: CsvTable) =>
    unparse({ fields: table.headers, data: table.rows }, { newline: '\r\n' }) + '\r\n';
  const plainCp932 = (text: string, unrepresentable: readonly string[]) => {
    let held = '';
    for (const ch of text) held += unrepresentable.includes(ch) ? CP932_MISSING : ch;
    return Uint8Array.from(convert(held, { to: 'SJIS', from: 'UNICODE', type: 'array' }));
  };
  const plainUtf8Bom = (text: string) => new TextEncoder().encode('\uFEFF' + text);

  const sample: CsvTable = {
    headers: ['受付番号', '氏名', '主訴', '備考'],
    rows: [
      ['A-001', '髙橋 ①子', '3日前〜発熱', '㈱山田工業'],
      ['A-002', '山田 太郎😀', 'せき, たん', '"至急"と'],
      ['A-003', ' 﨑本 花子 ', '頭痛\r\n吐き気', "'=SUM(A1)"],
      ['A-004', '', '〜', '😀😀']
    ],
    rowLabels: ['A-001', 'A-002', 'A-003', 'A-004']
  };

  it('CP932: 髙 ① ㈱ 〜 and an emoji, byte for byte; the emoji is listed as unrepresentable', () => {
    const issues = cp932Issues(sample);
    expect(issues.filter((i) => i.replacement === CP932_MISSING).map((i) => [i.rowLabel, i.char])).toEqual([
      ['A-002', '😀'],
      ['A-004', '😀'],
      ['A-004', '😀']
    ]);
    expect(issues).toContainEqual(expect.objectContaining({ char: '〜', replacement: '～' }));
    const text = toCsvText(sample);
    expect(text).toBe(plainText(sample));
    const bytes = encodeCsv(text, 'cp932');
    expect([...bytes]).toEqual([...plainCp932(text, ['😀'])]);
    expect(decodeCsv(bytes, 'cp932')).toContain('髙橋 ①子');
    expect([...encodeCsv(text, 'utf8bom')]).toEqual([...plainUtf8Bom(text)]);
  });

  it('on seeded random cells full of quotes, commas, line breaks, edge spaces and odd characters', () => {
    const rng = createRng(932);
    const parts = [
      '髙',
      '①',
      '㈱',
      '〜',
      '～',
      '😀',
      '𠮷',
      'ｱ',
      'ﾞ',
      'a',
      '1',
      ',',
      '"',
      '\r\n',
      '\n',
      '\r',
      ' ',
      '　',
      '\t',
      '\uFEFF',
      '=',
      "'",
      '?',
      '〓',
      '№',
      '∑'
    ];
    const cell = () => Array.from({ length: rng.int(0, 4) }, () => rng.pick(parts)).join('');
    for (let round = 0; round < 20; round++) {
      const width = rng.int(1, 5);
      const table: CsvTable = {
        headers: Array.from({ length: width }, (_, c) => (rng.chance(0.2) ? cell() : `列${c}`)),
        rows: Array.from({ length: rng.int(0, 30) }, () => Array.from({ length: width }, cell)),
        rowLabels: []
      };
      const text = toCsvText(table);
      expect(text).toBe(plainText(table));
      const missing = issueChars(cp932Issues(table)).filter((ch) =>
        cp932Issues({ headers: [ch], rows: [], rowLabels: [] }).some((i) => i.replacement === CP932_MISSING)
      );
      expect([...encodeCsv(text, 'cp932')]).toEqual([...plainCp932(text, missing)]);
      expect([...encodeCsv(text, 'utf8bom')]).toEqual([...plainUtf8Bom(text)]);
    }
  });

  it('papaparse still writes what is ragged or empty', () => {
    for (const table of [
      { headers: ['a', 'b'], rows: [], rowLabels: [] },
      { headers: ['a', 'b'], rows: [['1'], ['1', '2', '3']], rowLabels: [] },
      { headers: [], rows: [['x', 'y,z']], rowLabels: [] }
    ])
      expect(toCsvText(table)).toBe(plainText(table));
  });
});
