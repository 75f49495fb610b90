// Birth dates in 西暦 and 和暦 (明治〜令和): parsing any common spelling to ISO yyyy-mm-dd, and formatting back.
import { fail, ok, type Problem, type Result } from '../result';
import { toHalfWidthAscii } from './kana';

export type EraName = '明治' | '大正' | '昭和' | '平成' | '令和';

export interface Era {
  name: EraName;
  /** The letter used in short forms such as S55.1.2. */
  letter: 'M' | 'T' | 'S' | 'H' | 'R';
  /** First day of the era (ISO); 元年 is the Gregorian year of this day. */
  start: string;
  /** Last day of the era (ISO), or null for the current one. */
  end: string | null;
  /**
   * The last day the era's name is still accepted, when later than `end`: 大正 and 昭和 began on the day
   * the emperor died, so that day is written in both eras (明治45年7月30日 = 大正元年7月30日, 大正15年12月25日 =
   * 昭和元年12月25日) and registers hold either spelling.
   */
  lastNamed?: string;
}

/** Oldest first. 明治 starts on 明治元年1月1日 as the calendar reform later reckoned it. */
export const ERAS: readonly Era[] = [
  { name: '明治', letter: 'M', start: '1868-01-25', end: '1912-07-29', lastNamed: '1912-07-30' },
  { name: '大正', letter: 'T', start: '1912-07-30', end: '1926-12-24', lastNamed: '1926-12-25' },
  { name: '昭和', letter: 'S', start: '1926-12-25', end: '1989-01-07' },
  { name: '平成', letter: 'H', start: '1989-01-08', end: '2019-04-30' },
  { name: '令和', letter: 'R', start: '2019-05-01', end: null }
];

const ERA_BY_SPELLING = new Map<string, Era>();
for (const era of ERAS) {
  ERA_BY_SPELLING.set(era.name, era);
  ERA_BY_SPELLING.set(era.name[0]!, era); // 昭55.1.2
  ERA_BY_SPELLING.set(era.letter, era);
}
/** Single-character era ligatures: ㍾ ㍽ ㍼ ㍻ ㋿. */
const ERA_LIGATURES: Record<string, EraName> = {
  '\u337e': '明治',
  '\u337d': '大正',
  '\u337c': '昭和',
  '\u337b': '平成',
  '\u32ff': '令和'
};
/** レセプト-style era digit codes (1 明治 … 5 令和), as in 3550102 for 昭和55年1月2日. */
const ERA_BY_DIGIT: Record<string, Era> = {
  '1': ERAS[0]!,
  '2': ERAS[1]!,
  '3': ERAS[2]!,
  '4': ERAS[3]!,
  '5': ERAS[4]!
};

const pad2 = (n: number) => String(n).padStart(2, '0');

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether y-m-d is a day that exists in the Gregorian calendar (no 2月30日, no 13月). */
export function isRealDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Whether a string is exactly yyyy-mm-dd and names a real day. */
export function isRealIsoDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** The era a day falls in, or null before 明治. */
export function eraOf(iso: string): Era | null {
  for (let i = ERAS.length - 1; i >= 0; i--) if (iso >= ERAS[i]!.start) return ERAS[i]!;
  return null;
}

/** 1980-01-02 → 1980年1月2日, for error messages about era bounds. */
const kanjiDate = (iso: string) =>
  `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

export interface ParseDateOptions {
  /** Today (ISO yyyy-mm-dd); when given, a birth date after it is rejected. */
  today?: string;
}

const WESTERN = [
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/, // 1980-01-02, 1980/1/2, 1980.1.2
  /^(\d{4})(\d{2})(\d{2})$/, // 19800102
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/ // 1980年1月2日
];
const ERA_SPELLINGS = '明治|大正|昭和|平成|令和|[明大昭平令]|[MTSHR]';
const WAREKI = [
  new RegExp(`^(${ERA_SPELLINGS})(\\d{1,2}|元)年(\\d{1,2})月(\\d{1,2})日?$`), // 昭和55年1月2日
  new RegExp(`^(${ERA_SPELLINGS})(\\d{1,2}|元)[-/.](\\d{1,2})[-/.](\\d{1,2})$`), // S55.1.2, S55/01/02
  /^([MTSHR])(\d{2})(\d{2})(\d{2})$/ // S550102
];
const ERA_DIGIT_CODE = /^([1-5])(\d{2})(\d{2})(\d{2})$/; // 3550102

/**
 * Read a birth date typed or exported in any common way, 西暦 or 和暦, with 全角 digits, and
 * return it as ISO yyyy-mm-dd. Impossible days, days outside the named era, days before 明治
 * and (given `today`) days in the future are problems, not dates.
 */
export function parseBirthDate(input: string, options: ParseDateOptions = {}): Result<string> {
  const text = cleanDateText(input);
  const field = 'birthDate';
  if (text === '') return fail({ key: 'patients.error.birthDateMissing', field });
  const values = { input: input.trim() };

  let year: number | null = null;
  let month = 0;
  let day = 0;
  let era: Era | null = null;

  for (const pattern of WESTERN) {
    const m = pattern.exec(text);
    if (m) {
      year = Number(m[1]);
      month = Number(m[2]);
      day = Number(m[3]);
      break;
    }
  }
  if (year === null) {
    for (const pattern of WAREKI) {
      const m = pattern.exec(text);
      if (m) {
        era = ERA_BY_SPELLING.get(m[1]!) ?? null;
        year = m[2] === '元' ? 1 : Number(m[2]);
        month = Number(m[3]);
        day = Number(m[4]);
        break;
      }
    }
  }
  if (year === null) {
    const m = ERA_DIGIT_CODE.exec(text);
    if (m) {
      era = ERA_BY_DIGIT[m[1]!]!;
      year = Number(m[2]);
      month = Number(m[3]);
      day = Number(m[4]);
    }
  }
  if (year === null) return fail({ key: 'patients.error.birthDateFormat', values, field });

  if (era) {
    if (year < 1) return fail({ key: 'patients.error.birthDateImpossible', values, field });
    year = Number(era.start.slice(0, 4)) + year - 1;
  }
  if (!isRealDate(year, month, day))
    return fail({ key: 'patients.error.birthDateImpossible', values, field });
  const iso = isoDate(year, month, day);

  const lastNamed = era ? (era.lastNamed ?? era.end) : null;
  if (era && (iso < era.start || (lastNamed !== null && iso > lastNamed))) {
    const problem: Problem = {
      key: 'patients.error.birthDateOutsideEra',
      values: {
        ...values,
        era: era.name,
        first: kanjiDate(era.start),
        last: lastNamed ? kanjiDate(lastNamed) : ''
      },
      field
    };
    return fail(problem);
  }
  if (iso < ERAS[0]!.start) return fail({ key: 'patients.error.birthDateTooEarly', values, field });
  if (options.today !== undefined && iso > options.today)
    return fail({ key: 'patients.error.birthDateFuture', values, field });
  return ok(iso);
}

/** 全角 to 半角, spaces out, era ligatures spelled out, and a spreadsheet's " 0:00:00" dropped. */
function cleanDateText(input: string): string {
  let text = toHalfWidthAscii(input)
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
  text = text.replace(/[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, '');
  text = text.replace(/[\u337b-\u337e\u32ff]/g, (ch) => ERA_LIGATURES[ch] ?? ch);
  return text.replace(/ /g, '').toUpperCase();
}

export interface WarekiParts {
  era: Era;
  year: number;
  month: number;
  day: number;
}

/** 1980-01-02 → 昭和 55 1 2; null for a malformed date or one before 明治. */
export function toWareki(iso: string): WarekiParts | null {
  if (!isRealIsoDate(iso)) return null;
  const era = eraOf(iso);
  if (!era) return null;
  return {
    era,
    year: Number(iso.slice(0, 4)) - Number(era.start.slice(0, 4)) + 1,
    month: Number(iso.slice(5, 7)),
    day: Number(iso.slice(8, 10))
  };
}

export interface FormatWarekiOptions {
  /** Write the first year as 元年 (default, as official documents do) rather than 1年. */
  gannen?: boolean;
}

/** 1980-01-02 → 昭和55年1月2日; 1989-01-08 → 平成元年1月8日. Null when the date cannot be shown in 和暦. */
export function formatWareki(iso: string, options: FormatWarekiOptions = {}): string | null {
  const parts = toWareki(iso);
  if (!parts) return null;
  const year = parts.year === 1 && options.gannen !== false ? '元' : String(parts.year);
  return `${parts.era.name}${year}年${parts.month}月${parts.day}日`;
}

/** 1980-01-02 → S55.1.2, the short form reception writes on paper. */
export function formatWarekiShort(iso: string): string | null {
  const parts = toWareki(iso);
  if (!parts) return null;
  return `${parts.era.letter}${parts.year}.${parts.month}.${parts.day}`;
}
