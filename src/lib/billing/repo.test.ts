// Bills and settlements in the store: serials unique across devices and never reused, voiding and settling with rev checks.
import { beforeEach, describe, expect, it } from 'vitest';
import { deleteDataDb } from '../store/db';
import { raiseCounter, table, type WriteContext } from '../store';
import type { AuditEntry } from '../store/audit';
import { billsRepo, settlementsRepo } from './repo';
import { serialCounterKey, type Bill, type BillFields } from './model';
import type { SettlementFields } from './settlement';

let ids = 0;
const ctx = (
  deviceLabel: string,
  staffName = '受付 花子',
  at = '2025-11-15T01:00:00.000Z'
): WriteContext => ({
  actor: { staffId: 's1', staffName, deviceLabel },
  now: new Date(at),
  newId: () => `id-${++ids}`
});
const session = { id: 'sess-1', kind: 'real' as const };
const deposit = (amount = 5000): BillFields => ({
  kind: 'deposit',
  amount,
  method: 'cash',
  receivedBy: '受付 花子',
  reason: 'systemDown',
  paperSerial: ''
});
const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
const settled = (copay: number): SettlementFields => ({
  copayCharge: copay,
  selfPayCharge: 0,
  status: 'settled',
  settledAt: '2025-11-16T01:00:00.000Z',
  method: 'cash',
  settledBy: '会計 一郎',
  receiptNo: 'R-1',
  note: ''
});

beforeEach(async () => {
  await deleteDataDb();
});

describe('bill serials', () => {
  it('two devices numbering at the same time never collide', async () => {
    const made = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        billsRepo.create(deposit(), `arr-${i}`, session, ctx(i % 2 ? 'B' : 'A')).then(unwrap)
      )
    );
    const serials = made.map((b) => b.serial);
    expect(new Set(serials).size).toBe(20);
    expect(serials.filter((s) => s.startsWith('A-')).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `A-${String(i + 1).padStart(4, '0')}`)
    );
    expect(serials.filter((s) => s.startsWith('B-'))).toHaveLength(10);
  });

  it('pay-later gets no serial and does not use a number', async () => {
    const p = unwrap(
      await billsRepo.create({ ...deposit(0), kind: 'payLater', method: '' }, 'a1', session, ctx('A'))
    );
    expect(p.serial).toBe('');
    expect(p.amount).toBe(0);
    const d = unwrap(await billsRepo.create(deposit(), 'a2', session, ctx('A')));
    expect(d.serial).toBe('A-0001');
  });

  it('serials are never reused: not after a void, not in a new session, not after the counter is lost', async () => {
    const first = unwrap(await billsRepo.create(deposit(), 'a1', session, ctx('A')));
    unwrap(await billsRepo.void(first.id, first.rev, '二重登録', ctx('A')));
    const second = unwrap(await billsRepo.create(deposit(), 'a2', { id: 'sess-2', kind: 'drill' }, ctx('A')));
    expect(second.serial).toBe('A-0002');
    expect(second.drill).toBe(true);
    // The counter row is gone (e.g. cleared by hand): stored serials are still skipped.
    await table('counters').delete(serialCounterKey('A'));
    const third = unwrap(await billsRepo.create(deposit(), 'a3', session, ctx('A')));
    expect(third.serial).toBe('A-0003');
  });

  it('a raised counter (bills imported from elsewhere on this label) continues after it', async () => {
    await raiseCounter(serialCounterKey('C'), 41);
    expect(unwrap(await billsRepo.create(deposit(), 'a1', session, ctx('C'))).serial).toBe('C-0042');
  });

  it('a device without a label cannot take money', async () => {
    const r = await billsRepo.create(deposit(), 'a1', session, ctx(''));
    expect(!r.ok && r.error.key).toBe('billing.error.noDevice');
  });

  it('a failed write leaves no number used and no bill', async () => {
    const bad = { ...deposit(), amount: undefined } as unknown as BillFields;
    // An invalid key (arrival id as an object) makes the add throw inside the transaction.
    const r = await billsRepo.create(bad, { nope: true } as unknown as string, session, {
      ...ctx('D'),
      newId: () => ({}) as unknown as string
    });
    expect(r.ok).toBe(false);
    expect(await table('bills').count()).toBe(0);
    expect(unwrap(await billsRepo.create(deposit(), 'a1', session, ctx('D'))).serial).toBe('D-0001');
  });
});

describe('voiding', () => {
  it('keeps the bill with who, when and why', async () => {
    const b = unwrap(await billsRepo.create(deposit(), 'a1', session, ctx('A')));
    const v = unwrap(
      await billsRepo.void(b.id, 1, ' 金額の入力間違い ', ctx('A', '会計 一郎', '2025-11-15T02:00:00.000Z'))
    );
    expect(v.voided).toEqual({ at: '2025-11-15T02:00:00.000Z', by: '会計 一郎', reason: '金額の入力間違い' });
    expect(v.rev).toBe(2);
    expect(v.amount).toBe(5000);
    expect(await billsRepo.list({ sessionIds: ['sess-1'] })).toHaveLength(1);
  });

  it('voiding from a stale screen is a conflict, never a silent overwrite', async () => {
    const b = unwrap(await billsRepo.create(deposit(), 'a1', session, ctx('A')));
    unwrap(await billsRepo.void(b.id, 1, '一回目', ctx('A')));
    const again = await billsRepo.void(b.id, 1, '二回目', ctx('B'));
    expect(!again.ok && again.error.key).toBe('store.error.conflict');
    expect((await billsRepo.get(b.id))?.voided?.reason).toBe('一回目');
  });
});

describe('settlements', () => {
  it('creates, then updates only from the version loaded', async () => {
    const b = unwrap(await billsRepo.create(deposit(), 'a1', session, ctx('A')));
    const s1 = unwrap(await settlementsRepo.save(b.id, { ...settled(3740), status: 'open' }, null, ctx('A')));
    expect(s1).toMatchObject({ billId: b.id, sessionId: 'sess-1', rev: 1, status: 'open' });
    // A second screen that loaded "no settlement yet" cannot create a duplicate.
    const dup = await settlementsRepo.save(b.id, settled(3000), null, ctx('B'));
    expect(!dup.ok && dup.error.key).toBe('store.error.conflict');
    const s2 = unwrap(await settlementsRepo.save(b.id, settled(3740), { id: s1.id, rev: 1 }, ctx('A')));
    expect(s2).toMatchObject({ id: s1.id, rev: 2, status: 'settled' });
    const stale = await settlementsRepo.save(b.id, settled(1), { id: s1.id, rev: 1 }, ctx('B'));
    expect(!stale.ok && stale.error.key).toBe('store.error.conflict');
    expect((await settlementsRepo.forBill(b.id))?.copayCharge).toBe(3740);
    expect(await settlementsRepo.list({ sessionIds: ['sess-1'] })).toHaveLength(1);
  });

  it('a visit with two deposits is settled once: the settlement covers both, and either bill finds it', async () => {
    const b1 = unwrap(
      await billsRepo.create(deposit(3000), 'a1', session, ctx('A', '受付 花子', '2025-11-15T01:00:00.000Z'))
    );
    const b2 = unwrap(
      await billsRepo.create(deposit(2000), 'a1', session, ctx('A', '受付 花子', '2025-11-15T02:00:00.000Z'))
    );
    const other = unwrap(await billsRepo.create(deposit(1000), 'a2', session, ctx('A')));
    expect((await settlementsRepo.visitOf(b2.id)).map((b) => b.id)).toEqual([b1.id, b2.id]);
    const s = unwrap(await settlementsRepo.save(b2.id, settled(3740), null, ctx('A')));
    expect(s).toMatchObject({ billId: b1.id, billIds: [b1.id, b2.id] });
    expect((await settlementsRepo.forBill(b1.id))?.id).toBe(s.id);
    expect((await settlementsRepo.forBill(b2.id))?.id).toBe(s.id);
    expect(await settlementsRepo.forBill(other.id)).toBeUndefined();
    // Starting from "nothing yet" on the other bill of the visit is a conflict, not a second settlement.
    const dup = await settlementsRepo.save(b1.id, settled(3740), null, ctx('B'));
    expect(!dup.ok && dup.error.key).toBe('store.error.conflict');
  });

  it('a voided bill cannot be settled', async () => {
    const b = unwrap(await billsRepo.create(deposit(), 'a1', session, ctx('A')));
    unwrap(await billsRepo.void(b.id, 1, '取消', ctx('A')));
    const r = await settlementsRepo.save(b.id, settled(100), null, ctx('A'));
    expect(r.ok).toBe(false);
  });

  it('stores plain records (no proxies) that read back equal', async () => {
    const b = unwrap(await billsRepo.create(deposit(1234), 'a9', session, ctx('A')));
    const stored = (await table<Bill>('bills').get(b.id))!;
    expect(stored).toEqual(b);
  });
});

describe('who a bill names', () => {
  it('the 担当 and 精算者 chosen on the form: the record’s author fields and its audit line name the same person', async () => {
    const bill = unwrap(
      await billsRepo.create(
        { ...deposit(), receivedBy: '看護 次郎' },
        'arr-1',
        session,
        ctx('A', '受付 花子')
      )
    );
    expect(bill).toMatchObject({ receivedBy: '看護 次郎', createdBy: '看護 次郎', updatedBy: '看護 次郎' });
    const settlement = unwrap(
      await settlementsRepo.save(bill.id, settled(1000), null, ctx('A', '受付 花子'))
    );
    expect(settlement).toMatchObject({ settledBy: '会計 一郎', updatedBy: '会計 一郎' });
    const lines = (await table<AuditEntry>('audit').toArray()).filter((e) => e.table !== '');
    expect(lines.find((e) => e.recordId === bill.id)).toMatchObject({ action: 'create', who: '看護 次郎' });
    expect(lines.find((e) => e.recordId === settlement.id)).toMatchObject({
      action: 'create',
      who: '会計 一郎'
    });
    // The desk's own person when the form names nobody else.
    const own = unwrap(await billsRepo.create(deposit(), 'arr-2', session, ctx('A', '受付 花子')));
    expect(own.createdBy).toBe('受付 花子');
  });
});
