// The 院外処方箋's data for the pharmacy's scanner: JAHIS 院外処方せん2次元シンボル記録条件規約 records
// (CSV lines, CRLF), their CP932 bytes, and the split into QR symbols joined by structured append.
import Encoding from 'encoding-japanese';
import { lastValidDay, writtenLines, type RxLine, type RxSheet } from './model';

/** The version record this builder writes (JAHIS 院外処方せん2次元シンボル記録条件規約 Ver.1.10). */
export const JAHIS_RX_VERSION = 'JAHIS10';

/** Record 12: 男 1, 女 2; other or unknown is left out (the field has no code for it). */
const SEX_CODE = { M: '1', F: '2' } as const;
/** Record 21 保険種別. */
const INSURANCE_TYPE_CODE = { shaho: '1', kokuho: '2', kouki: '7' } as const;
/** Record 23 被保険者/被扶養者. */
const RELATION_CODE = { insured: '1', dependent: '2' } as const;
/** Records 27, 28, 29: 第一, 第二, 第三公費 (the 特殊公費 record 30 is not written). */
const PUBLIC_RECORDS = [27, 28, 29];

/** 'YYYY-MM-DD' → 'YYYYMMDD', the JAHIS date. */
const ymd = (iso: string) => iso.replaceAll('-', '');

/**
 * A field as CSV may hold it: the separator and line breaks cannot appear inside a field (the format has
 * no quoting), so a comma becomes the full-width ，and breaks become spaces.
 */
export function field(value: string): string {
  return value
    .replace(/\r\n|\r|\n/g, ' ')
    .replaceAll(',', '，')
    .trim();
}

const record = (no: number, ...fields: (string | number)[]) =>
  [String(no), ...fields.map((f) => field(String(f)))].join(',');

/** Half-width katakana for the カナ氏名 fields, as the scanners' fixtures print them. */
function halfKana(kana: string): string {
  return Encoding.toHankanaCase(Encoding.toHankakuCase(kana)).replace(/\u3000/g, ' ');
}

/** A written dose split into its amount and unit: '3錠' → 3 / 錠; text without a leading number stays the unit. */
export function doseParts(dose: string): { amount: string; unit: string } {
  const text = dose.normalize('NFKC').trim();
  const m = /^(\d+(?:\.\d+)?)\s*(.*)$/.exec(text);
  return m ? { amount: m[1] ?? '', unit: m[2] ?? '' } : { amount: '', unit: text };
}

/** 剤形区分 of record 101: 頓服 2 when the usage says so, 内服 1 when days are given, else 不明 9. */
function formCode(line: RxLine): string {
  if (/頓服|頓用|時$/.test(line.usage.trim())) return '2';
  return /\d/.test(line.days.normalize('NFKC')) ? '1' : '9';
}

/**
 * The records of one sheet, in the order the 規約 sets: 医療機関, 医師, 患者, 保険, 処方箋管理 (交付年月日,
 * 使用期限), 備考, then one RP per written line (剤形 101, 用法 111, 薬品 201, 薬品補足 281). Free text stands
 * where a code would be (コードなし), because the masters are on the EHR that has stopped.
 */
export function rxRecords(sheet: RxSheet): string[] {
  const code = sheet.clinic.code.replace(/\D/g, '');
  const out: string[] = [JAHIS_RX_VERSION];
  // 医療機関コード: 都道府県 (2), 点数表 (1: 医科), 医療機関 (7).
  out.push(record(1, code.slice(2, 3), code.slice(3), code.slice(0, 2), sheet.clinic.name));
  out.push(record(2, '', sheet.clinic.address));
  out.push(record(3, sheet.clinic.phone, '', ''));
  if (sheet.department.trim()) out.push(record(4, '1', '', sheet.department));
  out.push(record(5, '', '', sheet.doctor));
  const p = sheet.patient;
  out.push(record(11, p.id, p.name, halfKana(p.kana)));
  if (p.sex === 'M' || p.sex === 'F') out.push(record(12, SEX_CODE[p.sex]));
  out.push(record(13, ymd(p.birthDate)));
  const ins = sheet.insurance;
  if (ins.type) out.push(record(21, INSURANCE_TYPE_CODE[ins.type]));
  if (ins.insurerNo.trim()) {
    out.push(record(22, ins.insurerNo.trim()));
    out.push(record(23, ins.symbol, ins.number, ins.relation ? RELATION_CODE[ins.relation] : '', ins.branch));
  }
  ins.publics
    .filter((pub) => pub.payerNo.trim() !== '')
    .slice(0, PUBLIC_RECORDS.length)
    .forEach((pub, i) => out.push(record(PUBLIC_RECORDS[i] ?? 0, pub.payerNo, pub.recipientNo)));
  out.push(record(51, ymd(sheet.issuedOn)));
  // 使用期限 only when it differs from the usual four days.
  if (sheet.validUntil && sheet.validUntil !== lastValidDay({ issuedOn: sheet.issuedOn, validUntil: '' }))
    out.push(record(52, ymd(sheet.validUntil)));
  remarkLines(sheet).forEach((text, i) => out.push(record(81, i + 1, '', text)));
  writtenLines(sheet.lines).forEach((line, i) => {
    const rp = i + 1;
    const { amount, unit } = doseParts(line.dose);
    const days = line.days.normalize('NFKC').replace(/[^\d]/g, '');
    out.push(record(101, rp, formCode(line), '', days));
    out.push(record(111, rp, '1', '', line.usage, ''));
    const name = [line.drug, line.strength]
      .map((s) => s.trim())
      .filter(Boolean)
      .join(' ');
    out.push(record(201, rp, 1, '1', '1', '', name, amount, '1', unit));
    let extra = 0;
    if (line.noChange) out.push(record(281, rp, 1, ++extra, '3', '後発品変更不可', ''));
    if (line.patientWish) out.push(record(281, rp, 1, ++extra, '', '患者希望', ''));
  });
  return out;
}

/** 備考 as printed: the doctor's own text, then リフィル and 分割 in words (see README for why). */
export function remarkLines(sheet: Pick<RxSheet, 'refills' | 'splitParts' | 'remarks'>): string[] {
  const lines: string[] = [];
  if (sheet.refills > 1) lines.push(`リフィル可 ${sheet.refills}回`);
  if (sheet.splitParts > 1) lines.push(`分割指示 ${sheet.splitParts}回`);
  for (const line of sheet.remarks.split(/\r\n|\r|\n/)) if (line.trim()) lines.push(line.trim());
  return lines;
}

/** The whole data as text: records joined by CRLF, ending with one. */
export function rxText(sheet: RxSheet): string {
  return rxRecords(sheet).join('\r\n') + '\r\n';
}

export interface Cp932Bytes {
  bytes: Uint8Array;
  /** Characters CP932 cannot hold; written as 〓 (never a silent '?'). */
  missing: string[];
}

const GETA = [0x81, 0xac]; // 〓

/** CP932 bytes of the text, the NEC and IBM extensions (①, ㎎, 髙) included. */
export function toCp932(text: string): Cp932Bytes {
  const out: number[] = [];
  const missing = new Set<string>();
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const bytes = Encoding.convert(Encoding.stringToCode(ch), { to: 'SJIS', from: 'UNICODE' });
    const back = Encoding.codeToString(Encoding.convert(bytes, { to: 'UNICODE', from: 'SJIS' }));
    if (back === ch) out.push(...bytes);
    else {
      missing.add(ch);
      out.push(...GETA);
    }
  }
  return { bytes: Uint8Array.from(out), missing: [...missing] };
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
