// The sheet's free text read into the JAHIS fields that need a set form (JAHIS 院外処方箋２次元シンボル記録条件規約
// Ver.1.10, 表 3-35 調剤数量, 表 3-39 用量/単位名), and the field lengths the 規約 sets. Shared by the records
// (jahis-rx.ts) and the rule that refuses a sheet (model.ts): a sheet is refused rather than encoded with a guess.
import Encoding from 'encoding-japanese';
import { jisBytes } from './jis';
import type { RxLine } from './model';

/** 薬品名称 N40 (80 bytes): the drug's name and strength as printed, in one field. */
export const DRUG_NAME_BYTES = 80;
/** 用法名称 N50 (100 bytes); the rest goes on in 用法補足 (区分 5 用法の続き), also N50. */
export const USAGE_BYTES = 100;
/** 備考 N50 (100 bytes) per 81 record; a longer remark takes several. */
export const REMARK_BYTES = 100;
/** 単位名 N6 (12 bytes). */
const UNIT_BYTES = 12;

/** Half-width katakana for the カナ氏名 fields (X: one byte each), as the scanners' fixtures print them. */
export function halfKana(kana: string): string {
  return Encoding.toHankanaCase(Encoding.toHankakuCase(kana)).replace(/\u3000/g, ' ');
}

/** The name record 201 writes: drug and strength, as the sheet prints them. */
export function drugName(line: Pick<RxLine, 'drug' | 'strength'>): string {
  return [line.drug, line.strength]
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' ');
}

/**
 * A dose of the plain form `<number><unit>` ('3錠', '0.5 g', '２５ｇ') as 用量 and 単位名, the number written
 * as 表 3-39 sets it (at most 6 integer and 5 decimal digits, no leading or trailing zeros). Any other text
 * ('1日2回 1回1錠', '適量', '1/2錠') is null: reading an amount out of it could give the pharmacy a wrong one.
 */
export function doseParts(dose: string): { amount: string; unit: string } | null {
  const m = /^(\d{1,6})(?:\.(\d{1,5}))?\s*([^\d\s.,/]+)$/.exec(dose.normalize('NFKC').trim());
  if (!m) return null;
  const unit = m[3] ?? '';
  if (jisBytes(unit) > UNIT_BYTES) return null;
  return { amount: decimal(Number(`${m[1]}.${m[2] ?? '0'}`)), unit };
}

/** A number as 表 3-39 writes it: no leading or trailing zeros, at most 5 decimals. */
const decimal = (n: number) => String(Number(n.toFixed(5)));

/**
 * Words that make a line 頓服 (as needed): 頓服/頓用, 「…まで」 (a most per day), 必要時, or a condition ending in
 * 時 (疼痛時, 発熱時（38.5℃以上）, 頭痛時に) — but 就寝時 and 起床時 are times of a daily 内服.
 */
const AS_NEEDED = /頓服|頓用|まで|必要時|(?<!就寝|起床)時(?:に|[\s(（]|$)/;

/**
 * 剤形区分 of record 101: 頓服 2 when the usage says so or the count is in times ('5回'), 内服 1 when days are
 * given, else 不明 9.
 */
export function formCode(line: Pick<RxLine, 'usage' | 'days'>): '1' | '2' | '9' {
  const days = line.days.normalize('NFKC').trim();
  if (AS_NEEDED.test(line.usage.normalize('NFKC').trim()) || /回/.test(days)) return '2';
  return /\d/.test(days) ? '1' : '9';
}

/**
 * How many times a day the 用法 says ('1日3回 毎食後', '分3'); null when it does not say. A 分 after a number
 * is minutes ('食後30分 2錠'), not a division.
 */
export function timesPerDay(usage: string): number | null {
  const text = usage.normalize('NFKC');
  const m = /1日\s*(\d{1,2})\s*回/.exec(text) ?? /(?<!\d\s*)分\s*(\d{1,2})(?!\d)/.exec(text);
  const n = m ? Number(m[1]) : 0;
  return n > 0 ? n : null;
}

/** What the 用量 of a line is read as for record 201 (表 3-39), or why it cannot be. */
export type RxDose =
  | {
      ok: true;
      amount: string;
      unit: string;
      /** For an 内服 line: its 1日量 as the symbol carries it ('3錠'), said beside the memo's field. */
      perDay?: string;
      /** Typed as a 1回量 ('1回1錠'): the sheet prints the 1日量 beside it. */
      perDose?: boolean;
    }
  | { ok: false; reason: 'form' | 'times' | 'days' };

/**
 * 用量 of record 201 as 表 3-39 asks it: for 内服 the 1日量 (the pharmacy's system multiplies it by the days).
 * A plain amount ('3錠', or '1日3錠') is the 1日量, as the dose written on an 内服 line of a paper 処方箋 is;
 * '1回1錠' is a 1回量, multiplied by the times a day the 用法 says ('1日3回', '分3') — without those it is
 * refused, never guessed. For 頓服 the amount is the 1回量, as written ('1回1錠' → 1錠); a line with no days
 * or times has its whole amount as 用量, so a 1回量 there is refused.
 */
export function rxDose(line: Pick<RxLine, 'dose' | 'usage' | 'days'>): RxDose {
  const text = line.dose.normalize('NFKC').trim();
  const prefix = /^1(回|日)(?:量)?\s*/.exec(text);
  const parts = doseParts(prefix ? text.slice(prefix[0].length) : text);
  if (!parts) return { ok: false, reason: 'form' };
  const form = formCode(line);
  if (prefix?.[1] === '日' && form !== '1') return { ok: false, reason: 'form' };
  // A 1回量 with neither days nor times: the sheet would say it is the whole amount (調剤数量 1).
  if (prefix?.[1] === '回' && form === '9') return { ok: false, reason: 'days' };
  if (form !== '1') return { ok: true, ...parts };
  if (prefix?.[1] !== '回') return { ok: true, ...parts, perDay: `${parts.amount}${parts.unit}` };
  const times = timesPerDay(line.usage);
  if (!times) return { ok: false, reason: 'times' };
  const amount = decimal(Number(parts.amount) * times);
  if (!/^\d{1,6}(\.\d{1,5})?$/.test(amount)) return { ok: false, reason: 'form' };
  return { ok: true, amount, unit: parts.unit, perDay: `${amount}${parts.unit}`, perDose: true };
}

/** The dose as the sheet prints it: as typed, with the 1日量 beside a 1回量 of an 内服 line ('1回1錠（1日3錠）'). */
export function printedDose(line: Pick<RxLine, 'dose' | 'usage' | 'days'>): string {
  const dose = rxDose(line);
  return dose.ok && dose.perDose ? `${line.dose.trim()}（1日${dose.perDay}）` : line.dose.trim();
}

/**
 * 調剤数量 of record 101 (9, 3 digits): the days or times written ('14', '14日分', '5回'), or 1 when none is
 * written, the dose being the total (表 3-35: 総量を記録する場合は調剤数量に必ず１). Other text is null.
 */
export function dispensingCount(days: string): string | null {
  const text = days.normalize('NFKC').trim();
  if (!text) return '1';
  const m = /^(\d{1,3})\s*(?:日分|日|回分|回)?$/.exec(text);
  return m && Number(m[1]) > 0 ? String(Number(m[1])) : null;
}

/**
 * The day a person born on `birthDate` ('YYYY-MM-DD') reaches `years` of age: the day before that birthday,
 * by 年齢計算ニ関スル法律. Null for a date that cannot be read.
 */
function dayReaching(birthDate: string, years: number): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  return m ? new Date(Date.UTC(Number(m[1]) + years, Number(m[2]) - 1, Number(m[3]) - 1)) : null;
}

/**
 * 義務教育就学前 on a day: the 一部負担 class 表 3-16 calls ６歳未満 (code 3), which is 2割 until the first 31 March
 * on or after the day the child reaches six (the day before the sixth birthday, by 年齢計算ニ関スル法律).
 */
export function preschoolOn(birthDate: string, on: string): boolean {
  const reaches = dayReaching(birthDate, 6);
  if (!reaches) return false;
  const year = reaches.getUTCFullYear() + (reaches.getUTCMonth() + 1 > 3 ? 1 : 0);
  return on <= `${year}-03-31`;
}

/**
 * 高齢受給者 on a day: from the first day of the month after the day the patient reaches 70 (the day before
 * the 70th birthday), so someone born on the 1st is one from the 1st of the birthday's month.
 */
export function elderlyOn(birthDate: string, on: string): boolean {
  const reaches = dayReaching(birthDate, 70);
  if (!reaches) return false;
  const from = new Date(Date.UTC(reaches.getUTCFullYear(), reaches.getUTCMonth() + 1, 1));
  return on >= from.toISOString().slice(0, 10);
}

/** What record 14 needs to know of a sheet. */
export interface PartialClassInput {
  patient: { birthDate: string };
  issuedOn: string;
  insurance: { type: string; insurerNo: string; copay: '1' | '2' | '3' | '' };
}

/**
 * Record 14 一部負担金区分 (JAHIS 表 3-16): 3 ６歳未満 (義務教育就学前); for 70歳以上 (高齢受給者) 1 高齢者一般
 * (9割・8割給付) or 2 高齢者７割; for 後期高齢者 1 (9割), 5 高齢者８割 (後期, from 令和4年10月) or 2 (7割).
 * '' when the record is not needed (no 保険者番号, or a patient in neither class); null when it is required
 * but the 負担割合 is not known, so the sheet cannot be made.
 */
export function partialClass(sheet: PartialClassInput): string | null {
  const ins = sheet.insurance;
  const insurer = ins.insurerNo.replace(/\s/g, '');
  if (!insurer) return '';
  if (preschoolOn(sheet.patient.birthDate, sheet.issuedOn)) return '3';
  // 後期高齢者: by the kind reception chose, or by the 広域連合's insurer number (法別番号 39).
  if (ins.type === 'kouki' || /^39\d{6}$/.test(insurer))
    return ins.copay === '' ? null : { '1': '1', '2': '5', '3': '2' }[ins.copay];
  if (elderlyOn(sheet.patient.birthDate, sheet.issuedOn))
    return ins.copay === '' ? null : ins.copay === '3' ? '2' : '1';
  return '';
}
