// Settlement after recovery (精算): the real charge from the レセコン against what was paid, and the session's cash summary.
import { fail, ok, type FieldProblems, type Result } from '../result';
import { parseLocalDateTime, toLocalDateTime } from '../outage/model';
import {
  activeBills,
  formatAmount,
  selfPayToSettle,
  parseYen,
  paymentMethods,
  takesMoney,
  type Bill,
  type PaymentMethod,
  type Settlement,
  type SettlementStatus
} from './model';

/** Statuses in the order a list shows them: 未精算 / 返金待ち / 連絡不能 / 精算済 / 取消. */
export const settlementStatuses: SettlementStatus[] = [
  'open',
  'refundPending',
  'unreachable',
  'settled',
  'cancelled'
];

/**
 * Deposits and pay-laters are settled after recovery; so is 自費 taken because eligibility was not
 * confirmed (the difference is refunded once it is). Other self-pay was paid in full at the desk.
 */
export function needsSettlement(bill: Pick<Bill, 'kind' | 'reason'>): boolean {
  return bill.kind !== 'selfPay' || selfPayToSettle(bill);
}

/** What the patient paid at the desk during the outage. */
export function paidOf(bill: Pick<Bill, 'kind' | 'amount'>): number {
  return takesMoney(bill.kind) ? bill.amount : 0;
}

export interface SettlementFigures {
  paid: number;
  /** 一部負担金 + 自費 */
  charge: number;
  /** Paid more than the charge: give back (返金). */
  refund: number;
  /** Paid less than the charge: still to collect (追加徴収). */
  toCollect: number;
}

export function settlementFigures(
  paid: number,
  copayCharge: number,
  selfPayCharge: number
): SettlementFigures {
  const charge = copayCharge + selfPayCharge;
  const diff = charge - paid;
  return { paid, charge, refund: Math.max(0, -diff), toCollect: Math.max(0, diff) };
}

/** The bills a settlement covers: all of its visit's bills, or its one bill for one made before that. */
export function coveredBills(s: Pick<Settlement, 'billId' | 'billIds'>): string[] {
  return s.billIds && s.billIds.length > 0 ? s.billIds : [s.billId];
}

function newer<S extends Pick<Settlement, 'updatedAt' | 'rev'>>(s: S, seen: S | undefined): boolean {
  return !seen || s.updatedAt > seen.updatedAt || (s.updatedAt === seen.updatedAt && s.rev > seen.rev);
}

/**
 * The settlement that counts for each bill: the most recently changed one covering it (two devices may
 * each have made one). A visit's settlement counts for every bill it covers.
 */
export function latestByBill<S extends Pick<Settlement, 'billId' | 'billIds' | 'updatedAt' | 'rev'>>(
  settlements: S[]
): Map<string, S> {
  const out = new Map<string, S>();
  for (const s of settlements) for (const id of coveredBills(s)) if (newer(s, out.get(id))) out.set(id, s);
  return out;
}

/** The settlement that counts for a visit: the newest one covering any of its bills. */
export function latestForBills<S extends Pick<Settlement, 'billId' | 'billIds' | 'updatedAt' | 'rev'>>(
  settlements: S[],
  billIds: readonly string[]
): S | undefined {
  const ids = new Set(billIds);
  let best: S | undefined;
  for (const s of settlements) if (coveredBills(s).some((id) => ids.has(id)) && newer(s, best)) best = s;
  return best;
}

/** 取消 when the bill was voided; otherwise the settlement's status, 未精算 when there is none yet. */
export function statusOf(
  bill: Pick<Bill, 'voided'>,
  settlement: Pick<Settlement, 'status'> | undefined
): SettlementStatus {
  if (bill.voided) return 'cancelled';
  return settlement?.status ?? 'open';
}

/** What the user can choose on the settle form (取消 comes only from voiding the bill). */
export type SettleOutcome = 'settled' | 'refundPending' | 'unreachable' | 'open';
export const settleOutcomes: SettleOutcome[] = ['settled', 'refundPending', 'unreachable', 'open'];

export interface SettleForm {
  copayText: string;
  selfPayText: string;
  status: SettleOutcome;
  /** Local 'YYYY-MM-DDTHH:mm' */
  settledAtLocal: string;
  method: PaymentMethod | '';
  settledBy: string;
  receiptNo: string;
  note: string;
}

export interface SettlementFields {
  copayCharge: number;
  selfPayCharge: number;
  status: SettleOutcome;
  /** ISO instant, '' unless settled. */
  settledAt: string;
  method: PaymentMethod | '';
  settledBy: string;
  receiptNo: string;
  note: string;
}

export type SettleField =
  'copay' | 'selfPay' | 'status' | 'settledAt' | 'method' | 'settledBy' | 'receiptNo' | 'note';

/** A refund or collection goes back the way the money came (QR → QR); cash when nothing was paid. */
export function defaultSettleMethod(bill: Pick<Bill, 'method'>): PaymentMethod {
  return bill.method || 'cash';
}

export function emptySettleForm(
  settledBy: string,
  settledAtLocal: string,
  method: PaymentMethod = 'cash'
): SettleForm {
  return {
    copayText: '',
    selfPayText: '',
    status: 'settled',
    settledAtLocal,
    method,
    settledBy,
    receiptNo: '',
    note: ''
  };
}

/** Which settlement a form was started from: null when there was none yet. */
export type SettlementVersion = { id: string; rev: number } | null;

/** A settle form as autosaved: it carries the version it started from, so a restored draft still detects a change made meanwhile. */
export interface SettleDraft extends SettleForm {
  basedOn: SettlementVersion;
}

/**
 * The settle form for a bill: empty (settled now, by `settledBy`, the bill's own method) when there is no
 * settlement yet, otherwise what was stored, with gaps filled the same way.
 */
export function settleFormFrom(
  bill: Pick<Bill, 'method'>,
  s:
    | Pick<
        Settlement,
        | 'id'
        | 'rev'
        | 'copayCharge'
        | 'selfPayCharge'
        | 'status'
        | 'settledAt'
        | 'method'
        | 'settledBy'
        | 'receiptNo'
        | 'note'
      >
    | undefined,
  settledBy: string,
  now: Date
): SettleDraft {
  const empty = emptySettleForm(settledBy, toLocalDateTime(now), defaultSettleMethod(bill));
  if (!s) return { ...empty, basedOn: null };
  return {
    copayText: formatAmount(s.copayCharge),
    selfPayText: s.selfPayCharge ? formatAmount(s.selfPayCharge) : '',
    status: s.status === 'cancelled' ? 'open' : s.status,
    settledAtLocal: s.settledAt ? toLocalDateTime(new Date(s.settledAt)) : empty.settledAtLocal,
    method: s.method || empty.method,
    settledBy: s.settledBy || empty.settledBy,
    receiptNo: s.receiptNo,
    note: s.note,
    basedOn: { id: s.id, rev: s.rev }
  };
}

/** The figures a settle form shows while it is being filled, or null until the charge reads as yen. */
export function previewFigures(
  form: Pick<SettleForm, 'copayText' | 'selfPayText'>,
  paid: number
): SettlementFigures | null {
  const copay = parseYen(form.copayText);
  const self = form.selfPayText.trim() === '' ? ok(0) : parseYen(form.selfPayText);
  if (!copay.ok || !self.ok) return null;
  return settlementFigures(paid, copay.value, self.value);
}

/** Check a settle form for a bill that took `paid` yen; `now` bounds the settled time. */
export function readSettleForm(
  form: SettleForm,
  paid: number,
  now: Date
): Result<SettlementFields, FieldProblems<SettleField>> {
  const problems: FieldProblems<SettleField> = {};
  const copay = parseYen(form.copayText);
  if (!copay.ok) problems.copay = { ...copay.error, field: 'copay' };
  const self = form.selfPayText.trim() === '' ? ok(0) : parseYen(form.selfPayText);
  if (!self.ok) problems.selfPay = { ...self.error, field: 'selfPay' };
  if (!settleOutcomes.includes(form.status))
    problems.status = { key: 'billing.error.settleStatus', field: 'status' };
  const figures = copay.ok && self.ok ? settlementFigures(paid, copay.value, self.value) : null;
  const moneyMoves = figures ? figures.refund > 0 || figures.toCollect > 0 : false;
  let settledAt = '';
  if (form.status === 'settled') {
    const at = parseLocalDateTime(form.settledAtLocal);
    if (!at) problems.settledAt = { key: 'billing.error.settledAt', field: 'settledAt' };
    else if (at.getTime() > now.getTime() + 5 * 60_000)
      problems.settledAt = { key: 'billing.error.settledAtFuture', field: 'settledAt' };
    else settledAt = at.toISOString();
    if (!form.settledBy.trim()) problems.settledBy = { key: 'billing.error.settledBy', field: 'settledBy' };
    if (!form.receiptNo.trim()) problems.receiptNo = { key: 'billing.error.receiptNo', field: 'receiptNo' };
    if (moneyMoves && (!form.method || !paymentMethods.includes(form.method)))
      problems.method = { key: 'billing.error.method', field: 'method' };
  }
  if (form.status === 'refundPending' && figures && figures.refund === 0)
    problems.status = { key: 'billing.error.noRefundDue', field: 'status' };
  if (form.receiptNo.length > 40)
    problems.receiptNo = { key: 'billing.error.receiptNoLong', field: 'receiptNo' };
  if (form.note.length > 500) problems.note = { key: 'billing.error.noteLong', field: 'note' };
  if (Object.keys(problems).length > 0 || !copay.ok || !self.ok) return fail(problems);
  return ok({
    copayCharge: copay.value,
    selfPayCharge: self.value,
    status: form.status,
    settledAt,
    method: form.status === 'settled' && moneyMoves ? (form.method as PaymentMethod) : '',
    settledBy: form.status === 'settled' ? form.settledBy.trim() : '',
    receiptNo: form.receiptNo.normalize('NFKC').trim(),
    note: form.note.trim()
  });
}

/** What settling reads of a bill (the drawer and the till count read these too). */
export type BillLike = Pick<
  Bill,
  'id' | 'kind' | 'amount' | 'voided' | 'issuedAt' | 'method' | 'arrivalId' | 'reason'
>;
/** What settling reads of a settlement. */
export type SettlementLike = Pick<
  Settlement,
  | 'billId'
  | 'billIds'
  | 'copayCharge'
  | 'selfPayCharge'
  | 'status'
  | 'settledAt'
  | 'method'
  | 'updatedAt'
  | 'rev'
>;

/**
 * One visit to settle: its deposits and pay-laters (the real charge is entered once for all of them),
 * its settlement (if any), status and figures — a row of the settle list.
 */
export interface SettleRow<B extends BillLike, S extends SettlementLike> {
  arrivalId: string;
  /** The visit's first bill to settle: the settle page's address. */
  bill: B;
  /** Every bill of the visit to settle (not voided), oldest first; the voided ones when all are. */
  bills: B[];
  /** The visit's voided bills beside active ones (shown struck through, never counted). */
  voided: B[];
  /** What the patient paid at the desk for this visit, all bills together. */
  paid: number;
  settlement: S | undefined;
  status: SettlementStatus;
  /** Null until the charge is entered. */
  figures: SettlementFigures | null;
  /** The visit's bills changed after it was settled (one added or voided): settle it again. */
  changed: boolean;
}

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** Bills to settle grouped by visit, in the order their visits first took money. */
function byVisit<B extends BillLike>(bills: B[]): B[][] {
  const visits = new Map<string, B[]>();
  const sorted = bills
    .filter(needsSettlement)
    .sort((a, b) => a.issuedAt.localeCompare(b.issuedAt) || a.id.localeCompare(b.id));
  for (const b of sorted) visits.set(b.arrivalId, [...(visits.get(b.arrivalId) ?? []), b]);
  return [...visits.values()];
}

/** One row per visit with a deposit or pay-later (voided bills count only when all of a visit's are). */
export function settleRows<B extends BillLike, S extends SettlementLike>(
  bills: B[],
  settlements: S[]
): SettleRow<B, S>[] {
  return byVisit(bills).map((all) => {
    const active = activeBills(all);
    const shown = active.length > 0 ? active : all;
    const settlement = latestForBills(
      settlements,
      all.map((b) => b.id)
    );
    const paid = active.reduce((sum, b) => sum + paidOf(b), 0);
    const changed =
      !!settlement &&
      active.length > 0 &&
      !sameIds(
        coveredBills(settlement),
        active.map((b) => b.id)
      );
    const status: SettlementStatus =
      active.length === 0 ? 'cancelled' : changed ? 'open' : (settlement?.status ?? 'open');
    return {
      arrivalId: shown[0]!.arrivalId,
      bill: shown[0]!,
      bills: shown,
      voided: active.length > 0 ? all.filter((b) => b.voided) : [],
      paid,
      settlement,
      status,
      figures: settlement ? settlementFigures(paid, settlement.copayCharge, settlement.selfPayCharge) : null,
      changed
    };
  });
}

/** The session's money, from deposits taken to what is still open. Every figure is whole yen. */
export interface CashSummary {
  counts: {
    deposits: number;
    payLater: number;
    selfPay: number;
    voided: number;
    open: number;
    refundPending: number;
    unreachable: number;
    settled: number;
  };
  /** 預り金 taken (voided excluded). */
  depositsTaken: number;
  /** 自費 paid in full at the desk. */
  selfPayTaken: number;
  /** The レセコン's charges for the settled items. */
  settledCharges: number;
  /** Given back on settled items. */
  refunded: number;
  /** Collected on settled items. */
  collected: number;
  /** Deposits of items not settled yet: still held for the patients. */
  held: number;
  /** Refunds known but not yet given (charge entered, not settled). */
  refundOwed: number;
  /** Amounts known but not yet collected (charge entered, not settled). */
  toCollect: number;
  /** Items not yet settled: 未精算 + 返金待ち + 連絡不能. */
  stillOpen: number;
  /**
   * Money in: deposits + self-pay − refunds + collections. (Whether the till holds it is the count's
   * question: cash-count.ts checkDrawers, never a sum of these figures.)
   */
  netCash: number;
}

export function cashSummary(bills: BillLike[], settlements: SettlementLike[]): CashSummary {
  const active = activeBills(bills);
  const rows = settleRows(active, settlements);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const depositsTaken = sum(active.filter((b) => b.kind === 'deposit').map((b) => b.amount));
  const selfPayTaken = sum(active.filter((b) => b.kind === 'selfPay').map((b) => b.amount));
  const settled = rows.filter((r) => r.status === 'settled');
  const unsettled = rows.filter((r) => r.status !== 'settled' && r.status !== 'cancelled');
  const refunded = sum(settled.map((r) => r.figures?.refund ?? 0));
  const collected = sum(settled.map((r) => r.figures?.toCollect ?? 0));
  const settledCharges = sum(settled.map((r) => r.figures?.charge ?? 0));
  const held = sum(unsettled.map((r) => r.paid));
  const netCash = depositsTaken + selfPayTaken - refunded + collected;
  const count = (s: SettlementStatus) => rows.filter((r) => r.status === s).length;
  return {
    counts: {
      deposits: active.filter((b) => b.kind === 'deposit').length,
      payLater: active.filter((b) => b.kind === 'payLater').length,
      selfPay: active.filter((b) => b.kind === 'selfPay').length,
      voided: bills.length - active.length,
      open: count('open'),
      refundPending: count('refundPending'),
      unreachable: count('unreachable'),
      settled: settled.length
    },
    depositsTaken,
    selfPayTaken,
    settledCharges,
    refunded,
    collected,
    held,
    refundOwed: sum(unsettled.map((r) => r.figures?.refund ?? 0)),
    toCollect: sum(unsettled.map((r) => r.figures?.toCollect ?? 0)),
    stillOpen: unsettled.length,
    netCash
  };
}

/** Money in and out on one calendar day. */
export interface DailyFlow {
  day: string;
  depositsTaken: number;
  selfPayTaken: number;
  refunded: number;
  collected: number;
  net: number;
}

/**
 * The session's money day by day (deposits on the day they were taken, refunds and collections on the
 * day they were settled). `dayOf` maps an ISO instant to a local 'YYYY-MM-DD'. The nets add up to netCash.
 */
export function dailyFlows(
  bills: BillLike[],
  settlements: SettlementLike[],
  dayOf: (iso: string) => string
): DailyFlow[] {
  const days = new Map<string, DailyFlow>();
  const at = (day: string) => {
    let row = days.get(day);
    if (!row) {
      row = { day, depositsTaken: 0, selfPayTaken: 0, refunded: 0, collected: 0, net: 0 };
      days.set(day, row);
    }
    return row;
  };
  const active = activeBills(bills);
  for (const b of active) {
    if (b.kind === 'deposit') at(dayOf(b.issuedAt)).depositsTaken += b.amount;
    if (b.kind === 'selfPay') at(dayOf(b.issuedAt)).selfPayTaken += b.amount;
  }
  for (const r of settleRows(active, settlements)) {
    if (r.status !== 'settled' || !r.figures || !r.settlement) continue;
    const row = at(dayOf(r.settlement.settledAt));
    row.refunded += r.figures.refund;
    row.collected += r.figures.toCollect;
  }
  const out = [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
  for (const row of out) row.net = row.depositsTaken + row.selfPayTaken - row.refunded + row.collected;
  return out;
}

type VisitPerson = { id: string; patientNo: string; name: string; birthDate: string };

/** Whether two visits are the same patient's: by 患者番号 when both have one, else by name and birth date. */
function samePatient(a: VisitPerson, b: VisitPerson): boolean {
  if (a.patientNo && b.patientNo) return a.patientNo === b.patientNo;
  const name = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
  return !!a.birthDate && a.birthDate === b.birthDate && name(a.name) === name(b.name);
}

/**
 * The same patient's other visits that still wait for settlement: the レセコン's charge is per visit, so a
 * charge entered here must be this visit's alone (a day's total would settle two visits' bills on one).
 */
export function otherVisitsToSettle<A extends VisitPerson, B extends BillLike, S extends SettlementLike>(
  arrivalId: string,
  arrivals: readonly A[],
  rows: readonly SettleRow<B, S>[]
): A[] {
  const me = arrivals.find((a) => a.id === arrivalId);
  if (!me) return [];
  const waiting = new Set(
    rows.filter((r) => r.status !== 'settled' && r.status !== 'cancelled').map((r) => r.arrivalId)
  );
  return arrivals.filter((a) => a.id !== arrivalId && waiting.has(a.id) && samePatient(me, a));
}
