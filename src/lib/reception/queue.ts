// The queue (受付一覧) as rules: arrival order, status counts, the natural next step, filtering, and the waiting-room board.
import { searchKey } from '../patients/kana';
import { queueStatuses, type Arrival, type QueueStatus } from './model';

/** Arrival order: time of arrival, then device and number (two tablets can register in the same second). */
export function byArrival(a: Arrival, b: Arrival): number {
  return (
    a.arrivedAt.localeCompare(b.arrivedAt) || a.deviceLabel.localeCompare(b.deviceLabel) || a.seq - b.seq
  );
}

export function inArrivalOrder(arrivals: readonly Arrival[]): Arrival[] {
  return [...arrivals].sort(byArrival);
}

export type StatusCounts = Record<QueueStatus, number> & { total: number };

/** Arrivals per status; the total leaves out 受付取消 (a cancelled registration is not a patient seen). */
export function statusCounts(arrivals: readonly Arrival[]): StatusCounts {
  const counts = { total: 0 } as StatusCounts;
  for (const s of queueStatuses) counts[s] = 0;
  for (const a of arrivals) {
    counts[a.status] += 1;
    if (a.status !== 'cancelled') counts.total += 1;
  }
  return counts;
}

/** 待合 → 診察中 → 会計待ち → 会計済 → 帰宅; 後日精算 → 帰宅; 帰宅 and 受付取消 are ends. */
export function nextStatus(status: QueueStatus): QueueStatus | null {
  switch (status) {
    case 'waiting':
      return 'inConsult';
    case 'inConsult':
      return 'awaitingPayment';
    case 'awaitingPayment':
      return 'paid';
    case 'paid':
    case 'payLater':
      return 'left';
    case 'left':
    case 'cancelled':
      return null;
  }
}

export type StatusFilter = QueueStatus | 'all';

/**
 * The rows to show: those with the status (or all), matching what was typed: a queue number (12,
 * A-012, a012), or part of 氏名 or フリガナ (any width, hiragana or katakana, spaces ignored).
 */
export function filterArrivals(arrivals: readonly Arrival[], status: StatusFilter, query: string): Arrival[] {
  const key = searchKey(query);
  return arrivals.filter((a) => {
    if (status !== 'all' && a.status !== status) return false;
    if (!key) return true;
    if (/^\d+$/.test(key) && Number(key) === a.seq) return true;
    return (
      searchKey(a.queueNo).replace('-', '').includes(key.replace('-', '')) ||
      searchKey(a.name).includes(key) ||
      searchKey(a.kana).includes(key) ||
      (a.patientNo !== '' && searchKey(a.patientNo) === key)
    );
  });
}

/** Statuses of a patient still being seen or waiting to pay (not paid, pay-later, gone home or cancelled). */
const IN_PROGRESS: ReadonlySet<QueueStatus> = new Set(['waiting', 'inConsult', 'awaitingPayment']);

/** Patients not yet through the desk (what recording recovery asks about), in arrival order. */
export function stillOpen(arrivals: readonly Arrival[]): Arrival[] {
  return inArrivalOrder(arrivals.filter((a) => IN_PROGRESS.has(a.status)));
}

/** What the waiting room sees: queue numbers only, grouped by where the patient is (帰宅 and 受付取消 not at all). */
export interface BoardColumns {
  waiting: string[];
  inConsult: string[];
  awaitingPayment: string[];
  /** 会計済 or 後日精算: done at the desk, free to go. */
  done: string[];
}

export function boardColumns(arrivals: readonly Arrival[]): BoardColumns {
  const columns: BoardColumns = { waiting: [], inConsult: [], awaitingPayment: [], done: [] };
  for (const a of inArrivalOrder(arrivals)) {
    if (a.status === 'waiting') columns.waiting.push(a.queueNo);
    else if (a.status === 'inConsult') columns.inConsult.push(a.queueNo);
    else if (a.status === 'awaitingPayment') columns.awaitingPayment.push(a.queueNo);
    else if (a.status === 'paid' || a.status === 'payLater') columns.done.push(a.queueNo);
  }
  return columns;
}

/** A row's records at a glance: 問診, 診療メモ (saved, or a draft being written), 会計 (a bill not voided). */
export interface RowMarks {
  intake: boolean;
  memo: 'saved' | 'draft' | 'none';
  bill: boolean;
}

/**
 * What the queue learns from the other domains: arrivals with a saved memo, with a memo draft, with a bill
 * not voided. The page that shows the queue supplies it (reception does not read memos or bills).
 */
export interface OtherMarks {
  memo: ReadonlySet<string>;
  memoDrafts: ReadonlySet<string>;
  bill: ReadonlySet<string>;
}

/** The marks of one arrival from the session's record sets (undefined while they load: nothing yet). */
export function rowMarks(
  arrivalId: string,
  records: { intake: ReadonlySet<string>; memo: ReadonlySet<string>; bill: ReadonlySet<string> } | undefined,
  memoDrafts: ReadonlySet<string> | undefined
): RowMarks {
  const memo = records?.memo.has(arrivalId) ? 'saved' : memoDrafts?.has(arrivalId) ? 'draft' : 'none';
  return {
    intake: records?.intake.has(arrivalId) ?? false,
    memo,
    bill: records?.bill.has(arrivalId) ?? false
  };
}

export type MarkedRecord = 'intake' | 'memo' | 'billing';
export interface MarkState {
  record: MarkedRecord;
  /** あり / 書きかけ（未保存）/ なし */
  state: 'has' | 'draft' | 'hasNot';
  sign: '✓' | '✎' | '—';
  /** The value the row's data-mark / data-has attributes carry. */
  mark: 'intake' | 'memo' | 'bill';
}

/** The three marks of a row in order, each with its state and its sign. */
export function markStates(marks: RowMarks): MarkState[] {
  const of = (record: MarkedRecord, mark: MarkState['mark'], state: MarkState['state']): MarkState => ({
    record,
    mark,
    state,
    sign: state === 'has' ? '✓' : state === 'draft' ? '✎' : '—'
  });
  return [
    of('intake', 'intake', marks.intake ? 'has' : 'hasNot'),
    of('memo', 'memo', marks.memo === 'saved' ? 'has' : marks.memo === 'draft' ? 'draft' : 'hasNot'),
    of('billing', 'bill', marks.bill ? 'has' : 'hasNot')
  ];
}
