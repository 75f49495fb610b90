// Recovery's reads and writes across every store of a session: load, export, import and merge, conflicts, checklist ticks, purge.
import {
  actingAs,
  ConflictError,
  raiseCounter,
  table,
  transaction,
  write,
  type StoreName,
  type WriteContext
} from '../store';
import { clearAllJournals } from '../store/draft-journal';
import type { DraftRow } from '../store/drafts';
import { fail, type Result } from '../result';
import { outageRepo } from '../outage/repo';
import { groupOutages, outageContaining, type Outage, type OutageScope } from '../outage/model';
import { matchClinic, type ClinicIdentity, type Staff } from '../settings/model';
import { queueCounterKey } from '../reception/model';
import { serialCounterKey } from '../billing/model';
import {
  BUNDLE_FORMAT_VERSION,
  createBundle,
  bundleFileName,
  type Bundle,
  type ChecksumState,
  type OpenedBundle
} from './bundle/bundle';
import {
  addPending,
  settledBy,
  conflictKey,
  mergeChangesSomething,
  mergeRecords,
  mergeSessionRow,
  resolvedRecord,
  type ConflictChoice,
  type DamagedRecord,
  type MergeConflict,
  type Provenance,
  type Tally
} from './bundle/merge';
import { sameContent } from './bundle/canonical';
import { checkConfirm, confirmEntry, renumberEntry, tickEntry, untickEntry } from './checklist/back-entry';
import { checkTick, type ChecklistItem, type TickInput } from './checklist/checklist';
import { PURGE_STORES, totalOf, type PurgeCounts } from './purge/purge-rules';
import type { SessionDraft } from './purge/unsaved-drafts';
import {
  SESSION_TABLES,
  type BackEntry,
  type RecoverySession,
  type SessionData,
  type SessionTable,
  type StoredRecord,
  withBackEntryDefaults
} from './model';

const sessions = () => table<RecoverySession>('sessions');
const rows = (name: SessionTable) => table<StoredRecord>(name);
const drafts = () => table<DraftRow>('drafts');
const backEntries = () => table<BackEntry>('backEntries');

/** A stored tick, with what a tick from an older app version lacks filled in. */
async function storedTick(id: string): Promise<BackEntry | undefined> {
  const row = await backEntries().get(id);
  return row && withBackEntryDefaults(row);
}

/** Conflicts waiting for the user are kept with the session's drafts, so purge finds them and a reload keeps them. */
const conflictsKey = (sessionId: string) => `recovery.conflicts.${sessionId}`;
const ALL_STORES: StoreName[] = ['sessions', ...SESSION_TABLES, 'drafts', 'counters'];

async function readRecords(scope: OutageScope): Promise<Record<SessionTable, StoredRecord[]>> {
  const lists = await Promise.all(
    SESSION_TABLES.map((t) => rows(t).where('sessionId').anyOf(scope.sessionIds).toArray())
  );
  const out = {} as Record<SessionTable, StoredRecord[]>;
  SESSION_TABLES.forEach((t, i) => (out[t] = lists[i]!));
  // Ticks stored by an older app version read as a tick now reads (and merge with a bundle's filled ones).
  out.backEntries = out.backEntries.map(withBackEntryDefaults);
  return out;
}

async function readPending(sessionId: string): Promise<MergeConflict[]> {
  const row = await drafts().get(conflictsKey(sessionId));
  return (row?.value as MergeConflict[] | undefined) ?? [];
}

/** Conflicts waiting on any session of an outage. */
async function readPendingOf(scope: OutageScope): Promise<MergeConflict[]> {
  return (await Promise.all(scope.sessionIds.map(readPending))).flat();
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

/**
 * The heart of an import, inside the caller's transaction over ALL_STORES: session rows adopted or
 * completed (links kept), records merged by id and rev, conflicts added to those waiting, this device's
 * counters raised past its own records. Shared by a bundle import and the clinic hub.
 */
async function mergeInto(
  incomingSessions: readonly RecoverySession[],
  records: Record<string, unknown>,
  provenance: Provenance,
  ctx: WriteContext,
  revivePurged: boolean
) {
  const sessionIds = incomingSessions.map((s) => s.id);
  const local = await readRecords({ sessionIds });
  const merged = mergeRecords(sessionIds, local, records, provenance);
  for (const t of SESSION_TABLES) if (merged.writes[t].length > 0) await rows(t).bulkPut(merged.writes[t]);
  let adopted = false;
  let sessionsChanged = false;
  for (const incoming of incomingSessions) {
    const stored = await sessions().get(incoming.id);
    const row = mergeSessionRow(stored, incoming, revivePurged);
    adopted ||= row.adopted;
    if (row.changed) {
      sessionsChanged = true;
      await sessions().put(row.session);
    }
  }
  let pendingChanged = false;
  let pending = 0;
  for (const id of sessionIds) {
    const before = await readPending(id);
    const next = addPending(
      settledBy(before, merged.writes),
      merged.conflicts.filter((c) => c.incoming.sessionId === id)
    );
    if (next.length !== before.length || next.some((c, i) => c !== before[i])) {
      pendingChanged = true;
      await putPending(id, next, ctx.now);
    }
    pending += next.length;
  }
  for (const id of sessionIds)
    await raiseOwnCounters(
      id,
      merged.writes.arrivals.filter((a) => a.sessionId === id),
      merged.writes.bills,
      ctx.actor.deviceLabel
    );
  const changed = mergeChangesSomething(merged) || sessionsChanged || pendingChanged;
  return { merged, adopted, changed, pending };
}

/** What a batch from the hub did here. */
export interface SharedApplied {
  changed: boolean;
  conflicts: number;
  damaged: DamagedRecord[];
  /** Records whose outage session has not arrived yet: tried again with the next batch. */
  deferred: { table: SessionTable; record: StoredRecord }[];
}

export interface ImportReport {
  /** The bundle's first session (its outage's id as the exporting device saw it). */
  sessionId: string;
  /** Sessions of the bundle this device did not know before. */
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
  /** The file was sealed with a password; a plain one proves nothing about where it comes from. */
  sealed: boolean;
  /** The file named no clinic (written before bundles carried it): it could not be checked. */
  clinicUnknown: boolean;
}

/** What the import checks a bundle against: this clinic, its staff, and what the user allowed. */
export interface ImportOptions {
  clinic: ClinicIdentity;
  staffNames: readonly string[];
  /** The user was warned that the session was purged here and chose to bring it back. */
  revivePurged?: boolean;
  /** Settings allow plain (unsealed) bundles from before sealing existed. */
  allowPlain?: boolean;
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
  /** Every outage on this device, newest first (purged ones remain as tombstones). */
  outages: async (): Promise<Outage<RecoverySession>[]> => groupOutages(await sessions().toArray()),

  getSession: (id: string): Promise<RecoverySession | undefined> => sessions().get(id),

  /** The outage a session belongs to, with all its sessions (every device's), or null when unknown here. */
  async outageOf(sessionId: string): Promise<Outage<RecoverySession> | null> {
    return outageContaining(await sessions().toArray(), sessionId);
  },

  /** The outage (named by any of its sessions) and all its records, or null when this device does not know it. */
  async load(sessionId: string): Promise<SessionData | null> {
    const outage = await recoveryRepo.outageOf(sessionId);
    if (!outage) return null;
    const records = await readRecords(outage);
    return { session: outage, ...records } as unknown as SessionData;
  },

  /** Build this device's bundle of the outage (the caller saves the file, then calls logExport). */
  async exportBundle(
    sessionId: string,
    meta: { clinic: ClinicIdentity; deviceId: string },
    ctx: WriteContext
  ): Promise<Result<{ fileName: string; text: string; bundle: Bundle }>> {
    const data = await recoveryRepo.load(sessionId);
    if (!data) return fail({ key: 'recovery.error.noSession' });
    return write(async () => {
      const bundle = await createBundle(data, {
        deviceLabel: ctx.actor.deviceLabel,
        deviceId: meta.deviceId,
        exportedBy: ctx.actor.staffName,
        clinic: meta.clinic,
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

  /**
   * Merge a bundle into this device in one transaction: its sessions adopted when missing (links between
   * devices' sessions kept), records by id and rev after strict checks, conflicts kept for the user,
   * damaged records set aside. Refused when it comes from another clinic, or is a plain file the settings
   * do not allow. A session purged here is revived only with `revivePurged` (the user was warned). Logs
   * 'imported' when anything changed.
   */
  async importBundle(
    opened: OpenedBundle,
    ctx: WriteContext,
    options: ImportOptions
  ): Promise<Result<ImportReport>> {
    const { bundle } = opened;
    if (!opened.sealed && !options.allowPlain) return fail({ key: 'recovery.import.error.plainRefused' });
    const clinicMatch = matchClinic(options.clinic, bundle.clinic);
    if (clinicMatch === 'other')
      return fail({
        key: 'recovery.import.error.otherClinic',
        values: { name: bundle.clinic?.name || '—', code: bundle.clinic?.medicalInstitutionCode || '—' }
      });
    const sessionIds = bundle.sessions.map((s) => s.id);
    const known = await Promise.all(sessionIds.map((id) => sessions().get(id)));
    if (known.some((s) => s?.purgedAt) && !options.revivePurged)
      return fail({ key: 'recovery.import.error.purged' });
    const result = await write(() =>
      transaction(
        ALL_STORES,
        async () => {
          const m = await mergeInto(
            bundle.sessions,
            bundle.records as Record<string, unknown>,
            {
              fromDevice: bundle.deviceLabel,
              exportedAt: bundle.exportedAt,
              exportedBy: bundle.exportedBy,
              sessionDevices: bundle.sessions.map((s) => s.deviceLabel),
              staffNames: options.staffNames,
              evidence: bundle.formatVersion >= BUNDLE_FORMAT_VERSION
            },
            ctx,
            options.revivePurged ?? false
          );
          const report: ImportReport = {
            sessionId: bundle.session.id,
            adopted: m.adopted,
            changed: m.changed,
            tally: m.merged.tally,
            conflicts: m.merged.conflicts,
            pending: m.pending,
            damaged: m.merged.damaged,
            fromDevice: bundle.deviceLabel,
            drill: bundle.drill || bundle.session.kind === 'drill',
            checksum: opened.checksum,
            migratedFrom: opened.migratedFrom,
            sealed: opened.sealed,
            clinicUnknown: clinicMatch === 'unknown'
          };
          return report;
          // Every record the import writes is audited as the importer's act (the records keep their authors).
        },
        ctx.actor
      )
    );
    if (!result.ok) return result;
    if (result.value.changed) {
      const logged = await outageRepo.log(
        bundle.session.id,
        'imported',
        importDetail(bundle, result.value.tally, result.value.conflicts.length, result.value.damaged.length),
        ctx
      );
      if (!logged.ok) return logged;
    }
    return result;
  },

  /**
   * Records and outage sessions another device of the clinic shared through the hub, merged by the rules
   * of a bundle import: a lower rev never overwrites, an equal rev with other content is a conflict kept for
   * the user, append-only stores are a union, nothing is silently overwritten. Records of a session this
   * device does not know (yet) are handed back to try again later; records of an outage purged here are
   * not brought back. Logs nothing in the timeline (a stream, not an act of staff); the audit trail names
   * this device's person as for an import.
   */
  async applyShared(
    shared: {
      sessions: readonly RecoverySession[];
      records: Partial<Record<SessionTable, StoredRecord[]>>;
      fromDevice: string;
    },
    ctx: WriteContext,
    staffNames: readonly string[]
  ): Promise<Result<SharedApplied>> {
    return write(() =>
      transaction(
        ALL_STORES,
        async () => {
          const incomingIds = new Set(shared.sessions.map((s) => s.id));
          const wanted = new Set<string>();
          for (const t of SESSION_TABLES)
            for (const r of shared.records[t] ?? [])
              if (!incomingIds.has(r.sessionId)) wanted.add(r.sessionId);
          const known = (await sessions().bulkGet([...wanted])).filter((s): s is RecoverySession => !!s);
          const storedIncoming = await sessions().bulkGet([...incomingIds]);
          const purged = new Set([...known, ...storedIncoming].filter((s) => s?.purgedAt).map((s) => s!.id));
          const all = [
            ...shared.sessions.filter((s) => !purged.has(s.id)),
            ...known.filter((s) => !purged.has(s.id))
          ];
          const ids = new Set(all.map((s) => s.id));
          const records: Partial<Record<SessionTable, StoredRecord[]>> = {};
          const deferred: { table: SessionTable; record: StoredRecord }[] = [];
          for (const t of SESSION_TABLES) {
            const list = shared.records[t];
            if (!list) continue;
            records[t] = list.filter((r) => ids.has(r.sessionId));
            for (const r of list)
              if (!ids.has(r.sessionId) && !purged.has(r.sessionId)) deferred.push({ table: t, record: r });
          }
          const m = await mergeInto(
            all,
            records,
            {
              fromDevice: shared.fromDevice,
              exportedAt: ctx.now.toISOString(),
              exportedBy: '',
              sessionDevices: all.map((s) => s.deviceLabel),
              staffNames,
              // Every version a device writes reaches the hub, but the audit trail stays on each device.
              evidence: false
            },
            ctx,
            false
          );
          return {
            changed: m.changed,
            conflicts: m.merged.conflicts.length,
            damaged: m.merged.damaged,
            deferred
          };
        },
        ctx.actor
      )
    );
  },

  pendingConflicts: (scope: OutageScope): Promise<MergeConflict[]> => readPendingOf(scope),

  /** The record as stored now (the "this device" side of a conflict shown to the user). */
  storedRecord: (tableName: SessionTable, id: string): Promise<StoredRecord | undefined> =>
    rows(tableName).get(id),

  /**
   * Settle a conflict with the user's choice. `shown` is the local version the user saw: if the record
   * changed since, nothing is written and the user is told (store.error.conflict).
   */
  resolveConflict(
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
        const sessionId = conflict.incoming.sessionId;
        const pending = (await readPending(sessionId)).filter((c) => conflictKey(c) !== key);
        await putPending(sessionId, pending, ctx.now);
      })
    );
  },

  /**
   * Tick an item as entered, as the version of its record the screen showed (item.version). `expectedRev`
   * is the rev of the tick the screen showed (null when there was none): if another screen or tablet
   * ticked or unticked it meanwhile, nothing is written.
   */
  tick(
    session: RecoverySession,
    item: Pick<ChecklistItem, 'id' | 'kind' | 'recordId' | 'target' | 'arrival' | 'version'>,
    input: TickInput,
    expectedRev: number | null,
    ctx: WriteContext
  ): Promise<Result<BackEntry>> {
    const problem = checkTick(item, input).ehrPatientNo;
    if (problem) return Promise.resolve(fail(problem));
    return write(() =>
      transaction(['backEntries'], async () => {
        const stored = await storedTick(item.id);
        if ((stored?.rev ?? null) !== expectedRev) throw new ConflictError(item.id);
        const entry = tickEntry(item, stored ?? null, input, session.id, session.kind === 'drill', ctx);
        await backEntries().put(entry);
        return entry;
      })
    );
  },

  /**
   * 確定: `confirmer` (a doctor, for a memo) confirms what was entered. `item` is the line as the screen
   * showed it: if its tick changed meanwhile, nothing is written. The tick, its meta and its audit line
   * name the confirmer.
   */
  confirm(
    item: Pick<ChecklistItem, 'id' | 'kind' | 'state' | 'entry'>,
    confirmer: Staff | null,
    ctx: WriteContext
  ): Promise<Result<BackEntry>> {
    const problem = checkConfirm(item, confirmer);
    if (problem || !confirmer || !item.entry)
      return Promise.resolve(fail(problem ?? { key: 'recovery.checklist.confirmNothing' }));
    const shown = item.entry;
    const as = actingAs(ctx, confirmer.name);
    return write(() =>
      transaction(['backEntries'], async () => {
        const stored = await storedTick(item.id);
        if (!stored || stored.rev !== shown.rev) throw new ConflictError(item.id);
        const next = confirmEntry(stored, as);
        await backEntries().put(next);
        return next;
      })
    );
  },

  /** Fill in or correct the EHR patient number of a tick; `entry` is the version the screen showed. */
  renumber(entry: BackEntry, ehrPatientNo: string, ctx: WriteContext): Promise<Result<BackEntry>> {
    return write(() =>
      transaction(['backEntries'], async () => {
        const stored = await storedTick(entry.id);
        if (!stored || stored.rev !== entry.rev) throw new ConflictError(entry.id);
        const next = renumberEntry(stored, ehrPatientNo, ctx);
        await backEntries().put(next);
        return next;
      })
    );
  },

  /** Undo a tick; the record stays, with its history, and rev + 1. */
  untick(entry: BackEntry, ctx: WriteContext): Promise<Result<BackEntry>> {
    return write(() =>
      transaction(['backEntries'], async () => {
        const stored = await storedTick(entry.id);
        if (!stored || stored.rev !== entry.rev) throw new ConflictError(entry.id);
        const next = untickEntry(stored, ctx);
        await backEntries().put(next);
        return next;
      })
    );
  },

  /** How many rows of the outage each store holds on this device (drafts: unsent form input of it). */
  async countBySession(scope: OutageScope): Promise<PurgeCounts> {
    const counts = {} as PurgeCounts;
    for (const t of SESSION_TABLES)
      counts[t] = await rows(t).where('sessionId').anyOf(scope.sessionIds).count();
    counts.drafts = await drafts()
      .filter((d) => scope.sessionIds.includes(d.sessionId))
      .count();
    return counts;
  },

  /** The outage's drafts (unsent form input, and conflicts waiting for a choice), keys and sizes only. */
  async draftsOf(scope: OutageScope): Promise<SessionDraft[]> {
    const list = await drafts()
      .filter((d) => scope.sessionIds.includes(d.sessionId))
      .toArray();
    return list.map((d) => ({
      key: d.key,
      items: d.key === conflictsKey(d.sessionId) && Array.isArray(d.value) ? d.value.length : 1
    }));
  },

  /**
   * Delete every record and draft of the outage (every device's session of it) from this device; keep
   * each session row as a tombstone (purgedAt, who, counts — no patient data); log 'purged'; then count
   * every store again.
   */
  async purge(outage: Outage, ctx: WriteContext): Promise<Result<PurgeReport>> {
    const scope = { sessionIds: [...outage.sessionIds] };
    const done = await write(() =>
      transaction(ALL_STORES, async () => {
        const rowsNow = await Promise.all(scope.sessionIds.map((id) => sessions().get(id)));
        if (rowsNow.some((r) => !r)) throw new ConflictError(outage.id);
        const deleted = await recoveryRepo.countBySession(scope);
        for (const t of SESSION_TABLES) await rows(t).where('sessionId').anyOf(scope.sessionIds).delete();
        await drafts()
          .filter((d) => scope.sessionIds.includes(d.sessionId))
          .delete();
        for (const id of scope.sessionIds)
          await table<{ key: string }>('counters').where('key').startsWith(`queue:${id}:`).delete();
        for (const session of rowsNow as RecoverySession[]) {
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
        }
        return deleted;
      })
    );
    if (!done.ok) return done;
    // Write-ahead copies of form input (sealed, normally gone within milliseconds) go with the drafts.
    clearAllJournals();
    const logged = await outageRepo.log(outage.id, 'purged', `${totalOf(done.value)}件`, ctx);
    if (!logged.ok) return logged;
    const verified = await write(async () => ({
      deleted: done.value,
      ...(await recoveryRepo.leftOf(scope))
    }));
    return verified;
  },

  /** What of the outage is still on this device, the purge's own tombstone (rows, 'purged' line, audit line) set apart. */
  async leftOf(scope: OutageScope): Promise<Omit<PurgeReport, 'deleted'>> {
    const remaining = await recoveryRepo.countBySession(scope);
    const purgeLines = (store: 'events' | 'audit', field: string, value: string) =>
      rows(store)
        .where('sessionId')
        .anyOf(scope.sessionIds)
        .filter((row) => row[field] === value)
        .count();
    const purgedEvents = await purgeLines('events', 'kind', 'purged');
    remaining.events -= purgedEvents;
    // The purge's own audit-trail line (who purged, when, how many; no patient content) stays too.
    const purgeAudit = await purgeLines('audit', 'action', 'purge');
    remaining.audit -= purgeAudit;
    const session = (await Promise.all(scope.sessionIds.map((id) => sessions().get(id)))).filter(
      Boolean
    ).length;
    return { remaining, kept: { session, purgedEvents, purgeAudit } };
  },

  /** Stores in the order the purge check lists them. */
  purgeStores: PURGE_STORES
};
