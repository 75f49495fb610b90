// The four reconciliation CSVs and their columns (Japanese headers, documented in csv-columns.md): arrivals, memos, money, checklist.
import { formatTime, isoLocalDate } from '../../i18n/dates';
import { formatWareki } from '../../patients/wareki';
import { coveredBills, latestByBill, paidOf, settlementFigures, statusOf } from '../../billing/settlement';
import type {
  Arrival,
  Brought,
  EligibilityMethod,
  EligibilityStatus,
  Insurance,
  Intake,
  PregnancyState,
  QueueStatus,
  Sex,
  VisitType
} from '../../reception/model';
import { bySerial } from '../../paper/links';
import type { IssuedDocument, Memo, Prescription, PrescriptionMark, TestState } from '../../visits/model';
import { issuedByMemo, type IssuedRx } from '../../prescription/issued';
import type {
  Bill,
  BillKind,
  BillReason,
  PaymentMethod,
  Settlement,
  SettlementStatus
} from '../../billing/model';
import { latestIntake, type ChecklistItem, type ItemState } from '../checklist/checklist';
import { neutralise, type CsvTable } from './csv';
import { isDrill, sessionDay, type BackEntryTarget, type ItemKind, type SessionData } from '../model';
import type { RececonCodes } from '../../settings/model';
import { orcaColumns } from './orca-columns';

export type CsvKind = 'arrivals' | 'memos' | 'bills' | 'checklist';
export const csvKinds: CsvKind[] = ['arrivals', 'memos', 'bills', 'checklist'];

export interface CsvOptions {
  /** Add a 和暦 column after every date column. */
  wareki: boolean;
  /** The clinic's レセコン codes for 診療科 and doctors (設定), for the 受付一覧's code columns. */
  codes?: RececonCodes;
}

type Cell = string | number | boolean | null | undefined;

interface Column<R> {
  header: string;
  get: (row: R) => Cell;
  /** The value is an ISO date 'YYYY-MM-DD': a 和暦 column can follow it. */
  date?: true;
  /** The value is a number (yen or a count): an .xlsx holds it as a number, not as text. */
  number?: true;
}

// Japanese labels of coded values, as written into the files (a file format: fixed, not translated). Each
// map is a Record over its enum: a value added to the model without a label here fails the type check.
const VISIT_TYPE: Record<VisitType, string> = { first: '初診', return: '再診' };
const SEX: Record<Sex, string> = { M: '男', F: '女', O: 'その他', '': '' };
const BROUGHT: Record<Brought, string> = {
  myNumberCard: 'マイナ保険証',
  eligibilityCert: '資格確認書',
  insuranceCard: '保険証',
  medicalCert: '医療証',
  medicineNotebook: 'お薬手帳',
  referral: '紹介状'
};
export const ELIGIBILITY_METHOD: Record<EligibilityMethod, string> = {
  mynaPortal: 'マイナ保険証＋マイナポータル',
  mynaNotice: 'マイナ保険証＋資格情報のお知らせ',
  certificate: '資格確認書',
  card: '保険証',
  declaration: '被保険者資格申立書',
  previous: '前回来院時の情報',
  unconfirmed: '未確認'
};
export const ELIGIBILITY_STATUS: Record<EligibilityStatus, string> = {
  unconfirmed: '未確認',
  confirmed: '確認済',
  unknownClaim: '不詳請求',
  selfPay: '自費扱い'
};
const QUEUE_STATUS: Record<QueueStatus, string> = {
  waiting: '待合',
  inConsult: '診察中',
  awaitingPayment: '会計待ち',
  paid: '会計済',
  payLater: '後日精算',
  left: '帰宅',
  cancelled: '受付取消'
};
const RELATION: Record<Insurance['relation'], string> = { self: '本人', family: '家族', '': '' };
const PREGNANCY: Record<PregnancyState, string> = {
  no: 'いいえ',
  pregnant: '妊娠中',
  breastfeeding: '授乳中',
  possible: '妊娠の可能性あり',
  unknown: 'わからない',
  '': ''
};
const FILLED_BY: Record<Intake['filledBy'], string> = { patient: '患者', staff: '職員' };
const COPAY: Record<Insurance['copay'], string> = {
  '1': '1割',
  '2': '2割',
  '3': '3割',
  unknown: '不明',
  '': ''
};
const BILL_KIND: Record<BillKind, string> = { deposit: '預り金', payLater: '後日精算', selfPay: '自費' };
const METHOD: Record<PaymentMethod | '', string> = {
  cash: '現金',
  card: 'クレジットカード', // as on the screen and the 預り証
  qr: 'QR決済',
  other: 'その他',
  '': ''
};
const BILL_REASON: Record<BillReason, string> = {
  systemDown: 'システム障害',
  insuranceUnconfirmed: '資格未確認',
  notCalculated: '会計未計算'
};
const SETTLEMENT_STATUS: Record<SettlementStatus, string> = {
  open: '未精算',
  settled: '精算済',
  refundPending: '返金待ち',
  unreachable: '連絡不能',
  cancelled: '取消'
};
const DISPENSING: Record<Prescription['dispensing'], string> = { inHouse: '院内', outside: '院外' };
const RX_MARK: Record<PrescriptionMark, string> = { noChange: '変更不可', patientWish: '患者希望' };
const TEST_STATE: Record<TestState, string> = { done: '実施', ordered: '依頼', deferred: '保留' };
const DOCUMENT: Record<IssuedDocument, string> = {
  prescription: '処方箋',
  referral: '紹介状',
  certificate: '診断書'
};
const ITEM_KIND: Record<ItemKind, string> = {
  arrival: '受付',
  eligibility: '資格確認',
  memo: '診療メモ',
  bill: '会計'
};
const TARGET: Record<BackEntryTarget, string> = { ehr: '電子カルテ', rececon: 'レセコン' };
const ITEM_STATE: Record<ItemState, string> = {
  notEntered: '未入力',
  awaitingConfirmation: '確定待ち',
  changed: '入力後に変更あり',
  done: '入力済'
};

/** A coded value's label; each map above is typed by its enum, so a new value fails the type check. */
const label = <K extends string>(map: Record<K, string>, value: K | null | undefined): string =>
  value === null || value === undefined ? '' : (map[value] ?? value);
// A row's date and time columns read the same timestamp one after the other: parse it once.
let lastIso = '';
let lastDate = new Date(NaN);
const parsed = (iso: string) => {
  if (iso !== lastIso) {
    lastDate = new Date(iso);
    lastIso = iso;
  }
  return lastDate;
};
const day = (iso: string | null | undefined) => (iso ? isoLocalDate(parsed(iso)) : '');
const time = (iso: string | null | undefined) => (iso ? formatTime(parsed(iso)) : '');
const yesNo = (b: boolean) => (b ? '○' : '');

/** What an arrival row needs from other stores: its intake (問診) and the paper forms linked to it. */
interface ArrivalLookups {
  intake: (a: Arrival) => Intake | undefined;
  paperSerials: (a: Arrival) => string;
  codes: RececonCodes | undefined;
}

const arrivalColumns = (more: ArrivalLookups): Column<Arrival>[] => [
  { header: '受付番号', get: (a) => a.queueNo },
  { header: '受付日', get: (a) => day(a.arrivedAt), date: true },
  { header: '受付時刻', get: (a) => time(a.arrivedAt) },
  { header: '端末', get: (a) => a.deviceLabel },
  { header: '患者番号', get: (a) => a.patientNo },
  { header: '新患', get: (a) => yesNo(a.isNew) },
  { header: '氏名', get: (a) => a.name },
  { header: 'カナ', get: (a) => a.kana },
  { header: '生年月日', get: (a) => a.birthDate, date: true },
  { header: '性別', get: (a) => label(SEX, a.sex) },
  { header: '電話番号', get: (a) => a.phone },
  { header: '初再診', get: (a) => label(VISIT_TYPE, a.visitType) },
  { header: '診療科', get: (a) => a.department },
  { header: '担当医', get: (a) => a.doctor },
  { header: '主訴', get: (a) => a.complaint },
  { header: '持参物', get: (a) => a.brought.map((b) => label(BROUGHT, b)).join('・') },
  { header: '資格確認方法', get: (a) => label(ELIGIBILITY_METHOD, a.eligibilityMethod) },
  { header: '資格確認状況', get: (a) => label(ELIGIBILITY_STATUS, a.eligibilityStatus) },
  { header: '保険者番号', get: (a) => a.insurance.insurerNo },
  { header: '記号', get: (a) => a.insurance.symbol },
  { header: '番号', get: (a) => a.insurance.number },
  { header: '枝番', get: (a) => a.insurance.branch },
  { header: '本人家族', get: (a) => label(RELATION, a.insurance.relation) },
  { header: '負担割合', get: (a) => label(COPAY, a.insurance.copay) },
  { header: '有効期限', get: (a) => a.insurance.validUntil, date: true },
  { header: '公費負担者番号', get: (a) => a.insurance.publicPayerNo },
  { header: '公費受給者番号', get: (a) => a.insurance.publicRecipientNo },
  { header: '申立書_保険者名', get: (a) => a.declaration?.insurerName },
  { header: '申立書_被保険者氏名', get: (a) => a.declaration?.insuredName },
  { header: '申立書_勤務先', get: (a) => a.declaration?.employer },
  { header: '申立書_住所', get: (a) => a.declaration?.address },
  { header: '状態', get: (a) => label(QUEUE_STATUS, a.status) },
  { header: '受付者', get: (a) => a.createdBy },
  { header: '用紙番号', get: (a) => more.paperSerials(a) },
  { header: '記録ID', get: (a) => a.id },
  // Intake answers come last, so files read by column position before they were added keep their columns.
  { header: '問診_症状', get: (a) => more.intake(a)?.symptoms },
  { header: '問診_いつから', get: (a) => more.intake(a)?.since },
  { header: '問診_体温', get: (a) => more.intake(a)?.temperature },
  { header: '問診_アレルギー', get: (a) => more.intake(a)?.allergies },
  { header: '問診_服薬', get: (a) => more.intake(a)?.medications },
  { header: '問診_妊娠授乳', get: (a) => label(PREGNANCY, more.intake(a)?.pregnancy) },
  { header: '問診_既往歴', get: (a) => more.intake(a)?.pastIllnesses },
  { header: '問診_医師への伝言', get: (a) => more.intake(a)?.message },
  { header: '問診_記入者', get: (a) => label(FILLED_BY, more.intake(a)?.filledBy) },
  // What back-entry into ORCA needs beyond the columns above, after them for the same reason.
  ...orcaColumns(more.codes)
];

interface MemoRow {
  memo: Memo;
  /** 院外処方箋 printed from the memo (the timeline's 'printed' events). */
  issued: readonly IssuedRx[];
  arrival: Arrival | undefined;
  rx: Prescription | null;
  rxNo: number;
  rxCount: number;
}

const v = (m: MemoRow) => m.memo.content.vitals;
const memoColumns: Column<MemoRow>[] = [
  { header: '受付番号', get: (r) => r.arrival?.queueNo },
  { header: '患者番号', get: (r) => r.arrival?.patientNo },
  { header: '氏名', get: (r) => r.arrival?.name },
  { header: '診療日', get: (r) => r.memo.content.date || day(r.memo.writtenAt), date: true },
  { header: '開始時刻', get: (r) => r.memo.content.startTime },
  { header: '終了時刻', get: (r) => r.memo.content.endTime },
  { header: '診療科', get: (r) => r.memo.content.department },
  { header: '医師', get: (r) => r.memo.content.doctor },
  { header: '主訴', get: (r) => r.memo.content.complaint },
  { header: '現病歴', get: (r) => r.memo.content.history },
  { header: '服薬（申告）', get: (r) => r.memo.content.reportedMeds },
  { header: 'アレルギー', get: (r) => r.memo.content.allergies },
  { header: '体温', get: (r) => v(r).temperature },
  { header: '血圧（収縮期）', get: (r) => v(r).systolic },
  { header: '血圧（拡張期）', get: (r) => v(r).diastolic },
  { header: '脈拍', get: (r) => v(r).pulse },
  { header: 'SpO2', get: (r) => v(r).spo2 },
  { header: '呼吸数', get: (r) => v(r).respRate },
  { header: '身長', get: (r) => v(r).height },
  { header: '体重', get: (r) => v(r).weight },
  { header: '所見', get: (r) => r.memo.content.findings },
  { header: '病名', get: (r) => r.memo.content.assessment },
  { header: '疑い', get: (r) => yesNo(r.memo.content.suspected) },
  { header: '処置', get: (r) => r.memo.content.procedures },
  {
    header: '検査',
    get: (r) =>
      r.memo.content.tests
        .filter((t) => t.name.trim())
        .map((t) => `${t.name}（${label(TEST_STATE, t.state)}）`)
        .join('・')
  },
  { header: '注射', get: (r) => r.memo.content.injections },
  { header: '指導', get: (r) => r.memo.content.guidance },
  { header: '次回予約', get: (r) => r.memo.content.nextAppointment },
  { header: '発行文書', get: (r) => r.memo.content.documents.map((d) => label(DOCUMENT, d)).join('・') },
  { header: '処方番号', get: (r) => (r.rx ? `${r.rxNo}/${r.rxCount}` : '') },
  { header: '薬剤名', get: (r) => r.rx?.drug },
  { header: '規格', get: (r) => r.rx?.strength },
  { header: '用量', get: (r) => r.rx?.dose },
  { header: '用法', get: (r) => r.rx?.usage },
  { header: '日数', get: (r) => r.rx?.days },
  { header: '院内院外', get: (r) => label(DISPENSING, r.rx?.dispensing) },
  { header: '変更不可・患者希望', get: (r) => (r.rx?.marks ?? []).map((m) => label(RX_MARK, m)).join('・') },
  { header: '院外処方箋番号', get: (r) => r.issued.map((i) => i.serial).join('・') },
  { header: '記載者', get: (r) => r.memo.authorName || r.memo.createdBy },
  { header: '記載日', get: (r) => day(r.memo.writtenAt || r.memo.createdAt), date: true },
  { header: '記載時刻', get: (r) => time(r.memo.writtenAt || r.memo.createdAt) },
  { header: '最終更新者', get: (r) => r.memo.updatedBy },
  { header: '版', get: (r) => r.memo.rev, number: true },
  { header: '用紙番号', get: (r) => r.memo.paperSerial },
  { header: 'メモID', get: (r) => r.memo.id }
];

interface BillRow {
  bill: Bill;
  arrival: Arrival | undefined;
  settlement: Settlement | undefined;
  settlementCount: number;
  /** The visit's bills the settlement covers (the charge is entered once per visit). */
  together: Bill[];
}

/**
 * A visit's settlement figures, on the row of its first bill only: the charge covers all the visit's
 * bills, so the refund or collection is counted once.
 */
const figures = (r: BillRow) =>
  r.settlement && r.settlement.billId === r.bill.id
    ? settlementFigures(
        r.together.filter((b) => !b.voided).reduce((sum, b) => sum + paidOf(b), 0),
        r.settlement.copayCharge,
        r.settlement.selfPayCharge
      )
    : null;

const billColumns: Column<BillRow>[] = [
  { header: '預り番号', get: (r) => r.bill.serial },
  { header: '受付番号', get: (r) => r.arrival?.queueNo },
  { header: '患者番号', get: (r) => r.arrival?.patientNo },
  { header: '氏名', get: (r) => r.arrival?.name },
  { header: '種別', get: (r) => label(BILL_KIND, r.bill.kind) },
  { header: '金額', get: (r) => r.bill.amount, number: true },
  { header: '支払方法', get: (r) => label(METHOD, r.bill.method) },
  { header: '受領者', get: (r) => r.bill.receivedBy },
  { header: '理由', get: (r) => label(BILL_REASON, r.bill.reason) },
  { header: '発行日', get: (r) => day(r.bill.issuedAt), date: true },
  { header: '発行時刻', get: (r) => time(r.bill.issuedAt) },
  { header: '取消', get: (r) => yesNo(Boolean(r.bill.voided)) },
  { header: '取消理由', get: (r) => r.bill.voided?.reason },
  { header: '精算状況', get: (r) => label(SETTLEMENT_STATUS, statusOf(r.bill, r.settlement)) },
  { header: '一部負担金', get: (r) => r.settlement?.copayCharge, number: true },
  { header: '自費', get: (r) => r.settlement?.selfPayCharge, number: true },
  { header: '請求額合計', get: (r) => figures(r)?.charge, number: true },
  { header: '返金額', get: (r) => figures(r)?.refund, number: true },
  { header: '追加徴収額', get: (r) => figures(r)?.toCollect, number: true },
  { header: '精算日', get: (r) => day(r.settlement?.settledAt), date: true },
  { header: '精算時刻', get: (r) => time(r.settlement?.settledAt) },
  { header: '精算方法', get: (r) => label(METHOD, r.settlement?.method) },
  { header: '精算者', get: (r) => r.settlement?.settledBy },
  { header: '領収証番号', get: (r) => r.settlement?.receiptNo },
  { header: '備考', get: (r) => r.settlement?.note },
  { header: '精算記録数', get: (r) => r.settlementCount, number: true },
  {
    header: 'まとめて精算した預り番号',
    get: (r) =>
      r.together
        .filter((b) => b.id !== r.bill.id)
        .map((b) => b.serial || b.id)
        .join(' ')
  },
  { header: '用紙番号', get: (r) => r.bill.paperSerial },
  { header: '伝票ID', get: (r) => r.bill.id }
];

const checklistColumns: Column<ChecklistItem>[] = [
  { header: '受付番号', get: (i) => i.arrival.queueNo },
  { header: '受付日', get: (i) => day(i.arrival.arrivedAt), date: true },
  { header: '受付時刻', get: (i) => time(i.arrival.arrivedAt) },
  { header: '患者番号', get: (i) => i.arrival.patientNo },
  { header: '氏名', get: (i) => i.arrival.name },
  { header: '新患', get: (i) => yesNo(i.arrival.isNew) },
  { header: '項目', get: (i) => label(ITEM_KIND, i.kind) },
  { header: '入力先', get: (i) => label(TARGET, i.target) },
  { header: '状態', get: (i) => ITEM_STATE[i.state] },
  { header: '記録者', get: (i) => i.author },
  { header: '記録日', get: (i) => day(i.authoredAt), date: true },
  { header: '記録時刻', get: (i) => time(i.authoredAt) },
  { header: '記録端末', get: (i) => i.authorDevice },
  // A tick that stands (done, waiting for a doctor, or outgrown by a later change) says who entered which version.
  { header: '入力者', get: (i) => (i.entry?.entered ? i.entry.enteredBy : '') },
  { header: '入力日', get: (i) => (i.entry?.entered ? day(i.entry.enteredAt) : ''), date: true },
  { header: '入力時刻', get: (i) => (i.entry?.entered ? time(i.entry.enteredAt) : '') },
  { header: '確定者', get: (i) => (i.entry?.entered ? i.entry.confirmedBy : '') },
  { header: '確定日', get: (i) => (i.entry?.entered ? day(i.entry.confirmedAt) : ''), date: true },
  { header: '確定時刻', get: (i) => (i.entry?.entered ? time(i.entry.confirmedAt) : '') },
  { header: '入力した版', get: (i) => (i.entry?.entered && i.entry.recordRev > 0 ? i.entry.recordRev : '') },
  { header: '電子カルテ患者番号', get: (i) => i.entry?.ehrPatientNo },
  { header: '記録ID', get: (i) => i.recordId }
];

function cellText(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '○' : '';
  return String(value);
}

/** Lay out rows under the columns; with 和暦, a '<header>（和暦）' column follows each date column. */
export function layout<R>(
  columns: Column<R>[],
  records: readonly R[],
  options: CsvOptions,
  rowLabel: (r: R) => string
): CsvTable {
  const headers: string[] = [];
  const numbers: boolean[] = [];
  for (const c of columns) {
    headers.push(c.header);
    numbers.push(Boolean(c.number));
    if (c.date && options.wareki) {
      headers.push(`${c.header}（和暦）`);
      numbers.push(false);
    }
  }
  const warekiCache = new Map<string, string>();
  const wareki = (iso: string) => {
    let w = warekiCache.get(iso);
    if (w === undefined) {
      w = iso ? (formatWareki(iso) ?? '') : '';
      warekiCache.set(iso, w);
    }
    return w;
  };
  const gets = columns.map((c) => c.get);
  const withWareki = columns.map((c) => Boolean(c.date && options.wareki));
  const rows: string[][] = new Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    const cells = new Array<string>(headers.length);
    let n = 0;
    for (let c = 0; c < gets.length; c++) {
      const text = cellText(gets[c]!(record));
      cells[n++] = neutralise(text);
      if (withWareki[c]) cells[n++] = wareki(text);
    }
    rows[i] = cells;
  }
  return { headers, rows, rowLabels: records.map(rowLabel), numbers };
}

/** Drill (訓練) records never enter a real session's files; a drill session's files hold its drill records. */
export function exportable<T extends { drill: boolean }>(
  records: readonly T[],
  data: Pick<SessionData, 'session'>
): T[] {
  return isDrill(data.session) ? [...records] : records.filter((r) => !r.drill);
}

const byArrivalTime = (a: Arrival | undefined, b: Arrival | undefined) =>
  (a?.arrivedAt ?? '').localeCompare(b?.arrivedAt ?? '') ||
  (a?.queueNo ?? '').localeCompare(b?.queueNo ?? '');

/** Serials of the paper forms linked to each record (only records that have links), in link order. */
function linkedSerials(links: SessionData['paperLinks']): Map<string, { serial: string }[]> {
  const found = new Map<string, { serial: string }[]>();
  for (const l of links)
    if (typeof l.recordId === 'string' && typeof l.serial === 'string' && l.serial)
      found.set(l.recordId, [...(found.get(l.recordId) ?? []), { serial: l.serial }]);
  return found;
}

/** One arrival's 用紙番号: its paper links and its own paperSerial, sorted, joined by ・. */
function paperSerialsOf(
  a: Pick<Arrival, 'id' | 'paperSerial'>,
  found: Map<string, { serial: string }[]>
): string {
  const linked = found.get(a.id);
  if (linked === undefined) return a.paperSerial ? a.paperSerial : ''; // the common case: nothing to sort
  const serials = [...linked, ...(a.paperSerial ? [{ serial: a.paperSerial }] : [])];
  return [...new Set(bySerial(serials).map((l) => l.serial))].join('・');
}

/** Serials of the paper forms attached to each arrival: its paper links (U-0003…) and its own paperSerial. */
export function arrivalPaperSerials(
  arrivals: readonly Pick<Arrival, 'id' | 'paperSerial'>[],
  links: SessionData['paperLinks']
): Map<string, string> {
  const found = linkedSerials(links);
  return new Map(arrivals.map((a) => [a.id, paperSerialsOf(a, found)]));
}

export function arrivalsTable(data: SessionData, options: CsvOptions): CsvTable {
  const arrivals = exportable(data.arrivals, data).sort(byArrivalTime);
  const byArrival = new Map<string, Intake[]>();
  for (const i of data.intakes) byArrival.set(i.arrivalId, [...(byArrival.get(i.arrivalId) ?? []), i]);
  const intakes = new Map([...byArrival].map(([id, list]) => [id, latestIntake(list)]));
  const linked = linkedSerials(data.paperLinks);
  const columns = arrivalColumns({
    intake: (a) => intakes.get(a.id),
    paperSerials: (a) => paperSerialsOf(a, linked),
    codes: options.codes
  });
  return layout(columns, arrivals, options, (a) => a.queueNo);
}

/** One row per prescription line; a memo without prescriptions is one row with those columns empty. */
export function memosTable(data: SessionData, options: CsvOptions): CsvTable {
  const arrivals = new Map(data.arrivals.map((a) => [a.id, a]));
  const rows: MemoRow[] = [];
  const memos = exportable(data.memos, data).sort(
    (a, b) =>
      byArrivalTime(arrivals.get(a.arrivalId), arrivals.get(b.arrivalId)) ||
      a.writtenAt.localeCompare(b.writtenAt)
  );
  const issuedRx = issuedByMemo(data.events);
  for (const memo of memos) {
    const arrival = arrivals.get(memo.arrivalId);
    const issued = issuedRx.get(memo.id) ?? [];
    const rxs = memo.content.prescriptions.filter((p) => p.drug.trim());
    if (rxs.length === 0) rows.push({ memo, issued, arrival, rx: null, rxNo: 0, rxCount: 0 });
    rxs.forEach((rx, i) => rows.push({ memo, issued, arrival, rx, rxNo: i + 1, rxCount: rxs.length }));
  }
  return layout(memoColumns, rows, options, (r) => r.arrival?.queueNo ?? '');
}

/** One row per bill (voided ones too, marked), with its latest settlement. */
export function billsTable(data: SessionData, options: CsvOptions): CsvTable {
  const arrivals = new Map(data.arrivals.map((a) => [a.id, a]));
  const settlements = exportable(data.settlements, data);
  const latest = latestByBill(settlements);
  const perBill = new Map<string, number>();
  for (const s of settlements) for (const id of coveredBills(s)) perBill.set(id, (perBill.get(id) ?? 0) + 1);
  const billsById = new Map(data.bills.map((b) => [b.id, b]));
  const rows: BillRow[] = exportable(data.bills, data)
    .sort((a, b) => a.issuedAt.localeCompare(b.issuedAt) || a.serial.localeCompare(b.serial))
    .map((bill) => ({
      bill,
      arrival: arrivals.get(bill.arrivalId),
      settlement: latest.get(bill.id),
      settlementCount: perBill.get(bill.id) ?? 0,
      together: (() => {
        const s = latest.get(bill.id);
        return s ? coveredBills(s).flatMap((id) => billsById.get(id) ?? []) : [bill];
      })()
    }));
  return layout(billColumns, rows, options, (r) => r.bill.serial || r.arrival?.queueNo || '');
}

export function checklistTable(
  data: SessionData,
  items: readonly ChecklistItem[],
  options: CsvOptions
): CsvTable {
  const rows = isDrill(data.session) ? [...items] : items.filter((i) => !i.arrival.drill);
  return layout(checklistColumns, rows, options, (i) => i.arrival.queueNo);
}

export function csvTable(
  kind: CsvKind,
  data: SessionData,
  items: readonly ChecklistItem[],
  options: CsvOptions
): CsvTable {
  switch (kind) {
    case 'arrivals':
      return arrivalsTable(data, options);
    case 'memos':
      return memosTable(data, options);
    case 'bills':
      return billsTable(data, options);
    case 'checklist':
      return checklistTable(data, items, options);
  }
}

export const CSV_TITLE: Record<CsvKind, string> = {
  arrivals: '受付一覧',
  memos: '診療メモ',
  bills: '預り金と精算',
  checklist: '代行入力チェックリスト'
};

/** '2025-11-15_受付一覧'; a drill session's: '2025-11-15_訓練_受付一覧'. */
function fileStem(kind: CsvKind, data: Pick<SessionData, 'session'>): string {
  return [sessionDay(data.session), ...(isDrill(data.session) ? ['訓練'] : []), CSV_TITLE[kind]].join('_');
}

/** '2025-11-15_受付一覧.csv'; a drill session's: '2025-11-15_訓練_受付一覧.csv'; CP932 files end in _SJIS. */
export function csvFileName(
  kind: CsvKind,
  data: Pick<SessionData, 'session'>,
  encoding: 'utf8bom' | 'cp932'
): string {
  return `${fileStem(kind, data)}${encoding === 'cp932' ? '_SJIS' : ''}.csv`;
}

/** '2025-11-15_受付一覧.xlsx'; a drill session's: '2025-11-15_訓練_受付一覧.xlsx'. */
export function xlsxFileName(kind: CsvKind, data: Pick<SessionData, 'session'>): string {
  return `${fileStem(kind, data)}.xlsx`;
}
