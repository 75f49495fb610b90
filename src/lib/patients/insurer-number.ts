// 保険者番号, 公費負担者番号 and 受給者番号: digit counts, prefecture codes and the check digit (検証番号).
import { fail, ok, type Problem, type Result } from '../result';
import type { MessageKey } from '../i18n/keys';
import { toHalfWidthAscii } from './kana';

/**
 * The check digit for a payload of digits: from the right-most payload digit leftwards multiply
 * by 2, 1, 2, 1 …, add up the digits of each product (7×2 = 14 counts 1+4), and take
 * (10 − sum mod 10) mod 10.
 */
export function makeCheckDigit(payload: string): number {
  let sum = 0;
  let weight = 2;
  for (let i = payload.length - 1; i >= 0; i--) {
    const digit = payload.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) throw new RangeError(`makeCheckDigit: not a digit in "${payload}"`);
    const product = digit * weight;
    sum += product > 9 ? product - 9 : product; // digit sum of a two-digit product ≤ 18
    weight = weight === 2 ? 1 : 2;
  }
  return (10 - (sum % 10)) % 10;
}

/** Whether the last digit of an all-digit string is the check digit of the rest. */
export function hasValidCheckDigit(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  return makeCheckDigit(digits.slice(0, -1)) === Number(digits[digits.length - 1]);
}

/** 全角 digits to 半角; spaces and hyphens (as typed from a card: 0113-0012) dropped. */
export function cleanNumber(raw: string): string {
  return toHalfWidthAscii(raw).replace(/[\s\u3000\-‐−ー]/g, '');
}

const isPrefecture = (code: string) => {
  const n = Number(code);
  return n >= 1 && n <= 47;
};

interface NumberRule {
  field: string;
  lengths: readonly number[];
  /** Where the 2-digit prefecture code sits, per length; absent when the number carries none. */
  prefectureAt: Partial<Record<number, number>>;
  digits: MessageKey;
  prefecture: MessageKey;
  check: MessageKey;
}

function validate(raw: string, rule: NumberRule): Result<string> {
  const digits = cleanNumber(raw);
  const field = rule.field;
  if (!/^\d+$/.test(digits) || !rule.lengths.includes(digits.length))
    return fail({ key: rule.digits, values: { input: raw.trim() }, field });
  const at = rule.prefectureAt[digits.length];
  if (at !== undefined && !isPrefecture(digits.slice(at, at + 2)))
    return fail({ key: rule.prefecture, values: { input: digits }, field });
  if (!hasValidCheckDigit(digits)) return fail({ key: rule.check, values: { input: digits }, field });
  return ok(digits);
}

const INSURER: NumberRule = {
  field: 'insurerNo',
  lengths: [6, 8],
  prefectureAt: { 6: 0, 8: 2 },
  digits: 'patients.error.insurerNoDigits',
  prefecture: 'patients.error.insurerNoPrefecture',
  check: 'patients.error.insurerNoCheckDigit'
};

/**
 * 保険者番号: 8 digits (法別番号2 + 都道府県2 + 保険者3 + 検証番号1) or 6 digits for 国民健康保険
 * (都道府県2 + 保険者3 + 検証番号1). Returns the cleaned digits.
 */
export function validateInsurerNo(raw: string): Result<string> {
  return validate(raw, INSURER);
}

/**
 * 法別番号 (the first two digits of an 8-digit 保険者番号) of the medical insurance schemes, as set by
 * MHLW's 保険者番号等の設定要領: 01 協会けんぽ, 02 船員, 03/04 日雇特例, 06 組合, 07 自衛官等,
 * 31–34 共済, 39 後期高齢者医療, 63 and 72–75 特例退職, 67 退職者医療 (国保, still on old records).
 * 国民健康保険 has 6 digits and no 法別番号.
 */
export const INSURANCE_LAW_CODES: ReadonlySet<string> = new Set([
  '01',
  '02',
  '03',
  '04',
  '06',
  '07',
  '31',
  '32',
  '33',
  '34',
  '39',
  '63',
  '67',
  '72',
  '73',
  '74',
  '75'
]);

/**
 * A valid 保険者番号 whose 法別番号 is no medical insurance scheme (a 公費 number typed in the wrong box,
 * or a slip that still passes the check digit): a warning to look again, never a refusal.
 */
export function unknownLawCode(digits: string): Problem | null {
  if (digits.length !== 8 || INSURANCE_LAW_CODES.has(digits.slice(0, 2))) return null;
  return {
    key: 'patients.warning.insurerLawCode',
    values: { input: digits, code: digits.slice(0, 2) },
    field: 'insurerNo'
  };
}

/**
 * A spreadsheet that read 保険者番号 as a number drops its leading zero: 01130012 becomes
 * 1130012 and 国保 013011 becomes 13011. Returns the restored number when exactly that explains
 * the value, else null.
 */
export function restoreInsurerNo(raw: string): string | null {
  const digits = cleanNumber(raw);
  if (!/^\d+$/.test(digits) || (digits.length !== 7 && digits.length !== 5)) return null;
  const restored = `0${digits}`;
  return validateInsurerNo(restored).ok ? restored : null;
}

/** 公費負担者番号: 法別番号2 + 都道府県2 + 実施機関3 + 検証番号1. */
export function validatePublicPayerNo(raw: string): Result<string> {
  return validate(raw, {
    field: 'publicPayerNo',
    lengths: [8],
    prefectureAt: { 8: 2 },
    digits: 'patients.error.publicPayerNoDigits',
    prefecture: 'patients.error.publicPayerNoPrefecture',
    check: 'patients.error.publicPayerNoCheckDigit'
  });
}

/** 受給者番号 longer than 7 digits: a 地方単独 (prefecture or municipal) 公費 may number its recipients so. */
const LOCAL_RECIPIENT_NO = /^\d{8,}$/;

/**
 * 公費の受給者番号: 6 digits + 検証番号 (the last digit). A longer all-digit number is kept as typed, with
 * no check digit rule (地方単独の公費 number as they please); longRecipientNo says so beside the field.
 */
export function validateRecipientNo(raw: string): Result<string> {
  const digits = cleanNumber(raw);
  if (LOCAL_RECIPIENT_NO.test(digits)) return ok(digits);
  return validate(raw, {
    field: 'recipientNo',
    lengths: [7],
    prefectureAt: {},
    digits: 'patients.error.recipientNoDigits',
    prefecture: 'patients.error.recipientNoDigits',
    check: 'patients.error.recipientNoCheckDigit'
  });
}

/**
 * A 受給者番号 of more than 7 digits: right for a 地方単独 公費, a slip for a national one. A warning to
 * look again, never a refusal (as unknownLawCode for a 保険者番号).
 */
export function longRecipientNo(digits: string): Problem | null {
  if (!LOCAL_RECIPIENT_NO.test(digits)) return null;
  return {
    key: 'patients.warning.recipientNoLength',
    values: { input: digits, n: digits.length },
    field: 'recipientNo'
  };
}
