// Arrivals (受付), intake notes (問診) and insurance when it cannot be checked online: types and pure rules.
import type { RecordMeta } from '../store/record';

export type VisitType = 'first' | 'return'; // 初診 / 再診

/** 待合 → 診察中 → 会計待ち → 会計済 / 後日精算 → 帰宅 */
export type QueueStatus = 'waiting' | 'inConsult' | 'awaitingPayment' | 'paid' | 'payLater' | 'left';
export const queueStatuses: QueueStatus[] = [
  'waiting',
  'inConsult',
  'awaitingPayment',
  'paid',
  'payLater',
  'left'
];

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
}

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
  filledBy: 'staff' | 'patient';
}

export function formatQueueNo(deviceLabel: string, seq: number): string {
  return `${deviceLabel}-${String(seq).padStart(3, '0')}`;
}

export function queueCounterKey(sessionId: string, deviceLabel: string): string {
  return `queue:${sessionId}:${deviceLabel}`;
}
