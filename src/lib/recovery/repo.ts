// Recovery's reads and writes across every store of a session: load, export, import and merge, conflicts, checklist ticks, purge.
import {
  clearAllJournals,
  ConflictError,
  raiseCounter,
  table,
  transaction,
  write,
  type StoreName,
  type WriteContext
} from '../store';
import type { DraftRow } from '../store/drafts';
import { fail, type Result } from '../result';
import { outageRepo } from '../outage/repo';
import { queueCounterKey } from '../reception/model';
import { serialCounterKey } from '../billing/model';
import { createBundle, bundleFileName, type Bundle, type ChecksumState, type OpenedBundle } from './bundle';
import {
  addPending,
  conflictKey,
  mergeChangesSomething,
  mergeRecords,
  mergeSessionRow,
  resolvedRecord,
  type ConflictChoice,
  type DamagedRecord,
  type MergeConflict,
  type Tally
} from './merge';
import { sameContent } from './canonical';
import { renumberEntry, tickEntry, untickEntry } from './back-entry';
import { checkTick, type ChecklistItem, type TickInput } from './checklist';
import { PURGE_STORES, totalOf, type PurgeCounts } from './purge-rules';
import type { SessionDraft } from './unsaved-drafts';
import {
  SESSION_TABLES,
  type BackEntry,
  type RecoverySession,
  type SessionData,
  type SessionTable,
  type StoredRecord
} from './model';

const sessions = () => table<RecoverySession>('sessions');
const rows = (name: SessionTable) => table<StoredRecord>(name);
const drafts = () => table<DraftRow>('drafts');

/** Conflicts waiting for the user are kept with the session's drafts, so purge finds them and a reload keeps them. */
const conflictsKey = (sessionId: string) => `recovery.conflicts.${sessionId}`;
const ALL_STORES: StoreName[] = ['sessions', ...SESSION_TABLES, 'drafts', 'counters'];

async function readRecords(sessionId: string): Promise<Record<SessionTable, StoredRecord[]>> {
  const lists = await Promise.all(
    SESSION_TABLES.map((t) => rows(t).where('sessionId').equals(sessionId).toArray())
  );
  const out = {} as Record<SessionTable, StoredRecord[]>;
  SESSION_TABLES.forEach((t, i) => (out[t] = lists[i]!));
  return out;
}

async function readPending(sessionId: string): Promise<MergeConflict[]> {
  const row = await drafts().get(conflictsKey(sessionId));
  return (row?.value as MergeConflict[] | undefined) ?? [];
}

async function putPending(sessionId: string, list: MergeConflict[], now: Date): Promise<void> {
  if (list.length === 0) await drafts().delete(conflictsKey(sessionId));
  else
    await drafts().put({
      key: conflictsKey(sessionId),
      value: list,
      updatedAt: now.toISOString(),
      tabId: 'recovery',
      sessionId
    });
}

/** Make sure this device's queue numbers and deposit serials continue after its own imported records. */
async function raiseOwnCounters(
  sessionId: string,
  arrivals: StoredRecord[],
  bills: StoredRecord[],
  label: string
) {
  if (!label) return;
  let seq = 0;
  for (const a of arrivals)
    if (a.deviceLabel === label && typeof a.seq === 'number') seq = Math.max(seq, a.seq);
  if (seq > 0) await raiseCounter(queueCounterKey(sessionId, label), seq);
  let serial = 0;
  for (const b of bills) {
    const m = typeof b.serial === 'string' ? /^(.+)-(\d+)$/.exec(b.serial) : null;
    if (m && m[1] === label) serial = Math.max(serial, Number(m[2]));
  }
  if (serial > 0) await raiseCounter(serialCounterKey(label), serial);
}

export interface ImportReport {
  sessionId: string;
  adopted: boolean;
  /** Anything changed on this device (a second import of the same file changes nothing). */
  changed: boolean;
  tally: Record<SessionTable, Tally>;
  /** Conflicts found in this bundle (already pending ones included). */
  conflicts: MergeConflict[];
  /** Conflicts now waiting for the user on this session, all bundles together. */
  pending: number;
  damaged: DamagedRecord[];
  fromDevice: string;
  drill: boolean;
  checksum: ChecksumState;
  migratedFrom: number | null;
}

export interface PurgeReport {
  deleted: PurgeCounts;
  /** Counted again after the purge, per store: all zero when nothing of the session remains. */
  remaining: PurgeCounts;
  /** What stays on purpose: the session row as a tombstone and the 'purged' timeline line (no patient data). */
  kept: { session: number; purgedEvents: number; purgeAudit: number };
}

function importDetail(
  bundle: Bundle,
  tally: Record<SessionTable, Tally>,
  conflicts: number,
  damaged: number
): string {
  let added = 0;
  let updated = 0;
  for (const t of SESSION_TABLES) {
    added += tally[t].added;
    updated += tally[t].updated;
  }
  return `端末${bundle.deviceLabel}から 追加${added} 更新${updated} 競合${conflicts} 破損${damaged}`;
}

export const recoveryRepo = {
  /** Every session on this device, newest first (purged ones remain as tombstones). */
  sessions: (): Promise<RecoverySession[]> => sessions().orderBy('startedAt').reverse().toArray(),

  getSession: (id: string): Promise<RecoverySession | undefined> => sessions().get(id),

  /** The session and all its records, or null when this device does not know it. */
  async load(sessionId: string): Promise<SessionData | null> {
    const session = await sessions().get(sessionId);
    if (!session) return null;
    const records = await readRecords(sessionId);
    return { session, ...records } as unknown as SessionData;
  },

  /** Build this device's bundle of the session (the caller saves the file, then calls logExport). */
  async exportBundle(
    sessionId: string,
    ctx: WriteContext
  ): Promise<Result<{ fileName: string; text: string; bundle: Bundle }>> {
    const data = await recoveryRepo.load(sessionId);
    if (!data) return fail({ key: 'recovery.error.noSession' });
    return write(async () => {
      const bundle = await createBundle(data, {
        deviceLabel: ctx.actor.deviceLabel,
        exportedBy: ctx.actor.staffName,
        now: ctx.now
      });
      return {
        fileName: bundleFileName(data.session, ctx.actor.deviceLabel),
        text: JSON.stringify(bundle),
        bundle
      };
    });
  },

  /** Record a saved file in the timeline ('exported'), e.g. 'バンドル' or 'CSV 受付一覧'. */
  logExport(sessionId: string, detail: string, ctx: WriteContext): Promise<Result<string>> {
    return outageRepo.log(sessionId, 'exported', detail, ctx);
  },

  logPrinted(sessionId: string, detail: string, ctx: WriteContext): Promise<Result<string>> {
    return outageRepo.log(sessionId, 'printed', detail, ctx);
  },

  /**
   * Merge a bundle into this device in one transaction: records by id and rev, the session adopted when
   * missing, conflicts kept for the user, damaged records set aside. A session purged here is revived only
   * with `revivePurged` (the user was warned). Logs 'imported' when anything changed.
   */
  async importBundle(
    opened: OpenedBundle,
    ctx: WriteContext,
    revivePurged = false
  ): Promise<Result<ImportReport>> {
    const { bundle } = opened;
    const sessionId = bundle.session.id;
    const existing = await sessions().get(sessionId);
    if (existing?.purgedAt && !revivePurged) return fail({ key: 'recovery.import.error.purged' });
    const result = await write(() =>
      transaction(ALL_STORES, async () => {
        const local = await readRecords(sessionId);
        const merged = mergeRecords(
          sessionId,
          local,
          bundle.records as Record<string, unknown>,
          bundle.deviceLabel
        );
        for (const t of SESSION_TABLES)
          if (merged.writes[t].length > 0) await rows(t).bulkPut(merged.writes[t]);
        const stored = await sessions().get(sessionId);
        const session = mergeSessionRow(stored, bundle.session, revivePurged);
        if (session.changed) await sessions().put(session.session);
        const before = await readPending(sessionId);
        const pending = addPending(before, merged.conflicts);
        if (pending.length !== before.length) await putPending(sessionId, pending, ctx.now);
        await raiseOwnCounters(sessionId, merged.writes.arrivals, merged.writes.bills, ctx.actor.deviceLabel);
        const report: ImportReport = {
          sessionId,
          adopted: session.adopted,
          changed: mergeChangesSomething(merged) || session.changed || pending.length !== before.length,
          tally: merged.tally,
          conflicts: merged.conflicts,
          pending: pending.length,
          damaged: merged.damaged,
          fromDevice: bundle.deviceLabel,
          drill: bundle.drill || bundle.session.kind === 'drill',
          checksum: opened.checksum,
          migratedFrom: opened.migratedFrom
        };
        return report;
      })
    );
    if (!result.ok) return result;
    if (result.value.changed) {
      const logged = await outageRepo.log(
        sessionId,
        'imported',
        importDetail(bundle, result.value.tally, result.value.conflicts.length, result.value.damaged.length),
        ctx
      );
      if (!logged.ok) return logged;
    }
    return result;
  },

  pendingConflicts: (sessionId: string): Promise<MergeConflict[]> => readPending(sessionId),

  /** The record as stored now (the "this device" side of a conflict shown to the user). */
  storedRecord: (tableName: SessionTable, id: string): Promise<StoredRecord | undefined> =>
    rows(tableName).get(id),

  /**
   * Settle a conflict with the user's choice. `shown` is the local version the user saw: if the record
   * changed since, nothing is written and the user is told (store.error.conflict).
   */
  resolveConflict(
    sessionId: string,
    conflict: MergeConflict,
    choice: ConflictChoice,
    shown: StoredRecord | undefined,
    ctx: WriteContext
  ): Promise<Result<void>> {
    return write(() =>
      transaction([conflict.table, 'drafts'], async () => {
        const stored = await rows(conflict.table).get(conflict.id);
        if (!sameContent(stored ?? null, shown ?? null)) throw new ConflictError(conflict.id);
        const record = resolvedRecord(conflict, stored, choice, ctx);
        if (record) await rows(conflict.table).put(record);
        const key = conflictKey(conflict);
        const pending = (await readPending(sessionId)).filter((c) => conflictKey(c) !== key);
        await putPending(sessionId, pending, ctx.now);
      })
    );
  },

  /**
   * Tick an item as entered. `expectedRev` is the rev of the tick the screen showed (null when there was
   * none): if another screen or tablet ticked or unticked it meanwhile, nothing is written.
   */
  tick(
    session: RecoverySession,
    item: Pick<ChecklistItem, 'id' | 'kind' | 'recordId' | 'target' | 'arrival'>,
    input: TickInput,
    expectedRev: number | null,
    ctx: WriteContext
  ): Promise<Result<BackEntry>> {
    const problem = checkTick(item, input).ehrPatientNo;
    if (problem) return Promise.resolve(fail(problem));
    return write(() =>
      transaction(['backEntries'], async () => {
        const stored = await table<BackEntry>('backEntries').get(item.id);
        if ((stored?.rev ?? null) !== expectedRev) throw new ConflictError(item.id);
        const entry = tickEntry(item, stored ?? null, input, session.id, session.kind === 'drill', ctx);
        await table<BackEntry>('backEntries').put(entry);
        return entry;
      })
    );
  },

  /** Fill in or correct the EHR patient number of a tick; `entry` is the version the screen showed. */
  renumber(entry: BackEntry, ehrPatientNo: string, ctx: WriteContext): Promise<Result<BackEntry>> {
    return write(() =>
      transaction(['backEntries'], async () => {
        const stored = await table<BackEntry>('backEntries').get(entry.id);
        if (!stored || stored.rev !== entry.rev) throw new ConflictError(entry.id);
        const next = renumberEntry(stored, ehrPatientNo, ctx);
        await table<BackEntry>('backEntries').put(next);
        return next;
      })
    );
  },

  /** Undo a tick; the record stays, with its history, and rev + 1. */
  untick(entry: BackEntry, ctx: WriteContext): Promise<Result<BackEntry>> {
    return write(() =>
      transaction(['backEntries'], async () => {
        const stored = await table<BackEntry>('backEntries').get(entry.id);
        if (!stored || stored.rev !== entry.rev) throw new ConflictError(entry.id);
        const next = untickEntry(stored, ctx);
        await table<BackEntry>('backEntries').put(next);
        return next;
      })
    );
  },

  /** How many rows of the session each store holds on this device (drafts: unsent form input of the session). */
  async countBySession(sessionId: string): Promise<PurgeCounts> {
    const counts = {} as PurgeCounts;
    for (const t of SESSION_TABLES) counts[t] = await rows(t).where('sessionId').equals(sessionId).count();
    counts.drafts = await drafts()
      .filter((d) => d.sessionId === sessionId)
      .count();
    return counts;
  },

  /** The session's drafts (unsent form input, and conflicts waiting for a choice), keys and sizes only. */
  async draftsOf(sessionId: string): Promise<SessionDraft[]> {
    const list = await drafts()
      .filter((d) => d.sessionId === sessionId)
      .toArray();
    return list.map((d) => ({
      key: d.key,
      items: d.key === conflictsKey(sessionId) && Array.isArray(d.value) ? d.value.length : 1
    }));
  },

  /**
   * Delete every record and draft of the session from this device; keep the session row as a tombstone
   * (purgedAt, who, counts — no patient data); log 'purged'; then count every store again.
   */
  async purge(sessionId: string, ctx: WriteContext): Promise<Result<PurgeReport>> {
    const done = await write(() =>
      transaction(ALL_STORES, async () => {
        const session = await sessions().get(sessionId);
        if (!session) throw new ConflictError(sessionId);
        const deleted = await recoveryRepo.countBySession(sessionId);
        for (const t of SESSION_TABLES) await rows(t).where('sessionId').equals(sessionId).delete();
        await drafts()
          .filter((d) => d.sessionId === sessionId)
          .delete();
        await table<{ key: string }>('counters').where('key').startsWith(`queue:${sessionId}:`).delete();
        const tombstone: RecoverySession = {
          ...session,
          reason: '',
          purgedAt: ctx.now.toISOString(),
          purgeSummary: {
            at: ctx.now.toISOString(),
            by: ctx.actor.staffName,
            deviceLabel: ctx.actor.deviceLabel,
            counts: { ...deleted }
          }
        };
        await sessions().put(tombstone);
        return deleted;
      })
    );
    if (!done.ok) return done;
    // Write-ahead copies of form input (sealed, normally gone within milliseconds) go with the drafts.
    clearAllJournals();
    const logged = await outageRepo.log(sessionId, 'purged', `${totalOf(done.value)}件`, ctx);
    if (!logged.ok) return logged;
    const verified = await write(async () => ({
      deleted: done.value,
      ...(await recoveryRepo.leftOf(sessionId))
    }));
    return verified;
  },

  /** What of the session is still on this device, the purge's own tombstone (row, 'purged' line, audit line) set apart. */
  async leftOf(sessionId: string): Promise<Omit<PurgeReport, 'deleted'>> {
    const remaining = await recoveryRepo.countBySession(sessionId);
    const purgeLines = (store: 'events' | 'audit', field: string, value: string) =>
      rows(store)
        .where('sessionId')
        .equals(sessionId)
        .filter((row) => row[field] === value)
        .count();
    const purgedEvents = await purgeLines('events', 'kind', 'purged');
    remaining.events -= purgedEvents;
    // The purge's own audit-trail line (who purged, when, how many; no patient content) stays too.
    const purgeAudit = await purgeLines('audit', 'action', 'purge');
    remaining.audit -= purgeAudit;
    const session = (await sessions().get(sessionId)) ? 1 : 0;
    return { remaining, kept: { session, purgedEvents, purgeAudit } };
  },

  /** Stores in the order the purge check lists them. */
  purgeStores: PURGE_STORES
};
