// Merging another tablet's records into this one's: by id, the higher rev wins, equal rev with other content is a conflict kept for the user.
import * as v from 'valibot';
import { touchMeta, type RecordMeta, type WriteContext } from '../store/record';
import { canonicalJson, sameContent } from './canonical';
import { SESSION_TABLES, type RecoverySession, type SessionTable, type StoredRecord } from './model';

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
  backEntries: 'versioned',
  paperLinks: 'versioned',
  audit: 'appendOnly'
};

const id = v.pipe(v.string(), v.minLength(1));
const base = { id, sessionId: v.string() };
const meta = {
  ...base,
  rev: v.pipe(v.number(), v.integer(), v.minValue(1)),
  createdAt: v.string(),
  updatedAt: v.string()
};

/** The least a record must hold to be stored safely: a structural check per store, not a full validation. */
export const recordSchemas: Record<SessionTable, v.GenericSchema<unknown, unknown>> = {
  events: v.looseObject({ ...base, kind: v.string(), at: v.string() }),
  arrivals: v.looseObject({ ...meta, queueNo: v.string(), arrivedAt: v.string(), name: v.string() }),
  intakes: v.looseObject({ ...meta, arrivalId: v.string() }),
  memos: v.looseObject({ ...meta, arrivalId: v.string(), content: v.looseObject({}) }),
  revisions: v.looseObject({ ...base, recordId: v.string(), rev: v.number(), at: v.string() }),
  bills: v.looseObject({ ...meta, arrivalId: v.string(), kind: v.string(), amount: v.number() }),
  settlements: v.looseObject({ ...meta, billId: v.string(), status: v.string() }),
  backEntries: v.looseObject({
    ...meta,
    recordId: v.string(),
    itemKind: v.string(),
    target: v.picklist(['ehr', 'rececon'])
  }),
  paperLinks: v.looseObject({ ...base, rev: v.optional(v.number()) }),
  audit: v.looseObject(base)
};

export type DamageReason = 'schema' | 'otherSession' | 'notAList' | 'unknownTable';

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

function check(table: SessionTable, raw: unknown, index: number, sessionId: string): Checked {
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
  if (record.sessionId !== sessionId)
    return { ok: false, damaged: { table, index, id: rawId, reason: 'otherSession', field: 'sessionId' } };
  return { ok: true, record };
}

/**
 * Merge a bundle's records into the local ones of the same session. Pure: returns what to write, the
 * conflicts and the records set aside; the caller stores them. Importing the same records twice gives
 * no writes the second time.
 */
export function mergeRecords(
  sessionId: string,
  local: Partial<Record<SessionTable, readonly StoredRecord[]>>,
  incoming: Record<string, unknown>,
  fromDevice = ''
): MergeResult {
  const writes = {} as Record<SessionTable, StoredRecord[]>;
  const tally = {} as Record<SessionTable, Tally>;
  const conflicts: MergeConflict[] = [];
  const damaged: DamagedRecord[] = [];

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
      const checked = check(table, raw, index, sessionId);
      if (!checked.ok) {
        damaged.push(checked.damaged);
        t.damaged += 1;
        return;
      }
      const record = checked.record;
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
