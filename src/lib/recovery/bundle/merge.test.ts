import { describe, expect, it } from 'vitest';
import type { WriteContext } from '../../store/record';
import {
  addPending,
  settledBy,
  diffFields,
  mergeChangesSomething,
  mergeRecords,
  mergeSessionRow,
  resolvedRecord,
  type MergeConflict,
  type Provenance
} from './merge';
import type { StoredRecord } from '../model';
import { SAMPLE_SESSION_ID, sampleArrival, sampleEvent, sampleMemo, sampleSession } from '../sample';

const S = SAMPLE_SESSION_ID;
const rec = <T>(x: T) => x as unknown as StoredRecord;
const ctx: WriteContext = {
  actor: { staffId: 's1', staffName: '事務 三郎', deviceLabel: 'C' },
  now: new Date('2025-11-16T02:00:00.000Z'),
  newId: () => 'new-id'
};

/** Where a test bundle comes from: device `from`, exported the day after the sample outage. */
function provenance(from: string, over: Partial<Provenance> = {}): Provenance {
  return {
    fromDevice: from,
    exportedAt: '2025-11-16T00:00:00.000Z',
    exportedBy: '受付 花子',
    sessionDevices: ['A'],
    staffNames: [],
    evidence: false,
    ...over
  };
}

const merge = (
  local: Parameters<typeof mergeRecords>[1],
  incoming: Record<string, unknown>,
  from = '',
  over: Partial<Provenance> = {}
) => mergeRecords([S], local, incoming, provenance(from, over));

describe('mergeRecords', () => {
  it('adds records this device does not have', () => {
    const b1 = sampleArrival('B', 1);
    const result = merge(
      {},
      { arrivals: [b1], events: [sampleEvent('declared', '2025-11-15T00:05:00.000Z', 'B')] },
      'B'
    );
    expect(result.writes.arrivals).toEqual([b1]);
    expect(result.tally.arrivals.added).toBe(1);
    expect(result.tally.events.added).toBe(1);
    expect(result.conflicts).toEqual([]);
    expect(result.damaged).toEqual([]);
  });

  it('deduplicates by id: the same record twice is one, identical to what is here is unchanged', () => {
    const a1 = sampleArrival('A', 1);
    const b1 = sampleArrival('B', 1);
    const result = merge({ arrivals: [rec(a1)] }, { arrivals: [a1, b1, b1] });
    expect(result.writes.arrivals.map((r) => r.id)).toEqual([b1.id]);
    expect(result.tally.arrivals).toMatchObject({ added: 1, unchanged: 2, updated: 0 });
  });

  it('the same content with keys in another order is the same record', () => {
    const a1 = sampleArrival('A', 1);
    const shuffled = Object.fromEntries(Object.entries(a1).reverse());
    const result = merge({ arrivals: [rec(a1)] }, { arrivals: [shuffled] });
    expect(result.tally.arrivals.unchanged).toBe(1);
    expect(mergeChangesSomething(result)).toBe(false);
  });

  it('the higher rev wins either way', () => {
    const v1 = sampleArrival('A', 1);
    const v2 = { ...v1, rev: 2, status: 'left' as const, updatedAt: '2025-11-15T02:00:00.000Z' };
    const newer = merge({ arrivals: [rec(v1)] }, { arrivals: [v2] });
    expect(newer.writes.arrivals).toEqual([v2]);
    expect(newer.tally.arrivals.updated).toBe(1);
    const older = merge({ arrivals: [rec(v2)] }, { arrivals: [v1] });
    expect(older.writes.arrivals).toEqual([]);
    expect(older.tally.arrivals.keptLocal).toBe(1);
  });

  it('equal rev with different content is a conflict: nothing overwritten, both versions kept', () => {
    const arrival = sampleArrival('A', 1);
    const mine = sampleMemo(arrival);
    const theirs = { ...mine, content: { ...mine.content, findings: '扁桃腫大' }, updatedDevice: 'B' };
    const result = merge({ memos: [rec(mine)] }, { memos: [theirs] }, 'B');
    expect(result.writes.memos).toEqual([]);
    expect(result.conflicts).toHaveLength(1);
    const c = result.conflicts[0]!;
    expect(c.local).toEqual(mine);
    expect(c.incoming).toEqual(theirs);
    expect(c.fromDevice).toBe('B');
    expect(c.fields).toEqual(['content.findings', 'updatedDevice']);
    expect(result.tally.memos.conflicts).toBe(1);
  });

  it('revisions and timeline events are a union by id', () => {
    const r1 = {
      id: 'rev-1',
      sessionId: S,
      recordId: 'm',
      rev: 2,
      at: '2025-11-15T01:00:00.000Z',
      by: 'a',
      deviceLabel: 'A',
      changes: [],
      snapshot: sampleMemo(sampleArrival('A', 1)).content
    };
    const r2 = { ...r1, id: 'rev-2', rev: 3 };
    const result = merge({ revisions: [rec(r1)] }, { revisions: [r1, r2] });
    expect(result.writes.revisions.map((r) => r.id)).toEqual(['rev-2']);
    expect(result.tally.revisions).toMatchObject({ added: 1, unchanged: 1 });
    // A revision's rev is the memo's, not its own version: a different revision under the same id is a conflict.
    const clash = merge({ revisions: [rec(r2)] }, { revisions: [{ ...r2, rev: 9 }] });
    expect(clash.conflicts).toHaveLength(1);
    expect(clash.writes.revisions).toEqual([]);
  });

  it('importing the same bundle twice changes nothing the second time', () => {
    const incoming = {
      arrivals: [sampleArrival('B', 1), sampleArrival('B', 2)],
      memos: [sampleMemo(sampleArrival('B', 1))]
    };
    const first = merge({}, incoming, 'B');
    const stored = { arrivals: first.writes.arrivals, memos: first.writes.memos };
    const second = merge(stored, incoming, 'B');
    expect(mergeChangesSomething(first)).toBe(true);
    expect(mergeChangesSomething(second)).toBe(false);
    expect(second.conflicts).toEqual([]);
    expect(second.tally.arrivals).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
  });

  it('sets damaged records aside and reports them, importing the rest', () => {
    const good = sampleArrival('B', 1);
    const noRev = { ...sampleArrival('B', 2), rev: 'two' };
    const otherSession = { ...sampleArrival('B', 3), sessionId: 'another' };
    const result = merge(
      {},
      {
        arrivals: [good, noRev, null, otherSession],
        memos: 'not a list',
        mystery: []
      }
    );
    expect(result.writes.arrivals).toEqual([good]);
    expect(result.damaged).toEqual(
      expect.arrayContaining([
        { table: 'arrivals', index: 1, id: noRev.id, reason: 'schema', field: 'rev' },
        expect.objectContaining({ table: 'arrivals', index: 2, id: null, reason: 'schema' }),
        { table: 'arrivals', index: 3, id: otherSession.id, reason: 'otherSession', field: 'sessionId' },
        { table: 'memos', index: -1, id: null, reason: 'notAList', field: '' },
        { table: 'mystery', index: -1, id: null, reason: 'unknownTable', field: '' }
      ])
    );
    expect(result.tally.arrivals).toMatchObject({ added: 1, damaged: 3 });
  });

  it('refuses a record with a field the app never writes (a forged or hand-made record)', () => {
    const extra = { ...sampleArrival('B', 1), isAdmin: true };
    const result = merge({}, { arrivals: [extra] }, 'B');
    expect(result.writes.arrivals).toEqual([]);
    expect(result.damaged).toEqual([
      { table: 'arrivals', index: 0, id: extra.id, reason: 'schema', field: 'isAdmin' }
    ]);
  });

  it('a version number no change on record explains is set aside, not allowed to overwrite', () => {
    const mine = sampleArrival('A', 1);
    const forged = { ...mine, rev: 999, status: 'left' as const, updatedAt: '2025-11-15T02:00:00.000Z' };
    const result = merge({ arrivals: [rec(mine)] }, { arrivals: [forged] }, 'B', { evidence: true });
    expect(result.writes.arrivals).toEqual([]);
    expect(result.damaged).toEqual([
      { table: 'arrivals', index: 0, id: mine.id, reason: 'implausibleRev', field: 'rev' }
    ]);
    // Two changes on record (the audit trail has a line for each) explain rev 3.
    const change = (id: string) => ({
      id,
      at: '2025-11-15T01:00:00.000Z',
      sessionId: S,
      who: '受付 花子',
      deviceLabel: 'A',
      action: 'change',
      table: 'arrivals',
      recordId: mine.id
    });
    const real = { ...forged, rev: 3 };
    const ok = merge(
      { arrivals: [rec(mine)] },
      { arrivals: [real], audit: [change('l1'), change('l2')] },
      'A',
      { evidence: true }
    );
    expect(ok.writes.arrivals).toEqual([real]);
    expect(ok.damaged).toEqual([]);
  });

  it('sets aside audit lines of devices or people the bundle has no records from', () => {
    const line = {
      id: 'forged-1',
      at: '2025-11-15T01:00:00.000Z',
      sessionId: S,
      who: '院長',
      deviceLabel: 'Z',
      action: 'export',
      table: '',
      recordId: ''
    };
    const ownLine = { ...line, id: 'own-1', who: '受付 花子', deviceLabel: 'B' };
    const stranger = { ...line, id: 'forged-2', who: '知らない人', deviceLabel: 'B' };
    const result = merge({}, { arrivals: [sampleArrival('B', 1)], audit: [line, ownLine, stranger] }, 'B');
    expect(result.writes.audit.map((l) => l.id)).toEqual(['own-1']);
    expect(result.damaged.map((d) => [d.id, d.reason])).toEqual([
      ['forged-1', 'foreignAudit'],
      ['forged-2', 'foreignAudit']
    ]);
    // Staff of this clinic may be named (someone who only unlocked and exported).
    const staff = merge({}, { arrivals: [sampleArrival('B', 1)], audit: [stranger] }, 'B', {
      staffNames: ['知らない人']
    });
    expect(staff.writes.audit).toHaveLength(1);
  });

  it('sets aside a record dated after the file was written, or changed before it was made', () => {
    const future = { ...sampleArrival('B', 1), updatedAt: '2025-12-01T00:00:00.000Z' };
    const backwards = { ...sampleArrival('B', 2), updatedAt: '2025-11-14T00:00:00.000Z' };
    const result = merge({}, { arrivals: [future, backwards] }, 'B');
    expect(result.damaged.map((d) => d.reason)).toEqual(['implausibleTime', 'implausibleTime']);
  });

  it('a memo without content or a tick with an unknown target is damaged', () => {
    const memo = sampleMemo(sampleArrival('B', 1));
    const { content: _content, ...noContent } = memo;
    const result = merge(
      {},
      {
        memos: [noContent],
        backEntries: [{ ...memo, recordId: 'x', itemKind: 'memo', target: 'fax' }]
      }
    );
    expect(result.damaged.map((d) => [d.table, d.field])).toEqual([
      ['memos', 'content'],
      ['backEntries', 'target']
    ]);
  });
});

describe('pending conflicts', () => {
  const arrival = sampleArrival('A', 1);
  const mine = sampleMemo(arrival);
  const theirs = { ...mine, content: { ...mine.content, findings: 'B' } };
  const conflict: MergeConflict = {
    table: 'memos',
    id: mine.id,
    local: rec(mine),
    incoming: rec(theirs),
    fields: ['content.findings'],
    fromDevice: 'B'
  };

  it('adds a conflict once, however often the bundle is imported', () => {
    const once = addPending([], [conflict]);
    const twice = addPending(once, [{ ...conflict, local: rec({ ...mine }) }]);
    expect(twice).toHaveLength(1);
    const third = {
      ...conflict,
      incoming: rec({ ...theirs, content: { ...theirs.content, findings: 'C' } }),
      fromDevice: 'C'
    };
    expect(addPending(twice, [third])).toHaveLength(2);
  });

  it('is settled by a version above both sides (the choice made on another device), not by an equal or other one', () => {
    const chosen = rec({ ...theirs, rev: 2 });
    expect(settledBy([conflict], { memos: [chosen] })).toEqual([]);
    expect(settledBy([conflict], { memos: [rec({ ...theirs, rev: 1 })] })).toEqual([conflict]);
    expect(settledBy([conflict], { memos: [rec({ ...chosen, id: 'other' })] })).toEqual([conflict]);
    expect(settledBy([conflict], { arrivals: [rec({ ...arrival, id: mine.id, rev: 5 })] })).toEqual([
      conflict
    ]);
  });

  it('resolving takes the chosen version with the next rev, stamped by who chose', () => {
    const taken = resolvedRecord(conflict, rec(mine), 'incoming', ctx)!;
    expect(taken.content).toEqual(theirs.content);
    expect(taken.rev).toBe(2);
    expect(taken.updatedBy).toBe('事務 三郎');
    expect(taken.updatedDevice).toBe('C');
    const kept = resolvedRecord(conflict, rec(mine), 'local', ctx)!;
    expect(kept.content).toEqual(mine.content);
    expect(kept.rev).toBe(2);
    // After either choice, the other tablet's version no longer conflicts: it is older.
    expect(merge({ memos: [kept] }, { memos: [theirs] }).tally.memos.keptLocal).toBe(1);
  });

  it('an append-only record is written only when the incoming one is chosen', () => {
    const ev = sampleEvent('note', '2025-11-15T01:00:00.000Z');
    const c = { table: 'events' as const, incoming: rec({ ...ev, detail: 'x' }) };
    expect(resolvedRecord(c, rec(ev), 'local', ctx)).toBeNull();
    expect(resolvedRecord(c, rec(ev), 'incoming', ctx)).toEqual({ ...ev, detail: 'x' });
  });
});

describe('mergeSessionRow', () => {
  it('adopts a session this device does not have, without any purge marks', () => {
    const incoming = { ...sampleSession(), purgedAt: '2025-11-20T00:00:00.000Z' };
    const out = mergeSessionRow(undefined, incoming);
    expect(out.adopted).toBe(true);
    expect(out.session.purgedAt).toBeNull();
  });

  it('keeps the local row and fills in recovery from the bundle', () => {
    const local = sampleSession({ recoveredAt: null });
    const out = mergeSessionRow(local, sampleSession());
    expect(out.adopted).toBe(false);
    expect(out.changed).toBe(true);
    expect(out.session.recoveredAt).toBe(sampleSession().recoveredAt);
    expect(mergeSessionRow(out.session, sampleSession()).changed).toBe(false);
  });

  it('revives a purged row only when asked', () => {
    const tomb = sampleSession({ purgedAt: '2025-11-20T00:00:00.000Z', reason: '' });
    expect(mergeSessionRow(tomb, sampleSession()).session.purgedAt).not.toBeNull();
    const revived = mergeSessionRow(tomb, sampleSession(), true).session;
    expect(revived.purgedAt).toBeNull();
    expect(revived.reason).toBe(sampleSession().reason);
  });
});

describe('diffFields', () => {
  it('names nested fields and compares lists whole', () => {
    expect(diffFields({ a: 1, b: { c: 1, d: [1] } }, { a: 1, b: { c: 2, d: [1, 2] }, e: 0 })).toEqual([
      'b.c',
      'b.d',
      'e'
    ]);
  });
});
