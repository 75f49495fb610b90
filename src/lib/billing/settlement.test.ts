// Settlement arithmetic and the cash summary that ties out to the yen.
import { describe, expect, it } from 'vitest';
import type { BillKind, SettlementStatus } from './model';
import {
  cashSummary,
  dailyFlows,
  latestByBill,
  otherVisitsToSettle,
  previewFigures,
  readSettleForm,
  settleRows,
  settlementFigures,
  statusOf,
  emptySettleForm,
  settleFormFrom,
  type BillLike,
  type SettlementLike
} from './settlement';

type B = BillLike;
type S = SettlementLike;

const bill = (id: string, kind: BillKind, amount: number, extra: Partial<B> = {}): B => ({
  id,
  // Each bill its own visit unless a test says otherwise.
  arrivalId: `visit-${id}`,
  kind,
  amount,
  reason: 'systemDown',
  voided: null,
  issuedAt: '2025-11-15T01:00:00.000Z',
  method: kind === 'payLater' ? '' : 'cash',
  ...extra
});
const settlement = (billId: string, copay: number, status: SettlementStatus, extra: Partial<S> = {}): S => ({
  billId,
  copayCharge: copay,
  selfPayCharge: 0,
  status,
  settledAt: status === 'settled' ? '2025-11-16T02:00:00.000Z' : '',
  method: 'cash',
  updatedAt: '2025-11-16T02:00:00.000Z',
  rev: 1,
  ...extra
});

describe('settlementFigures', () => {
  it('a ¥5,000 deposit against a ¥3,740 charge: refund ¥1,260', () => {
    expect(settlementFigures(5000, 3740, 0)).toEqual({
      paid: 5000,
      charge: 3740,
      refund: 1260,
      toCollect: 0
    });
  });
  it('pay-later with ¥1,200 charged: collect ¥1,200', () => {
    expect(settlementFigures(0, 1200, 0)).toEqual({ paid: 0, charge: 1200, refund: 0, toCollect: 1200 });
  });
  it('co-payment and self-pay add up; an exact deposit is even', () => {
    expect(settlementFigures(3000, 2200, 800)).toEqual({ paid: 3000, charge: 3000, refund: 0, toCollect: 0 });
    expect(settlementFigures(3000, 2200, 1800).toCollect).toBe(1000);
  });
});

describe('previewFigures', () => {
  it('shows figures while typing, full-width included; nothing until the charge reads', () => {
    expect(previewFigures({ copayText: '３，７４０', selfPayText: '' }, 5000)?.refund).toBe(1260);
    expect(previewFigures({ copayText: '', selfPayText: '' }, 5000)).toBeNull();
    expect(previewFigures({ copayText: '100', selfPayText: 'x' }, 5000)).toBeNull();
  });
});

describe('statusOf and latestByBill', () => {
  it('a voided bill is 取消 whatever its settlement says; no settlement is 未精算', () => {
    expect(statusOf({ voided: { at: '', by: '', reason: 'x' } }, { status: 'settled' })).toBe('cancelled');
    expect(statusOf({ voided: null }, undefined)).toBe('open');
    expect(statusOf({ voided: null }, { status: 'unreachable' })).toBe('unreachable');
  });
  it('the latest change of two devices wins', () => {
    const a = settlement('b1', 100, 'open', { updatedAt: '2025-11-16T01:00:00.000Z' });
    const b = settlement('b1', 200, 'settled', { updatedAt: '2025-11-16T03:00:00.000Z' });
    expect(latestByBill([b, a]).get('b1')?.copayCharge).toBe(200);
    expect(latestByBill([a, b]).get('b1')?.copayCharge).toBe(200);
  });
});

describe('settling per visit', () => {
  const visit = { arrivalId: 'v1' };
  it('a visit with two deposits (¥3,000 and ¥2,000) settles to one refund', () => {
    const bills = [
      bill('d1', 'deposit', 3000, { ...visit, issuedAt: '2025-11-15T01:00:00.000Z' }),
      bill('d2', 'deposit', 2000, { ...visit, issuedAt: '2025-11-15T02:00:00.000Z' }),
      bill('d3', 'deposit', 1000)
    ];
    const rows = settleRows(bills, [settlement('d1', 3740, 'settled', { billIds: ['d1', 'd2'] })]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ arrivalId: 'v1', paid: 5000, status: 'settled', changed: false });
    expect(rows[0]!.bills.map((b) => b.id)).toEqual(['d1', 'd2']);
    expect(rows[0]!.figures).toEqual({ paid: 5000, charge: 3740, refund: 1260, toCollect: 0 });
    expect(rows[1]).toMatchObject({ arrivalId: 'visit-d3', paid: 1000, status: 'open', figures: null });
    const s = cashSummary(bills, [settlement('d1', 3740, 'settled', { billIds: ['d1', 'd2'] })]);
    expect(s).toMatchObject({ refunded: 1260, settledCharges: 3740, held: 1000, stillOpen: 1 });
    expect(s.counts).toMatchObject({ deposits: 3, settled: 1, open: 1 });
  });

  it('a bill added to the visit after it was settled: settle it again (未精算, marked changed)', () => {
    const bills = [bill('d1', 'deposit', 3000, visit), bill('p1', 'payLater', 0, visit)];
    const rows = settleRows(bills, [settlement('d1', 3740, 'settled', { billIds: ['d1'] })]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'open', changed: true, paid: 3000 });
  });

  it('a voided bill leaves the visit: a settlement made before the void is out of date', () => {
    const bills = [
      bill('d1', 'deposit', 3000, visit),
      bill('d2', 'deposit', 2000, { ...visit, voided: { at: '', by: '', reason: '二重' } })
    ];
    const rows = settleRows(bills, [settlement('d1', 2500, 'settled', { billIds: ['d1', 'd2'] })]);
    expect(rows[0]).toMatchObject({ status: 'open', changed: true, paid: 3000 });
    // All of a visit's bills voided: one 取消 row.
    const gone = settleRows([bill('x1', 'deposit', 1000, { voided: { at: '', by: '', reason: 'x' } })], []);
    expect(gone.map((r) => r.status)).toEqual(['cancelled']);
  });

  it('a settlement from before settling per visit covers its one bill', () => {
    const map = latestByBill([settlement('d1', 100, 'settled')]);
    expect([...map.keys()]).toEqual(['d1']);
    const both = latestByBill([settlement('d1', 100, 'settled', { billIds: ['d1', 'd2'] })]);
    expect([...both.keys()]).toEqual(['d1', 'd2']);
  });
});

describe('自費 because eligibility was not confirmed', () => {
  it('is settled later like a deposit: the insured charge is entered and the difference refunded', () => {
    const unconfirmed = bill('s1', 'selfPay', 10000, { reason: 'insuranceUnconfirmed' });
    const plain = bill('s2', 'selfPay', 2200);
    const rows = settleRows([unconfirmed, plain], [settlement('s1', 3000, 'settled', { billIds: ['s1'] })]);
    expect(rows.map((r) => r.bill.id)).toEqual(['s1']);
    expect(rows[0]!.figures).toEqual({ paid: 10000, charge: 3000, refund: 7000, toCollect: 0 });
    const s = cashSummary([unconfirmed, plain], [settlement('s1', 3000, 'settled', { billIds: ['s1'] })]);
    expect(s).toMatchObject({ selfPayTaken: 12200, refunded: 7000, settledCharges: 3000, netCash: 5200 });
  });
});

describe('otherVisitsToSettle', () => {
  const person = (id: string, patientNo: string, name = '山本 一郎', birthDate = '1960-02-03') => ({
    id,
    patientNo,
    name,
    birthDate
  });
  it('names the same patient’s other visits still waiting, by 患者番号 or by name and birth date', () => {
    const arrivals = [
      person('v1', '00123'),
      person('v2', '00123'),
      person('v3', ''),
      person('v4', '', '山本　一郎'),
      person('v5', '', '山本 一郎', '1961-02-03')
    ];
    const bills = arrivals.map((a) => bill(`b-${a.id}`, 'deposit', 1000, { arrivalId: a.id }));
    const rows = settleRows(bills, [settlement('b-v2', 1000, 'settled', { billIds: ['b-v2'] })]);
    // v2 (same 患者番号) is settled already; where one visit has no number, name and birth date decide
    // (v5 was born another day) — a warning, so a near miss costs a glance, not a refusal.
    expect(otherVisitsToSettle('v1', arrivals, rows).map((a) => a.id)).toEqual(['v3', 'v4']);
    expect(otherVisitsToSettle('v3', arrivals, rows).map((a) => a.id)).toEqual(['v1', 'v4']);
    expect(otherVisitsToSettle('v5', arrivals, rows).map((a) => a.id)).toEqual([]);
  });
});

describe('readSettleForm', () => {
  const now = new Date(2025, 10, 16, 12, 0);
  const base = { ...emptySettleForm('会計 一郎', '2025-11-16T11:30'), receiptNo: 'R-1001' };

  it('reads a settled refund', () => {
    const r = readSettleForm({ ...base, copayText: '3,740' }, 5000, now);
    expect(r).toEqual({
      ok: true,
      value: {
        copayCharge: 3740,
        selfPayCharge: 0,
        status: 'settled',
        settledAt: new Date(2025, 10, 16, 11, 30).toISOString(),
        method: 'cash',
        settledBy: '会計 一郎',
        receiptNo: 'R-1001',
        note: ''
      }
    });
  });

  it('settled needs time, who and the receipt number; a method only when money moves', () => {
    const r = readSettleForm(
      { ...base, copayText: '5000', settledAtLocal: '', settledBy: '', receiptNo: '', method: '' },
      5000,
      now
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.error).sort()).toEqual(['receiptNo', 'settledAt', 'settledBy']);
    const even = readSettleForm({ ...base, copayText: '5000', method: 'card' }, 5000, now);
    expect(even.ok && even.value.method).toBe('');
  });

  it('refuses a future time, a negative charge, and 返金待ち with nothing to refund', () => {
    const r = readSettleForm({ ...base, copayText: '-1', settledAtLocal: '2025-11-17T09:00' }, 0, now);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.copay?.key).toBe('billing.error.amountNegative');
      expect(r.error.settledAt?.key).toBe('billing.error.settledAtFuture');
    }
    const p = readSettleForm({ ...base, copayText: '1200', status: 'refundPending' }, 0, now);
    expect(!p.ok && p.error.status?.key).toBe('billing.error.noRefundDue');
  });

  it('open or unreachable records the charge without settlement details', () => {
    const r = readSettleForm({ ...base, copayText: '1200', status: 'unreachable', receiptNo: '' }, 0, now);
    expect(r.ok && r.value).toMatchObject({
      status: 'unreachable',
      settledAt: '',
      settledBy: '',
      method: ''
    });
  });
});

describe('cashSummary', () => {
  it('the clinic day: deposit ¥5,000 refunded ¥1,260, pay-later ¥1,200 collected, one voided', () => {
    const bills = [
      bill('d1', 'deposit', 5000),
      bill('d2', 'deposit', 3000, { voided: { at: '', by: '', reason: '二重登録' } }),
      bill('p1', 'payLater', 0)
    ];
    const s = cashSummary(bills, [settlement('d1', 3740, 'settled'), settlement('p1', 1200, 'settled')]);
    expect(s).toMatchObject({
      counts: { deposits: 1, payLater: 1, selfPay: 0, voided: 1, open: 0, settled: 2 },
      depositsTaken: 5000,
      refunded: 1260,
      collected: 1200,
      settledCharges: 4940,
      held: 0,
      stillOpen: 0,
      netCash: 4940
    });
  });

  it('open items keep their deposit held and show what is still owed either way', () => {
    const bills = [bill('d1', 'deposit', 5000), bill('d2', 'deposit', 3000), bill('p1', 'payLater', 0)];
    const s = cashSummary(bills, [
      settlement('d1', 2000, 'refundPending'),
      settlement('p1', 900, 'unreachable')
    ]);
    expect(s).toMatchObject({
      held: 8000,
      refundOwed: 3000,
      toCollect: 900,
      stillOpen: 3,
      netCash: 8000
    });
    expect(s.counts).toMatchObject({ open: 1, refundPending: 1, unreachable: 1, settled: 0 });
  });

  it('adds up to the yen for any mix of bills and settlements (seeded)', () => {
    let seed = 20251115;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const kinds: BillKind[] = ['deposit', 'payLater', 'selfPay'];
    const statuses: SettlementStatus[] = ['open', 'settled', 'refundPending', 'unreachable'];
    for (let round = 0; round < 200; round++) {
      const bills: B[] = [];
      const settlements: S[] = [];
      for (let i = 0; i < 1 + rand(15); i++) {
        const kind = kinds[rand(3)]!;
        const b = bill(`b${i}`, kind, kind === 'payLater' ? 0 : 1000 * (1 + rand(10)), {
          voided: rand(6) === 0 ? { at: '', by: '', reason: 'x' } : null,
          issuedAt: `2025-11-${10 + rand(3)}T01:00:00.000Z`
        });
        bills.push(b);
        if (kind !== 'selfPay' && rand(4) > 0)
          settlements.push(
            settlement(b.id, rand(12000), statuses[rand(4)]!, {
              selfPayCharge: rand(3) === 0 ? rand(5000) : 0,
              settledAt: `2025-11-${13 + rand(2)}T01:00:00.000Z`
            })
          );
      }
      const s = cashSummary(bills, settlements);
      // The money in, seen from the other side: self-pay + settled charges + what is still held.
      expect(s.netCash).toBe(s.selfPayTaken + s.settledCharges + s.held);
      // Deposits taken − refunds + collections = the settled charges, for the settled items.
      const rows = settleRows(
        bills.filter((b) => !b.voided),
        settlements
      ).filter((r) => r.status === 'settled');
      const settledDeposits = rows.reduce((a, r) => a + r.paid, 0);
      expect(settledDeposits - s.refunded + s.collected).toBe(s.settledCharges);
      // Every active deposit or pay-later is either settled or still open.
      expect(s.counts.settled + s.stillOpen).toBe(s.counts.deposits + s.counts.payLater);
      // The day-by-day flows add up to the same net.
      const days = dailyFlows(bills, settlements, (iso) => iso.slice(0, 10));
      expect(days.reduce((a, d) => a + d.net, 0)).toBe(s.netCash);
      expect(days.reduce((a, d) => a + d.refunded, 0)).toBe(s.refunded);
    }
  });
});

describe('settleFormFrom', () => {
  const now = new Date(2025, 10, 16, 11, 30);
  it('starts a refund or collection the way the money came in, cash when nothing was paid', () => {
    expect(settleFormFrom({ method: 'qr' }, undefined, '会計 一郎', now)).toMatchObject({
      method: 'qr',
      status: 'settled',
      settledBy: '会計 一郎',
      settledAtLocal: '2025-11-16T11:30',
      basedOn: null
    });
    expect(settleFormFrom({ method: 'card' }, undefined, '', now).method).toBe('card');
    expect(settleFormFrom({ method: '' }, undefined, '', now).method).toBe('cash');
  });

  it('loads a stored settlement with its version; a gap in the method is the bill’s own', () => {
    const stored = {
      id: 's1',
      rev: 3,
      copayCharge: 3740,
      selfPayCharge: 0,
      status: 'open' as const,
      settledAt: '',
      method: '' as const,
      settledBy: '',
      receiptNo: '',
      note: '電話した'
    };
    expect(settleFormFrom({ method: 'qr' }, stored, '会計 一郎', now)).toEqual({
      copayText: '3,740',
      selfPayText: '',
      status: 'open',
      settledAtLocal: '2025-11-16T11:30',
      method: 'qr',
      settledBy: '会計 一郎',
      receiptNo: '',
      note: '電話した',
      basedOn: { id: 's1', rev: 3 }
    });
    expect(settleFormFrom({ method: 'qr' }, { ...stored, method: 'cash' }, '', now).method).toBe('cash');
  });
});
