// The 受付一覧 for back-entry into ORCA (日医標準レセプトソフト): which API field each column fills, the columns
// added for it (性別 and 診療科・担当医 as codes, 郵便番号・住所, 保険種別, 公費1〜4 …) and, per row, what the
// office would still have to ask for: a row whose 「ORCA入力の確認」 is empty can be entered from the file alone.
import { MAX_PUBLICS, type Arrival, type InsuranceKind } from '../../reception/model';
import { checkPostalCode, publicsOf, receconOf } from '../../reception/rececon';
import { validatePublicPayerNo } from '../../patients/insurer-number';
import { codeFor, type RececonCodes } from '../../settings/model';

/** The two ORCA APIs whose fields the file fills: 患者登録 and 受付登録. */
export type OrcaApi = 'patientmodv2' | 'acceptmodv2';

/** A 受付一覧 column and the ORCA field it fills (README, 「ORCAへの入力」, cites the documents read). */
export interface OrcaField {
  header: string;
  api: OrcaApi;
  field: string;
}

const HI = 'HealthInsurance_Information';
const PI = `${HI}/PublicInsurance_Information`;
const publicFields = (n: number): OrcaField[] => [
  { header: `公費${n}_負担者番号`, api: 'patientmodv2', field: `${PI}[${n}]/PublicInsurer_Number` },
  { header: `公費${n}_受給者番号`, api: 'patientmodv2', field: `${PI}[${n}]/PublicInsuredPerson_Number` },
  { header: `公費${n}_適用開始日`, api: 'patientmodv2', field: `${PI}[${n}]/Certificate_IssuedDate` },
  { header: `公費${n}_適用終了日`, api: 'patientmodv2', field: `${PI}[${n}]/Certificate_ExpiredDate` }
];
const publicNumbers = Array.from({ length: MAX_PUBLICS }, (_, i) => i + 1);

/** Every 受付一覧 column that fills an ORCA field, in the order of ORCA's request. */
export const ORCA_FIELDS: readonly OrcaField[] = [
  { header: '患者番号', api: 'patientmodv2', field: 'Patient_ID' },
  { header: '氏名', api: 'patientmodv2', field: 'WholeName' },
  { header: 'カナ', api: 'patientmodv2', field: 'WholeName_inKana' },
  { header: '生年月日', api: 'patientmodv2', field: 'BirthDate' },
  { header: '性別コード', api: 'patientmodv2', field: 'Sex' },
  { header: '郵便番号', api: 'patientmodv2', field: 'Home_Address_Information/Address_ZipCode' },
  { header: '住所', api: 'patientmodv2', field: 'Home_Address_Information/WholeAddress1' },
  { header: '電話番号', api: 'patientmodv2', field: 'Home_Address_Information/PhoneNumber1' },
  { header: '保険者番号', api: 'patientmodv2', field: `${HI}/InsuranceProvider_Number` },
  { header: '記号', api: 'patientmodv2', field: `${HI}/HealthInsuredPerson_Symbol` },
  { header: '番号', api: 'patientmodv2', field: `${HI}/HealthInsuredPerson_Number` },
  { header: '枝番', api: 'patientmodv2', field: `${HI}/HealthInsuredPerson_Branch_Number` },
  { header: '本人家族', api: 'patientmodv2', field: `${HI}/RelationToInsuredPerson` },
  { header: '被保険者氏名', api: 'patientmodv2', field: `${HI}/HealthInsuredPerson_WholeName` },
  { header: '資格取得日', api: 'patientmodv2', field: `${HI}/Certificate_GetDate` },
  { header: '有効期限', api: 'patientmodv2', field: `${HI}/Certificate_ExpiredDate` },
  ...publicNumbers.flatMap(publicFields),
  { header: '患者番号', api: 'acceptmodv2', field: 'Patient_ID' },
  { header: '受付日', api: 'acceptmodv2', field: 'Acceptance_Date' },
  { header: '受付時刻', api: 'acceptmodv2', field: 'Acceptance_Time' },
  { header: '診療科コード', api: 'acceptmodv2', field: 'Department_Code' },
  { header: '担当医コード', api: 'acceptmodv2', field: 'Physician_Code' }
];

/** ORCA's 性別 (Sex): 1 男, 2 女. ORCA has no third value: その他 and 不明 give no code. */
export function orcaSexCode(sex: Arrival['sex']): '1' | '2' | '' {
  return sex === 'M' ? '1' : sex === 'F' ? '2' : '';
}

export const INSURANCE_KIND: Record<InsuranceKind | '', string> = {
  shaho: '社保',
  kokuho: '国保',
  kouki: '後期高齢',
  publicOnly: '公費のみ',
  selfPay: '自費',
  unknown: 'わからない',
  '': ''
};

/** The 住所 and 被保険者氏名 to enter: the details', else what the 申立書 says. */
const addressOf = (a: Arrival) => receconOf(a.rececon).address || a.declaration?.address || '';
const insuredNameOf = (a: Arrival) => receconOf(a.rececon).insuredName || a.declaration?.insuredName || '';

type Cell = string | undefined;
/** A column as csv-columns lays it out. */
export interface OrcaColumn {
  header: string;
  get: (a: Arrival) => Cell;
  date?: true;
}

const publicColumns = (n: number): OrcaColumn[] => {
  const p = (a: Arrival) => publicsOf(a)[n - 1];
  return [
    { header: `公費${n}_負担者番号`, get: (a) => p(a)?.payerNo },
    { header: `公費${n}_受給者番号`, get: (a) => p(a)?.recipientNo },
    { header: `公費${n}_適用開始日`, get: (a) => p(a)?.validFrom, date: true },
    { header: `公費${n}_適用終了日`, get: (a) => p(a)?.validUntil, date: true }
  ];
};

/**
 * The columns the 受付一覧 gains for ORCA, after every earlier column (files read by position keep theirs).
 * 公費1's numbers repeat 公費負担者番号・公費受給者番号, so the four 公費 read alike.
 */
export function orcaColumns(codes: RececonCodes | undefined): OrcaColumn[] {
  return [
    { header: '性別コード', get: (a) => orcaSexCode(a.sex) },
    { header: '郵便番号', get: (a) => receconOf(a.rececon).postalCode },
    { header: '住所', get: addressOf },
    { header: '申立書_電話番号', get: (a) => a.declaration?.phone },
    { header: '保険種別', get: (a) => INSURANCE_KIND[receconOf(a.rececon).insuranceKind] },
    { header: '被保険者氏名', get: insuredNameOf },
    { header: '資格取得日', get: (a) => receconOf(a.rececon).qualifiedOn, date: true },
    ...publicNumbers.flatMap(publicColumns),
    { header: '診療科コード', get: (a) => codeFor(codes?.departments, a.department) },
    { header: '担当医コード', get: (a) => codeFor(codes?.doctors, a.doctor) },
    { header: 'ORCA入力の確認', get: (a) => orcaGaps(a, codes).join('・') }
  ];
}

/** A value ORCA needs for a row, and the columns any one of which holds it. */
export interface OrcaNeed {
  header: string;
  columns: string[];
}

const need = (header: string, ...more: string[]): OrcaNeed => ({ header, columns: [header, ...more] });

/** Insurance kinds with no 保険者番号 to enter. */
const NO_INSURER = new Set(['selfPay', 'publicOnly']);

/**
 * What ORCA needs from a row: the 受付 (診療科・担当医 codes) always; for a new patient, the patient
 * (氏名・カナ・生年月日・性別・郵便番号・住所・電話) and, unless 自費 or 公費のみ, the insurance (保険種別,
 * 保険者番号, 番号, 本人家族, and 被保険者氏名 for a dependant); for each 公費, its numbers and the day it
 * applies from (ORCA takes the day of entry when none is given: later than the visit). A roster
 * patient is one ORCA knows already. A cancelled arrival (受付取消) is not entered.
 */
export function orcaNeeds(a: Arrival): OrcaNeed[] {
  if (a.status === 'cancelled') return [];
  const needs = [need('受付日'), need('受付時刻'), need('診療科コード'), need('担当医コード')];
  if (a.isNew) {
    needs.push(need('氏名'), need('カナ'), need('生年月日'), need('性別コード'));
    needs.push(need('郵便番号'), need('住所'), need('電話番号', '申立書_電話番号'));
    const kind = receconOf(a.rececon).insuranceKind;
    if (!NO_INSURER.has(kind)) {
      needs.push(need('保険種別'), need('保険者番号'), need('番号'), need('本人家族'));
      if (a.insurance.relation === 'family') needs.push(need('被保険者氏名'));
    }
  }
  publicsOf(a).forEach((_, i) => {
    const n = i + 1;
    needs.push(need(`公費${n}_負担者番号`), need(`公費${n}_受給者番号`), need(`公費${n}_適用開始日`));
  });
  return needs;
}

/**
 * What the office would still have to ask for before entering a row into ORCA: each missing value by its
 * column, with why where the column alone does not say (a name without its code, a 郵便番号 that is not 7
 * digits, 性別 その他 which ORCA cannot take, a 負担者番号 whose check digit fails). Empty: nothing to ask.
 */
export function orcaGaps(a: Arrival, codes: RececonCodes | undefined): string[] {
  if (a.status === 'cancelled') return ['受付取消（入力しない）'];
  const gaps: string[] = [];
  const details = receconOf(a.rececon);

  if (!a.department) gaps.push('診療科コード（診療科なし）');
  else if (!codeFor(codes?.departments, a.department))
    gaps.push(`診療科コード（${a.department}：設定にコードなし）`);
  if (!a.doctor) gaps.push('担当医コード（担当医なし）');
  else if (!codeFor(codes?.doctors, a.doctor)) gaps.push(`担当医コード（${a.doctor}：設定にコードなし）`);

  if (a.isNew) {
    if (!a.name) gaps.push('氏名');
    if (!a.kana) gaps.push('カナ');
    if (!a.birthDate) gaps.push('生年月日');
    if (a.sex === 'O') gaps.push('性別コード（記録は「その他」：ORCAは男と女のみ）');
    else if (!orcaSexCode(a.sex)) gaps.push('性別コード（不明）');
    const postal = checkPostalCode(details.postalCode);
    if (postal.kind === 'none') gaps.push('郵便番号');
    if (!addressOf(a)) gaps.push('住所');
    if (!a.phone && !a.declaration?.phone) gaps.push('電話番号');
    if (!NO_INSURER.has(details.insuranceKind)) {
      if (!details.insuranceKind) gaps.push('保険種別');
      else if (details.insuranceKind === 'unknown') gaps.push('保険種別（わからない）');
      if (!a.insurance.insurerNo) gaps.push('保険者番号');
      if (!a.insurance.number) gaps.push('番号');
      if (!a.insurance.relation) gaps.push('本人家族');
      if (a.insurance.relation === 'family' && !insuredNameOf(a)) gaps.push('被保険者氏名');
    }
  }
  // Doubts about what is there, new patient or not.
  const postal = checkPostalCode(details.postalCode);
  if (postal.kind === 'bad') gaps.push('郵便番号（7桁でない）');

  publicsOf(a).forEach((p, i) => {
    const n = i + 1;
    if (!p.payerNo) gaps.push(`公費${n}_負担者番号`);
    else if (!validatePublicPayerNo(p.payerNo).ok) gaps.push(`公費${n}_負担者番号（検証番号などが合わない）`);
    if (!p.recipientNo) gaps.push(`公費${n}_受給者番号`);
    if (!p.validFrom) gaps.push(`公費${n}_適用開始日`);
    if (p.validFrom && p.validUntil && p.validFrom > p.validUntil)
      gaps.push(`公費${n}_適用終了日（開始日より前）`);
  });
  return gaps;
}
