import { describe, expect, it } from 'vitest';
import {
  fromCp932,
  JAHIS_RX_VERSION,
  MAX_SYMBOLS,
  remarkRecords,
  rxRecords,
  rxText,
  splitRemark,
  splitSymbols,
  toCp932,
  field
} from './jahis-rx';
import { rxLine, testSheet } from './test-sheet';
import { missingForSheet } from './model';

const byNo = (records: string[], no: number) => records.filter((r) => r.split(',')[0] === String(no));

describe('JAHIS 院外処方箋 2D symbol records', () => {
  const records = rxRecords(testSheet());

  it('starts with the version record and writes the header groups in order', () => {
    expect(records[0]).toBe(JAHIS_RX_VERSION);
    const numbers = records.slice(1).map((r) => Number(r.split(',')[0]));
    const header = numbers.filter((n) => n < 100);
    expect(header).toEqual([1, 2, 3, 5, 11, 12, 13, 21, 22, 23, 27, 51]);
    // Records never go back to a lower group once the RPs begin.
    const firstRp = numbers.findIndex((n) => n >= 100);
    expect(numbers.slice(firstRp).every((n) => n >= 100)).toBe(true);
  });

  it('splits the 10-digit 医療機関コード into 点数表, code and 都道府県', () => {
    expect(byNo(records, 1)).toEqual(['1,1,1234567,13,手控えクリニック']);
    expect(byNo(records, 2)).toEqual(['2,,東京都千代田区霞が関1-2-2']);
    expect(byNo(records, 3)).toEqual(['3,03-1234-5678,,']);
    // 髙 is an IBM extension, outside JIS X 0208: ■ (表 3-4).
    expect(byNo(records, 5)).toEqual(['5,,,■橋 一郎']);
  });

  it('writes the patient, insurance and 公費 records', () => {
    expect(byNo(records, 11)).toEqual(['11,,山田 花子,ﾔﾏﾀﾞ ﾊﾅｺ']);
    expect(byNo(records, 12)).toEqual(['12,2']);
    expect(byNo(records, 13)).toEqual(['13,19580401']);
    expect(byNo(records, 21)).toEqual(['21,1']);
    expect(byNo(records, 22)).toEqual(['22,06139999']);
    expect(byNo(records, 23)).toEqual(['23,１２３,４５６７,2,01']);
    expect(byNo(records, 27)).toEqual(['27,54136015,1234567']);
    expect(byNo(records, 51)).toEqual(['51,20261206']);
    // Four days counting the day of issue is the default: no 使用期限 record.
    expect(byNo(records, 52)).toEqual([]);
  });

  it('writes one RP per drug, with 変更不可 and 患者希望 as drug supplements', () => {
    expect(byNo(records, 101)).toEqual(['101,1,1,,14', '101,2,2,,10', '101,3,9,,1']);
    expect(byNo(records, 111)[0]).toBe('111,1,1,,1日1回 朝食後,');
    expect(byNo(records, 201)).toEqual([
      '201,1,1,1,1,,アムロジピン錠 5mg,1,1,錠',
      '201,2,1,1,1,,ロキソプロフェンNa錠 60mg,1,1,錠',
      '201,3,1,1,1,,1ヒルドイドソフト軟膏 0.3%,25,1,g'
    ]);
    // 表 3-44: 3 後発品変更不可, 8 先発医薬品患者希望.
    expect(byNo(records, 281)).toEqual(['281,1,1,1,3,後発品変更不可,', '281,3,1,1,8,先発医薬品患者希望,']);
  });

  it('leaves out unwritten lines, other sex, a missing insurer and empty 公費', () => {
    const sheet = testSheet({
      patient: { ...testSheet().patient, sex: 'O' },
      insurance: {
        ...testSheet().insurance,
        insurerNo: '',
        type: '',
        publics: [{ payerNo: '', recipientNo: '' }]
      },
      lines: [rxLine('  '), rxLine('メトホルミン錠')]
    });
    const r = rxRecords(sheet);
    expect(byNo(r, 12)).toEqual([]);
    expect(byNo(r, 21)).toEqual([]);
    // 表 3-18: record 22 is required; no insurer is 「省略(自費等) 22,」.
    expect(byNo(r, 22)).toEqual(['22,']);
    expect(byNo(r, 23)).toEqual([]);
    expect(byNo(r, 27)).toEqual([]);
    expect(byNo(r, 201)).toEqual(['201,1,1,1,1,,メトホルミン錠,1,1,錠']);
  });

  it('writes an 内服 line typed as a 1回量 with its 1日量 in record 201 (表 3-39), and refuses one without times a day', () => {
    const line = { ...rxLine('ロキソプロフェンNa錠'), dose: '1回1錠', usage: '1日3回 毎食後', days: '5' };
    const r = rxRecords(testSheet({ lines: [line] }));
    expect(byNo(r, 101)).toEqual(['101,1,1,,5']);
    expect(byNo(r, 201)).toEqual(['201,1,1,1,1,,ロキソプロフェンNa錠,3,1,錠']);
    expect(missingForSheet(testSheet({ lines: [{ ...line, usage: '毎食後' }] })).map((p) => p.key)).toContain(
      'rx.invalid.doseTimes'
    );
  });

  it('writes 使用期限, リフィル (record 64), 分割 and 備考 when given, and keeps commas and breaks out of fields', () => {
    const r = rxRecords(
      testSheet({ validUntil: '2026-12-20', refills: 3, splitParts: 2, remarks: '一包化,粉砕\n残薬調整' })
    );
    expect(byNo(r, 52)).toEqual(['52,20261220']);
    // 表 3-32 and §3.2.8(2): a refill sheet carries 64 総使用回数, in record order between 52 and 81.
    expect(byNo(r, 64)).toEqual(['64,3']);
    const numbers = r.slice(1).map((line) => Number(line.split(',')[0]));
    expect(numbers.indexOf(64)).toBe(numbers.indexOf(52) + 1);
    expect(numbers.indexOf(81)).toBe(numbers.indexOf(64) + 1);
    // 表 3-46 (様式第二号): 分割 is 備考 種別 3 in the words the sheet prints; no 63 or 102, no リフィル remark.
    expect(byNo(r, 81)).toEqual([
      '81,1,3,分割指示：2回に分割して調剤',
      '81,2,,一包化，粉砕',
      '81,3,,残薬調整'
    ]);
    expect(byNo(r, 63)).toEqual([]);
    expect(byNo(r, 102)).toEqual([]);
    expect(field('a,b\r\nc')).toBe('a，b c');
  });

  it('writes no record 64 on a sheet that is not a refill', () => {
    expect(byNo(rxRecords(testSheet({ refills: 0 })), 64)).toEqual([]);
    expect(byNo(rxRecords(testSheet({ refills: 1 })), 64)).toEqual([]);
  });

  it('writes only what the printed sheet shows: no 患者コード, no 診療科', () => {
    const r = rxRecords(testSheet({ department: '内科' }));
    expect(byNo(r, 4)).toEqual([]);
    expect(byNo(r, 11)[0]?.split(',')[1]).toBe('');
  });

  it('leaves out record 3 without a phone, pads the 枝番 and always writes 22', () => {
    const r = rxRecords(
      testSheet({
        clinic: { ...testSheet().clinic, phone: ' ' },
        insurance: { ...testSheet().insurance, branch: '５' }
      })
    );
    expect(byNo(r, 3)).toEqual([]);
    expect(byNo(r, 23)).toEqual(['23,１２３,４５６７,2,05']);
    expect(byNo(rxRecords(testSheet({ insurance: { ...testSheet().insurance, branch: '' } })), 23)).toEqual([
      '23,１２３,４５６７,2,'
    ]);
  });

  it('writes 調剤数量 1 when no days are given (the dose is the total)', () => {
    const r = rxRecords(testSheet({ lines: [rxLine('ヒルドイド', { dose: '50g', days: '' })] }));
    expect(byNo(r, 101)).toEqual(['101,1,9,,1']);
    const days = rxRecords(testSheet({ lines: [rxLine('A錠', { days: '１４日分' })] }));
    expect(byNo(days, 101)).toEqual(['101,1,1,,14']);
  });

  it('cuts a long 備考 over several 81 records and continues a long 用法 in 181 (用法の続き)', () => {
    const remark = 'あ'.repeat(60);
    const r = rxRecords(testSheet({ remarks: remark, lines: [rxLine('A錠', { usage: 'い'.repeat(120) })] }));
    expect(byNo(r, 81)).toEqual([`81,1,,${'あ'.repeat(50)}`, `81,2,,${'あ'.repeat(10)}`]);
    expect(byNo(r, 111)).toEqual([`111,1,1,,${'い'.repeat(50)},`]);
    expect(byNo(r, 181)).toEqual([`181,1,1,5,${'い'.repeat(50)},,`, `181,1,2,5,${'い'.repeat(20)},,`]);
    const numbers = r.map((line) => line.split(',')[0]);
    expect(numbers.slice(numbers.indexOf('111'))).toEqual(['111', '181', '181', '201']);
    // Half-width characters count one byte: 100 of them fit one record.
    const ascii = rxRecords(testSheet({ remarks: 'a'.repeat(100) }));
    expect(byNo(ascii, 81)).toHaveLength(1);
  });

  it('writes 一部負担区分 for 高齢受給者 and 後期高齢者 from the 負担割合 (表 3-16), and refuses a sheet without it', () => {
    const sheet = (birthDate: string, copay: '1' | '2' | '3' | '', more: object = {}) =>
      testSheet({
        issuedOn: '2026-12-06',
        patient: { ...testSheet().patient, birthDate },
        insurance: { ...testSheet().insurance, copay, ...more }
      });
    const class14 = (s: ReturnType<typeof testSheet>) => byNo(rxRecords(s), 14);
    // 70歳以上 (高齢受給者): 2割 → 1 高齢者一般, 3割 → 2 高齢者７割.
    expect(class14(sheet('1955-03-10', '2'))).toEqual(['14,1']);
    expect(class14(sheet('1955-03-10', '3'))).toEqual(['14,2']);
    // 後期高齢者 (by the kind chosen, or an insurer number of 法別 39): 1割 → 1, 2割 → 5, 3割 → 2.
    expect(class14(sheet('1948-06-01', '1', { type: 'kouki', insurerNo: '39131015' }))).toEqual(['14,1']);
    expect(class14(sheet('1948-06-01', '2', { insurerNo: '39131015' }))).toEqual(['14,5']);
    expect(class14(sheet('1948-06-01', '3', { type: 'kouki' }))).toEqual(['14,2']);
    // Under 70 and at school: no record.
    expect(class14(sheet('1970-01-01', '3'))).toEqual([]);
    // The class cannot be written without the 負担割合: the sheet is refused, saying what to choose.
    expect(missingForSheet(sheet('1955-03-10', '')).map((p) => p.key)).toContain('rx.missing.copay');
    expect(missingForSheet(sheet('1948-06-01', '', { type: 'kouki' })).map((p) => p.key)).toContain(
      'rx.missing.copay'
    );
    expect(missingForSheet(sheet('1970-01-01', '')).map((p) => p.key)).not.toContain('rx.missing.copay');
  });

  it('writes 一部負担区分 3 for a child before school (表 3-16 ６歳未満), from the birth date at 交付日', () => {
    const child = (birthDate: string, issuedOn: string) =>
      byNo(rxRecords(testSheet({ issuedOn, patient: { ...testSheet().patient, birthDate } })), 14);
    expect(child('2021-05-10', '2026-12-06')).toEqual(['14,3']);
    // Turned six on 2026-04-01's eve... born 2020-04-02: at school from April 2027, so still 3 in March 2027.
    expect(child('2020-04-02', '2027-03-31')).toEqual(['14,3']);
    expect(child('2020-04-02', '2027-04-01')).toEqual([]);
    // Born 1 April: reaches six on 31 March, at school from that April.
    expect(child('2020-04-01', '2026-03-31')).toEqual(['14,3']);
    expect(child('2020-04-01', '2026-04-01')).toEqual([]);
    // Record order: 13, 14, 21.
    const r = rxRecords(testSheet({ patient: { ...testSheet().patient, birthDate: '2022-01-01' } }));
    const numbers = r.map((line) => line.split(',')[0]);
    expect(numbers.indexOf('14')).toBe(numbers.indexOf('13') + 1);
    // No insurer (公費単独): the 一部負担 classes are the insurer's, so none.
    const publicOnly = testSheet({
      patient: { ...testSheet().patient, birthDate: '2022-01-01' },
      insurance: { ...testSheet().insurance, insurerNo: '' }
    });
    expect(byNo(rxRecords(publicOnly), 14)).toEqual([]);
  });

  it('lists 分割 as 備考 種別 3, then the remarks, and nothing for none', () => {
    expect(remarkRecords({ splitParts: 0, remarks: ' \n' })).toEqual([]);
    expect(remarkRecords({ splitParts: 3, remarks: 'x' })).toEqual([
      ['3', splitRemark(3)],
      ['', 'x']
    ]);
  });
});

describe('Shift_JIS bytes', () => {
  it('maps ① and ㎎ to their JIS X 0208 forms and writes ■ (81 A1) for 髙, never a CP932 extension', () => {
    const { bytes, missing } = toCp932('①㎎髙ｱ');
    expect(fromCp932(bytes)).toBe('1mg■ｱ');
    expect([...bytes]).toEqual([0x31, 0x6d, 0x67, 0x81, 0xa1, 0xb1]);
    expect(missing).toEqual(['髙']);
  });

  it('writes ■ for what Shift_JIS cannot hold at all, not 〓', () => {
    const { bytes, missing } = toCp932('𠮷野家');
    expect(missing).toEqual(['𠮷']);
    expect(fromCp932(bytes)).toBe('■野家');
  });

  it('maps the characters in records too, so the text and its bytes agree', () => {
    const text = rxText(testSheet());
    expect(text).not.toMatch(/[①㎎髙]/);
    const { bytes, missing } = toCp932(text);
    expect(missing).toEqual([]);
    expect(fromCp932(bytes)).toBe(text);
    // No byte pair from the NEC (87xx), NEC-selected IBM (EDxx, EExx) or IBM/user (F0xx–FCxx) areas.
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i] ?? 0;
      if ((b >= 0x81 && b <= 0x9f) || (b >= 0xe0 && b <= 0xfc)) {
        expect(b === 0x87 || b >= 0xeb).toBe(false);
        i++;
      }
    }
  });

  it('keeps CRLF line ends and the version line first', () => {
    const text = rxText(testSheet());
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')[0]).toBe(JAHIS_RX_VERSION);
  });
});

describe('splitting into QR symbols', () => {
  const many = testSheet({
    lines: Array.from({ length: 30 }, (_, i) => rxLine(`テスト薬${i + 1}錠`, { strength: '10㎎' }))
  });
  const { bytes } = toCp932(rxText(many));

  it('keeps a small prescription in one symbol', () => {
    const small = toCp932(rxText(testSheet())).bytes;
    const symbols = splitSymbols(small);
    expect(symbols).toHaveLength(1);
    expect(symbols?.[0]?.total).toBe(1);
  });

  it('cuts a long one at record ends into a set whose parts join back to the data', () => {
    const symbols = splitSymbols(bytes, 300) ?? [];
    expect(symbols.length).toBeGreaterThan(1);
    let parity = 0;
    for (const b of bytes) parity ^= b;
    for (const [i, s] of symbols.entries()) {
      expect(s.bytes.length).toBeLessThanOrEqual(300);
      expect(s.index).toBe(i);
      expect(s.total).toBe(symbols.length);
      expect(s.parity).toBe(parity);
      expect(s.bytes.at(-1)).toBe(0x0a);
    }
    const joined = Uint8Array.from(symbols.flatMap((s) => [...s.bytes]));
    expect(fromCp932(joined)).toBe(fromCp932(bytes));
  });

  it('refuses a record longer than a symbol and more than 16 symbols', () => {
    expect(splitSymbols(bytes, 20)).toBeNull();
    expect(splitSymbols(bytes, Math.ceil(bytes.length / (MAX_SYMBOLS + 4)))).toBeNull();
  });
});
