// The cash drawer (レジ) for a session: what each staff member and device took, and what should be in the drawer now.
import { activeBills, takesMoney, type Bill, type PaymentMethod } from './model';
import { paidOf, settleRows, type BillLike as SettledBill, type SettlementLike } from './settlement';

export interface TakenBy {
  /** Staff name or device label. */
  key: string;
  deposits: number;
  depositAmount: number;
  selfPay: number;
  selfPayAmount: number;
  payLater: number;
  total: number;
}

export interface DrawerTotals {
  byStaff: TakenBy[];
  byDevice: TakenBy[];
  byMethod: { method: PaymentMethod; amount: number; count: number }[];
  depositCount: number;
  depositTotal: number;
  selfPayCount: number;
  selfPayTotal: number;
  /** Patients with a 後日精算 (pay-later) bill. */
  payLaterCount: number;
  /** Money taken at the desk (deposits + self-pay), all methods and cash only. */
  takenAll: number;
  takenCash: number;
  /** Refunds given and amounts collected at settlement, all methods and cash only. */
  refundedAll: number;
  refundedCash: number;
  collectedAll: number;
  collectedCash: number;
  /** What should be in the drawer now: cash only, and all methods together. */
  expectedCash: number;
  expectedAll: number;
  voidedCount: number;
  voidedAmount: number;
}

type BillLike = SettledBill & Pick<Bill, 'receivedBy' | 'createdDevice'>;

function group(bills: BillLike[], keyOf: (b: BillLike) => string): TakenBy[] {
  const rows = new Map<string, TakenBy>();
  for (const b of bills) {
    const key = keyOf(b);
    let row = rows.get(key);
    if (!row) {
      row = { key, deposits: 0, depositAmount: 0, selfPay: 0, selfPayAmount: 0, payLater: 0, total: 0 };
      rows.set(key, row);
    }
    if (b.kind === 'deposit') {
      row.deposits += 1;
      row.depositAmount += b.amount;
    } else if (b.kind === 'selfPay') {
      row.selfPay += 1;
      row.selfPayAmount += b.amount;
    } else row.payLater += 1;
    row.total += paidOf(b);
  }
  return [...rows.values()].sort((a, b) => a.key.localeCompare(b.key, 'ja'));
}

/** Drawer totals; voided bills (取消) are counted apart and excluded from every total. */
export function drawerTotals(bills: BillLike[], settlements: SettlementLike[] = []): DrawerTotals {
  const active = activeBills(bills);
  const voided = bills.filter((b) => b.voided);
  const money = active.filter((b) => takesMoney(b.kind));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const methods = new Map<PaymentMethod, { method: PaymentMethod; amount: number; count: number }>();
  for (const b of money) {
    const m = (b.method || 'other') as PaymentMethod;
    const row = methods.get(m) ?? { method: m, amount: 0, count: 0 };
    row.amount += b.amount;
    row.count += 1;
    methods.set(m, row);
  }
  const settled = settleRows(active, settlements).filter((r) => r.status === 'settled' && r.figures);
  const refundedAll = sum(settled.map((r) => r.figures?.refund ?? 0));
  const collectedAll = sum(settled.map((r) => r.figures?.toCollect ?? 0));
  const cashSettled = settled.filter((r) => r.settlement?.method === 'cash');
  const refundedCash = sum(cashSettled.map((r) => r.figures?.refund ?? 0));
  const collectedCash = sum(cashSettled.map((r) => r.figures?.toCollect ?? 0));
  const takenAll = sum(money.map((b) => b.amount));
  const takenCash = sum(money.filter((b) => b.method === 'cash').map((b) => b.amount));
  const payLaterArrivals = new Set(active.filter((b) => b.kind === 'payLater').map((b) => b.arrivalId));
  return {
    byStaff: group(active, (b) => b.receivedBy),
    byDevice: group(active, (b) => b.createdDevice),
    byMethod: [...methods.values()],
    depositCount: active.filter((b) => b.kind === 'deposit').length,
    depositTotal: sum(active.filter((b) => b.kind === 'deposit').map((b) => b.amount)),
    selfPayCount: active.filter((b) => b.kind === 'selfPay').length,
    selfPayTotal: sum(active.filter((b) => b.kind === 'selfPay').map((b) => b.amount)),
    payLaterCount: payLaterArrivals.size,
    takenAll,
    takenCash,
    refundedAll,
    refundedCash,
    collectedAll,
    collectedCash,
    expectedCash: takenCash - refundedCash + collectedCash,
    expectedAll: takenAll - refundedAll + collectedAll,
    voidedCount: voided.length,
    voidedAmount: sum(voided.map((b) => paidOf(b)))
  };
}
