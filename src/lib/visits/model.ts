// Visit memos (診療メモ) in SOAP form and their revisions: types and pure rules.
import type { RecordMeta } from '../store/record';
import type { AttachedNotebook } from '../medication/attached';

export interface Vitals {
  temperature: string; // 体温 ℃
  systolic: string; // 血圧 収縮期
  diastolic: string; // 血圧 拡張期
  pulse: string; // 脈拍
  spo2: string; // SpO2 %
  respRate: string; // 呼吸数
  height: string; // 身長 cm
  weight: string; // 体重 kg
}

export interface Prescription {
  /** Stable row id, so a revision can tell an edited row from a removed one. */
  id: string;
  drug: string; // 薬剤名
  strength: string; // 規格
  dose: string; // 用量
  usage: string; // 用法
  days: string; // 日数
  dispensing: 'inHouse' | 'outside'; // 院内 / 院外
  /** 変更不可 / 患者希望 on the 院外処方箋 (absent on rows written before they existed: none). */
  marks?: PrescriptionMark[];
}

/** 変更不可（医療上必要）: no generic substitution; 患者希望: the patient asked for the brand-name drug. */
export type PrescriptionMark = 'noChange' | 'patientWish';
export const prescriptionMarks: PrescriptionMark[] = ['noChange', 'patientWish'];

export type TestState = 'done' | 'ordered' | 'deferred'; // 実施 / 依頼 / 保留 (EHR 復旧後)

export interface TestItem {
  id: string;
  name: string;
  state: TestState;
}

export type IssuedDocument = 'prescription' | 'referral' | 'certificate'; // 処方箋 / 紹介状 / 診断書

export interface MemoContent {
  date: string;
  startTime: string;
  endTime: string;
  department: string;
  doctor: string;
  complaint: string; // S: 主訴
  history: string; // S: 現病歴
  reportedMeds: string; // S: patient-reported medications
  allergies: string; // S
  vitals: Vitals; // O
  findings: string; // O: 所見
  assessment: string; // A: 病名
  suspected: boolean; // A: 疑い
  prescriptions: Prescription[]; // P
  procedures: string; // 処置
  tests: TestItem[]; // 検査
  injections: string; // 注射
  guidance: string; // 指導
  nextAppointment: string; // 次回予約
  documents: IssuedDocument[];
  /** お薬手帳 read from its QR code or pasted; absent on memos written before it existed. */
  notebooks?: AttachedNotebook[];
}

export interface Memo extends RecordMeta {
  arrivalId: string;
  content: MemoContent;
  /** 記載者・記載日時: who wrote the first version and when. */
  authorName: string;
  writtenAt: string;
  paperSerial: string;
}

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/** Every change to a memo is kept (who, when, what), never overwritten. */
export interface Revision {
  id: string;
  sessionId: string;
  recordId: string;
  rev: number;
  at: string;
  by: string;
  deviceLabel: string;
  changes: FieldChange[];
  snapshot: MemoContent;
}

export const vitalFields: (keyof Vitals)[] = [
  'temperature',
  'systolic',
  'diastolic',
  'pulse',
  'spo2',
  'respRate',
  'height',
  'weight'
];
export const testStates: TestState[] = ['done', 'ordered', 'deferred'];
export const issuedDocuments: IssuedDocument[] = ['prescription', 'referral', 'certificate'];
export const dispensings: Prescription['dispensing'][] = ['inHouse', 'outside'];

export const emptyVitals: Vitals = {
  temperature: '',
  systolic: '',
  diastolic: '',
  pulse: '',
  spo2: '',
  respRate: '',
  height: '',
  weight: ''
};

export const emptyContent: MemoContent = {
  date: '',
  startTime: '',
  endTime: '',
  department: '',
  doctor: '',
  complaint: '',
  history: '',
  reportedMeds: '',
  allergies: '',
  vitals: emptyVitals,
  findings: '',
  assessment: '',
  suspected: false,
  prescriptions: [],
  procedures: '',
  tests: [],
  injections: '',
  guidance: '',
  nextAppointment: '',
  documents: []
};

/** A blank prescription row; 院外 (outside pharmacy) is what most clinics issue. */
export function newPrescription(id: string): Prescription {
  return { id, drug: '', strength: '', dose: '', usage: '', days: '', dispensing: 'outside', marks: [] };
}

export function newTestItem(id: string): TestItem {
  return { id, name: '', state: 'done' };
}

/** The autosaved draft (drafts table) of an arrival's memo: one per arrival, new or being corrected. */
const MEMO_DRAFT_PREFIX = 'visits.memo:';
export function memoDraftKey(arrivalId: string): string {
  return `${MEMO_DRAFT_PREFIX}${arrivalId}`;
}
/** The arrival a draft key belongs to, or null for another form's draft. */
export function arrivalOfMemoDraft(key: string): string | null {
  return key.startsWith(MEMO_DRAFT_PREFIX) ? key.slice(MEMO_DRAFT_PREFIX.length) || null : null;
}
export const memoDraftPrefix = MEMO_DRAFT_PREFIX;

const pad = (n: number) => String(n).padStart(2, '0');

/** Local 'YYYY-MM-DD' and 'HH:mm' for the date and time inputs. */
export function localDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
export function localTime(d: Date): string {
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** What the reception desk already knows about the patient, for the first version of the memo. */
export interface MemoStart {
  complaint: string;
  department: string;
  doctor: string;
  intake?: { symptoms: string; temperature: string; allergies: string; medications: string } | null;
}

/**
 * A new memo's content: 主訴 from the desk (or the 問診 symptoms), allergies, medications and
 * temperature from the 問診票 when one was taken; today's date; start time left for 診察開始.
 */
export function startContent(start: MemoStart, now: Date): MemoContent {
  const intake = start.intake ?? null;
  return {
    ...structuredClone(emptyContent),
    date: localDate(now),
    department: start.department,
    doctor: start.doctor,
    complaint: start.complaint.trim() || (intake?.symptoms.trim() ?? ''),
    reportedMeds: intake?.medications.trim() ?? '',
    allergies: intake?.allergies.trim() ?? '',
    vitals: { ...emptyVitals, temperature: intake?.temperature.trim() ?? '' }
  };
}

const blankPrescription = (p: Prescription) =>
  !p.drug.trim() && !p.strength.trim() && !p.dose.trim() && !p.usage.trim() && !p.days.trim();

/** 全角 digits and signs typed on a Japanese keyboard, as the half-width ones numbers use. */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[－ー−]/g, '-')
    .replace(/[／]/g, '/')
    .replace(/\u3000/g, ' ')
    .trim();
}

/** The content as it is stored: blank rows dropped, numbers half-width, text trimmed at the ends. */
export function normalizeContent(content: MemoContent): MemoContent {
  const vitals = { ...content.vitals };
  for (const field of vitalFields) vitals[field] = toHalfWidth(vitals[field]);
  return {
    ...content,
    date: content.date.trim(),
    startTime: content.startTime.trim(),
    endTime: content.endTime.trim(),
    department: content.department.trim(),
    doctor: content.doctor.trim(),
    vitals,
    prescriptions: content.prescriptions
      .filter((p) => !blankPrescription(p))
      .map((p) => ({ ...p, days: toHalfWidth(p.days) })),
    tests: content.tests.filter((x) => x.name.trim() !== ''),
    documents: issuedDocuments.filter((d) => content.documents.includes(d))
  };
}
