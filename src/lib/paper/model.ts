// View models of the paper domain: the clinic header, printout inputs and the PDF result — plain data the app maps its records to.

/** What every form prints in its header and footer. (Mirrors settings' Clinic until the app passes that one in.) */
export interface Clinic {
  name: string;
  address: string;
  phone: string;
  /** 医療機関コード */
  medicalInstitutionCode: string;
}

/** A finished PDF. `missingChars` lists characters the font cannot draw; they were printed as 〓. */
export interface PdfResult {
  bytes: Uint8Array;
  missingChars: string[];
  pageCount: number;
}

/** The TrueType font file, as fetched in the browser or read in Node. */
export type FontBytes = Uint8Array | ArrayBuffer;

/** Local wall-clock time 'YYYY-MM-DDTHH:mm' (seconds, if any, are ignored). The app converts from its timestamps. */
export type LocalDateTime = string;

/** Local date 'YYYY-MM-DD'. */
export type LocalDate = string;

/** Fields every printout shares: whose paper it is and whether it belongs to a drill (訓練). */
export interface PrintoutBase {
  clinic: Clinic;
  drill: boolean;
  /** When it was printed; shown in the footer when given. */
  printedAt?: LocalDateTime;
}

/** One deposit (預り金) as its receipt, 預り証, prints it. Labels are Japanese, as printed. */
export interface DepositSlipInput extends PrintoutBase {
  /** A deposit's 預り証 (the default), or the お支払い控え of a 自費 payment. */
  kind?: 'deposit' | 'selfPay';
  /** 自費 taken because eligibility was not confirmed: the difference is refunded once it is. */
  settleLater?: boolean;
  /** The deposit's serial, 'A-0003' (device label + number). */
  serial: string;
  receivedAt: LocalDateTime;
  patientName: string;
  patientKana?: string;
  /** 患者番号 or chart number, when known. */
  patientId?: string;
  /** Yen, a whole number. */
  amount: number;
  /** 現金 / クレジットカード … */
  method: string;
  /** Staff member who received the money. */
  receiver: string;
  /** Why money was deposited instead of billed (e.g. 資格確認ができないため). */
  reason: string;
  /** Last day to settle (精算); the slip prints a general instruction without it. */
  settleBy?: LocalDate;
  /** Replaces the printed settlement instructions when the clinic wants its own words. */
  settleNote?: string;
}

/** 院内 (dispensed here) or 院外 (prescription to a pharmacy); '' when not decided. Values as in visits. */
export type Dispensing = 'inHouse' | 'outside' | '';

/** One line of the prescription (処方) table. Free text as written by the doctor. */
export interface PrescriptionLine {
  /** 薬剤名 */
  drug: string;
  /** 規格 */
  strength: string;
  /** 用量 */
  dose: string;
  /** 用法 */
  usage: string;
  /** 日数 */
  days: string;
  dispensing: Dispensing;
}

/** 検査: done here (実施), ordered from a lab (依頼) or put off (保留). Values as in visits. */
export type TestState = 'done' | 'ordered' | 'deferred';

export interface TestOrder {
  name: string;
  state: TestState;
}

/** Vital signs as typed ('' when not measured); units are printed by the form. */
export interface Vitals {
  /** 体温 ℃ */
  temperature: string;
  /** 血圧 mmHg, '128/82' */
  bloodPressure: string;
  /** 脈拍 /分 */
  pulse: string;
  /** SpO2 % */
  spo2: string;
  /** 呼吸数 /分 */
  respiratoryRate: string;
  /** 身長 cm */
  height: string;
  /** 体重 kg */
  weight: string;
}

/** Documents issued at the visit (発行文書). */
export interface IssuedDocuments {
  /** 処方箋 */
  prescription: boolean;
  /** 紹介状 */
  referral: boolean;
  /** 診断書 */
  certificate: boolean;
  /** Anything else, free text. */
  other: string;
}

/** One visit memo (診療メモ) laid out as SOAP. */
export interface VisitMemo {
  /** Serial of the paper memo it was written on, if any ('M-0012'). */
  serial?: string;
  /** 受付番号 */
  queueNumber: number | string;
  arrivedAt: LocalDateTime;
  patientName: string;
  patientKana?: string;
  patientId?: string;
  birthDate?: LocalDate;
  /** As printed: 男 / 女 / … */
  sex?: string;
  department?: string;
  /** S: 主訴, 現病歴, 服薬, アレルギー */
  subjective: {
    chiefComplaint: string;
    presentIllness: string;
    medications: string;
    allergies: string;
  };
  /** O: vitals and findings (所見) */
  objective: Vitals & { findings: string };
  /** A: 病名 / 疑い */
  assessment: string;
  /** P */
  plan: {
    prescriptions: PrescriptionLine[];
    /** 処置 */
    procedures: string;
    /** 検査 */
    tests: TestOrder[];
    /** 注射 */
    injections: string;
    /** 指導 */
    guidance: string;
    /** 次回予約 */
    nextAppointment: string;
    documents: IssuedDocuments;
  };
  /** How many times the memo was saved after its first version. */
  revisions: number;
  /** 記載者 */
  author: string;
  /** 記載日時 (of the latest revision) */
  writtenAt: LocalDateTime;
}

/** Memos printed together, one after another, each starting on a new page. */
export interface VisitMemosInput extends PrintoutBase {
  memos: VisitMemo[];
}

/** One arrival in the day's log (受付記録). Status and labels are Japanese, as printed. */
export interface DayLogRow {
  queueNumber: number | string;
  arrivedAt: LocalDateTime;
  patientName: string;
  patientKana?: string;
  /** 初診 / 再診 / … */
  visitType: string;
  /** 待合 / 診察中 / 会計待ち / 帰宅 … */
  status: string;
  hasMemo: boolean;
  /** 精算済 / 預り金 / 後日精算 / 未 … */
  billState: string;
  /** Yen; null when there is no amount yet. */
  amount: number | null;
}

export interface DayLogInput extends PrintoutBase {
  date: LocalDate;
  rows: DayLogRow[];
}

/** Blank forms printed ahead of time, each with its own serial prefix. */
export type FormKind = 'arrivalSlip' | 'intake' | 'visitMemo' | 'depositSlip' | 'eligibility';

export interface FormPackInput {
  kind: FormKind;
  clinic: Clinic;
  drill: boolean;
  /** First serial number (1 → 'U-0001' for arrival slips). */
  start: number;
  count: number;
}

/** One-off sheets without serials. */
export type SheetKind = 'waitingNotice' | 'outageCard';

/** What a file holds, for its name. */
export type FileKind =
  FormKind | SheetKind | 'visitMemos' | 'dayLog' | 'incidentReport' | 'selfPaySlip' | 'prescription';

/** What a saved PDF is called: date first, then what it holds ('2025-11-15_預り証_A-0003.pdf'). */
export interface PrintFile {
  kind: FileKind;
  date: LocalDate | LocalDateTime;
  serial?: string;
  drill: boolean;
}
