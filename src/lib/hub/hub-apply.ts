// Documents that came from the hub, into this device's store: opened, checked by the bundle's strict schemas, merged by its rules; a clinic outage joined.
import * as v from 'valibot';
import type { WriteContext } from '../store';
import { outageRepo, type Joiner } from '../outage/repo';
import { isOwnSession } from '../outage/model';
import { recoveryRepo } from '../recovery/repo';
import { RecoverySessionSchema } from '../recovery/bundle/schema';
import type { RecoverySession, SessionTable, StoredRecord } from '../recovery/model';
import { openHubDoc, PURGE_MARK, type HubKeys } from './hub-doc';
import { ownerOf } from './hub-purge';

/** Records whose outage session has not arrived yet, tried again with the next documents. */
export type Deferred = { table: SessionTable; record: StoredRecord }[];

export interface ApplyDeps {
  context: () => WriteContext;
  joiner: () => Joiner;
  staffNames: () => readonly string[];
  /** Sessions some device purged (the hub's purge marks): their records are never stored again. */
  purged?: () => ReadonlySet<string>;
  /** Told of every document that opened, with its owner session (the sync keeps them for the purge). */
  opened?: (docId: string, owner: string | null) => void;
}

/** Where a record was last written, to name the device in a conflict. */
function originOf(record: StoredRecord): string {
  for (const field of ['updatedDevice', 'deviceLabel', 'createdDevice'] as const)
    if (typeof record[field] === 'string' && record[field]) return record[field];
  return '';
}

/**
 * Apply documents from the hub (and the records deferred before). A document that does not open under
 * the clinic key, or whose content is not the one its id names, is never stored; a record that fails its
 * table's schema is set aside by the merge. Returns what is still waiting for its session.
 */
export async function applyHubDocs(
  keys: HubKeys,
  docs: readonly unknown[],
  waiting: Deferred,
  deps: ApplyDeps
): Promise<Deferred> {
  const sessions: RecoverySession[] = [];
  const byDevice = new Map<string, Partial<Record<SessionTable, StoredRecord[]>>>();
  const add = (name: SessionTable, record: StoredRecord) => {
    const origin = originOf(record);
    const group = byDevice.get(origin) ?? {};
    (group[name] ??= []).push(record);
    byDevice.set(origin, group);
  };
  const purged = deps.purged?.() ?? new Set<string>();
  for (const d of waiting) if (!purged.has(d.record.sessionId)) add(d.table, d.record);
  for (const doc of docs) {
    const opened = openHubDoc(keys, doc);
    if (!opened.ok) continue;
    const owner = ownerOf(opened.table, opened.record);
    deps.opened?.((doc as { _id: string })._id, owner);
    // A purge mark is the sync's (hub-sync.ts); a record of a purged outage is not brought back.
    if (opened.table === PURGE_MARK || (owner !== null && purged.has(owner))) continue;
    if (opened.table === 'sessions') {
      const parsed = v.safeParse(RecoverySessionSchema, opened.record);
      if (parsed.success) sessions.push(parsed.output);
    } else add(opened.table, opened.record as StoredRecord);
  }
  if (sessions.length === 0 && byDevice.size === 0) return [];
  const ctx = deps.context();
  const staff = deps.staffNames();
  if (sessions.length > 0) {
    const done = await recoveryRepo.applyShared({ sessions, records: {}, fromDevice: '' }, ctx, staff);
    if (!done.ok) throw new Error(`hub: ${done.error.key}`);
  }
  const deferred: Deferred = [];
  for (const [fromDevice, records] of byDevice) {
    const done = await recoveryRepo.applyShared({ sessions: [], records, fromDevice }, ctx, staff);
    if (!done.ok) throw new Error(`hub: ${done.error.key}`);
    deferred.push(...done.value.deferred);
  }
  if (sessions.length > 0) await joinClinicOutage(deps.joiner(), ctx);
  return deferred;
}

/**
 * An outage declared on another device of the clinic is this device's outage too: with none of its own
 * open, this device joins it (its own session, linked), as a scanned join code does. One it already
 * works in is not changed: two outages declared apart are linked by staff's answer to 「同じ障害ですか？」.
 */
async function joinClinicOutage(me: Joiner, ctx: WriteContext): Promise<void> {
  if (!me.label || (await outageRepo.current(me))) return;
  // Whatever clinic id each device was set up with: only a device holding the clinic key sealed it.
  const open = (await outageRepo.outages()).find(
    (o) => !o.closedAt && !o.purgedAt && !o.members.some((s) => isOwnSession(s, me))
  );
  if (open) await outageRepo.join(open.members[0]!, me, ctx);
}
