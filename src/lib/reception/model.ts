// Arrivals (受付), intake notes (問診) and insurance when it cannot be checked online: types and pure rules.
import type { FieldProblems } from '../result';
import { sameValue } from '../values';
import type { RecordMeta } from '../store/record';

export type VisitType = 'first' | 'return'; // 初診 / 再診

/** 待合 → 診察中 → 会計待ち → 会計済 / 後日精算 → 帰宅; 受付取消 (cancelled) aside, with a reason. */
export type QueueStatus =
  'waiting' | 'inConsult' | 'awaitingPayment' | 'paid' | 'payLater' | 'left' | 'cancelled'; // 受付取消
export const queueStatuses: QueueStatus[] = [
  'waiting',
  'inConsult',
  'awaitingPayment',
  'paid',
  'payLater',
  'left',
  'cancelled'
];

/** The statuses one tap moves an arrival to; 受付取消 needs a reason and is done from the arrival's details. */
export type QueueStep = Exclude<QueueStatus, 'cancelled'>;
export const queueSteps: QueueStep[] = queueStatuses.filter((s): s is QueueStep => s !== 'cancelled');

/** 受付取消: a mistaken or double registration, kept with why, by whom and when (never deleted). */
export interface Cancellation {
  reason: string;
  at: string;
  by: string;
  /** Where the arrival was in the queue, so undoing the cancel puts it back there. */
  previousStatus: QueueStep;
  /** Set when the cancel itself was undone (取消の取り消し); the arrival is back at previousStatus. */
  undoneAt?: string;
  undoneBy?: string;
}

/** The reason of a 受付取消: needed, and short enough to read in the queue. */
export function checkCancelReason(reason: string): FieldProblems<'reason'> {
  const r = reason.trim();
  if (!r) return { reason: { key: 'reception.error.cancelReason', field: 'reason' } };
  if (r.length > 200)
    return { reason: { key: 'reception.error.tooLong', values: { max: 200 }, field: 'reason' } };
  return {};
}

/** What the patient brought (持参物). */
export type Brought =
  | 'myNumberCard' // マイナ保険証
  | 'eligibilityCert' // 資格確認書
  | 'insuranceCard' // 保険証
  | 'medicalCert' // 医療証
  | 'medicineNotebook' // お薬手帳
  | 'referral'; // 紹介状
export const broughtItems: Brought[] = [
  'myNumberCard',
  'eligibilityCert',
  'insuranceCard',
  'medicalCert',
  'medicineNotebook',
  'referral'
];

/** How eligibility (資格) was shown when オンライン資格確認 could not answer. */
export type EligibilityMethod =
  | 'mynaPortal' // マイナ保険証 + マイナポータル画面
  | 'mynaNotice' // マイナ保険証 + 資格情報のお知らせ
  | 'certificate' // 資格確認書
  | 'card' // 保険証
  | 'declaration' // 被保険者資格申立書
  | 'previous' // 前回来院時の情報
  | 'unconfirmed'; // 未確認
export const eligibilityMethods: EligibilityMethod[] = [
  'mynaPortal',
  'mynaNotice',
  'certificate',
  'card',
  'declaration',
  'previous',
  'unconfirmed'
];

/** After recovery: 未確認 → 確認済 / 不詳請求 / 自費扱い */
export type EligibilityStatus = 'unconfirmed' | 'confirmed' | 'unknownClaim' | 'selfPay';

/** Methods where nothing showing the insurance was checked at the desk: to follow up after recovery. */
export function methodNeedsFollowUp(method: EligibilityMethod): boolean {
  return method === 'unconfirmed' || method === 'declaration';
}

/**
 * Whether the result of the check after recovery (復旧後の資格確認) is worth showing: once recovery has
 * begun, or once a result other than 未確認 was recorded. During the outage everyone is 未確認, which
 * says nothing.
 */
export function showsEligibilityResult(status: EligibilityStatus, recovered: boolean): boolean {
  return recovered || status !== 'unconfirmed';
}

export interface Insurance {
  insurerNo: string; // 保険者番号 (6 or 8 digits)
  symbol: string; // 記号
  number: string; // 番号
  branch: string; // 枝番
  relation: 'self' | 'family' | ''; // 本人 / 家族
  copay: '1' | '2' | '3' | 'unknown' | ''; // 負担割合
  validUntil: string; // 有効期限 yyyy-mm-dd
  publicPayerNo: string; // 公費負担者番号
  publicRecipientNo: string; // 公費受給者番号
}

export const emptyInsurance: Insurance = {
  insurerNo: '',
  symbol: '',
  number: '',
  branch: '',
  relation: '',
  copay: '',
  validUntil: '',
  publicPayerNo: '',
  publicRecipientNo: ''
};

/** Fields the patient declares on a 被保険者資格申立書 (保発0710第1号). */
export interface Declaration {
  insurerName: string; // 保険者名
  insuredName: string; // 被保険者氏名
  employer: string; // 勤務先 (社保)
  address: string;
  declaredAt: string;
  /** The phone number written on the 申立書 (absent on records made before it was asked). */
  phone?: string;
}

/** 保険種別 as the desk hears it; わからない when only a 被保険者資格申立書 was taken. */
export type InsuranceKind =
  | 'shaho' // 社保（協会けんぽ・組合・共済など）
  | 'kokuho' // 国保
  | 'kouki' // 後期高齢
  | 'publicOnly' // 公費のみ
  | 'selfPay' // 自費
  | 'unknown'; // わからない
export const insuranceKinds: InsuranceKind[] = [
  'shaho',
  'kokuho',
  'kouki',
  'publicOnly',
  'selfPay',
  'unknown'
];

/** The validity of a 公費 (受給者証の有効期間), ISO dates or ''. */
export interface PublicPeriod {
  validFrom: string;
  validUntil: string;
}

/** One 公費 beyond the first: 負担者番号, 受給者番号 and its validity. */
export interface PublicCert extends PublicPeriod {
  payerNo: string; // 公費負担者番号
  recipientNo: string; // 受給者番号
}

/**
 * レセコン入力用の詳細 of an arrival. The first 公費's numbers are the insurance section's (公費負担者番号,
 * 受給者番号), typed where the desk always typed them; here are its validity and the 公費 after it.
 */
export interface RececonDetails {
  postalCode: string; // 郵便番号: 7 digits when it reads as one, else as typed
  address: string; // 住所
  insuranceKind: InsuranceKind | ''; // 保険種別
  insuredName: string; // 被保険者氏名 (when the patient is a dependent)
  qualifiedOn: string; // 資格取得日, ISO
  firstPublic: PublicPeriod; // 公費1 の有効期間
  morePublics: PublicCert[]; // 公費2〜4
}

/** ORCA's 保険組合せ holds up to four 公費; the desk takes no more. */
export const MAX_PUBLICS = 4;
export interface Arrival extends RecordMeta {
  deviceLabel: string;
  /** Per device and session: 1, 2, 3… */
  seq: number;
  /** Device label + number, e.g. A-012: unique on this device for the session. */
  queueNo: string;
  arrivedAt: string;
  /** Roster patient id, or null for a new patient not in the roster. */
  patientId: string | null;
  patientNo: string;
  isNew: boolean;
  name: string;
  kana: string;
  birthDate: string;
  sex: 'M' | 'F' | 'O' | '';
  phone: string;
  visitType: VisitType;
  department: string;
  doctor: string;
  complaint: string; // 主訴 as told at the desk
  brought: Brought[];
  eligibilityMethod: EligibilityMethod;
  insurance: Insurance;
  declaration: Declaration | null;
  eligibilityStatus: EligibilityStatus;
  status: QueueStatus;
  statusChangedAt: string;
  /** Serial of a paper form (受付票) attached to this arrival. */
  paperSerial: string;
  /** 受付取消: set when cancelled (status 'cancelled'); kept, marked undone, when the cancel is undone. */
  cancellation?: Cancellation | null;
  /** レセコン入力用の詳細: absent when none was entered (and on records made before they existed). */
  rececon?: RececonDetails;
}

export type PregnancyState = 'no' | 'pregnant' | 'breastfeeding' | 'possible' | 'unknown' | '';

export interface Intake extends RecordMeta {
  arrivalId: string;
  symptoms: string;
  since: string;
  temperature: string;
  allergies: string;
  medications: string;
  pregnancy: PregnancyState;
  pastIllnesses: string;
  message: string;
  /** Who first filled it: the patient on the tablet, or staff. */
  filledBy: 'staff' | 'patient';
  /** Who saved the latest version (absent on records written before this was kept: read filledBy). */
  lastFilledBy?: 'staff' | 'patient';
}

/** Who wrote the latest version of a 問診: the patient's own answers are never credited to staff. */
export function intakeLastFilledBy(intake: Pick<Intake, 'filledBy' | 'lastFilledBy'>): Intake['filledBy'] {
  return intake.lastFilledBy ?? intake.filledBy;
}

export function formatQueueNo(deviceLabel: string, seq: number): string {
  return `${deviceLabel}-${String(seq).padStart(3, '0')}`;
}

export function queueCounterKey(sessionId: string, deviceLabel: string): string {
  return `queue:${sessionId}:${deviceLabel}`;
}

/** 性別: M 男, F 女, O その他, '' 不明 (the roster's spelling). */
export type Sex = Arrival['sex'];
export const sexes: Sex[] = ['M', 'F', 'O', ''];

export const visitTypes: VisitType[] = ['first', 'return'];
export const relations: Exclude<Insurance['relation'], ''>[] = ['self', 'family'];
export const copays: Exclude<Insurance['copay'], ''>[] = ['1', '2', '3', 'unknown'];
export const eligibilityStatuses: EligibilityStatus[] = [
  'unconfirmed',
  'confirmed',
  'unknownClaim',
  'selfPay'
];
export const pregnancyStates: Exclude<PregnancyState, ''>[] = [
  'no',
  'pregnant',
  'breastfeeding',
  'possible',
  'unknown'
];

export const emptyDeclaration: Required<Declaration> = {
  insurerName: '',
  insuredName: '',
  employer: '',
  address: '',
  declaredAt: '',
  phone: ''
};

/** The session an arrival is registered in: its id and whether it is a drill (訓練). */
export interface ArrivalSession {
  id: string;
  kind: 'real' | 'drill';
}

/** What the desk records about an arrival, checked and cleaned: everything but identity, number and queue state. */
export interface ArrivalFields {
  patientId: string | null;
  patientNo: string;
  isNew: boolean;
  name: string;
  kana: string;
  birthDate: string;
  sex: Sex;
  phone: string;
  visitType: VisitType;
  department: string;
  doctor: string;
  complaint: string;
  brought: Brought[];
  eligibilityMethod: EligibilityMethod;
  insurance: Insurance;
  declaration: Declaration | null;
  eligibilityStatus: EligibilityStatus;
  paperSerial: string;
  rececon?: RececonDetails;
}

/** What the patient or staff wrote on the 問診票, checked and cleaned. */
export type IntakeFields = Pick<
  Intake,
  | 'symptoms'
  | 'since'
  | 'temperature'
  | 'allergies'
  | 'medications'
  | 'pregnancy'
  | 'pastIllnesses'
  | 'message'
>;

export const emptyIntakeFields: IntakeFields = {
  symptoms: '',
  since: '',
  temperature: '',
  allergies: '',
  medications: '',
  pregnancy: '',
  pastIllnesses: '',
  message: ''
};

const fieldKeys: (keyof ArrivalFields)[] = [
  'patientId',
  'patientNo',
  'isNew',
  'name',
  'kana',
  'birthDate',
  'sex',
  'phone',
  'visitType',
  'department',
  'doctor',
  'complaint',
  'brought',
  'eligibilityMethod',
  'insurance',
  'declaration',
  'eligibilityStatus',
  'paperSerial',
  'rececon'
];

/** The desk's fields of a stored arrival (what the edit form changes), without number, time and queue state. */
export function arrivalFieldsOf(arrival: Arrival): ArrivalFields {
  const out = {} as Record<keyof ArrivalFields, unknown>;
  for (const key of fieldKeys) out[key] = arrival[key];
  return out as unknown as ArrivalFields;
}

/** Whether two versions of the desk's fields say the same (key order inside objects does not matter). */
export function sameFields(a: ArrivalFields, b: ArrivalFields): boolean {
  return fieldKeys.every((key) => sameValue(a[key], b[key]));
}
