// Merging another tablet's records into this one's: by id, the higher rev wins, equal rev with other content is a conflict kept for the user.
import * as v from 'valibot';
import { touchMeta, type RecordMeta, type WriteContext } from '../../store/record';
import { canonicalJson, sameContent } from './canonical';
import { SESSION_TABLES, type RecoverySession, type SessionTable, type StoredRecord } from '../model';
import { recordSchemas } from './schema';

/**
 * versioned: records carrying RecordMeta; a higher rev supersedes a lower one.
 * appendOnly: written once and never changed (timeline events, memo revisions, audit lines): a union by id.
 */
export type MergePolicy = 'versioned' | 'appendOnly';

export const mergePolicy: Record<SessionTable, MergePolicy> = {
  events: 'appendOnly',
  arrivals: 'versioned',
  intakes: 'versioned',
  memos: 'versioned',
  revisions: 'appendOnly',
  bills: 'versioned',
  settlements: 'versioned',
  cashCounts: 'appendOnly',
  backEntries: 'versioned',
  paperLinks: 'versioned',
  audit: 'appendOnly'
};

/**
 * Why a record was set aside: schema, not the shape the app writes (an unknown field, a wrong type);
 * otherSession, not a record of the bundle's outage; implausibleRev, a version number no edit on record
 * explains; implausibleTime, changed before it was made or after the file was written; foreignAudit, an
 * audit line of a device the bundle has no records from, or naming someone who never used that device.
 */
export type DamageReason =
  | 'schema'
  | 'otherSession'
  | 'notAList'
  | 'unknownTable'
  | 'implausibleRev'
  | 'implausibleTime'
  | 'foreignAudit';

/** Where a bundle comes from, for the checks that go beyond a record's shape. */
export interface Provenance {
  /** Label of the device that exported it. */
  fromDevice: string;
  /** When it was exported (its device's clock). */
  exportedAt: string;
  /** Who exported it. */
  exportedBy: string;
  /** Device labels of the bundle's sessions (devices that declared or joined). */
  sessionDevices: readonly string[];
  /** Staff of this clinic as this device knows them: an audit line may name them. */
  staffNames: readonly string[];
  /**
   * Check each version number against the edits on record (the audit trail carries a line for every
   * change). Files written before the audit trail existed cannot be held to it.
   */
  evidence: boolean;
}

/** How far a tablet's clock may run ahead of the exporting one's. */
const CLOCK_SLACK_MS = 24 * 3600_000;

/** A record set aside: it was not stored, and the user is told which and why. */
export interface DamagedRecord {
  table: string;
  /** Position in the bundle's list for that store (-1 for a whole store). */
  index: number;
  id: string | null;
  reason: DamageReason;
  /** The first field that failed the check ('rev', 'content'…), '' when not about a field. */
  field: string;
}

/** Same id, same rev, different content: both versions are kept until the user chooses. */
export interface MergeConflict {
  table: SessionTable;
  id: string;
  /** The version on this device when the bundle was imported. */
  local: StoredRecord;
  /** The bundle's version. */
  incoming: StoredRecord;
  /** Dotted paths of the fields that differ ('content.findings'). */
  fields: string[];
  /** Device label of the bundle it came from. */
  fromDevice: string;
}

export interface Tally {
  added: number;
  updated: number;
  unchanged: number;
  /** This device's version was newer (higher rev) and stays. */
  keptLocal: number;
  conflicts: number;
  damaged: number;
}

export interface MergeResult {
  /** Records to put, per store (new ones and newer versions). */
  writes: Record<SessionTable, StoredRecord[]>;
  conflicts: MergeConflict[];
  damaged: DamagedRecord[];
  tally: Record<SessionTable, Tally>;
}

const emptyTally = (): Tally => ({
  added: 0,
  updated: 0,
  unchanged: 0,
  keptLocal: 0,
  conflicts: 0,
  damaged: 0
});

function revOf(record: StoredRecord): number {
  return typeof record.rev === 'number' ? record.rev : 0;
}

/** Dotted paths where two records differ; plain objects are followed, arrays compared whole. */
export function diffFields(a: unknown, b: unknown, prefix = ''): string[] {
  const isPlain = (x: unknown): x is Record<string, unknown> =>
    x !== null && typeof x === 'object' && !Array.isArray(x);
  if (!isPlain(a) || !isPlain(b)) return sameContent(a, b) ? [] : [prefix || '.'];
  const out: string[] = [];
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlain(a[key]) && isPlain(b[key])) out.push(...diffFields(a[key], b[key], path));
    else if (!sameContent(a[key], b[key])) out.push(path);
  }
  return out;
}

type Checked = { ok: true; record: StoredRecord } | { ok: false; damaged: DamagedRecord };

function check(table: SessionTable, raw: unknown, index: number, sessionIds: ReadonlySet<string>): Checked {
  const rawId =
    raw !== null && typeof raw === 'object' && typeof (raw as StoredRecord).id === 'string'
      ? (raw as StoredRecord).id
      : null;
  const parsed = v.safeParse(recordSchemas[table], raw);
  if (!parsed.success) {
    const field = v.getDotPath(parsed.issues[0]) ?? '';
    return { ok: false, damaged: { table, index, id: rawId, reason: 'schema', field } };
  }
  const record = raw as StoredRecord;
  if (!sessionIds.has(record.sessionId))
    return { ok: false, damaged: { table, index, id: rawId, reason: 'otherSession', field: 'sessionId' } };
  return { ok: true, record };
}

const str = (x: unknown): string => (typeof x === 'string' ? x : '');

/** Devices and people the bundle's own records (not its audit lines) come from. */
function originsOf(incoming: Record<string, unknown>, provenance: Provenance) {
  const devices = new Set([provenance.fromDevice, ...provenance.sessionDevices]);
  const people = new Set([provenance.exportedBy, ...provenance.staffNames, '']);
  for (const table of SESSION_TABLES) {
    if (table === 'audit') continue;
    const rows = incoming[table];
    if (!Array.isArray(rows)) continue;
    for (const r of rows as Record<string, unknown>[]) {
      if (r === null || typeof r !== 'object') continue;
      for (const d of [r.createdDevice, r.updatedDevice, r.deviceLabel]) if (str(d)) devices.add(str(d));
      for (const p of [r.createdBy, r.updatedBy, r.by, r.authorName, r.receivedBy])
        if (str(p)) people.add(str(p));
    }
  }
  return { devices, people };
}

/** Changes on record per record ('table\0id') and whole-table bulk changes per table, from audit lines. */
function changesOnRecord(lines: readonly StoredRecord[]) {
  const perRecord = new Map<string, number>();
  const bulk = new Map<string, number>();
  const seen = new Set<string>();
  for (const line of lines) {
    if (seen.has(line.id) || line.action !== 'change') continue;
    seen.add(line.id);
    const table = str(line.table);
    const recordId = str(line.recordId);
    if (recordId)
      perRecord.set(`${table}\u0000${recordId}`, (perRecord.get(`${table}\u0000${recordId}`) ?? 0) + 1);
    else bulk.set(table, (bulk.get(table) ?? 0) + 1);
  }
  return (table: string, id: string) => (perRecord.get(`${table}\u0000${id}`) ?? 0) + (bulk.get(table) ?? 0);
}

/** Whether a record's times make sense: not changed before it was made, nothing from after the export. */
function plausibleTimes(record: StoredRecord, exportedAt: number): boolean {
  const latest = exportedAt + CLOCK_SLACK_MS;
  for (const field of ['updatedAt', 'at', 'createdAt'] as const) {
    const t = Date.parse(str(record[field]));
    if (!Number.isNaN(t) && t > latest) return false;
  }
  const created = Date.parse(str(record.createdAt));
  const updated = Date.parse(str(record.updatedAt));
  return Number.isNaN(created) || Number.isNaN(updated) || updated >= created - 60_000;
}

/**
 * Merge a bundle's records into the local ones of the same session. Pure: returns what to write, the
 * conflicts and the records set aside; the caller stores them. Importing the same records twice gives
 * no writes the second time.
 */
export function mergeRecords(
  sessionIds: readonly string[],
  local: Partial<Record<SessionTable, readonly StoredRecord[]>>,
  incoming: Record<string, unknown>,
  provenance: Provenance
): MergeResult {
  const fromDevice = provenance.fromDevice;
  const writes = {} as Record<SessionTable, StoredRecord[]>;
  const tally = {} as Record<SessionTable, Tally>;
  const conflicts: MergeConflict[] = [];
  const damaged: DamagedRecord[] = [];
  const ids = new Set(sessionIds);
  const exportedAt = Date.parse(provenance.exportedAt);
  const origins = originsOf(incoming, provenance);
  // Audit lines first: only those of the bundle's own devices and people count, as lines and as evidence.
  const acceptedAudit = new Set<string>();
  const auditRows = Array.isArray(incoming.audit) ? (incoming.audit as unknown[]) : [];
  const goodAudit: StoredRecord[] = [];
  for (const raw of auditRows) {
    const checked = check('audit', raw, -1, ids);
    if (!checked.ok) continue;
    const line = checked.record;
    if (!origins.devices.has(str(line.deviceLabel)) || !origins.people.has(str(line.who))) continue;
    acceptedAudit.add(line.id);
    goodAudit.push(line);
  }
  const changes = changesOnRecord([...(local.audit ?? []), ...goodAudit]);

  for (const name of Object.keys(incoming)) {
    if (!(SESSION_TABLES as readonly string[]).includes(name))
      damaged.push({ table: name, index: -1, id: null, reason: 'unknownTable', field: '' });
  }

  for (const table of SESSION_TABLES) {
    const t = emptyTally();
    tally[table] = t;
    const pending = new Map<string, StoredRecord>();
    const current = new Map<string, StoredRecord>();
    for (const r of local[table] ?? []) current.set(r.id, r);
    const rows = incoming[table];
    if (rows === undefined) {
      writes[table] = [];
      continue;
    }
    if (!Array.isArray(rows)) {
      damaged.push({ table, index: -1, id: null, reason: 'notAList', field: '' });
      t.damaged += 1;
      writes[table] = [];
      continue;
    }
    rows.forEach((raw: unknown, index) => {
      const checked = check(table, raw, index, ids);
      const setAside = (reason: DamageReason, field: string) => {
        damaged.push({ table, index, id: checked.ok ? checked.record.id : null, reason, field });
        t.damaged += 1;
      };
      if (!checked.ok) {
        damaged.push(checked.damaged);
        t.damaged += 1;
        return;
      }
      const record = checked.record;
      if (table === 'audit' && !acceptedAudit.has(record.id)) return setAside('foreignAudit', 'deviceLabel');
      if (!Number.isNaN(exportedAt) && !plausibleTimes(record, exportedAt))
        return setAside('implausibleTime', 'updatedAt');
      if (
        provenance.evidence &&
        mergePolicy[table] === 'versioned' &&
        revOf(record) - 1 > changes(table, record.id)
      )
        return setAside('implausibleRev', 'rev');
      const mine = current.get(record.id);
      const versioned = mergePolicy[table] === 'versioned';
      if (!mine) {
        t.added += 1;
      } else if (sameContent(mine, record)) {
        t.unchanged += 1;
        return;
      } else if (versioned && revOf(record) > revOf(mine)) {
        // A record listed twice in one bundle counts once, as added.
        if (!pending.has(record.id)) t.updated += 1;
      } else if (versioned && revOf(record) < revOf(mine)) {
        t.keptLocal += 1;
        return;
      } else {
        conflicts.push({
          table,
          id: record.id,
          local: mine,
          incoming: record,
          fields: diffFields(mine, record),
          fromDevice
        });
        t.conflicts += 1;
        return;
      }
      current.set(record.id, record);
      pending.set(record.id, record);
    });
    writes[table] = [...pending.values()];
  }
  return { writes, conflicts, damaged, tally };
}

/** Whether a merge would change anything on this device. */
export function mergeChangesSomething(result: Pick<MergeResult, 'writes'>): boolean {
  return SESSION_TABLES.some((t) => result.writes[t].length > 0);
}

/** A key that tells one pending conflict from another (same record and same incoming version = same conflict). */
export function conflictKey(c: Pick<MergeConflict, 'table' | 'id' | 'incoming'>): string {
  return `${c.table}\u0000${c.id}\u0000${canonicalJson(c.incoming)}`;
}

/**
 * Conflicts still waiting once newer versions arrived: a version written above both sides of a conflict
 * (the choice made on another device, then shared) settles it here too.
 */
export function settledBy(
  pending: readonly MergeConflict[],
  writes: Partial<Record<SessionTable, readonly StoredRecord[]>>
): MergeConflict[] {
  return pending.filter((c) => {
    if (mergePolicy[c.table] !== 'versioned') return true;
    const top = Math.max(revOf(c.local), revOf(c.incoming));
    return !(writes[c.table] ?? []).some((w) => w.id === c.id && revOf(w) > top);
  });
}

/** Conflicts waiting for the user, with newly found ones added once (a re-import adds nothing). */
export function addPending(
  existing: readonly MergeConflict[],
  found: readonly MergeConflict[]
): MergeConflict[] {
  const seen = new Set(existing.map(conflictKey));
  const out = [...existing];
  for (const c of found) {
    const key = conflictKey(c);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  return out;
}

export interface SessionMerge {
  session: RecoverySession;
  /** The session did not exist on this device and is now adopted. */
  adopted: boolean;
  changed: boolean;
}

/**
 * The session row after an import: adopted when missing; otherwise this device's row, with recovery and
 * closing times filled in from the bundle when this device has none. A purged row (tombstone) is revived
 * only when the caller says so (the user was warned); the bundle's own purge marks are never taken.
 */
export function mergeSessionRow(
  local: RecoverySession | undefined,
  incoming: RecoverySession,
  revivePurged = false
): SessionMerge {
  const clean = (s: RecoverySession): RecoverySession => {
    const copy: RecoverySession = { ...s, purgedAt: null };
    delete copy.purgeSummary;
    return copy;
  };
  if (!local) return { session: clean(incoming), adopted: true, changed: true };
  let next: RecoverySession = { ...local };
  if (next.purgedAt && revivePurged) next = { ...clean(next), reason: next.reason || incoming.reason };
  if (!next.recoveredAt && incoming.recoveredAt) next.recoveredAt = incoming.recoveredAt;
  if (!next.closedAt && incoming.closedAt) next.closedAt = incoming.closedAt;
  // Links between devices' sessions only grow: what either side knew is kept.
  const union = (a: string[] | undefined, b: string[] | undefined) => {
    const all = [...new Set([...(a ?? []), ...(b ?? [])])].sort();
    return all.length > 0 ? all : undefined;
  };
  const sameAs = union(local.sameAs, incoming.sameAs);
  const notSameAs = union(local.notSameAs, incoming.notSameAs);
  if (sameAs) next.sameAs = sameAs;
  if (notSameAs) next.notSameAs = notSameAs;
  return { session: next, adopted: false, changed: !sameContent(next, local) };
}

export type ConflictChoice = 'local' | 'incoming';

/**
 * The record to store once the user has chosen. A versioned record gets the next rev (stamped with who
 * chose, and when), so the losing version from the other tablet no longer conflicts on a later import.
 * Returns null when nothing needs writing (an append-only record kept as it is).
 */
export function resolvedRecord(
  conflict: Pick<MergeConflict, 'table' | 'incoming'>,
  stored: StoredRecord | undefined,
  choice: ConflictChoice,
  ctx: WriteContext
): StoredRecord | null {
  if (mergePolicy[conflict.table] === 'appendOnly') return choice === 'incoming' ? conflict.incoming : null;
  const chosen = choice === 'incoming' || !stored ? conflict.incoming : stored;
  const top = Math.max(revOf(conflict.incoming), stored ? revOf(stored) : 0);
  return touchMeta({ ...(chosen as unknown as RecordMeta), rev: top }, ctx) as unknown as StoredRecord;
}
