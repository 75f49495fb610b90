import { describe, expect, it } from 'vitest';
import Encoding from 'encoding-japanese';
import { decodeNotebookBytes } from './decode';
import { addScanned, joinParts, notebookDate, parseNotebook, partOf, type Part } from './jahis';

/** A notebook text in the layout of JAHIS Ver.2.x (CRLF lines of comma-separated records). */
function notebook(version: string, body: string[]): string {
  return [`${version},1`, ...body].join('\r\n') + '\r\n';
}

const PATIENT = '1,髙橋 花子,2,S330303,,,,,,,タカハシ ハナコ';
const DISPENSED = [
  '5,R070401,1',
  '11,工業会薬局 駅前店,13,4,1234567,,,,1',
  '15,薬剤師 太郎,,1',
  '51,医療法人 工業会病院,13,1,7654321,1',
  '55,工業会 次郎,内科,1',
  '201,1,アムロジピン錠５㎎,1,錠,2,620008284,1',
  '201,1,ロキソプロフェン錠６０㎎①,3,錠,2,620098801,1',
  '281,1,朝：１錠、昼：１錠、夕：１錠,1',
  '301,1,【分３ 毎食後服用】,14,日分,1,1,,1',
  '201,2,ロキソニンテープ１００㎎,14,枚,1,,1',
  '301,2,【１日１回 腰に貼付】,1,回分,5,1,,1',
  '501,正しい飲み方は薬袋をご覧下さい。,1'
];

describe('notebookDate', () => {
  it('reads 和暦 (era letter + YYMMDD) and western dates', () => {
    expect(notebookDate('R070401')).toBe('2025-04-01');
    expect(notebookDate('S330303')).toBe('1958-03-03');
    expect(notebookDate('H310430')).toBe('2019-04-30');
    expect(notebookDate('20250401')).toBe('2025-04-01');
    expect(notebookDate('昨日')).toBe('昨日');
  });
});

describe('parseNotebook', () => {
  it('reads the patient, the dispensing, its drugs with their usage, and its notes (JAHISTC08, Ver.2.6)', () => {
    const result = parseNotebook(notebook('JAHISTC08', [PATIENT, '2,1,ペニシリン,1', ...DISPENSED]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const book = result.value;
    expect(book.version).toBe('JAHISTC08');
    expect(book.patient).toEqual({
      name: '髙橋 花子',
      kana: 'タカハシ ハナコ',
      sex: 'F',
      birthDate: '1958-03-03'
    });
    expect(book.remarks).toEqual([{ kind: 'allergy', text: 'ペニシリン' }]);
    const d = book.dispensings[0]!;
    expect(d).toMatchObject({
      date: '2025-04-01',
      pharmacy: '工業会薬局 駅前店',
      pharmacist: '薬剤師 太郎',
      prescriber: '医療法人 工業会病院',
      doctor: '工業会 次郎',
      notes: ['正しい飲み方は薬袋をご覧下さい。']
    });
    expect(d.drugs.map((x) => [x.name, x.amount, x.unit, x.usage, x.quantity, x.quantityUnit])).toEqual([
      ['アムロジピン錠５㎎', '1', '錠', '【分３ 毎食後服用】', '14', '日分'],
      ['ロキソプロフェン錠６０㎎①', '3', '錠', '【分３ 毎食後服用】', '14', '日分'],
      ['ロキソニンテープ１００㎎', '14', '枚', '【１日１回 腰に貼付】', '1', '回分']
    ]);
    expect(d.drugs[1]!.notes).toEqual(['朝：１錠、昼：１錠、夕：１錠']);
    expect(d.drugs[2]!.code).toBe('');
  });

  it('reads an older 2.x header (JAHISTC04) with the same records, and several dispensing dates', () => {
    const text = notebook('JAHISTC04', [
      '1,鈴木 太郎,1,S330303,,,,,,,',
      '5,H280411,1',
      '11,工業会薬局,13,4,1234567,,,',
      '201,1,ｺﾘｵﾊﾟﾝｶﾌﾟｾﾙ5mg,4,Ｃ,2,620004992,1',
      '301,1,【分２ 朝夕食後服用】,5,日分,1,1,,1',
      '5,H280301,1',
      '11,別の薬局,13,4,2345678,,,',
      '201,1,ﾚﾍﾞﾆﾝ散,2,g,2,620007148,1',
      '301,1,【分３ 毎食後服用】,7,日分,1,1,,1'
    ]);
    const result = parseNotebook(text);
    expect(result.ok && result.value.version).toBe('JAHISTC04');
    if (!result.ok) return;
    expect(result.value.patient.sex).toBe('M');
    expect(
      result.value.dispensings.map((d) => [d.date, d.pharmacy, d.drugs[0]!.name, d.drugs[0]!.quantity])
    ).toEqual([
      ['2016-04-11', '工業会薬局', 'ｺﾘｵﾊﾟﾝｶﾌﾟｾﾙ5mg', '5'],
      ['2016-03-01', '別の薬局', 'ﾚﾍﾞﾆﾝ散', '7']
    ]);
  });

  it('keeps a record it does not know, with its fields, instead of dropping it', () => {
    const result = parseNotebook(notebook('JAHISTC08', [PATIENT, ...DISPENSED, '999,将来の拡張,X']));
    expect(result.ok && result.value.unknown).toEqual([
      { line: 15, recordNo: '999', fields: ['将来の拡張', 'X'] }
    ]);
  });

  it('refuses malformed input with a reason: empty, no version header, a line that is not a record, nothing in it', () => {
    const problem = (text: string) => {
      const r = parseNotebook(text);
      return r.ok ? null : r.error;
    };
    expect(problem('  \r\n')).toEqual({ key: 'visits.med.error.empty', values: undefined });
    expect(problem('1,鈴木 太郎,1,S330303')).toMatchObject({
      key: 'visits.med.error.header',
      values: { found: '1' }
    });
    expect(problem('JAHISTC08,1\r\n1,鈴木,1,S330303\r\nこれは手帳ではない')).toMatchObject({
      key: 'visits.med.error.record',
      values: { line: 3 }
    });
    expect(problem('JAHISTC08,1\r\n')).toMatchObject({ key: 'visits.med.error.nothing' });
  });
});

describe('CP932 bytes', () => {
  it('decodes ①, ㎎ and 髙 from the Shift_JIS bytes a QR code carries', () => {
    const text = notebook('JAHISTC08', [PATIENT, ...DISPENSED]);
    const bytes = Uint8Array.from(
      Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE' })
    );
    expect(bytes.length).toBeLessThan(new TextEncoder().encode(text).length);
    const decoded = decodeNotebookBytes(bytes);
    expect(decoded).toBe(text);
    const result = parseNotebook(decoded);
    expect(result.ok && result.value.patient.name).toBe('髙橋 花子');
    expect(result.ok && result.value.dispensings[0]!.drugs[1]!.name).toBe('ロキソプロフェン錠６０㎎①');
  });

  it('reads UTF-8 bytes (as some notebook apps write them) as UTF-8', () => {
    const text = notebook('JAHISTC08', [PATIENT, ...DISPENSED]);
    expect(decodeNotebookBytes(new TextEncoder().encode(text))).toBe(text);
  });
});

describe('split data (911)', () => {
  const whole = [PATIENT, ...DISPENSED];
  const split = (n: number): Part[] => {
    const size = Math.ceil(whole.length / n);
    return Array.from({ length: n }, (_, i) => {
      const text = notebook('JAHISTC08', [
        ...whole.slice(i * size, (i + 1) * size),
        `911,20250401123456,${n},${i + 1}`
      ]);
      return partOf(text)!;
    });
  };

  it('joins the parts in their データ連番 order, whatever order they were read in', () => {
    const parts = split(3);
    expect(parts.map((p) => [p.total, p.index])).toEqual([
      [3, 1],
      [3, 2],
      [3, 3]
    ]);
    const joined = joinParts([parts[2]!, parts[0]!, parts[1]!, parts[0]!]);
    expect(joined).toEqual({ ok: true, value: notebook('JAHISTC08', whole).trimEnd() });
  });

  it('names the parts still missing', () => {
    const parts = split(3);
    expect(joinParts([parts[2]!])).toEqual({
      ok: false,
      error: { key: 'visits.med.error.parts', values: { missing: '1, 2', total: 3 } }
    });
  });

  it('collects scanned parts one by one (the same code read twice counts once) until the whole is there', () => {
    const texts = split(3).map((p) => p.text);
    let step = addScanned([], texts[1]!);
    expect(step.result).toEqual({
      ok: false,
      error: { key: 'visits.med.partsRead', values: { read: 1, total: 3, missing: '1, 3' } }
    });
    step = addScanned(step.parts, texts[1]!);
    expect(step.parts).toHaveLength(1);
    step = addScanned(step.parts, texts[2]!);
    step = addScanned(step.parts, texts[0]!);
    expect(step.result).toEqual({ ok: true, value: notebook('JAHISTC08', whole).trimEnd() });
    const single = notebook('JAHISTC08', whole);
    expect(addScanned([], single).result).toEqual({ ok: true, value: single });
    expect(addScanned([], 'hello').result.ok).toBe(false);
  });

  it('is null for data that is not split', () => {
    expect(partOf(notebook('JAHISTC08', whole))).toBeNull();
  });
});
