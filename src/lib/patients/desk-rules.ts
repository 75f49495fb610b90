// What reception's arrival form accepts in a patient's own fields: the one set of rules the desk and the roster import share.
import { isPhoneNumber } from '../values';

/** 氏名: at most this many characters (after spaces are normalised). */
export const NAME_MAX = 60;

/** 被保険者証の記号・番号: at most this many characters each. */
export const CARD_CODE_MAX = 40;

/** Birth dates before this are typos, not patients. */
export const EARLIEST_BIRTH_DATE = '1900-01-01';

/** A telephone number as cleaned by cleanCode: digits, hyphens, brackets, spaces and +, 6 to 20 of them; '' is fine. */
export function isDeskPhone(phone: string): boolean {
  return phone === '' || isPhoneNumber(phone);
}

/** 枝番 as cleaned by cleanBranch: two digits; '' is fine. */
export function isDeskBranch(branch: string): boolean {
  return branch === '' || /^\d{2}$/.test(branch);
}

/** Where a birth date (ISO) stands against what the desk accepts on `today` (ISO). */
export function birthDateRange(iso: string, today: string): 'future' | 'tooEarly' | 'ok' {
  if (iso > today) return 'future';
  if (iso < EARLIEST_BIRTH_DATE) return 'tooEarly';
  return 'ok';
}

/** Cut text to `max` characters without leaving half of a surrogate pair at the end. */
export function cutTo(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}
