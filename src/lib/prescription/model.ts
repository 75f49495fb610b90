// 院外処方箋 (outpatient prescription): what one printed sheet holds, and the rule that refuses a sheet missing
// what a pharmacy needs. Plain data; the paper domain draws it, jahis-rx.ts encodes it for the 2D symbol.
import type { Problem } from '../result';
import { jisBytes } from './jis';
import { dispensingCount, DRUG_NAME_BYTES, drugName, halfKana, partialClass, rxDose } from './rx-fields';
// Loaded lazily with the printout: it brings the words of its own problems.
import '../i18n/messages/rx';

/** 被保険者 (the insured person) or 被扶養者 (a dependent): 様式第二号's 区分. */
export type InsuredRelation = 'insured' | 'dependent' | '';

/** 保険種別 as JAHIS record 21 codes it: 医保 1, 国保 2, 後期高齢者 7 (others are left out). */
export type InsuranceType = 'shaho' | 'kokuho' | 'kouki' | '';
/** 負担割合 as reception took it from the card (1割, 2割, 3割); '' when not known. */
export type Copay = '1' | '2' | '3' | '';

export interface PublicPayer {
  payerNo: string; // 公費負担者番号
  recipientNo: string; // 公費受給者番号
}

/** One drug of the 処方 as the doctor wrote it: free text, no master codes (the EHR's masters are down). */
export interface RxLine {
  drug: string; // 薬剤名
  strength: string; // 規格
  /**
   * 用量 as an amount and a unit: for 内服 the 1日量 ('3錠') or a 1回量 ('1回1錠', multiplied by the 用法's times a
   * day); the 2D symbol takes nothing else (rx-fields.ts rxDose).
   */
  dose: string;
  usage: string; // 用法
  days: string; // 日数 or 回数 ('14', '14日分', '5回'); blank when the dose is the total
  /** 変更不可（医療上必要）: no generic substitution. */
  noChange: boolean;
  /** 患者希望: the patient asked for the brand-name drug (長期収載品の選定療養). */
  patientWish: boolean;
}

export type RxPaper = 'a5' | 'a4';
export const rxPapers: RxPaper[] = ['a5', 'a4'];

export interface RxSheet {
  /** The sheet's number, printed and kept in the trail ('R-0001' style, from paper/serial). */
  serial: string;
  paper: RxPaper;
  drill: boolean;
  clinic: {
    name: string;
    address: string;
    phone: string;
    /** 医療機関コード, 10 digits: 都道府県 2 + 点数表 1 + 医療機関 7. */
    code: string;
  };
  doctor: string; // 保険医氏名
  department: string; // 診療科
  patient: {
    id: string; // 患者番号
    name: string;
    kana: string;
    /** 'YYYY-MM-DD' */
    birthDate: string;
    sex: 'M' | 'F' | 'O' | '';
  };
  insurance: {
    type: InsuranceType;
    insurerNo: string; // 保険者番号
    symbol: string; // 記号
    number: string; // 番号
    branch: string; // 枝番
    relation: InsuredRelation;
    copay: Copay;
    publics: PublicPayer[];
  };
  /** 交付年月日 'YYYY-MM-DD' */
  issuedOn: string;
  /** 使用期間 'YYYY-MM-DD': '' means the usual four days counting the day of issue (not printed as a date). */
  validUntil: string;
  /** リフィル可: how many times in all (2 or 3); 0 when not a refill prescription. */
  refills: number;
  /** 分割指示: how many parts the dispensing is split into; 0 when not split. */
  splitParts: number;
  remarks: string; // 備考
  lines: RxLine[];
}

/** The last day the sheet may be taken to a pharmacy: the day of issue and three more, unless a date is given. */
export function lastValidDay(sheet: Pick<RxSheet, 'issuedOn' | 'validUntil'>): string {
  if (sheet.validUntil) return sheet.validUntil;
  const [y, m, d] = sheet.issuedOn.split('-').map(Number);
  const day = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + 3));
  return day.toISOString().slice(0, 10);
}

/** A line counts once it names a drug. */
export function writtenLines(lines: readonly RxLine[]): RxLine[] {
  return lines.filter((line) => line.drug.trim() !== '');
}

/**
 * What a pharmacy cannot do without, each as a problem to show beside the print button: never a blank or
 * half-empty sheet. A patient with only 公費 (no 保険者番号) is valid when a 公費負担者番号 is there.
 */
export function missingForSheet(sheet: Omit<RxSheet, 'serial' | 'paper' | 'drill'>): Problem[] {
  const problems: Problem[] = [];
  if (writtenLines(sheet.lines).length === 0) problems.push({ key: 'rx.missing.lines', field: 'lines' });
  const insurer = sheet.insurance.insurerNo.trim();
  const publicPayer = sheet.insurance.publics.some((p) => p.payerNo.trim() !== '');
  if (!insurer && !publicPayer) problems.push({ key: 'rx.missing.insurer', field: 'insurer' });
  if (insurer && !/^\d{6}$|^\d{8}$/.test(insurer))
    problems.push({ key: 'rx.invalid.insurer', values: { value: insurer }, field: 'insurer' });
  if (!sheet.doctor.trim()) problems.push({ key: 'rx.missing.doctor', field: 'doctor' });
  if (!/^\d{10}$/.test(sheet.clinic.code.trim()))
    problems.push({ key: 'rx.missing.clinicCode', field: 'clinicCode' });
  if (!sheet.clinic.name.trim() || !sheet.clinic.address.trim())
    problems.push({ key: 'rx.missing.clinicAddress', field: 'clinicAddress' });
  if (!sheet.patient.name.trim() || !sheet.patient.birthDate)
    problems.push({ key: 'rx.missing.patient', field: 'patient' });
  // Record 12 (表 3-14) is required and knows only 男 1 and 女 2.
  if (sheet.patient.sex !== 'M' && sheet.patient.sex !== 'F')
    problems.push({ key: 'rx.missing.sex', field: 'patient' });
  // Record 14 (表 3-16) is required for 高齢受給者 and 後期高齢者, and its class follows the 負担割合.
  if (partialClass(sheet) === null) problems.push({ key: 'rx.missing.copay', field: 'insurer' });
  problems.push(...tooLongForSymbol(sheet));
  writtenLines(sheet.lines).forEach((line, i) => problems.push(...lineProblems(line, i + 1)));
  return problems;
}

/**
 * What the 2D symbol cannot hold of one drug line (JAHIS 表 3-35, 3-37, 3-39): the 用法名称 it requires, a
 * dose it can split into 用量 and 単位名, days it can count, and a name within 薬品名称 N40 (no record
 * continues a name). Refusing is safer than a symbol whose amount the pharmacy's system reads wrong.
 */
function lineProblems(line: RxLine, rp: number): Problem[] {
  const drug = line.drug.trim();
  const problems: Problem[] = Object.values(lineFieldProblems(line)).map((p) => ({
    ...p,
    key: SHEET_KEYS[p.key as keyof typeof SHEET_KEYS],
    values: { ...p.values, rp, drug },
    field: 'lines'
  }));
  if (jisBytes(drugName(line)) > DRUG_NAME_BYTES)
    problems.push(tooLong(`Rp${rp} 薬品名・規格`, DRUG_NAME_BYTES, 'lines'));
  return problems;
}

/** The memo's words for each reason a 用量 cannot go on the sheet (rx-fields.ts rxDose). */
const DOSE_KEYS = {
  form: 'rx.line.dose',
  times: 'rx.line.doseTimes',
  days: 'rx.line.doseDays'
} as const;

/** The print box's words for a line's problems: they name the line (Rp1) and its drug, as the sheet does. */
const SHEET_KEYS = {
  'rx.line.usage': 'rx.missing.usage',
  'rx.line.dose': 'rx.invalid.dose',
  'rx.line.doseTimes': 'rx.invalid.doseTimes',
  'rx.line.doseDays': 'rx.invalid.doseDays',
  'rx.line.days': 'rx.invalid.days'
} as const;

/**
 * What an 院外 line still lacks for its 処方箋, field by field, to show beside the memo's own 用量, 用法 and
 * 日数 while the doctor types (the memo saves either way; the sheet is refused until they are right).
 */
export function lineFieldProblems(
  line: Pick<RxLine, 'dose' | 'usage' | 'days'>
): Partial<Record<'dose' | 'usage' | 'days', Problem>> {
  const out: Partial<Record<'dose' | 'usage' | 'days', Problem>> = {};
  if (!line.usage.trim()) out.usage = { key: 'rx.line.usage', field: 'usage' };
  const dose = rxDose(line);
  if (!dose.ok)
    out.dose = {
      key: DOSE_KEYS[dose.reason],
      values: { value: line.dose.trim() },
      field: 'dose'
    };
  if (dispensingCount(line.days) === null)
    out.days = { key: 'rx.line.days', values: { value: line.days.trim() }, field: 'days' };
  return out;
}

const tooLong = (name: string, bytes: number, field: string): Problem => ({
  key: 'rx.tooLong.field',
  values: { name, max: bytes / 2, bytes },
  field
});

/**
 * Fields longer than the 規約's byte limit that no record continues (表 3-8, 3-9, 3-12, 3-13, 3-19): the symbol
 * would have to cut them, so the sheet asks for a shorter text. 用法 and 備考 have continuations, so never here.
 */
function tooLongForSymbol(sheet: Omit<RxSheet, 'serial' | 'paper' | 'drill'>): Problem[] {
  const limits: [string, string, number, string][] = [
    ['医療機関名称', sheet.clinic.name, 120, 'clinicAddress'],
    ['医療機関所在地', sheet.clinic.address, 100, 'clinicAddress'],
    ['保険医氏名', sheet.doctor, 40, 'doctor'],
    ['患者氏名', sheet.patient.name, 40, 'patient'],
    ['患者カナ氏名', halfKana(sheet.patient.kana), 40, 'patient'],
    ['被保険者証の記号', sheet.insurance.symbol, 40, 'insurer'],
    ['被保険者証の番号', sheet.insurance.number, 40, 'insurer']
  ];
  return limits
    .filter(([, text, bytes]) => jisBytes(text.trim()) > bytes)
    .map(([name, , bytes, field]) => tooLong(name, bytes, field));
}
