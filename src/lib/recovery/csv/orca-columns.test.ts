import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ArrivalSchema } from '../../reception/schema';
import { emptyRececon } from '../../reception/rececon';
import { emptyInsurance, type Arrival } from '../../reception/model';
import { makeCheckDigit } from '../../patients/insurer-number';
import type { RececonCodes } from '../../settings/model';
import { sampleArrival, sampleData } from '../sample';
import { arrivalsTable } from './csv-columns';
import { ORCA_FIELDS, orcaGaps, orcaNeeds, orcaSexCode } from './orca-columns';
import { sheetData } from './xlsx';

const withCheck = (payload: string) => `${payload}${makeCheckDigit(payload)}`;
const PAYER_1 = withCheck('5413001'); // 難病, 東京
const PAYER_2 = withCheck('8013001'); // a 地方単独 公費's 法別 (80), 東京
const codes: RececonCodes = {
  departments: [
    { name: '内科', code: '01' },
    { name: '小児科', code: '09' }
  ],
  doctors: [{ name: '医師 一郎', code: '10001' }]
};

/** A morning of four arrivals: a roster patient, a new patient with every detail, one with gaps, one cancelled. */
function morning(): Arrival[] {
  const roster = sampleArrival('A', 1);
  const complete = sampleArrival('A', 2, {
    patientId: null,
    patientNo: '',
    isNew: true,
    name: '新井　花子',
    kana: 'アライ　ハナコ',
    sex: 'F',
    phone: '',
    department: '小児科',
    eligibilityMethod: 'declaration',
    insurance: {
      ...emptyInsurance,
      insurerNo: '06130012',
      number: '345',
      relation: 'family',
      publicPayerNo: PAYER_1,
      publicRecipientNo: withCheck('123456')
    },
    declaration: {
      insurerName: '',
      insuredName: '新井　一郎',
      employer: '株式会社てびかえ',
      address: '',
      declaredAt: '2025-11-15',
      phone: '090-1111-2222'
    },
    rececon: {
      ...emptyRececon(),
      postalCode: '0600001',
      address: '札幌市中央区北1条西2丁目',
      insuranceKind: 'shaho',
      qualifiedOn: '2020-04-01',
      firstPublic: { validFrom: '2025-04-01', validUntil: '2026-03-31' },
      morePublics: [{ payerNo: PAYER_2, recipientNo: '12345678', validFrom: '2025-04-01', validUntil: '' }]
    }
  });
  const gaps = sampleArrival('A', 3, {
    patientId: null,
    patientNo: '',
    isNew: true,
    sex: 'O',
    phone: '',
    doctor: '医師 二郎',
    eligibilityMethod: 'unconfirmed',
    insurance: { ...emptyInsurance },
    rececon: {
      ...emptyRececon(),
      postalCode: '060001',
      insuranceKind: 'unknown',
      morePublics: [{ payerNo: withCheck('1213001'), recipientNo: '', validFrom: '', validUntil: '' }]
    }
  });
  const cancelled = sampleArrival('A', 4, { status: 'cancelled' });
  return [roster, complete, gaps, cancelled];
}

function table() {
  return arrivalsTable({ ...sampleData(0), arrivals: morning() }, { wareki: false, codes });
}
const cellOf = (t: ReturnType<typeof table>, row: number, header: string) => {
  const c = t.headers.indexOf(header);
  expect(c, header).toBeGreaterThanOrEqual(0);
  return t.rows[row]![c]!;
};

describe('性別 as ORCA codes it', () => {
  it('1 男, 2 女; その他 and 不明 have no code, and その他 is said in words', () => {
    expect(orcaSexCode('M')).toBe('1');
    expect(orcaSexCode('F')).toBe('2');
    expect(orcaSexCode('O')).toBe('');
    expect(orcaSexCode('')).toBe('');
    const t = table();
    expect(cellOf(t, 1, '性別コード')).toBe('2');
    expect(cellOf(t, 2, '性別コード')).toBe('');
    // What was recorded stays in 性別; the check column says why the code is blank.
    expect(cellOf(t, 2, '性別')).toBe('その他');
    expect(cellOf(t, 2, 'ORCA入力の確認')).toContain('性別コード（記録は「その他」：ORCAは男と女のみ）');
  });
});

describe('診療科 and 担当医 as the codes set once in 設定', () => {
  it('looks each name up; a name with no code is named in the check column', () => {
    const t = table();
    expect([cellOf(t, 0, '診療科コード'), cellOf(t, 0, '担当医コード')]).toEqual(['01', '10001']);
    expect(cellOf(t, 1, '診療科コード')).toBe('09');
    expect(cellOf(t, 2, '担当医コード')).toBe('');
    expect(cellOf(t, 2, 'ORCA入力の確認')).toContain('担当医コード（医師 二郎：設定にコードなし）');
    // No codes set at all: the columns are empty, and every row says so.
    const bare = arrivalsTable({ ...sampleData(0), arrivals: morning() }, { wareki: false });
    expect(cellOf(bare, 0, '診療科コード')).toBe('');
    expect(cellOf(bare, 0, 'ORCA入力の確認')).toBe(
      '診療科コード（内科：設定にコードなし）・担当医コード（医師 一郎：設定にコードなし）'
    );
  });
});

describe('the 受付一覧 of a sample morning, for ORCA', () => {
  it('has every value ORCA needs filled, or named in 「ORCA入力の確認」', () => {
    const t = table();
    const arrivals = morning().sort((a, b) => a.arrivedAt.localeCompare(b.arrivedAt));
    let checked = 0;
    arrivals.forEach((a, row) => {
      const gaps = cellOf(t, row, 'ORCA入力の確認');
      for (const need of orcaNeeds(a)) {
        const filled = need.columns.some((c) => cellOf(t, row, c) !== '');
        expect(filled || gaps.includes(need.header), `${a.queueNo} ${need.header}`).toBe(true);
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(30);
  });

  it('a complete new patient can be entered from the file alone, and the file says so', () => {
    const t = table();
    expect(cellOf(t, 1, 'ORCA入力の確認')).toBe('');
    expect(cellOf(t, 1, '郵便番号')).toBe('0600001');
    expect(cellOf(t, 1, '住所')).toBe('札幌市中央区北1条西2丁目');
    expect(cellOf(t, 1, '保険種別')).toBe('社保');
    // A dependant's insured person and the phone come from the 申立書 when the details leave them out.
    expect(cellOf(t, 1, '被保険者氏名')).toBe('新井　一郎');
    expect(cellOf(t, 1, '電話番号')).toBe('');
    expect(cellOf(t, 1, '申立書_電話番号')).toBe('090-1111-2222');
    expect(cellOf(t, 1, '資格取得日')).toBe('2020-04-01');
    // 公費1 is the insurance section's, with its validity; 公費2 the details' own.
    expect(cellOf(t, 1, '公費1_負担者番号')).toBe(PAYER_1);
    expect(cellOf(t, 1, '公費1_負担者番号')).toBe(cellOf(t, 1, '公費負担者番号'));
    expect(cellOf(t, 1, '公費1_適用開始日')).toBe('2025-04-01');
    expect(cellOf(t, 1, '公費1_適用終了日')).toBe('2026-03-31');
    expect(cellOf(t, 1, '公費2_負担者番号')).toBe(PAYER_2);
    expect(cellOf(t, 1, '公費2_受給者番号')).toBe('12345678');
    expect(cellOf(t, 1, '公費3_負担者番号')).toBe('');
  });

  it('names what is missing or doubtful, and leaves a roster patient’s and a cancelled arrival’s patient fields alone', () => {
    const t = table();
    expect(cellOf(t, 0, 'ORCA入力の確認')).toBe('');
    expect(cellOf(t, 2, 'ORCA入力の確認').split('・')).toEqual([
      '担当医コード（医師 二郎：設定にコードなし）',
      '性別コード（記録は「その他」：ORCAは男と女のみ）',
      '住所',
      '電話番号',
      '保険種別（わからない）',
      '保険者番号',
      '番号',
      '本人家族',
      '郵便番号（7桁でない）',
      '公費1_受給者番号',
      '公費1_適用開始日'
    ]);
    expect(cellOf(t, 3, 'ORCA入力の確認')).toBe('受付取消（入力しない）');
    expect(orcaGaps(morning()[3]!, codes)).toEqual(['受付取消（入力しない）']);
  });

  it('an arrival with its details passes the bundle’s strict schema; a fifth 公費 does not', () => {
    const complete = morning()[1]!;
    expect(v.safeParse(ArrivalSchema, complete).success).toBe(true);
    expect(v.safeParse(ArrivalSchema, sampleArrival('A', 9)).success).toBe(true);
    const row = complete.rececon!.morePublics[0]!;
    const five = { ...complete, rececon: { ...complete.rececon!, morePublics: [row, row, row, row] } };
    expect(v.safeParse(ArrivalSchema, five).success).toBe(false);
  });

  it('keeps 郵便番号 0600001, the 公費 numbers and the codes as text in the .xlsx', () => {
    const t = table();
    const sheet = sheetData(t);
    const at = (header: string) => sheet[2]![t.headers.indexOf(header)];
    expect(at('郵便番号')).toEqual({ type: String, value: '0600001' });
    expect(at('公費2_負担者番号')).toEqual({ type: String, value: PAYER_2 });
    expect(at('診療科コード')).toEqual({ type: String, value: '09' });
    expect(at('性別コード')).toEqual({ type: String, value: '2' });
  });

  it('puts a 和暦 column after the new date columns when asked', () => {
    const t = arrivalsTable({ ...sampleData(0), arrivals: morning() }, { wareki: true, codes });
    expect(t.headers[t.headers.indexOf('公費1_適用開始日') + 1]).toBe('公費1_適用開始日（和暦）');
    expect(cellOf(t, 1, '公費1_適用開始日（和暦）')).toBe('令和7年4月1日');
  });
});

describe('the README says which ORCA field each column fills', () => {
  const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
  it('every mapped column exists in the 受付一覧 and has its row in the README table', () => {
    const headers = table().headers;
    for (const f of ORCA_FIELDS) {
      expect(headers, f.header).toContain(f.header);
      // The four 公費 share their rows: 公費n_負担者番号 → …PublicInsurance_Information[n]/PublicInsurer_Number.
      const header = f.header.replace(/^公費\d/, '公費n');
      const field = f.field.replace(/\[\d\]/, '[n]');
      const line = readme
        .split('\n')
        .find((l) => l.startsWith(`| ${header} |`) && l.includes(`\`${field}\``));
      expect(line, `${header} → ${f.api} ${field}`).toBeDefined();
      expect(line).toContain(f.api);
    }
  });
});
