// Reads and writes of visit memos and their revisions; a first save moves the arrival on to 会計待ち.
import { ConflictError, newMeta, table, touchMeta, transaction, write, type WriteContext } from '../store';
import type { DraftRow } from '../store/drafts';
import type { Problem, Result } from '../result';
import type { Arrival, QueueStatus } from '../reception/model';
import type { OutageScope } from '../outage/model';
import { arrivalsRepo } from '../reception/repo';
import {
  arrivalOfMemoDraft,
  emptyContent,
  memoDraftPrefix,
  normalizeContent,
  type Memo,
  type MemoContent,
  type Revision
} from './model';
import { diffContent } from './revisions';

const memos = () => table<Memo>('memos');
const revisions = () => table<Revision>('revisions');
const drafts = () => table<DraftRow>('drafts');

function revisionOf(memo: Memo, before: MemoContent, ctx: WriteContext): Revision {
  return {
    id: ctx.newId(),
    sessionId: memo.sessionId,
    recordId: memo.id,
    rev: memo.rev,
    at: memo.updatedAt,
    by: ctx.actor.staffName,
    deviceLabel: ctx.actor.deviceLabel,
    changes: diffContent(before, memo.content),
    snapshot: memo.content
  };
}

/** Statuses a first memo moves on to 会計待ち; later ones (paid, left…) are the cashier's. */
const beforePayment: QueueStatus[] = ['waiting', 'inConsult'];

export interface Created {
  memo: Memo;
  /** The arrival was moved on to 会計待ち. */
  moved: boolean;
  /** Set when the memo was saved but the arrival's status could not be moved on. */
  statusProblem: Problem | null;
}

export const memosRepo = {
  get: (id: string) => memos().get(id),
  byArrival: (arrivalId: string) => memos().where('arrivalId').equals(arrivalId).first(),
  /** Every memo of an outage (every device's). */
  list: (scope: OutageScope) => memos().where('sessionId').anyOf(scope.sessionIds).toArray(),
  /**
   * Arrivals that have a saved memo (the queue's メモ mark), read from the arrivalId index alone: no sealed
   * memo is opened, however many there are. The index spans every outage on the device; the queue asks
   * only about its own arrivals (their ids are random, so another outage's cannot answer for them).
   */
  async arrivalsWithMemo(_scope: OutageScope): Promise<Set<string>> {
    const ids = await memos().orderBy('arrivalId').uniqueKeys();
    return new Set(ids.map(String));
  },
  /**
   * Arrivals whose memo is half-written, on any outage: keys only, so a keystroke in any form (which
   * changes the drafts store) re-reads no sealed record. The queue shows only its own arrivals anyway.
   */
  async arrivalsWithDraft(): Promise<Set<string>> {
    const keys = await drafts().where('key').startsWith(memoDraftPrefix).primaryKeys();
    return new Set(keys.map((key) => arrivalOfMemoDraft(String(key))).filter((id) => id !== null));
  },
  /** Arrivals of an outage whose memo has a draft: typed on some screen, not saved yet. */
  async draftArrivalIds(scope: OutageScope): Promise<Set<string>> {
    const rows = await drafts().where('key').startsWith(memoDraftPrefix).toArray();
    const ids = rows
      .filter((r) => scope.sessionIds.includes(r.sessionId))
      .map((r) => arrivalOfMemoDraft(r.key));
    return new Set(ids.filter((id): id is string => id !== null));
  },
  /**
   * Saved memos of the same roster patient from other arrivals (any outage on this device), newest first:
   * where a Do copies a previous prescription from. A drill's memos are offered only to a drill and a real
   * outage's only to a real one. Arrivals are sealed, so their patientId is read, not indexed.
   */
  async previousOfPatient(patientId: string, exceptArrivalId: string): Promise<Memo[]> {
    if (!patientId) return [];
    const me = await table<Arrival>('arrivals').get(exceptArrivalId);
    const theirs = await table<Arrival>('arrivals')
      .filter((a) => a.patientId === patientId && a.id !== exceptArrivalId && (!me || a.drill === me.drill))
      .toArray();
    if (theirs.length === 0) return [];
    const found = await memos()
      .where('arrivalId')
      .anyOf(theirs.map((a) => a.id))
      .toArray();
    return found.sort((a, b) =>
      a.content.date !== b.content.date
        ? a.content.date < b.content.date
          ? 1
          : -1
        : a.updatedAt < b.updatedAt
          ? 1
          : -1
    );
  },
  /** A memo's revisions, oldest first (rev 1 is the first version as written). */
  revisions: (memoId: string) => revisions().where('recordId').equals(memoId).sortBy('rev'),

  /**
   * Save the first memo of an arrival, with its first revision, in one transaction; a memo already
   * written for the arrival (another tab) is a conflict. Then move the arrival to 会計待ち.
   */
  async create(arrival: Arrival, content: MemoContent, ctx: WriteContext): Promise<Result<Created>> {
    const stored = normalizeContent(content);
    const at = ctx.now.toISOString();
    const memo: Memo = {
      ...newMeta(ctx, arrival.sessionId, arrival.drill),
      arrivalId: arrival.id,
      content: stored,
      authorName: ctx.actor.staffName,
      writtenAt: at,
      paperSerial: ''
    };
    const saved = await write(() =>
      transaction(['memos', 'revisions'], async () => {
        const existing = await memos().where('arrivalId').equals(arrival.id).first();
        if (existing) throw new ConflictError(existing.id);
        await memos().add(memo);
        await revisions().add(revisionOf(memo, emptyContent, ctx));
        return memo;
      })
    );
    if (!saved.ok) return saved;
    let statusProblem: Problem | null = null;
    let moved = false;
    const current = await arrivalsRepo.get(arrival.id);
    if (current && beforePayment.includes(current.status)) {
      const result = await arrivalsRepo.setStatus(arrival.id, 'awaitingPayment', ctx, current.rev);
      if (result.ok) moved = true;
      else statusProblem = result.error;
    }
    return { ok: true, value: { memo: saved.value, moved, statusProblem } };
  },

  /** 診察開始: one tap moves a waiting patient into the consultation; `rev` is the arrival as shown. */
  startConsult: (arrivalId: string, rev: number, ctx: WriteContext) =>
    arrivalsRepo.setStatus(arrivalId, 'inConsult', ctx, rev),

  /**
   * Save an edited memo and the revision recording what changed, in one transaction. `rev` is the
   * version the form was loaded from: if the stored memo moved on since, nothing is written and the
   * caller gets a conflict. An edit that changes nothing writes nothing.
   */
  update(memoId: string, rev: number, content: MemoContent, ctx: WriteContext): Promise<Result<Memo>> {
    const next = normalizeContent(content);
    return write(() =>
      transaction(['memos', 'revisions'], async () => {
        const stored = await memos().get(memoId);
        if (!stored || stored.rev !== rev) throw new ConflictError(memoId);
        if (diffContent(stored.content, next).length === 0) return stored;
        const memo: Memo = { ...touchMeta(stored, ctx), content: next };
        await memos().put(memo);
        await revisions().add(revisionOf(memo, stored.content, ctx));
        return memo;
      })
    );
  }
};
