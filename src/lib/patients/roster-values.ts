// Single roster cell values as EHRs spell them: 性別 (男/女/1/2/M/F), 負担割合 (3割/30%/0.3), 患者番号, 枝番.
import type { CopayRate, Sex } from './model';
import { searchKey, toHalfWidthAscii } from './kana';

const SEX_SPELLINGS: Record<string, Sex> = {
  '': '',
  男: 'M',
  男性: 'M',
  M: 'M',
  MALE: 'M',
  '1': 'M', // JIS X 0303 / レセプト: 1 男
  女: 'F',
  女性: 'F',
  F: 'F',
  FEMALE: 'F',
  '2': 'F', // 2 女
  その他: 'O',
  O: 'O',
  OTHER: 'O',
  X: 'O',
  '9': 'O', // ISO 5218: 9 適用不能
  不明: '',
  '0': '', // 0 不明
  U: '',
  UNKNOWN: ''
};
/** Keyed by searchKey, so width and case differences (ｍ, Ｍ, m) do not matter. */
const SEX_BY_KEY = new Map(
  Object.entries(SEX_SPELLINGS).map(([spelling, sex]) => [searchKey(spelling), sex])
);

/** 性別 from any common spelling; null when the value is not recognised (the caller warns). */
export function parseSex(raw: string): Sex | null {
  return SEX_BY_KEY.get(searchKey(raw)) ?? null;
}

/**
 * 負担割合 from 3割, 30%, 3, 0.3, 30 (all meaning 3割); 0, 0割, なし, '' → null (no copay known).
 * Returns undefined when the value is not recognised (the caller warns).
 */
export function parseCopayRate(raw: string): CopayRate | undefined {
  const text = toHalfWidthAscii(raw).replace(/[\s\u3000]/g, '');
  if (text === '' || text === 'なし' || text === '-') return null;
  const m = /^(\d+(?:\.\d+)?)(割|%|％)?$/.exec(text);
  if (!m) return undefined;
  const value = Number(m[1]);
  const unit = m[2];
  let tenths: number;
  if (unit === '割') tenths = value;
  else if (unit === '%' || unit === '％') tenths = value / 10;
  else if (value > 0 && value < 1)
    tenths = value * 10; // 0.3
  else if (value >= 10)
    tenths = value / 10; // 30
  else tenths = value; // 3
  tenths = Math.round(tenths * 1000) / 1000;
  if (tenths === 0) return null;
  return tenths === 1 || tenths === 2 || tenths === 3 ? tenths : undefined;
}

/** 患者番号 as the EHR gives it, trimmed and in 半角; leading zeros are part of it. */
export function cleanPatientNo(raw: string): string {
  return toHalfWidthAscii(raw).replace(/[\s\u3000]+/g, '');
}

/** 枝番 is two digits; a spreadsheet that read it as a number turns 01 into 1. */
export function cleanBranch(raw: string): string {
  const text = toHalfWidthAscii(raw).replace(/[\s\u3000]+/g, '');
  return /^\d$/.test(text) ? `0${text}` : text;
}

/** 記号・番号 and telephone numbers: 半角, trimmed, inner spaces of either width collapsed to one. */
export function cleanCode(raw: string): string {
  return toHalfWidthAscii(raw)
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
}

/** Free text (住所, アレルギー): trimmed, line breaks and tabs from a quoted cell turned into one space. */
export function cleanText(raw: string): string {
  return raw.replace(/[\r\n\t]+/g, ' ').trim();
}
