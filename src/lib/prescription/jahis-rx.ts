// The 院外処方箋's data for the pharmacy's scanner: JAHIS 院外処方箋２次元シンボル記録条件規約 records
// (CSV lines, CRLF), their Shift_JIS bytes, and the split into QR symbols joined by structured append.
// Tables cited are those of Ver.1.10 (JAHIS 技術文書 24-103); Ver.1.9 (24-102) lays the records out the same.
import Encoding from 'encoding-japanese';
import { jisChunks, jisText } from './jis';
import { lastValidDay, writtenLines, type RxLine, type RxSheet } from './model';
import {
  dispensingCount,
  formCode,
  rxDose,
  drugName,
  halfKana,
  partialClass,
  REMARK_BYTES,
  USAGE_BYTES
} from './rx-fields';

/** The version record this builder writes (JAHIS 院外処方箋２次元シンボル記録条件規約 Ver.1.10). */
export const JAHIS_RX_VERSION = 'JAHIS10';

/** Record 12 (表 3-14): 男 1, 女 2, nothing else; model.ts refuses a sheet without one of them. */
const SEX_CODE = { M: '1', F: '2' } as const;
/** Record 21 保険種別. */
const INSURANCE_TYPE_CODE = { shaho: '1', kokuho: '2', kouki: '7' } as const;
/** Record 23 被保険者/被扶養者. */
const RELATION_CODE = { insured: '1', dependent: '2' } as const;
/** Records 27, 28, 29: 第一, 第二, 第三公費 (the 特殊公費 record 30 is not written). */
const PUBLIC_RECORDS = [27, 28, 29];
/** Record 81 備考種別 (表 3-33): 3 分割; the doctor's own remarks leave it out (不明). */
const REMARK_SPLIT = '3';
/** Record 181 用法補足区分 (表 3-38): 5 用法の続き. */
const USAGE_CONTINUED = '5';
/** Record 281 薬品補足区分 (表 3-44): 3 後発品変更不可, 8 先発医薬品患者希望. */
const DRUG_NO_CHANGE = '3';
const DRUG_PATIENT_WISH = '8';

/** 'YYYY-MM-DD' → 'YYYYMMDD', the JAHIS date. */
const ymd = (iso: string) => iso.replaceAll('-', '');

/**
 * A field as the 規約 lets it be written (表 3-4): only JIS X 0201/0208 characters (see jis.ts: ① → 1, 髙 → ■),
 * no separator or line break inside (the format has no quoting: a comma becomes the full-width ，, breaks and
 * tabs a space), and no space at either end.
 */
export function field(value: string): string {
  return jisText(value.replace(/[\t\r\n]+/g, ' '))
    .text.replaceAll(',', '，')
    .trim();
}

const record = (no: number, ...fields: (string | number)[]) =>
  [String(no), ...fields.map((f) => field(String(f)))].join(',');

/** 被保険者証枝番 (表 3-19, X2): one digit gets a leading 0. */
function branchNo(branch: string): string {
  const text = branch.normalize('NFKC').trim();
  return /^\d$/.test(text) ? `0${text}` : text;
}

/**
 * The records of one sheet, in the order 表 3-5 sets (each group by record number): version, 医療機関/医師,
 * 患者, 保険, 公費, 処方箋 (交付年月日, 使用期限, リフィル), 備考, then one RP per written line (剤形 101,
 * 用法 111, 用法の続き 181, 薬品 201, 薬品補足 281). Free text stands where a code would be (コードなし),
 * because the masters are on the EHR that has stopped. Nothing the printed sheet does not show is written
 * (前提条件: 院外処方箋に記載されていない情報をデータに含めない), so no 患者コード and no 診療科.
 */
export function rxRecords(sheet: RxSheet): string[] {
  const code = sheet.clinic.code.replace(/\D/g, '');
  const out: string[] = [JAHIS_RX_VERSION];
  // 医療機関コード: 都道府県 (2), 点数表 (1: 医科), 医療機関 (7).
  out.push(record(1, code.slice(2, 3), code.slice(3), code.slice(0, 2), sheet.clinic.name));
  out.push(record(2, '', sheet.clinic.address));
  // 表 3-10: 電話番号 is required within the record, so no phone means no record (表 3-4 レコードの省略).
  if (sheet.clinic.phone.trim()) out.push(record(3, sheet.clinic.phone, '', ''));
  out.push(record(5, '', '', sheet.doctor));
  const p = sheet.patient;
  out.push(record(11, '', p.name, halfKana(p.kana)));
  if (p.sex === 'M' || p.sex === 'F') out.push(record(12, SEX_CODE[p.sex]));
  out.push(record(13, ymd(p.birthDate)));
  const ins = sheet.insurance;
  const insured = ins.insurerNo.trim() !== '';
  // 一部負担金区分: ６歳未満, 高齢受給者 and 後期高齢者 (model.ts refuses a sheet whose class is unknown).
  const partial = partialClass(sheet);
  if (partial) out.push(record(14, partial));
  if (ins.type) out.push(record(21, INSURANCE_TYPE_CODE[ins.type]));
  // 表 3-18: always written; empty for 公費単独 and 自費 (「省略(自費等) 22,」).
  out.push(record(22, ins.insurerNo.trim()));
  if (insured)
    out.push(
      record(
        23,
        ins.symbol,
        ins.number,
        ins.relation ? RELATION_CODE[ins.relation] : '',
        branchNo(ins.branch)
      )
    );
  ins.publics
    .filter((pub) => pub.payerNo.trim() !== '')
    .slice(0, PUBLIC_RECORDS.length)
    .forEach((pub, i) => out.push(record(PUBLIC_RECORDS[i] ?? 0, pub.payerNo, pub.recipientNo)));
  out.push(record(51, ymd(sheet.issuedOn)));
  // 使用期限 only when it differs from the usual four days.
  if (sheet.validUntil && sheet.validUntil !== lastValidDay({ issuedOn: sheet.issuedOn, validUntil: '' }))
    out.push(record(52, ymd(sheet.validUntil)));
  // §3.2.8(2): a refill sheet must carry record 64 (総使用回数), any other must not.
  if (sheet.refills > 1) out.push(record(64, sheet.refills));
  remarkRecords(sheet).forEach(([kind, text], i) => out.push(record(81, i + 1, kind, text)));
  writtenLines(sheet.lines).forEach((line, i) => out.push(...rpRecords(line, i + 1)));
  return out;
}

/**
 * One RP: 101 剤形 with 調剤数量, 111 用法 (what does not fit its N50 goes on in 181 用法の続き), 201 薬品,
 * then 281 for 変更不可 and 患者希望. model.ts refuses a sheet whose dose, days or usage cannot be written
 * this way, so the fallbacks here (an empty 用量) are never printed.
 */
function rpRecords(line: RxLine, rp: number): string[] {
  const out = [record(101, rp, formCode(line), '', dispensingCount(line.days) ?? '')];
  const [usage = '', ...more] = jisChunks(field(line.usage), USAGE_BYTES);
  out.push(record(111, rp, '1', '', usage, ''));
  more.forEach((text, i) => out.push(record(181, rp, i + 1, USAGE_CONTINUED, text, '', '')));
  const read = rxDose(line);
  const dose = read.ok ? read : { amount: '', unit: '' };
  out.push(record(201, rp, 1, '1', '1', '', drugName(line), dose.amount, '1', dose.unit));
  let extra = 0;
  if (line.noChange) out.push(record(281, rp, 1, ++extra, DRUG_NO_CHANGE, '後発品変更不可', ''));
  if (line.patientWish) out.push(record(281, rp, 1, ++extra, DRUG_PATIENT_WISH, '先発医薬品患者希望', ''));
  return out;
}

/**
 * The 81 records' 備考種別 and text, as the 備考 box prints them: 分割 (種別 3, 表 3-46: on 様式第二号 the split is
 * a remark, records 63 and 102 are for 様式第二号の二 only), then the doctor's remarks line by line, each cut
 * into pieces of the 50 characters one record holds. リフィル is record 64, not a remark.
 */
export function remarkRecords(sheet: Pick<RxSheet, 'splitParts' | 'remarks'>): [string, string][] {
  const out: [string, string][] = [];
  if (sheet.splitParts > 1) out.push([REMARK_SPLIT, splitRemark(sheet.splitParts)]);
  for (const line of sheet.remarks.split(/\r\n|\r|\n/))
    for (const piece of jisChunks(field(line), REMARK_BYTES)) out.push(['', piece]);
  return out;
}

/** The 分割 words the 備考 box prints (paper/printouts/prescription.ts). */
export const splitRemark = (parts: number) => `分割指示：${parts}回に分割して調剤`;

/** The whole data as text: records joined by CRLF, ending with one. */
export function rxText(sheet: RxSheet): string {
  return rxRecords(sheet).join('\r\n') + '\r\n';
}

export interface Cp932Bytes {
  bytes: Uint8Array;
  /** Characters outside JIS X 0201/0208 with no compatibility form there; written as ■ (表 3-4). */
  missing: string[];
}

/**
 * Shift_JIS bytes of the text (CP932 is Shift_JIS plus extensions the 規約 does not allow): every character is
 * first made one the symbol may hold (jis.ts), so the NEC and IBM extensions (①, ㎎, 髙) never appear.
 */
export function toCp932(text: string): Cp932Bytes {
  const { text: jis, replaced } = jisText(text);
  const bytes = Encoding.convert(Encoding.stringToCode(jis), { to: 'SJIS', from: 'UNICODE' });
  return { bytes: Uint8Array.from(bytes), missing: replaced };
}

/** Text back from CP932 bytes (what a pharmacy's reader sees). */
export function fromCp932(bytes: Uint8Array): string {
  return Encoding.codeToString(Encoding.convert(bytes, { to: 'UNICODE', from: 'SJIS' }));
}

/** One QR symbol's share of the data, with its structured-append header values. */
export interface RxSymbol {
  bytes: Uint8Array;
  /** 0-based position in the set. */
  index: number;
  total: number;
  /** XOR of every byte of the whole data: the same in each symbol of a set. */
  parity: number;
}

/** Bytes per symbol: QR version 22 at level M holds 779; a little less keeps the modules large enough to scan. */
export const SYMBOL_BYTES = 700;
/** Structured append numbers a set with 4 bits: 16 symbols at most. */
export const MAX_SYMBOLS = 16;

/**
 * The data cut into symbols at record boundaries (a record is never split, so no two-byte character is
 * either), each at most `limit` bytes; a single symbol needs no structured-append header (total 1).
 */
export function splitSymbols(bytes: Uint8Array, limit = SYMBOL_BYTES): RxSymbol[] | null {
  let parity = 0;
  for (const b of bytes) parity ^= b;
  const ends: number[] = [];
  bytes.forEach((b, i) => {
    if (b === 0x0a) ends.push(i + 1);
  });
  if (ends.at(-1) !== bytes.length) ends.push(bytes.length);
  const parts: Uint8Array[] = [];
  let start = 0;
  let cut = 0;
  for (const end of ends) {
    if (end - start > limit) {
      if (cut === start) return null; // one record longer than a symbol
      parts.push(bytes.subarray(start, cut));
      start = cut;
      if (end - start > limit) return null;
    }
    cut = end;
  }
  if (start < bytes.length) parts.push(bytes.subarray(start));
  if (parts.length > MAX_SYMBOLS) return null;
  return parts.map((part, index) => ({ bytes: part, index, total: parts.length, parity }));
}
