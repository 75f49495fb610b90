// A roster patient (名簿の患者) and the roster snapshot it came from: schemas, types and the form check.
import * as v from 'valibot';
import { fail, ok, type FieldProblems, type Result } from '../result';
import { isZenkakuKana } from './kana';
import { validateInsurerNo } from './insurer-number';
import { isRealIsoDate } from './wareki';

export const SexSchema = v.picklist(['M', 'F', 'O', '']);
/** 性別: M 男, F 女, O その他, '' 不明. */
export type Sex = v.InferOutput<typeof SexSchema>;

export const CopayRateSchema = v.nullable(v.picklist([1, 2, 3]));
/** 負担割合 in tenths (3 = 3割); null when unknown or not applicable. */
export type CopayRate = v.InferOutput<typeof CopayRateSchema>;

const IsoDateSchema = v.pipe(v.string(), v.check(isRealIsoDate, 'yyyy-mm-dd, a real day'));

export const PatientSchema = v.object({
  /** Deterministic from 患者番号 ('p:' + patientNo), so a re-import replaces rather than adds. */
  id: v.pipe(v.string(), v.minLength(1)),
  patientNo: v.pipe(v.string(), v.minLength(1)), // 患者番号
  name: v.pipe(v.string(), v.minLength(1)), // 氏名 (kanji, as the EHR spells it)
  kana: v.string(), // フリガナ, stored as full-width katakana
  birthDate: IsoDateSchema, // 生年月日
  sex: SexSchema,
  insurerNo: v.string(), // 保険者番号
  cardSymbol: v.string(), // 被保険者証の記号
  cardNumber: v.string(), // 被保険者証の番号
  branch: v.string(), // 枝番
  copayRate: CopayRateSchema, // 負担割合
  address: v.string(), // 住所
  phone: v.string(), // 電話番号
  allergies: v.string() // アレルギー
});
export type Patient = v.InferOutput<typeof PatientSchema>;
export type PatientField = keyof Patient;

export const RosterEncodingSchema = v.picklist(['UTF-8', 'UTF-8-BOM', 'SJIS']);
export type RosterEncoding = v.InferOutput<typeof RosterEncodingSchema>;

const IsoTimestampSchema = v.pipe(v.string(), v.isoTimestamp());

export const RosterSnapshotSchema = v.object({
  /** When the EHR exported the roster (what staff know it to be as of). */
  takenAt: IsoTimestampSchema,
  /** When it was imported on this device. */
  importedAt: IsoTimestampSchema,
  sourceFileName: v.string(),
  count: v.pipe(v.number(), v.integer(), v.minValue(0)),
  encoding: RosterEncodingSchema
});
export type RosterSnapshot = v.InferOutput<typeof RosterSnapshotSchema>;

/** The id of the patient with this 患者番号. */
export function patientIdOf(patientNo: string): string {
  return `p:${patientNo}`;
}

/** Check unknown data (a stored row, a bundle) against the schema; the first issue names its field. */
export function parsePatient(input: unknown): Result<Patient> {
  const result = v.safeParse(PatientSchema, input);
  if (result.success) return ok(result.output);
  const issue = result.issues[0];
  const path = issue?.path?.map((item) => String(item.key)).join('.') ?? '';
  return fail({ key: 'patients.error.invalidRecord', values: { path }, field: path || undefined });
}

export interface CheckPatientOptions {
  /** Today (ISO yyyy-mm-dd); when given, a birth date after it is a problem. */
  today?: string;
}

/** The registration form's check: each problem sits next to its field; empty when all is well. */
export function checkPatient(
  patient: Patient,
  options: CheckPatientOptions = {}
): FieldProblems<PatientField> {
  const problems: FieldProblems<PatientField> = {};
  if (patient.patientNo.trim() === '')
    problems.patientNo = { key: 'patients.error.patientNoMissing', field: 'patientNo' };
  if (patient.name.trim() === '') problems.name = { key: 'patients.error.nameMissing', field: 'name' };
  if (patient.kana.trim() !== '' && !isZenkakuKana(patient.kana))
    problems.kana = { key: 'patients.error.kanaNotKatakana', field: 'kana' };
  if (patient.birthDate === '')
    problems.birthDate = { key: 'patients.error.birthDateMissing', field: 'birthDate' };
  else if (!isRealIsoDate(patient.birthDate))
    problems.birthDate = {
      key: 'patients.error.birthDateImpossible',
      values: { input: patient.birthDate },
      field: 'birthDate'
    };
  else if (options.today !== undefined && patient.birthDate > options.today)
    problems.birthDate = {
      key: 'patients.error.birthDateFuture',
      values: { input: patient.birthDate },
      field: 'birthDate'
    };
  if (patient.insurerNo.trim() !== '') {
    const insurer = validateInsurerNo(patient.insurerNo);
    if (!insurer.ok) problems.insurerNo = insurer.error;
  }
  return problems;
}
