import { describe, expect, it } from 'vitest';
import { sampleSession } from '../recovery/sample';
import { deriveHubKeys, openHubDoc, PURGE_MARK, sealHubDoc } from './hub-doc';
import {
  countLeft,
  docsToErase,
  marksToShare,
  ownerOf,
  purgedOnHub,
  purgeNotices,
  readMark,
  type PurgeMark
} from './hub-purge';

const a = sampleSession({ id: 'sa', deviceLabel: 'A', sameAs: ['sb'] });
const b = sampleSession({
  id: 'sb',
  deviceLabel: 'B',
  sameAs: ['sa'],
  createdAt: '2025-11-15T00:07:00.000Z'
});
const other = sampleSession({
  id: 'sx',
  deviceLabel: 'A',
  startedAt: '2025-12-01T00:05:00.000Z',
  createdAt: '2025-12-01T00:06:00.000Z'
});
const purgedAt = '2025-11-16T08:00:00.000Z';
const mark = (over: Partial<PurgeMark> = {}): PurgeMark => ({
  id: 'sa',
  rev: 0,
  sessionIds: ['sa', 'sb'],
  at: purgedAt,
  deviceLabel: 'A',
  ...over
});

describe('the purge through the hub', () => {
  it('names the owner session of each document: a session by its id, a record by its sessionId, a mark none', () => {
    expect(ownerOf('sessions', a as unknown as Record<string, unknown>)).toBe('sa');
    expect(ownerOf('memos', { id: 'm1', sessionId: 'sb' })).toBe('sb');
    expect(ownerOf(PURGE_MARK, { id: 'sa', sessionIds: ['sa'] })).toBeNull();
  });

  it('erases every document of a purged session and nothing of another outage, then counts zero of it', () => {
    const owners = new Map([
      ['sessions:sa:0:1', 'sa'],
      ['arrivals:x:1:2', 'sa'],
      ['memos:y:2:3', 'sb'],
      ['arrivals:z:1:4', 'sx']
    ]);
    const purged = purgedOnHub([mark()]);
    expect(docsToErase(owners, purged).sort()).toEqual(['arrivals:x:1:2', 'memos:y:2:3', 'sessions:sa:0:1']);
    expect(countLeft(owners.values(), purged)).toBe(3);
    for (const id of docsToErase(owners, purged)) owners.delete(id);
    expect(countLeft([...owners.values(), null], purged)).toBe(0);
    expect(countLeft(owners.values(), new Set(['sx']))).toBe(1);
  });

  it('marks an outage purged here once, with all its sessions, and not again once the hub knows it', () => {
    const tombstones = [a, b].map((s) => ({ ...s, reason: '', purgedAt }));
    const marks = marksToShare([...tombstones, other], new Set(), 'A');
    expect(marks).toEqual([mark()]);
    expect(marksToShare([...tombstones, other], purgedOnHub(marks), 'A')).toEqual([]);
    // Not purged here (only one of its sessions is a tombstone): nothing to mark yet.
    expect(marksToShare([tombstones[0]!, b], new Set(), 'A')).toEqual([]);
  });

  it('seals a mark like any hub document, and reads back only a well-formed one', () => {
    const keys = deriveHubKeys(new Uint8Array(32).fill(5));
    const doc = sealHubDoc(keys, PURGE_MARK, mark());
    expect(doc._id).toMatch(/^purged:sa:0:[0-9a-f]{20}$/);
    const opened = openHubDoc(keys, doc);
    expect(opened.ok && opened.table).toBe(PURGE_MARK);
    expect(opened.ok && readMark(opened.record)).toEqual(mark());
    expect(readMark({ id: 'sa', sessionIds: 'sa', at: purgedAt, deviceLabel: 'A' })).toBeNull();
  });

  it('gives another device one notice per outage it still holds, however many marks name it', () => {
    const marks = [mark(), mark({ id: 'sb', deviceLabel: 'C', sessionIds: ['sb'] })];
    const notices = purgeNotices([a, b, other], marks, 'B');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ outageId: 'sa', devices: ['A', 'C'] });
    // The device that purged gets none; nor does one that purged it too.
    expect(purgeNotices([a, b, other], [mark()], 'A')).toEqual([]);
    const gone = [a, b].map((s) => ({ ...s, purgedAt }));
    expect(purgeNotices([...gone, other], marks, 'B')).toEqual([]);
  });
});
