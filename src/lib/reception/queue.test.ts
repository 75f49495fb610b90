import { describe, expect, it } from 'vitest';
import {
  boardColumns,
  filterArrivals,
  inArrivalOrder,
  nextStatus,
  markStates,
  rowMarks,
  statusCounts,
  stillOpen
} from './queue';
import type { Arrival, QueueStatus } from './model';

let n = 0;
const arrival = (over: Partial<Arrival>): Arrival => {
  n++;
  return {
    id: `a${n}`,
    deviceLabel: 'A',
    seq: n,
    queueNo: `A-${String(n).padStart(3, '0')}`,
    arrivedAt: `2025-11-15T09:${String(n).padStart(2, '0')}:00.000Z`,
    name: '山田　太郎',
    kana: 'ヤマダ　タロウ',
    patientNo: '',
    status: 'waiting' as QueueStatus,
    ...over
  } as Arrival;
};

describe('queue rules', () => {
  it('orders by arrival time, then device and number', () => {
    const a = arrival({ arrivedAt: '2025-11-15T09:00:00.000Z', deviceLabel: 'B', seq: 1 });
    const b = arrival({ arrivedAt: '2025-11-15T09:00:00.000Z', deviceLabel: 'A', seq: 2 });
    const c = arrival({ arrivedAt: '2025-11-15T08:59:00.000Z', deviceLabel: 'C', seq: 9 });
    expect(inArrivalOrder([a, b, c]).map((x) => x.id)).toEqual([c.id, b.id, a.id]);
  });

  it('counts each status and the total, leaving 受付取消 out of the total', () => {
    const counts = statusCounts([
      arrival({}),
      arrival({ status: 'paid' }),
      arrival({ status: 'paid' }),
      arrival({ status: 'cancelled' })
    ]);
    expect(counts).toEqual({
      total: 3,
      waiting: 1,
      inConsult: 0,
      awaitingPayment: 0,
      paid: 2,
      payLater: 0,
      left: 0,
      cancelled: 1
    });
  });

  it('knows the natural next step', () => {
    expect(nextStatus('waiting')).toBe('inConsult');
    expect(nextStatus('inConsult')).toBe('awaitingPayment');
    expect(nextStatus('awaitingPayment')).toBe('paid');
    expect(nextStatus('payLater')).toBe('left');
    expect(nextStatus('left')).toBeNull();
    expect(nextStatus('cancelled')).toBeNull();
  });

  it('filters by status and by number, name or kana (any width, hiragana)', () => {
    const rows = [
      arrival({ seq: 12, queueNo: 'A-012' }),
      arrival({ name: '佐藤　花子', kana: 'サトウ　ハナコ', status: 'inConsult' }),
      arrival({ name: '鈴木　一', kana: 'スズキ　ハジメ', patientNo: '000777' })
    ];
    expect(filterArrivals(rows, 'all', '12').map((a) => a.queueNo)).toEqual(['A-012']);
    expect(filterArrivals(rows, 'all', 'a012').map((a) => a.queueNo)).toEqual(['A-012']);
    expect(filterArrivals(rows, 'all', 'さとう')).toHaveLength(1);
    expect(filterArrivals(rows, 'all', '佐藤 花')).toHaveLength(1);
    expect(filterArrivals(rows, 'waiting', 'さとう')).toHaveLength(0);
    expect(filterArrivals(rows, 'inConsult', '')).toHaveLength(1);
    expect(filterArrivals(rows, 'all', '000777')).toHaveLength(1);
  });

  it('shows a cancelled arrival under すべて and under 受付取消, never under a queue step', () => {
    const rows = [arrival({}), arrival({ status: 'cancelled' })];
    expect(filterArrivals(rows, 'all', '')).toHaveLength(2);
    expect(filterArrivals(rows, 'cancelled', '')).toHaveLength(1);
    expect(filterArrivals(rows, 'waiting', '')).toHaveLength(1);
  });

  it('the board shows numbers only, in arrival order, those who left or were cancelled no more', () => {
    const cols = boardColumns([
      arrival({ queueNo: 'A-002', arrivedAt: '2025-11-15T10:00:00.000Z' }),
      arrival({ queueNo: 'A-001', arrivedAt: '2025-11-15T09:00:00.000Z' }),
      arrival({ queueNo: 'A-003', status: 'inConsult' }),
      arrival({ queueNo: 'A-004', status: 'payLater' }),
      arrival({ queueNo: 'A-005', status: 'left' }),
      arrival({ queueNo: 'A-006', status: 'awaitingPayment' }),
      arrival({ queueNo: 'A-007', status: 'cancelled' })
    ]);
    expect(cols).toEqual({
      waiting: ['A-001', 'A-002'],
      inConsult: ['A-003'],
      awaitingPayment: ['A-006'],
      done: ['A-004']
    });
  });
});

describe('stillOpen', () => {
  it('keeps patients waiting, in consultation or waiting to pay; drops paid, pay-later, gone and cancelled', () => {
    const statuses = [
      'waiting',
      'inConsult',
      'awaitingPayment',
      'paid',
      'payLater',
      'left',
      'cancelled'
    ] as const;
    const arrivals = statuses.map((status) => arrival({ status }));
    expect(stillOpen(arrivals).map((a) => a.status)).toEqual(['waiting', 'inConsult', 'awaitingPayment']);
  });

  it('lists them in arrival order, whatever order they were read in', () => {
    const first = arrival({ status: 'inConsult' });
    const second = arrival({ status: 'waiting' });
    expect(stillOpen([second, first]).map((a) => a.id)).toEqual([first.id, second.id]);
  });
});

describe('rowMarks', () => {
  it('shows a memo draft only while no memo is saved, and nothing while the records load', () => {
    const records = { intake: new Set(['a']), memo: new Set(['b']), bill: new Set(['a']) };
    const drafts = new Set(['a', 'b']);
    expect(rowMarks('a', records, drafts)).toEqual({ intake: true, memo: 'draft', bill: true });
    expect(rowMarks('b', records, drafts)).toEqual({ intake: false, memo: 'saved', bill: false });
    expect(rowMarks('c', records, drafts)).toEqual({ intake: false, memo: 'none', bill: false });
    expect(rowMarks('a', undefined, undefined)).toEqual({ intake: false, memo: 'none', bill: false });
  });

  it('names each mark’s state and sign, in the order 問診, 診療メモ, 会計', () => {
    expect(markStates({ intake: true, memo: 'draft', bill: false })).toEqual([
      { record: 'intake', mark: 'intake', state: 'has', sign: '✓' },
      { record: 'memo', mark: 'memo', state: 'draft', sign: '✎' },
      { record: 'billing', mark: 'bill', state: 'hasNot', sign: '—' }
    ]);
  });
});
