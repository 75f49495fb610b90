import { describe, expect, it } from 'vitest';
import {
  fromCp932,
  JAHIS_RX_VERSION,
  MAX_SYMBOLS,
  remarkLines,
  rxRecords,
  rxText,
  splitSymbols,
  toCp932,
  doseParts,
  field
} from './jahis-rx';
import { lastValidDay, missingForSheet } from './model';
import { rxLine, testSheet } from './test-sheet';

const byNo = (records: string[], no: number) => records.filter((r) => r.split(',')[0] === String(no));

describe('JAHIS 院外処方せん 2D symbol records', () => {
  const records = rxRecords(testSheet());

  it('starts with the version record and writes the header groups in order', () => {
    expect(records[0]).toBe(JAHIS_RX_VERSION);
    const numbers = records.slice(1).map((r) => Number(r.split(',')[0]));
    const header = numbers.filter((n) => n < 100);
    expect(header).toEqual([1, 2, 3, 4, 5, 11, 12, 13, 21, 22, 23, 27, 51]);
    // Records never go back to a lower group once the RPs begin.
    const firstRp = numbers.findIndex((n) => n >= 100);
    expect(numbers.slice(firstRp).every((n) => n >= 100)).toBe(true);
  });

  it('splits the 10-digit 医療機関コード into 点数表, code and 都道府県', () => {
    expect(byNo(records, 1)).toEqual(['1,1,1234567,13,手控えクリニック']);
    expect(byNo(records, 2)).toEqual(['2,,東京都千代田区霞が関1-2-2']);
    expect(byNo(records, 3)).toEqual(['3,03-1234-5678,,']);
    expect(byNo(records, 5)).toEqual(['5,,,髙橋 一郎']);
  });

  it('writes the patient, insurance and 公費 records', () => {
    expect(byNo(records, 11)).toEqual(['11,P-0042,山田 花子,ﾔﾏﾀﾞ ﾊﾅｺ']);
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
    expect(byNo(records, 101)).toEqual(['101,1,1,,14', '101,2,2,,10', '101,3,9,,']);
    expect(byNo(records, 111)[0]).toBe('111,1,1,,1日1回 朝食後,');
    expect(byNo(records, 201)).toEqual([
      '201,1,1,1,1,,アムロジピン錠 5㎎,1,1,錠',
      '201,2,1,1,1,,ロキソプロフェンNa錠 60㎎,1,1,錠',
      '201,3,1,1,1,,①ヒルドイドソフト軟膏 0.3%,25,1,g'
    ]);
    expect(byNo(records, 281)).toEqual(['281,1,1,1,3,後発品変更不可,', '281,3,1,1,,患者希望,']);
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
    expect(byNo(r, 22)).toEqual([]);
    expect(byNo(r, 23)).toEqual([]);
    expect(byNo(r, 27)).toEqual([]);
    expect(byNo(r, 201)).toEqual(['201,1,1,1,1,,メトホルミン錠,1,1,錠']);
  });

  it('writes 使用期限, リフィル, 分割 and 備考 when given, and keeps commas and breaks out of fields', () => {
    const r = rxRecords(
      testSheet({ validUntil: '2026-12-20', refills: 3, splitParts: 2, remarks: '一包化,粉砕\n残薬調整' })
    );
    expect(byNo(r, 52)).toEqual(['52,20261220']);
    expect(byNo(r, 81)).toEqual([
      '81,1,,リフィル可 3回',
      '81,2,,分割指示 2回',
      '81,3,,一包化，粉砕',
      '81,4,,残薬調整'
    ]);
    expect(field('a,b\r\nc')).toBe('a，b c');
  });

  it('reads a dose into amount and unit', () => {
    expect(doseParts('３錠')).toEqual({ amount: '3', unit: '錠' });
    expect(doseParts('0.5 g')).toEqual({ amount: '0.5', unit: 'g' });
    expect(doseParts('適量')).toEqual({ amount: '', unit: '適量' });
  });
});

describe('CP932 bytes', () => {
  it('encodes ①, ㎎ and 髙 with the NEC and IBM extensions and reads them back', () => {
    const { bytes, missing } = toCp932('①㎎髙ｱ');
    expect([...bytes.subarray(0, 4)]).toEqual([0x87, 0x40, 0x87, 0x72]);
    expect(missing).toEqual([]);
    expect(fromCp932(bytes)).toBe('①㎎髙ｱ');
  });

  it('names characters CP932 cannot hold and writes 〓 for them', () => {
    const { bytes, missing } = toCp932('𠮷野家');
    expect(missing).toEqual(['𠮷']);
    expect(fromCp932(bytes)).toBe('〓野家');
  });

  it('keeps CRLF line ends and round-trips the whole data', () => {
    const text = rxText(testSheet());
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')[0]).toBe(JAHIS_RX_VERSION);
    const { bytes, missing } = toCp932(text);
    expect(missing).toEqual([]);
    expect(fromCp932(bytes)).toBe(text);
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

  it('puts リフィル and 分割 first in 備考', () => {
    expect(remarkLines({ refills: 0, splitParts: 0, remarks: ' \n' })).toEqual([]);
  });
});
