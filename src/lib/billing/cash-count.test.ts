// レジ締め: expected = float + cash in − cash out per till; only a counted till can match; the count can fail.
import { describe, expect, it } from 'vitest';
import type { Bill, BillKind, PaymentMethod, Settlement } from './model';
import {
  checkDrawers,
  emptyCashCountForm,
  formTotal,
  piecesTotal,
  readCashCountForm,
  type CashCount,
  type CashCountForm
} from './cash-count';

let n = 0;
const bill = (
  kind: BillKind,
  amount: number,
  device: string,
  options: { method?: PaymentMethod; at?: string; voidedAt?: string } = {}
) =>
  ({
    id: `b${++n}`,
    arrivalId: `a${n}`,
    kind,
    amount,
    reason: 'systemDown' as const,
    method: kind === 'payLater' ? ('' as const) : (options.method ?? 'cash'),
    createdDevice: device,
    issuedAt: options.at ?? '2025-11-15T04:00:00.000Z',
    voided: options.voidedAt ? { at: options.voidedAt, by: '花子', reason: '二重登録' } : null
  }) satisfies Partial<Bill>;

const settled = (
  billId: string,
  copayCharge: number,
  device: string,
  method: PaymentMethod = 'cash',
  at = '2025-11-16T01:00:00.000Z'
) =>
  ({
    billId,
    copayCharge,
    selfPayCharge: 0,
    status: 'settled' as const,
    settledAt: at,
    method,
    updatedAt: at,
    updatedDevice: device,
    rev: 1
  }) satisfies Partial<Settlement>;

const count = (
  kind: CashCount['kind'],
  drawer: string,
  amount: number,
  at = '2025-11-15T07:00:00.000Z',
  rev = 1
) => ({ kind, drawer, amount, countedAt: at, countedBy: '会計 一郎', rev });

describe('checkDrawers (レジ締め)', () => {
  it('a till never counted is 未計数, never 合っています', () => {
    const c = checkDrawers([bill('deposit', 3000, 'A')], [], [count('float', 'A', 30000)]);
    expect(c.drawers[0]).toMatchObject({ drawer: 'A', float: 30000, cashIn: 3000, expected: 33000 });
    expect(c.drawers[0]!.state).toBe('notCounted');
    expect(c.state).toBe('notCounted');
    expect(c.counted).toBeNull();
    expect(c.uncounted).toEqual(['A']);
  });

  it('a 1,000-yen note missing: 過不足 −1,000 円, 足りない', () => {
    const bills = [bill('deposit', 3000, 'A'), bill('selfPay', 2000, 'A'), bill('deposit', 5000, 'A')];
    const c = checkDrawers(bills, [], [count('float', 'A', 20000), count('count', 'A', 29000)]);
    expect(c.drawers[0]).toMatchObject({
      expected: 30000,
      counted: 29000,
      difference: -1000,
      state: 'short'
    });
    expect(c).toMatchObject({ difference: -1000, state: 'short' });
  });

  it('a recount that finds the note matches (the latest count counts; the first one stays on record)', () => {
    const bills = [bill('deposit', 3000, 'A'), bill('selfPay', 2000, 'A'), bill('deposit', 5000, 'A')];
    const counts = [
      count('float', 'A', 20000),
      count('count', 'A', 29000, '2025-11-15T07:00:00.000Z'),
      count('count', 'A', 30000, '2025-11-15T07:05:00.000Z')
    ];
    const c = checkDrawers(bills, [], counts);
    expect(c.drawers[0]).toMatchObject({ counted: 30000, difference: 0, state: 'matches' });
    expect(c.state).toBe('matches');
  });

  it('too much cash is 多い with a plus sign', () => {
    const c = checkDrawers([bill('deposit', 3000, 'A')], [], [count('count', 'A', 3500)]);
    expect(c.drawers[0]).toMatchObject({ float: null, expected: 3000, difference: 500, state: 'over' });
  });

  it('card, QR and voided bills never enter the till; refunds and collections in cash do, on the device that settled', () => {
    const d1 = bill('deposit', 5000, 'A');
    const p1 = bill('payLater', 0, 'A');
    const bills = [
      d1,
      p1,
      bill('deposit', 10000, 'A', { method: 'card' }),
      bill('selfPay', 2200, 'A', { method: 'qr' }),
      bill('deposit', 3000, 'A', { voidedAt: '2025-11-15T05:00:00.000Z' })
    ];
    // Settled at the cashier's device B: ¥1,260 back from the ¥5,000 deposit; ¥1,200 collected on the pay-later.
    const settlements = [settled(d1.id, 3740, 'B'), settled(p1.id, 1200, 'B')];
    const c = checkDrawers(bills, settlements, [
      count('count', 'A', 5000, '2025-11-16T02:00:00.000Z'),
      count('float', 'B', 10000, '2025-11-16T00:00:00.000Z')
    ]);
    const a = c.drawers.find((d) => d.drawer === 'A')!;
    const b = c.drawers.find((d) => d.drawer === 'B')!;
    expect(a).toMatchObject({ cashIn: 5000, cashOut: 0, expected: 5000, state: 'matches' });
    expect(b).toMatchObject({
      float: 10000,
      cashIn: 1200,
      cashOut: 1260,
      expected: 9940,
      state: 'notCounted'
    });
  });

  it('money moved after the count: 数え直し, not 合っています', () => {
    const c = checkDrawers(
      [
        bill('deposit', 3000, 'A', { at: '2025-11-15T04:00:00.000Z' }),
        bill('deposit', 2000, 'A', { at: '2025-11-15T08:00:00.000Z' })
      ],
      [],
      [count('count', 'A', 3000, '2025-11-15T07:00:00.000Z')]
    );
    expect(c.drawers[0]!.state).toBe('stale');
    expect(c.state).toBe('stale');
    expect(c.uncounted).toEqual(['A']);
  });

  it('the clinic: every till counted and matching is 合っています; one till not counted keeps the clinic 未計数', () => {
    const bills = [bill('deposit', 3000, 'A'), bill('deposit', 4000, 'B')];
    const both = checkDrawers(bills, [], [count('count', 'A', 3000), count('count', 'B', 4000)]);
    expect(both).toMatchObject({ expected: 7000, counted: 7000, difference: 0, state: 'matches' });
    const one = checkDrawers(bills, [], [count('count', 'A', 3000)]);
    expect(one).toMatchObject({ counted: null, state: 'notCounted', uncounted: ['B'] });
  });

  it('a surplus in one till hiding a shortage in another is not 合っています', () => {
    const bills = [bill('deposit', 3000, 'A'), bill('deposit', 4000, 'B')];
    const c = checkDrawers(bills, [], [count('count', 'A', 4000), count('count', 'B', 3000)]);
    expect(c.difference).toBe(0);
    expect(c.state).toBe('offsetting');
  });

  it('nothing moved and nothing entered: no tills at all', () => {
    expect(checkDrawers([], [], [])).toMatchObject({ drawers: [], state: 'notCounted', counted: null });
  });
});

describe('the count form', () => {
  const form = (change: Partial<CashCountForm>): CashCountForm => ({
    ...emptyCashCountForm('count', 'A', '会計 一郎'),
    ...change
  });

  it('adds up notes and coins; 全角 and 枚 are read, empty is none', () => {
    const f = form({});
    f.pieces['10000'] = '２';
    f.pieces['1000'] = '9枚';
    f.pieces['500'] = '1';
    f.pieces['1'] = '3';
    expect(piecesTotal(f.pieces)).toBe(29503);
    const read = readCashCountForm(f);
    expect(read.ok && read.value).toMatchObject({ amount: 29503, drawer: 'A', kind: 'count' });
    expect(read.ok && read.value.pieces).toMatchObject({
      '10000': 2,
      '1000': 9,
      '500': 1,
      '5000': 0,
      '1': 3
    });
  });

  it('a total instead of pieces', () => {
    expect(formTotal(form({ by: 'total', totalText: '３０，０００円' }))).toBe(30000);
    expect(formTotal(form({ by: 'total', totalText: '' }))).toBeNull();
    const read = readCashCountForm(form({ by: 'total', totalText: '３０，０００円' }));
    expect(read.ok && read.value).toMatchObject({ amount: 30000, pieces: null });
  });

  it('says what is wrong next to the field and keeps nothing back', () => {
    const f = form({ countedBy: ' ', drawer: '' });
    f.pieces['100'] = '-2';
    f.pieces['50'] = '10000';
    const read = readCashCountForm(f);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error['100']?.key).toBe('billing.count.error.pieces');
    expect(read.error['50']?.key).toBe('billing.count.error.piecesTooMany');
    expect(read.error.countedBy?.key).toBe('billing.count.error.countedBy');
    expect(read.error.drawer?.key).toBe('billing.count.error.drawer');
    expect(piecesTotal(f.pieces)).toBeNull();
    expect(readCashCountForm(form({ by: 'total', totalText: '' })).ok).toBe(false);
  });
});
