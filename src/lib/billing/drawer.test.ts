// Cash drawer totals: by staff and device, cash versus all methods, voided bills excluded.
import { describe, expect, it } from 'vitest';
import type { Bill, BillKind, PaymentMethod } from './model';
import { drawerTotals } from './drawer';

let n = 0;
const bill = (
  kind: BillKind,
  amount: number,
  receivedBy: string,
  device: string,
  method: PaymentMethod | '' = 'cash',
  voided = false
) =>
  ({
    id: `b${++n}`,
    arrivalId: `a${n}`,
    kind,
    amount,
    reason: 'systemDown' as const,
    method: kind === 'payLater' ? ('' as const) : method,
    receivedBy,
    createdDevice: device,
    issuedAt: '2025-11-15T01:00:00.000Z',
    voided: voided ? { at: '2025-11-15T02:00:00.000Z', by: '花子', reason: '二重登録' } : null
  }) satisfies Partial<Bill>;

describe('drawerTotals', () => {
  const bills = [
    bill('deposit', 5000, '受付 花子', 'A'),
    bill('deposit', 3000, '受付 花子', 'A', 'cash', true),
    bill('deposit', 10000, '会計 一郎', 'B', 'card'),
    bill('selfPay', 2200, '会計 一郎', 'B'),
    bill('payLater', 0, '受付 花子', 'A'),
    bill('payLater', 0, '会計 一郎', 'B')
  ];
  const t = drawerTotals(bills);

  it('totals by staff member and device, without the voided bill', () => {
    expect(t.byStaff).toEqual([
      {
        key: '会計 一郎',
        deposits: 1,
        depositAmount: 10000,
        selfPay: 1,
        selfPayAmount: 2200,
        payLater: 1,
        total: 12200
      },
      {
        key: '受付 花子',
        deposits: 1,
        depositAmount: 5000,
        selfPay: 0,
        selfPayAmount: 0,
        payLater: 1,
        total: 5000
      }
    ]);
    expect(t.byDevice.map((r) => [r.key, r.total])).toEqual([
      ['A', 5000],
      ['B', 12200]
    ]);
  });

  it('cash in the drawer versus all methods; pay-later patients counted', () => {
    expect(t.takenCash).toBe(7200);
    expect(t.takenAll).toBe(17200);
    expect(t.expectedCash).toBe(7200);
    expect(t.expectedAll).toBe(17200);
    expect(t.payLaterCount).toBe(2);
    expect(t.depositCount).toBe(2);
    expect(t.depositTotal).toBe(15000);
    expect(t.byMethod).toEqual([
      { method: 'cash', amount: 7200, count: 2 },
      { method: 'card', amount: 10000, count: 1 }
    ]);
  });

  it('lists the voided bill apart', () => {
    expect(t.voidedCount).toBe(1);
    expect(t.voidedAmount).toBe(3000);
  });

  it('cash refunds and collections at settlement change what should be in the drawer', () => {
    const [d1, , d2, , p1] = bills;
    const s = (billId: string, copay: number, method: PaymentMethod) => ({
      billId,
      copayCharge: copay,
      selfPayCharge: 0,
      status: 'settled' as const,
      settledAt: '2025-11-16T01:00:00.000Z',
      method,
      updatedAt: '2025-11-16T01:00:00.000Z',
      rev: 1
    });
    const after = drawerTotals(bills, [
      s(d1!.id, 3740, 'cash'),
      s(p1!.id, 1200, 'cash'),
      s(d2!.id, 9000, 'card')
    ]);
    expect(after.refundedCash).toBe(1260);
    expect(after.collectedCash).toBe(1200);
    expect(after.expectedCash).toBe(7200 - 1260 + 1200);
    expect(after.expectedAll).toBe(17200 - 1260 - 1000 + 1200);
  });

  it('an empty session has zeros', () => {
    expect(drawerTotals([])).toMatchObject({ takenAll: 0, expectedCash: 0, payLaterCount: 0, byStaff: [] });
  });
});
