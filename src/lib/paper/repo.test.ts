// The paper repo in the store: remembered next numbers, a session's records, links that ask before moving, lookup both ways.
import { beforeEach, describe, expect, it } from 'vitest';
import { deleteDataDb } from '../store/db';
import { table, type WriteContext } from '../store';
import type { Arrival } from '../reception/model';
import type { Memo, Revision } from '../visits/model';
import type { Bill } from '../billing/model';
import { paperLinksRepo, paperRepo } from './repo';
import type { LinkOutcome } from './links';

let ids = 0;
const ctx = (staffName = '受付 花子', at = '2025-11-15T01:00:00.000Z'): WriteContext => ({
  actor: { staffId: 's1', staffName, deviceLabel: 'A' },
  now: new Date(at),
  newId: () => `id-${++ids}`
});
const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
const meta = (id: string, sessionId = 's1', drill = false) => ({
  id,
  sessionId,
  createdAt: '2025-11-15T00:00:00.000Z',
  createdBy: '受付',
  createdDevice: 'A',
  updatedAt: '2025-11-15T00:00:00.000Z',
  updatedBy: '受付',
  updatedDevice: 'A',
  rev: 1,
  drill
});

async function seed() {
  await table<Arrival>('arrivals').bulkAdd([
    {
      ...meta('a1'),
      queueNo: 'A-001',
      name: '山田 太郎',
      arrivedAt: '2025-11-15T00:10:00.000Z',
      deviceLabel: 'A',
      seq: 1,
      paperSerial: ''
    },
    {
      ...meta('a2'),
      queueNo: 'A-002',
      name: '鈴木 花子',
      arrivedAt: '2025-11-15T00:05:00.000Z',
      deviceLabel: 'A',
      seq: 2,
      paperSerial: 'ｑ－７'
    },
    {
      ...meta('d1', 's2', true),
      queueNo: 'A-001',
      name: '訓練 患者',
      arrivedAt: '2025-11-16T00:05:00.000Z',
      deviceLabel: 'A',
      seq: 1,
      paperSerial: ''
    }
  ] as unknown as Arrival[]);
  await table<Memo>('memos').add({ ...meta('m1'), arrivalId: 'a1', paperSerial: '' } as unknown as Memo);
  await table<Bill>('bills').add({
    ...meta('b1'),
    arrivalId: 'a2',
    serial: 'A-0003',
    paperSerial: '',
    kind: 'deposit',
    amount: 3000
  } as unknown as Bill);
  await table<Revision>('revisions').bulkAdd([
    { id: 'r1', sessionId: 's1', recordId: 'm1', rev: 1 },
    { id: 'r2', sessionId: 's1', recordId: 'm1', rev: 2 }
  ] as unknown as Revision[]);
}

beforeEach(async () => {
  await deleteDataDb();
  ids = 0;
});

describe('next numbers', () => {
  it('start at 1, move past a pack, and never move back', async () => {
    expect(await paperRepo.nextNumber('arrivalSlip')).toBe(1);
    expect(unwrap(await paperRepo.advanceNext({ kind: 'arrivalSlip', start: 1, count: 20 }))).toBe(21);
    expect(await paperRepo.nextNumber('arrivalSlip')).toBe(21);
    expect(await paperRepo.nextNumber('intake')).toBe(1);
    expect(unwrap(await paperRepo.advanceNext({ kind: 'arrivalSlip', start: 5, count: 3 }))).toBe(21);
    expect(unwrap(await paperRepo.advanceNext({ kind: 'arrivalSlip', start: 30, count: 10 }))).toBe(40);
    const row = await table<{ key: string; value: number }>('settings').get('paper.next.arrivalSlip');
    expect(row?.value).toBe(40);
  });
});

describe('session records', () => {
  it('reads one session in arrival order, with revision counts per memo', async () => {
    await seed();
    const r = await paperRepo.sessionRecords({ sessionIds: ['s1'] });
    expect(r.arrivals.map((a) => a.id)).toEqual(['a2', 'a1']);
    expect(r.memos.map((m) => m.id)).toEqual(['m1']);
    expect(r.bills.map((b) => b.id)).toEqual(['b1']);
    expect(r.revisionCounts.get('m1')).toBe(2);
    expect((await paperRepo.sessionRecords({ sessionIds: ['s2'] })).arrivals.map((a) => a.id)).toEqual([
      'd1'
    ]);
  });
});

describe('paper links', () => {
  it('links a serial in any spelling to a record, with the record’s session, drill mark and who', async () => {
    await seed();
    const out = unwrap(
      await paperLinksRepo.link({ serial: 'Ｕ－３', recordId: 'a1', recordKind: 'arrival' }, ctx())
    );
    expect(out.status).toBe('linked');
    const link = (out as Extract<LinkOutcome, { status: 'linked' }>).link;
    expect(link).toMatchObject({
      serial: 'U-0003',
      recordId: 'a1',
      recordKind: 'arrival',
      sessionId: 's1',
      drill: false,
      createdBy: '受付 花子',
      rev: 1
    });
    const drill = unwrap(
      await paperLinksRepo.link({ serial: 'U-9', recordId: 'd1', recordKind: 'arrival' }, ctx())
    );
    expect(drill.status === 'linked' && drill.link).toMatchObject({ sessionId: 's2', drill: true });
    expect((await paperLinksRepo.list({ sessionIds: ['s1'] })).map((l) => l.serial)).toEqual(['U-0003']);
    expect((await paperLinksRepo.byRecord('a1')).map((l) => l.serial)).toEqual(['U-0003']);
  });

  it('says so when the serial is already on the same record', async () => {
    await seed();
    unwrap(await paperLinksRepo.link({ serial: 'U-3', recordId: 'a1', recordKind: 'arrival' }, ctx()));
    const again = unwrap(
      await paperLinksRepo.link({ serial: 'u3', recordId: 'a1', recordKind: 'arrival' }, ctx())
    );
    expect(again.status).toBe('already');
    expect(await paperLinksRepo.bySerial('U-0003')).toHaveLength(1);
  });

  it('asks before moving a serial from another record, and moves it only when told which link it replaces', async () => {
    await seed();
    unwrap(await paperLinksRepo.link({ serial: 'U-3', recordId: 'a1', recordKind: 'arrival' }, ctx()));
    const asked = unwrap(
      await paperLinksRepo.link({ serial: 'U-3', recordId: 'a2', recordKind: 'arrival' }, ctx())
    );
    expect(asked.status).toBe('taken');
    const existing = (asked as Extract<LinkOutcome, { status: 'taken' }>).existing;
    expect(existing.map((l) => l.recordId)).toEqual(['a1']);
    // Nothing moved by asking.
    expect((await paperLinksRepo.bySerial('U-0003')).map((l) => l.recordId)).toEqual(['a1']);

    const moved = unwrap(
      await paperLinksRepo.link(
        { serial: 'U-3', recordId: 'a2', recordKind: 'arrival' },
        ctx('受付 次郎'),
        existing
      )
    );
    expect(moved.status === 'linked' && moved.link).toMatchObject({
      recordId: 'a2',
      rev: 2,
      updatedBy: '受付 次郎',
      createdBy: '受付 花子'
    });
    expect((await paperLinksRepo.bySerial('U-0003')).map((l) => l.recordId)).toEqual(['a2']);
  });

  it('refuses a move over a link changed since it was shown (conflict)', async () => {
    await seed();
    unwrap(await paperLinksRepo.link({ serial: 'U-3', recordId: 'a1', recordKind: 'arrival' }, ctx()));
    const asked = unwrap(
      await paperLinksRepo.link({ serial: 'U-3', recordId: 'a2', recordKind: 'arrival' }, ctx())
    );
    const seen = (asked as Extract<LinkOutcome, { status: 'taken' }>).existing;
    // Another tablet moves it first.
    unwrap(await paperLinksRepo.link({ serial: 'U-3', recordId: 'm1', recordKind: 'memo' }, ctx(), seen));
    const late = await paperLinksRepo.link(
      { serial: 'U-3', recordId: 'a2', recordKind: 'arrival' },
      ctx(),
      seen
    );
    expect(late).toEqual({ ok: false, error: expect.objectContaining({ key: 'store.error.conflict' }) });
    expect((await paperLinksRepo.bySerial('U-0003')).map((l) => l.recordId)).toEqual(['m1']);
  });

  it('refuses a bad serial and a record that does not exist', async () => {
    await seed();
    expect(await paperLinksRepo.link({ serial: '３', recordId: 'a1', recordKind: 'arrival' }, ctx())).toEqual(
      {
        ok: false,
        error: expect.objectContaining({ key: 'paper.serial.invalid' })
      }
    );
    expect(
      await paperLinksRepo.link({ serial: 'U-1', recordId: 'nope', recordKind: 'arrival' }, ctx())
    ).toEqual({
      ok: false,
      error: { key: 'paper.link.error.missingRecord' }
    });
    expect(await paperLinksRepo.link({ serial: 'U-1', recordId: 'a1', recordKind: 'memo' }, ctx())).toEqual({
      ok: false,
      error: { key: 'paper.link.error.missingRecord' }
    });
  });

  it('unlinks only the link as shown', async () => {
    await seed();
    const made = unwrap(
      await paperLinksRepo.link({ serial: 'M-1', recordId: 'm1', recordKind: 'memo' }, ctx())
    );
    const link = made.status === 'linked' ? made.link : null;
    expect(link).not.toBeNull();
    expect(await paperLinksRepo.unlink({ id: link!.id, rev: 7 })).toEqual({
      ok: false,
      error: expect.objectContaining({ key: 'store.error.conflict' })
    });
    unwrap(await paperLinksRepo.unlink(link!));
    expect(await paperLinksRepo.bySerial('M-0001')).toEqual([]);
  });
});

describe('lookup', () => {
  it('finds a linked record with its arrival, in any spelling', async () => {
    await seed();
    unwrap(await paperLinksRepo.link({ serial: 'M-12', recordId: 'm1', recordKind: 'memo' }, ctx()));
    const found = unwrap(await paperLinksRepo.lookup('ｍ１２'));
    expect(found.serial).toBe('M-0012');
    expect(found.found).toHaveLength(1);
    expect(found.found[0]).toMatchObject({
      kind: 'memo',
      recordId: 'm1',
      memo: { id: 'm1' },
      arrival: { id: 'a1' }
    });
    expect(found.found[0]?.link?.serial).toBe('M-0012');
  });

  it('finds a deposit by its own serial and records that carry a typed paper serial', async () => {
    await seed();
    const deposit = unwrap(await paperLinksRepo.lookup('a-3'));
    expect(deposit.found.map((f) => [f.kind, f.recordId, f.arrival?.id])).toEqual([['bill', 'b1', 'a2']]);
    const typed = unwrap(await paperLinksRepo.lookup('Q-0007'));
    expect(typed.found.map((f) => [f.kind, f.recordId, f.link])).toEqual([['arrival', 'a2', undefined]]);
  });

  it('finds nothing for an unknown serial and refuses what is not one', async () => {
    await seed();
    expect(unwrap(await paperLinksRepo.lookup('U-0999')).found).toEqual([]);
    expect((await paperLinksRepo.lookup('hello')).ok).toBe(false);
  });
});
