import Encoding from 'encoding-japanese';
import { describe, expect, it } from 'vitest';
import { parseSnapshotCsv, readSnapshotCsv } from './csv';
import { lastPrescription, newestFirst, readDate } from './model';

const HEADER = '患者番号,種別,名称,規格,用量,用法,日数,日付,備考';
const SAMPLE = [
  HEADER,
  '0001,アレルギー,ペニシリン,,,,,2024-05-01,発疹',
  '0001,病名,高血圧症,,,,,2019/04/01,',
  '0001,処方,アムロジピン錠,5㎎,1錠,1日1回朝食後,28,2025-10-20,①',
  '0001,処方,ロキソプロフェン錠,60㎎,1錠,頓用,10,2025-09-01,',
  '0002,アレルギー,造影剤,,,,,,髙橋医院より'
].join('\r\n');

function sjis(text: string): Uint8Array {
  return Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE' }));
}

describe('snapshot CSV', () => {
  it('reads UTF-8 rows grouped by patient, with every column', () => {
    const read = readSnapshotCsv(new TextEncoder().encode(SAMPLE));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.encoding).toBe('UTF-8');
    expect(read.value.rejected).toEqual([]);
    expect(read.value.patients.map((p) => [p.patientNo, p.items.length])).toEqual([
      ['0001', 4],
      ['0002', 1]
    ]);
    expect(read.value.patients[0]!.items[2]).toEqual({
      kind: 'prescription',
      name: 'アムロジピン錠',
      strength: '5㎎',
      dose: '1錠',
      usage: '1日1回朝食後',
      days: '28',
      date: '2025-10-20',
      note: '①'
    });
    expect(read.value.patients[0]!.items[1]!.date).toBe('2019-04-01');
  });

  it('reads CP932 (Shift_JIS) with ①, ㎎ and 髙 intact', () => {
    const bytes = sjis(SAMPLE);
    const read = readSnapshotCsv(bytes);
    expect(read.ok && read.value.encoding).toBe('SJIS');
    if (!read.ok) return;
    const items = read.value.patients.flatMap((p) => p.items);
    expect(items.find((i) => i.name === 'アムロジピン錠')).toMatchObject({ strength: '5㎎', note: '①' });
    expect(items.find((i) => i.name === '造影剤')!.note).toBe('髙橋医院より');
  });

  it('reads a UTF-8 file with a BOM and full-width 患者番号', () => {
    const read = readSnapshotCsv(
      new TextEncoder().encode('\uFEFF' + HEADER + '\n００１２,病名,糖尿病,,,,,,')
    );
    expect(read.ok && read.value.patients[0]!.patientNo).toBe('0012');
    expect(read.ok && read.value.encoding).toBe('UTF-8-BOM');
  });

  it('leaves bad rows out, each with its row number and reason; good rows stay', () => {
    const text = [
      HEADER,
      ',病名,高血圧症,,,,,,',
      '0003,検査,HbA1c,,,,,,',
      '0003,処方,,,,,,,',
      '0003,処方,メトホルミン,,,,三十,2025-01-01,',
      '0003,病名,糖尿病,,,,,2025-02-30,',
      '',
      '0003,病名,脂質異常症,,,,,20250105,'
    ].join('\n');
    const read = parseSnapshotCsv(text);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.rejected).toEqual([
      { rowNumber: 2, reason: { key: 'snapshot.error.patientNoMissing', field: 'patientNo' } },
      {
        rowNumber: 3,
        reason: { key: 'snapshot.error.kindUnknown', values: { value: '検査' }, field: 'kind' }
      },
      { rowNumber: 4, reason: { key: 'snapshot.error.nameMissing', field: 'name' } },
      {
        rowNumber: 5,
        reason: { key: 'snapshot.error.daysInvalid', values: { value: '三十' }, field: 'days' }
      },
      {
        rowNumber: 6,
        reason: { key: 'snapshot.error.dateInvalid', values: { value: '2025-02-30' }, field: 'date' }
      }
    ]);
    expect(read.value.patients).toEqual([
      {
        patientNo: '0003',
        items: [expect.objectContaining({ name: '脂質異常症', date: '2025-01-05' })]
      }
    ]);
  });

  it('refuses a file without the required columns, naming them', () => {
    const read = parseSnapshotCsv('番号,名前\n1,a');
    expect(read).toEqual({
      ok: false,
      error: { key: 'snapshot.error.columnsMissing', values: { columns: '患者番号、種別' } }
    });
    expect(parseSnapshotCsv('\n\n')).toEqual({ ok: false, error: { key: 'snapshot.error.empty' } });
  });

  it('refuses UTF-16 as the roster import does', () => {
    const read = readSnapshotCsv(Uint8Array.from([0xff, 0xfe, 0x41, 0x00]));
    expect(read.ok).toBe(false);
  });
});

describe('snapshot rules', () => {
  it('reads dates in the usual spellings and refuses impossible days', () => {
    expect(readDate('2025/1/5')).toBe('2025-01-05');
    expect(readDate('２０２５－０１－０５')).toBe('2025-01-05');
    expect(readDate('20250105')).toBe('2025-01-05');
    expect(readDate('')).toBe('');
    expect(readDate('2025-13-01')).toBeNull();
    expect(readDate('令和7年')).toBeNull();
  });

  it('the last prescription is every line of the newest date; items sort newest first', () => {
    const read = parseSnapshotCsv(
      [
        HEADER,
        '1,処方,A錠,,,,7,2025-01-01,',
        '1,処方,B錠,,,,7,2025-03-01,',
        '1,処方,C錠,,,,7,2025-03-01,',
        '1,病名,X,,,,,,'
      ].join('\n')
    );
    if (!read.ok) throw new Error('parse');
    const items = read.value.patients[0]!.items;
    expect(lastPrescription(items).map((i) => i.name)).toEqual(['B錠', 'C錠']);
    expect(newestFirst(items).map((i) => i.name)).toEqual(['B錠', 'C錠', 'A錠', 'X']);
  });
});
