// Visit memos (診療メモ) in SOAP form and their revisions: types and pure rules.
import type { RecordMeta } from '../store/record';

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
  drug: string; // 薬剤名
  strength: string; // 規格
  dose: string; // 用量
  usage: string; // 用法
  days: string; // 日数
  dispensing: 'inHouse' | 'outside'; // 院内 / 院外
}

export type TestState = 'done' | 'ordered' | 'deferred'; // 実施 / 依頼 / 保留 (EHR 復旧後)

export interface TestItem {
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
