// IOU billing during the outage — deposits (預り金), pay-later (後日精算), self-pay — and settlement afterwards: types.
import type { RecordMeta } from '../store/record';
import { fail, ok, type FieldProblems, type Result } from '../result';

export type BillKind = 'deposit' | 'payLater' | 'selfPay'; // 預り金 / 後日精算 / 自費(全額)
export type PaymentMethod = 'cash' | 'card' | 'qr' | 'other';
export type BillReason = 'systemDown' | 'insuranceUnconfirmed' | 'notCalculated'; // システム障害 / 資格未確認 / 会計未計算

export interface Voiding {
  at: string;
  by: string;
  reason: string;
}

export interface Bill extends RecordMeta {
  arrivalId: string;
  kind: BillKind;
  /** Whole yen, never negative; 0 for pay-later. */
  amount: number;
  method: PaymentMethod | '';
  receivedBy: string;
  reason: BillReason;
  /** Deposit serial unique across devices: device label + number, e.g. A-0003 ('' for pay-later). */
  serial: string;
  issuedAt: string;
  /** A correction (取消) keeps the original with a reason. */
  voided: Voiding | null;
  paperSerial: string;
}

/** 未精算 / 精算済 / 返金待ち / 連絡不能 / 取消 */
export type SettlementStatus = 'open' | 'settled' | 'refundPending' | 'unreachable' | 'cancelled';

export interface Settlement extends RecordMeta {
  /** The visit's first bill to settle (the settle page's address). */
  billId: string;
  /**
   * Every bill of the visit this settlement covers (its 預り金 and 後日精算, the first one included): the
   * charge is entered once per visit. Absent on settlements made before settling per visit: [billId].
   */
  billIds?: string[];
  /** The real charge from the レセコン: 一部負担金 + 自費, in yen. */
  copayCharge: number;
  selfPayCharge: number;
  status: SettlementStatus;
  settledAt: string;
  method: PaymentMethod | '';
  settledBy: string;
  /** 領収証 number issued by the レセコン. */
  receiptNo: string;
  note: string;
}

export function formatSerial(deviceLabel: string, seq: number): string {
  return `${deviceLabel}-${String(seq).padStart(4, '0')}`;
}

export function serialCounterKey(deviceLabel: string): string {
  // Serials never restart: one sequence per device label across sessions, so a slip is never ambiguous.
  return `deposit:${deviceLabel}`;
}

export const billKinds: BillKind[] = ['deposit', 'payLater', 'selfPay'];
export const paymentMethods: PaymentMethod[] = ['cash', 'card', 'qr', 'other'];
export const billReasons: BillReason[] = ['systemDown', 'insuranceUnconfirmed', 'notCalculated'];

/** The largest amount accepted anywhere in billing: a typo guard, far above any outpatient charge. */
export const MAX_YEN = 9_999_999;

/**
 * Read a yen amount as typed at the desk: 全角 digits, commas (、，,), 円, ¥ and spaces are accepted;
 * the result is a whole number of yen, never negative.
 */
export function parseYen(text: string): Result<number> {
  const s = text
    .normalize('NFKC')
    .replace(/[\s,、，]/g, '')
    .replace(/^[¥￥\\]/, '')
    .replace(/円$/, '');
  if (s === '') return fail({ key: 'billing.error.amountRequired' });
  if (/^[-−ー‐–]/.test(s)) return fail({ key: 'billing.error.amountNegative' });
  if (/^\d+\.\d*$/.test(s) && !/^\d+\.0*$/.test(s)) return fail({ key: 'billing.error.amountWhole' });
  const digits = s.replace(/\.0*$/, '');
  if (!/^\d+$/.test(digits)) return fail({ key: 'billing.error.amountInvalid' });
  const n = Number(digits);
  if (n > MAX_YEN)
    return fail({ key: 'billing.error.amountTooLarge', values: { max: formatAmount(MAX_YEN) } });
  return ok(n);
}

/** 5000 → '5,000' (thousands separators; the unit is added by the message that shows it). */
export function formatAmount(amount: number): string {
  return String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** What the cashier fills in for one bill; amounts are kept as typed so nothing is lost on a failed check. */
export interface BillForm {
  kind: BillKind;
  amountText: string;
  method: PaymentMethod | '';
  receivedBy: string;
  reason: BillReason | '';
  /** Serial of a handwritten paper 預り証 already given to the patient, if any. */
  paperSerial: string;
}

/** The checked, typed fields of a bill, ready for the repo. */
export interface BillFields {
  kind: BillKind;
  amount: number;
  method: PaymentMethod | '';
  receivedBy: string;
  reason: BillReason;
  paperSerial: string;
}

export type BillField = 'kind' | 'amount' | 'method' | 'receivedBy' | 'reason' | 'paperSerial';

/** A fresh bill form; the reason starts as 資格未確認 for a patient whose eligibility is not confirmed. */
export function emptyBillForm(receivedBy: string, eligibilityUnconfirmed = false): BillForm {
  return {
    kind: 'deposit',
    amountText: '',
    method: 'cash',
    receivedBy,
    reason: eligibilityUnconfirmed ? 'insuranceUnconfirmed' : 'systemDown',
    paperSerial: ''
  };
}

/** Whether this kind of bill takes money now (預り金 and 自費 do; 後日精算 does not). */
export function takesMoney(kind: BillKind): boolean {
  return kind !== 'payLater';
}

/** Check a bill form; on success the typed fields, otherwise a problem per field. */
export function readBillForm(form: BillForm): Result<BillFields, FieldProblems<BillField>> {
  const problems: FieldProblems<BillField> = {};
  if (!billKinds.includes(form.kind)) problems.kind = { key: 'billing.error.kind', field: 'kind' };
  let amount = 0;
  if (takesMoney(form.kind)) {
    const parsed = parseYen(form.amountText);
    if (!parsed.ok) problems.amount = { ...parsed.error, field: 'amount' };
    else if (parsed.value === 0) problems.amount = { key: 'billing.error.amountZero', field: 'amount' };
    else amount = parsed.value;
    if (!form.method || !paymentMethods.includes(form.method))
      problems.method = { key: 'billing.error.method', field: 'method' };
  }
  if (!form.receivedBy.trim())
    problems.receivedBy = {
      // Nothing is received on a pay-later: the field names who handled it (担当).
      key: takesMoney(form.kind) ? 'billing.error.receivedBy' : 'billing.error.handledBy',
      field: 'receivedBy'
    };
  if (!form.reason || !billReasons.includes(form.reason))
    problems.reason = { key: 'billing.error.reason', field: 'reason' };
  const paperSerial = form.paperSerial.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  if (paperSerial.length > 20)
    problems.paperSerial = { key: 'billing.error.paperSerial', field: 'paperSerial' };
  if (Object.keys(problems).length > 0) return fail(problems);
  return ok({
    kind: form.kind,
    amount,
    method: takesMoney(form.kind) ? (form.method as PaymentMethod) : '',
    receivedBy: form.receivedBy.trim(),
    reason: form.reason as BillReason,
    paperSerial
  });
}

/** Bills that count: not voided (取消). */
export function activeBills<B extends Pick<Bill, 'voided'>>(bills: B[]): B[] {
  return bills.filter((b) => !b.voided);
}

/**
 * Whether a slip may be printed for this bill: every payment (預り金, 自費), never once voided (取消) — the
 * slip has no place for a 取消 mark, so a voided bill's slip would read as valid.
 */
export function canPrintSlip(bill: Pick<Bill, 'kind' | 'voided'>): boolean {
  return takesMoney(bill.kind) && !bill.voided;
}

/**
 * Which slip a payment gets: a 預り証 for a deposit, a お支払い控え for 自費. Every payment gets one, so
 * the patient holds proof of what they paid until the レセコン issues the 領収証.
 */
export function slipKind(bill: Pick<Bill, 'kind'>): 'depositSlip' | 'selfPaySlip' {
  return bill.kind === 'selfPay' ? 'selfPaySlip' : 'depositSlip';
}

/**
 * 自費 taken only because eligibility could not be confirmed (資格未確認): once it is, the insured charge
 * is entered and the difference refunded — it is settled later like a deposit.
 */
export function selfPayToSettle(bill: Pick<Bill, 'kind' | 'reason'>): boolean {
  return bill.kind === 'selfPay' && bill.reason === 'insuranceUnconfirmed';
}

/** The queue status an arrival moves to once billed: 会計済 for money taken, 後日精算 for pay-later. */
export function arrivalStatusAfter(kind: BillKind): 'paid' | 'payLater' {
  return kind === 'payLater' ? 'payLater' : 'paid';
}

/**
 * The queue status an arrival should show given its active bills, or null to leave it alone:
 * any money taken → 会計済; only pay-later → 後日精算; none left (all voided) → back to 会計待ち.
 */
export function arrivalStatusFor(
  bills: Pick<Bill, 'kind' | 'voided'>[]
): 'paid' | 'payLater' | 'awaitingPayment' {
  const active = activeBills(bills);
  if (active.some((b) => takesMoney(b.kind))) return 'paid';
  if (active.length > 0) return 'payLater';
  return 'awaitingPayment';
}

/**
 * The queue status after a bill is recorded, or null to leave it: money taken (or a pay-later agreed)
 * before the doctor has seen the patient — a deposit at the desk — keeps them 待合 / 診察中, so they
 * stay in the waiting list; after the consultation the bills decide (arrivalStatusFor).
 */
export function arrivalStatusAfterBill(
  current: string,
  bills: Pick<Bill, 'kind' | 'voided'>[]
): 'paid' | 'payLater' | 'awaitingPayment' | null {
  if (current === 'waiting' || current === 'inConsult') return null;
  return arrivalStatusFor(bills);
}

/** A correction (取消) needs a reason a manager can read later. */
export function checkVoidReason(reason: string): FieldProblems<'reason'> {
  const r = reason.trim();
  if (!r) return { reason: { key: 'billing.error.voidReason', field: 'reason' } };
  if (r.length > 200) return { reason: { key: 'billing.error.voidReasonLong', field: 'reason' } };
  return {};
}

/**
 * After a bill is voided, the status the arrival should move to, or null to leave it: only an arrival the
 * cashier moved (会計済 / 後日精算) follows its remaining bills; one that went home (帰宅) stays.
 */
export function arrivalStatusAfterVoid(
  current: string,
  bills: Pick<Bill, 'kind' | 'voided'>[]
): 'paid' | 'payLater' | 'awaitingPayment' | null {
  if (current !== 'paid' && current !== 'payLater') return null;
  const next = arrivalStatusFor(bills);
  return next === current ? null : next;
}
