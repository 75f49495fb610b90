import { describe, expect, it } from 'vitest';
import { convert } from 'encoding-japanese';
import { decodeRosterFile, decodeShiftJis, importRows, parseRosterCsv, readRosterFile } from './csv-import';
import { guessMapping, type ColumnMapping } from './header-map';
import { fail, ok } from '../result';
import { NAME_MAX } from './desk-rules';
import { makeCheckDigit } from './insurer-number';
import {
  encodeText,
  generatePatients,
  patientsToCsv,
  rosterCsv,
  rosterCsvBytes
} from '../fixtures/synthetic';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...values: number[]) => Uint8Array.from(values);
/** The decoded file, for tests of files that must decode. */
function decoded(file: Uint8Array) {
  const result = decodeRosterFile(file);
  if (!result.ok) throw new Error(`not decoded: ${result.error.key}`);
  return result.value;
}
function read(file: Uint8Array) {
  const result = readRosterFile(file);
  if (!result.ok) throw new Error(`not read: ${result.error.key}`);
  return result.value;
}

describe('decodeRosterFile', () => {
  it('reads UTF-8 without BOM', () => {
    expect(decodeRosterFile(utf8('患者番号,氏名\r\n1,山田\r\n'))).toEqual(
      ok({ text: '患者番号,氏名\r\n1,山田\r\n', encoding: 'UTF-8' })
    );
  });

  it('reads UTF-8 with BOM and drops the BOM', () => {
    expect(decodeRosterFile(bytes(0xef, 0xbb, 0xbf, ...utf8('氏名')))).toEqual(
      ok({ text: '氏名', encoding: 'UTF-8-BOM' })
    );
  });

  it('treats plain ASCII and an empty file as UTF-8', () => {
    expect(decoded(utf8('id,name\n1,SMITH\n')).encoding).toBe('UTF-8');
    expect(decodeRosterFile(new Uint8Array())).toEqual(ok({ text: '', encoding: 'UTF-8' }));
  });

  it('reads Shift_JIS', () => {
    // 山田,ﾔﾏﾀﾞ (8E52 9363, half-width kana are single bytes B6..)
    const sjis = bytes(0x8e, 0x52, 0x93, 0x63, 0x2c, 0xd4, 0xcf, 0xc0, 0xde);
    expect(decodeRosterFile(sjis)).toEqual(ok({ text: '山田,ﾔﾏﾀﾞ', encoding: 'SJIS' }));
  });

  it('reads CP932 extensions: NEC specials, NEC-selected and IBM extensions', () => {
    const cases: [number[], string][] = [
      [[0x87, 0x40], '①'],
      [[0x87, 0x8a], '㈱'],
      [[0xee, 0xe0], '髙'], // NEC-selected IBM extension
      [[0xfb, 0xfc], '髙'], // IBM extension
      [[0xed, 0x95], '﨑'],
      [[0xfa, 0xb1], '﨑'],
      [[0xe7, 0xb2], '邊'],
      [[0x87, 0x82], '№'],
      [[0x81, 0x60], '～'] // CP932 maps the wave dash to FULLWIDTH TILDE
    ];
    for (const [code, text] of cases) {
      const file = bytes(0x8e, 0x52, ...code); // 山 + the character, so the file is not valid UTF-8
      expect(decodeRosterFile(file)).toEqual(ok({ text: `山${text}`, encoding: 'SJIS' }));
    }
  });

  it('decodes Shift_JIS the same with the platform decoder and with encoding-japanese', () => {
    const sample = rosterCsvBytes(300, 77, 'SJIS');
    const extras = bytes(
      0x87,
      0x40,
      0x87,
      0x8a,
      0xee,
      0xe0,
      0xfb,
      0xfc,
      0xed,
      0x95,
      0xfa,
      0xb1,
      0x81,
      0x60,
      0x5c,
      0x7e
    );
    for (const file of [sample, extras]) expect(decodeShiftJis(file, true)).toBe(decodeShiftJis(file, false));
    expect(decodeShiftJis(extras, false)).toBe('①㈱髙髙﨑﨑～\\~');
  });

  it('prefers UTF-8 whenever the bytes are valid UTF-8', () => {
    const text = '髙橋,山﨑,①,㈱';
    expect(decodeRosterFile(utf8(text))).toEqual(ok({ text, encoding: 'UTF-8' }));
    const sjis = Uint8Array.from(convert(utf8(text), { to: 'SJIS', from: 'UTF8' }));
    expect(decodeRosterFile(sjis)).toEqual(ok({ text, encoding: 'SJIS' }));
  });

  const roster = rosterCsv(30, 12);
  const utf16 = (text: string, order: 'le' | 'be', bom: boolean) => {
    const le = new Uint8Array(Buffer.from((bom ? '\ufeff' : '') + text, 'utf16le'));
    if (order === 'le') return le;
    const be = new Uint8Array(le.length);
    for (let i = 0; i + 1 < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1]!, le[i]!];
    return be;
  };

  it.each([
    ['LE', 'with', 'le', true],
    ['LE', 'without', 'le', false],
    ['BE', 'with', 'be', true],
    ['BE', 'without', 'be', false]
  ] as const)('refuses UTF-16 %s %s a BOM as UTF-16, not as Shift_JIS mojibake', (_o, _b, order, bom) => {
    const file = utf16(roster, order, bom);
    expect(decodeRosterFile(file)).toEqual(fail({ key: 'patients.import.error.utf16' }));
    expect(readRosterFile(file)).toEqual(fail({ key: 'patients.import.error.utf16' }));
  });

  it('refuses Shift_JIS bytes behind a UTF-8 BOM as mixed', () => {
    const sjis = encodeText(roster, 'SJIS');
    const file = new Uint8Array([0xef, 0xbb, 0xbf, ...sjis]);
    expect(decodeRosterFile(file)).toEqual(fail({ key: 'patients.import.error.mixedBom' }));
  });

  it('refuses UTF-8 with a row of Shift_JIS in it as mixed, yet reads a whole Shift_JIS roster as Shift_JIS', () => {
    const good = encodeText(rosterCsv(300, 5), 'UTF-8');
    const pasted = encodeText('99999,佐藤　花子,サトウ　ハナコ,1980/1/2,女,,,,,,,,\r\n', 'SJIS');
    expect(decodeRosterFile(new Uint8Array([...good, ...pasted]))).toEqual(
      fail({ key: 'patients.import.error.mixed' })
    );
    for (const seed of [1, 2, 3]) {
      for (const n of [1, 5, 300]) expect(decoded(rosterCsvBytes(n, seed, 'SJIS')).encoding).toBe('SJIS');
    }
  });

  it('refuses an Excel workbook chosen instead of its CSV', () => {
    expect(decodeRosterFile(bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00))).toEqual(
      fail({ key: 'patients.import.error.excel' })
    );
    expect(decodeRosterFile(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00))).toEqual(
      fail({ key: 'patients.import.error.excel' })
    );
  });

  it('does not take a stray NUL in a text file for UTF-16', () => {
    const file = new Uint8Array([...utf8(roster), 0x00]);
    expect(decoded(file).encoding).toBe('UTF-8');
  });
});

describe('parseRosterCsv', () => {
  it('finds the header row, even below a title line', () => {
    const parsed = parseRosterCsv(
      '患者一覧（2025/11/15 出力）\r\n患者番号,氏名,生年月日\r\n1,山田　太郎,1980/1/2\r\n'
    );
    expect(parsed.headers).toEqual(['患者番号', '氏名', '生年月日']);
    expect(parsed.rows).toEqual([['1', '山田　太郎', '1980/1/2']]);
    expect(parsed.firstRowNumber).toBe(3);
    expect(parsed.mapping).toMatchObject({ patientNo: 0, name: 1, birthDate: 2, kana: null });
  });

  it('handles quoted commas, quotes and line breaks, and keeps blank lines as blank rows', () => {
    const parsed = parseRosterCsv(
      '患者番号,氏名,住所\n1,"山田, 太郎","東京都\n千代田区 ""本町"""\n\n   \n2,佐藤,\n'
    );
    expect(parsed.rows).toEqual([
      ['1', '山田, 太郎', '東京都\n千代田区 "本町"'],
      [''],
      ['   '],
      ['2', '佐藤', '']
    ]);
    expect(parsed.firstRowNumber).toBe(2);
  });

  it('numbers rows after blank lines as the file does', () => {
    const text = [
      '患者番号,氏名,生年月日', // line 1
      '1001,山田　太郎,1980/1/2', // 2
      '', // 3
      ',名無し,1980/1/1', // 4
      '', // 5
      ' , ,', // 6: only spaces and commas
      '1003,佐藤　花子,不明', // 7
      '1004,鈴木　一郎,1975-04-01', // 8
      '',
      ''
    ].join('\r\n');
    const parsed = parseRosterCsv(text);
    expect(parsed.rows).toHaveLength(7); // blank lines at the end are not rows
    const result = importRows(parsed.rows, parsed.mapping, { firstRowNumber: parsed.firstRowNumber });
    expect(result.patients.map((p) => p.patientNo)).toEqual(['1001', '1004']);
    expect(result.rejected.map((r) => [r.rowNumber, r.reason.key])).toEqual([
      [4, 'patients.error.patientNoMissing'],
      [7, 'patients.error.birthDateFormat']
    ]);
  });

  it('numbers rows after blank lines above the header too, and looks past them for it', () => {
    const text = '\n\n患者一覧\n\n患者番号,氏名,生年月日\n\n1,,1980/1/2\n';
    const parsed = parseRosterCsv(text);
    expect(parsed.headers).toEqual(['患者番号', '氏名', '生年月日']);
    expect(parsed.firstRowNumber).toBe(6);
    const result = importRows(parsed.rows, parsed.mapping, { firstRowNumber: parsed.firstRowNumber });
    expect(result.rejected.map((r) => r.rowNumber)).toEqual([7]);
  });

  it('guesses the delimiter as before when blank lines are many', () => {
    const parsed = parseRosterCsv('患者番号\t氏名\t生年月日\n\n\n\n\n1\t山田\tS55.1.2\n');
    expect(parsed.headers).toEqual(['患者番号', '氏名', '生年月日']);
    expect(parsed.rows.at(-1)).toEqual(['1', '山田', 'S55.1.2']);
  });

  it('has no rows when below the header there are only blank lines', () => {
    expect(parseRosterCsv('患者番号,氏名\r\n\r\n  \r\n')).toMatchObject({
      headers: ['患者番号', '氏名'],
      rows: []
    });
  });

  it('reads tab-separated exports', () => {
    const parsed = parseRosterCsv('患者番号\t氏名\t生年月日\n1\t山田\tS55.1.2\n');
    expect(parsed.headers).toEqual(['患者番号', '氏名', '生年月日']);
    expect(parsed.rows[0]).toEqual(['1', '山田', 'S55.1.2']);
  });

  it('returns no rows for an empty file', () => {
    expect(parseRosterCsv('')).toMatchObject({ headers: [], rows: [] });
  });
});

const HEADERS = [
  '患者番号',
  '氏名',
  'フリガナ',
  '生年月日',
  '性別',
  '保険者番号',
  '記号',
  '番号',
  '枝番',
  '負担割合',
  '住所',
  '電話番号',
  'アレルギー'
];
const mapping = guessMapping(HEADERS);
const row = (overrides: Partial<Record<string, string>> = {}) => {
  const base: Record<string, string> = {
    患者番号: '1001',
    氏名: '山田　太郎',
    フリガナ: 'ヤマダ　タロウ',
    生年月日: '1980/01/02',
    性別: '男',
    保険者番号: '01130012',
    記号: '12345678',
    番号: '42',
    枝番: '00',
    負担割合: '3割',
    住所: '東京都千代田区本町1丁目2番3号',
    電話番号: '03-0000-0000',
    アレルギー: ''
  };
  const merged = { ...base, ...overrides };
  return HEADERS.map((h) => merged[h] ?? '');
};

describe('importRows', () => {
  it('turns a good row into a patient with a deterministic id', () => {
    const result = importRows([row()], mapping);
    expect(result).toEqual({
      patients: [
        {
          id: 'p:1001',
          patientNo: '1001',
          name: '山田\u3000太郎',
          kana: 'ヤマダ\u3000タロウ',
          birthDate: '1980-01-02',
          sex: 'M',
          insurerNo: '01130012',
          cardSymbol: '12345678',
          cardNumber: '42',
          branch: '00',
          copayRate: 3,
          address: '東京都千代田区本町1丁目2番3号',
          phone: '03-0000-0000',
          allergies: ''
        }
      ],
      rejected: [],
      warnings: []
    });
  });

  it('trims and normalises: widths, kana, 和暦, sex codes, copay spellings, 枝番', () => {
    const [p] = importRows(
      [
        row({
          患者番号: ' ０１２３ ',
          氏名: ' 髙橋  一郎 ',
          フリガナ: 'ﾀｶﾊｼ ｲﾁﾛｳ',
          生年月日: '昭和５５年１月２日',
          性別: '1',
          負担割合: '30%',
          枝番: '1',
          電話番号: '０３－１２３４－５６７８'
        })
      ],
      mapping
    ).patients;
    expect(p).toMatchObject({
      id: 'p:0123',
      patientNo: '0123',
      name: '髙橋\u3000一郎',
      kana: 'タカハシ\u3000イチロウ',
      birthDate: '1980-01-02',
      sex: 'M',
      copayRate: 3,
      branch: '01',
      phone: '03-1234-5678'
    });
  });

  it('converts hiragana フリガナ to katakana', () => {
    expect(importRows([row({ フリガナ: 'やまだ　はなこ' })], mapping).patients[0]!.kana).toBe(
      'ヤマダ\u3000ハナコ'
    );
  });

  it('rejects a row without 患者番号, without 氏名, or with an unreadable birth date — each with its reason', () => {
    const rows = [
      row({ 患者番号: '' }),
      row({ 患者番号: '2', 氏名: '  ' }),
      row({ 患者番号: '3', 生年月日: '' }),
      row({ 患者番号: '4', 生年月日: '1980/02/30' }),
      row({ 患者番号: '5', 生年月日: '平成31年5月1日' }),
      row({ 患者番号: '6', 生年月日: 'きのう' }),
      row({ 患者番号: '7' })
    ];
    const result = importRows(rows, mapping);
    expect(result.patients.map((p) => p.patientNo)).toEqual(['7']);
    expect(result.rejected.map((r) => [r.rowNumber, r.reason.key, r.reason.field])).toEqual([
      [2, 'patients.error.patientNoMissing', 'patientNo'],
      [3, 'patients.error.nameMissing', 'name'],
      [4, 'patients.error.birthDateMissing', 'birthDate'],
      [5, 'patients.error.birthDateImpossible', 'birthDate'],
      [6, 'patients.error.birthDateOutsideEra', 'birthDate'],
      [7, 'patients.error.birthDateFormat', 'birthDate']
    ]);
    expect(result.rejected[0]!.raw).toEqual(rows[0]);
    expect(result.rejected[1]!.reason.values).toEqual({ patientNo: '2' });
  });

  describe('values reception would refuse are flagged per row and field, and the patient is still imported', () => {
    const today = '2025-11-15';
    const flagged = (overrides: Partial<Record<string, string>>) => {
      const result = importRows([row({ 患者番号: '9' }), row(overrides)], mapping, { today });
      expect(result.rejected).toEqual([]);
      expect(result.patients).toHaveLength(2);
      return { patient: result.patients[1]!, warnings: result.warnings };
    };

    it('a birth date in the future or before 1900: kept, flagged', () => {
      const future = flagged({ 生年月日: '2030/01/01' });
      expect(future.patient.birthDate).toBe('2030-01-01');
      expect(future.warnings).toEqual([
        {
          rowNumber: 3,
          reason: {
            key: 'patients.warning.birthDateFuture',
            values: { input: '2030/01/01' },
            field: 'birthDate'
          }
        }
      ]);
      const early = flagged({ 生年月日: '明治20年1月1日' });
      expect(early.patient.birthDate).toBe('1887-01-01');
      expect(early.warnings.map((w) => [w.rowNumber, w.reason.key, w.reason.field])).toEqual([
        [3, 'patients.warning.birthDateTooEarly', 'birthDate']
      ]);
    });

    it('a 1,000-character name: cut to what reception takes, flagged with its length', () => {
      const { patient, warnings } = flagged({ 氏名: '山'.repeat(1000) });
      expect(patient.name).toBe('山'.repeat(NAME_MAX));
      expect(warnings).toEqual([
        {
          rowNumber: 3,
          reason: {
            key: 'patients.warning.nameTooLong',
            values: { length: '1,000', max: NAME_MAX, value: `${'山'.repeat(30)}…` },
            field: 'name'
          }
        }
      ]);
      // Cut between the halves of a surrogate pair, the half is dropped too.
      expect(flagged({ 氏名: `${'山'.repeat(NAME_MAX - 1)}𠮷` }).patient.name).toBe(
        '山'.repeat(NAME_MAX - 1)
      );
    });

    it('kanji in the kana, an impossible phone, a bad 枝番, over-long 記号・番号: kept as written, flagged', () => {
      const { patient, warnings } = flagged({
        フリガナ: 'ヤマダ　太郎',
        電話番号: '電話なし',
        枝番: '123',
        記号: 'A'.repeat(41),
        番号: '9'.repeat(45)
      });
      expect(patient).toMatchObject({ kana: 'ヤマダ\u3000太郎', phone: '電話なし', branch: '123' });
      expect(warnings.map((w) => [w.rowNumber, w.reason.key, w.reason.field])).toEqual([
        [3, 'patients.warning.kanaNotKatakana', 'kana'],
        [3, 'patients.warning.cardSymbolTooLong', 'cardSymbol'],
        [3, 'patients.warning.cardNumberTooLong', 'cardNumber'],
        [3, 'patients.warning.branchInvalid', 'branch'],
        [3, 'patients.warning.phoneInvalid', 'phone']
      ]);
    });

    it('what reception takes raises nothing, and without today no date is judged', () => {
      expect(
        flagged({ 電話番号: '(03) 1234-5678', 枝番: '1', 氏名: '山'.repeat(NAME_MAX) }).warnings
      ).toEqual([]);
      const result = importRows([row({ 生年月日: '2030/01/01' })], mapping);
      expect(result.warnings).toEqual([]);
    });
  });

  it('flags a 患者番号 seen earlier in the file, keeping the first', () => {
    const result = importRows(
      [row(), row({ 氏名: '山田　花子' }), row({ 患者番号: '1002' }), row({ 患者番号: '１００１' })],
      mapping
    );
    expect(result.patients.map((p) => [p.patientNo, p.name])).toEqual([
      ['1001', '山田\u3000太郎'],
      ['1002', '山田\u3000太郎']
    ]);
    expect(result.rejected.map((r) => [r.rowNumber, r.reason])).toEqual([
      [
        3,
        {
          key: 'patients.error.duplicatePatientNo',
          values: { patientNo: '1001', firstRow: 2 },
          field: 'patientNo'
        }
      ],
      [
        5,
        {
          key: 'patients.error.duplicatePatientNo',
          values: { patientNo: '1001', firstRow: 2 },
          field: 'patientNo'
        }
      ]
    ]);
  });

  it('keeps rows with oddities but warns about them', () => {
    const result = importRows(
      [
        row({ 患者番号: '1', 性別: '?' }),
        row({ 患者番号: '2', 負担割合: '4割' }),
        row({ 患者番号: '3', フリガナ: 'Yamada' }),
        row({ 患者番号: '4', 保険者番号: '01130013' }),
        row({ 患者番号: '5', 保険者番号: '1130012' })
      ],
      mapping
    );
    expect(result.rejected).toEqual([]);
    expect(result.patients.map((p) => [p.sex, p.copayRate, p.kana, p.insurerNo])).toEqual([
      ['', 3, 'ヤマダ\u3000タロウ', '01130012'],
      ['M', null, 'ヤマダ\u3000タロウ', '01130012'],
      ['M', 3, 'Yamada', '01130012'],
      ['M', 3, 'ヤマダ\u3000タロウ', '01130013'],
      ['M', 3, 'ヤマダ\u3000タロウ', '01130012']
    ]);
    expect(result.warnings.map((w) => [w.rowNumber, w.reason.key])).toEqual([
      [2, 'patients.warning.sexUnknown'],
      [3, 'patients.warning.copayUnknown'],
      [4, 'patients.warning.kanaNotKatakana'],
      [5, 'patients.error.insurerNoCheckDigit'],
      [6, 'patients.warning.insurerNoZeroRestored']
    ]);
  });

  it('accepts 6-digit 国保 numbers and empty insurance', () => {
    const kokuho = `13101${makeCheckDigit('13101')}`;
    const result = importRows(
      [row({ 患者番号: '1', 保険者番号: kokuho }), row({ 患者番号: '2', 保険者番号: '', 負担割合: '' })],
      mapping
    );
    expect(result.patients.map((p) => [p.insurerNo, p.copayRate])).toEqual([
      [kokuho, 3],
      ['', null]
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('honours a user-edited mapping, with unmapped fields left empty', () => {
    const minimal: ColumnMapping = { ...guessMapping([]), patientNo: 2, name: 0, birthDate: 1 };
    const result = importRows([['佐藤　花子', 'H2.3.4', '77']], minimal, { firstRowNumber: 10 });
    expect(result.patients[0]).toMatchObject({
      id: 'p:77',
      name: '佐藤\u3000花子',
      birthDate: '1990-03-04',
      kana: '',
      sex: '',
      copayRate: null,
      insurerNo: ''
    });
  });

  it('skips empty rows and tolerates short rows', () => {
    const result = importRows(
      [
        ['', ' ', ''],
        ['1', '山田']
      ],
      { ...mapping },
      { firstRowNumber: 2 }
    );
    expect(result.patients).toEqual([]);
    expect(result.rejected).toEqual([
      {
        rowNumber: 3,
        reason: { key: 'patients.error.birthDateMissing', field: 'birthDate' },
        raw: ['1', '山田']
      }
    ]);
  });

  it('numbers rows from firstRowNumber', () => {
    const result = importRows([row({ 患者番号: '' })], mapping, { firstRowNumber: 7 });
    expect(result.rejected[0]!.rowNumber).toBe(7);
  });
});

describe('a whole file, start to finish', () => {
  it.each(['SJIS', 'UTF-8', 'UTF-8-BOM'] as const)(
    'round-trips 2,000 synthetic patients through %s',
    (encoding) => {
      const patients = generatePatients(2000, 31);
      const file = encodeText(
        patientsToCsv(patients, 31, { warekiShare: 0.3, halfWidthKanaShare: 0.1 }),
        encoding
      );
      const roster = read(file);
      expect(roster.encoding).toBe(encoding);
      const result = importRows(roster.rows, roster.mapping, { firstRowNumber: roster.firstRowNumber });
      expect(result.rejected).toEqual([]);
      expect(result.warnings).toEqual([]);
      const expected =
        encoding === 'SJIS'
          ? patients.map((p) => ({ ...p, allergies: p.allergies.replace(/〜/g, '～') }))
          : patients;
      expect(result.patients).toEqual(expected);
    }
  );

  it('imports 50,000 rows (timings printed)', () => {
    const file = rosterCsvBytes(50000, 2025, 'SJIS');
    const t0 = performance.now();
    const text = decoded(file).text;
    const t1 = performance.now();
    const parsed = parseRosterCsv(text);
    const t2 = performance.now();
    const result = importRows(parsed.rows, parsed.mapping, { firstRowNumber: parsed.firstRowNumber });
    const t3 = performance.now();
    const fallback = decodeShiftJis(file, false);
    const t4 = performance.now();
    console.log(
      `[roster import, 50,000 rows, ${(file.length / 1e6).toFixed(1)} MB Shift_JIS] ` +
        `decode ${(t1 - t0).toFixed(0)} ms (encoding-japanese fallback ${(t4 - t3).toFixed(0)} ms), ` +
        `parse ${(t2 - t1).toFixed(0)} ms, importRows ${(t3 - t2).toFixed(0)} ms, total ${(t3 - t0).toFixed(0)} ms`
    );
    expect(fallback).toBe(text);
    expect(result.patients).toHaveLength(50000);
    expect(result.rejected).toEqual([]);
  });
});
