// The vault layer under the whole store: records are sealed (AES-256-GCM) on their way into IndexedDB and opened on the way out.
//
// Two Dexie DBCore middlewares, installed together by useVault(db):
// - 'vault' sits at the very bottom of the stack, next to IndexedDB, so Dexie's own layers (cache,
//   live-query observation, hooks) only ever see plain records in memory and only the disk sees
//   ciphertext. Crypto is synchronous (@noble/ciphers): IndexedDB transactions commit the moment
//   code awaits anything that is not an IndexedDB request.
// - 'vault-audit' sits at the top: it widens every read-write transaction on a patient table to
//   include 'audit', and appends a create/change entry in the same transaction as the write, so the
//   trail and the data commit or fail together.
import {
  Dexie,
  RangeSet,
  type DBCore,
  type DBCoreCursor,
  type DBCoreIndex,
  type DBCoreMutateRequest,
  type DBCoreMutateResponse,
  type DBCoreQuery,
  type DBCoreTable,
  type IndexableType,
  type Middleware,
  type ObservabilitySet
} from 'dexie';
import { heldKeys, onUnlock } from './session-key';
import {
  blindIndex,
  decodeRecord,
  encodeRecord,
  openBytes,
  recordAad,
  sealBytes,
  type VaultKeys
} from './record-cipher';
import { VaultIntegrityError, VaultLockedError, VaultQueryError } from './vault-errors';
import { auditEntry, recordActor, transactionActor, type AuditActor, type AuditEntry } from './audit-entry';

/** Tables with no patient content stay in clear (see src/lib/vault/README-vault.md for why each). */
export const CLEAR_TABLES: ReadonlySet<string> = new Set([
  'settings',
  'counters',
  'vault',
  'audit',
  'events',
  'sessions'
]);

/** Indexed fields whose stored value is a keyed hash, because the value itself identifies a patient. */
export const HASHED_INDEXES: Readonly<Record<string, readonly string[]>> = { patients: ['patientNo'] };

/**
 * Tables whose creates and changes are not audited line by line: clear tables, drafts (written keystroke
 * by keystroke), the roster and the clinical snapshot (an import replaces each whole and writes one
 * 'import' line itself).
 */
const UNAUDITED: ReadonlySet<string> = new Set([
  ...CLEAR_TABLES,
  'drafts',
  'patients',
  'rosterBlocks',
  'clinicalBlocks'
]);

/** More records than this in one write become a single audit entry with a count. */
const BULK_AUDIT_THRESHOLD = 20;

/** The field of a stored row that holds the sealed record. */
export const SEALED_FIELD = '_enc';

// DBCoreRangeType is a const enum in Dexie's types; spelled out here (isolated modules cannot read it).
const RANGE_EQUAL = 1;
const RANGE_ANY = 3;
const RANGE_NEVER = 4;

interface Plan {
  name: string;
  /** Key paths kept in clear so IndexedDB can index them: the primary key and every index. */
  keep: string[];
  hashed: ReadonlySet<string>;
  primaryKey: (value: unknown) => unknown;
}

function planOf(table: DBCoreTable): Plan {
  const keep = new Set<string>();
  const add = (keyPath: string | string[] | null) => {
    if (keyPath === null) return;
    for (const path of Array.isArray(keyPath) ? keyPath : [keyPath]) keep.add(path);
  };
  add(table.schema.primaryKey.keyPath);
  for (const index of table.schema.indexes) add(index.keyPath);
  const extract = table.schema.primaryKey.extractKey;
  if (!extract) throw new Error(`vault: table ${table.name} needs an inbound primary key`);
  return {
    name: table.name,
    keep: [...keep],
    hashed: new Set(HASHED_INDEXES[table.name] ?? []),
    primaryKey: extract
  };
}

function getPath(value: unknown, path: string): unknown {
  let v: unknown = value;
  for (const part of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let t = target;
  for (const part of parts.slice(0, -1)) {
    t[part] ??= {};
    t = t[part] as Record<string, unknown>;
  }
  t[parts[parts.length - 1]!] = value;
}

function need(): VaultKeys {
  const keys = heldKeys();
  if (!keys) throw new VaultLockedError();
  return keys;
}

/** What IndexedDB stores for a record: its key and index fields (patient numbers hashed) and the sealed whole. */
function seal(plan: Plan, keys: VaultKeys, value: unknown): Record<string, unknown> {
  const primaryKey = plan.primaryKey(value);
  if (primaryKey === undefined) throw new Error(`vault: a record for ${plan.name} has no primary key`);
  const row: Record<string, unknown> = {};
  for (const path of plan.keep) {
    const v = getPath(value, path);
    if (v === undefined) continue;
    setPath(row, path, plan.hashed.has(path) ? blindIndex(keys.blind, `${plan.name}.${path}`, v) : v);
  }
  // The whole record is sealed, index fields included: the decrypted copy is the authoritative one.
  row[SEALED_FIELD] = sealBytes(keys.records, encodeRecord(value), recordAad(plan.name, primaryKey));
  return row;
}

function open(plan: Plan, row: unknown): unknown {
  if (row === undefined || row === null) return row;
  const sealed = (row as Record<string, unknown>)[SEALED_FIELD];
  // A row without a seal was written before the vault was set up; setup seals those (sealExistingRows).
  if (!ArrayBuffer.isView(sealed)) return row;
  const keys = need();
  const bytes = new Uint8Array(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  const plain = openBytes(keys.records, bytes, recordAad(plan.name, plan.primaryKey(row)));
  if (!plain) throw new VaultIntegrityError(plan.name);
  return decodeRecord(plain);
}

function isHashed(plan: Plan, index: DBCoreIndex): boolean {
  return typeof index.keyPath === 'string' && plan.hashed.has(index.keyPath);
}

/** A query over a hashed index: equality becomes equality of hashes; an order or a range has no meaning there. */
function translate(plan: Plan, query: DBCoreQuery): DBCoreQuery {
  if (!isHashed(plan, query.index)) return query;
  const { range } = query;
  if (range.type === RANGE_ANY || range.type === RANGE_NEVER) return query;
  const equal =
    range.type === RANGE_EQUAL ||
    (range.lower === range.upper && !range.lowerOpen && !range.upperOpen && range.lower !== undefined);
  if (!equal)
    throw new VaultQueryError(
      `${plan.name}.${String(query.index.keyPath)} is hashed: only equals() lookups work`
    );
  const hash = blindIndex(need().blind, `${plan.name}.${String(query.index.keyPath)}`, range.lower);
  return { ...query, range: { type: RANGE_EQUAL, lower: hash, upper: hash } };
}

function wrapCursor(plan: Plan, cursor: DBCoreCursor): DBCoreCursor {
  let lastRaw: unknown = undefined;
  let lastOpen: unknown = undefined;
  // IDBCursor's getters must run on the real cursor: define them here, inherit the methods.
  return Object.create(cursor, {
    key: { get: () => cursor.key },
    primaryKey: { get: () => cursor.primaryKey },
    value: {
      get: () => {
        const raw: unknown = cursor.value;
        if (raw !== lastRaw) {
          lastOpen = open(plan, raw);
          lastRaw = raw;
        }
        return lastOpen;
      }
    }
  }) as DBCoreCursor;
}

function attempt<T>(work: () => Promise<T>): Promise<T> {
  try {
    return work();
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

function sealedTable(table: DBCoreTable): DBCoreTable {
  const plan = planOf(table);
  return {
    ...table,
    mutate: (req) =>
      attempt(() => {
        const keys = need();
        if (req.type === 'add' || req.type === 'put')
          return table.mutate({ ...req, values: req.values.map((v) => seal(plan, keys, v)) });
        return table.mutate(req);
      }),
    get: (req) =>
      attempt(() => {
        need();
        return table.get(req).then((row) => open(plan, row));
      }),
    getMany: (req) =>
      attempt(() => {
        need();
        return table.getMany(req).then((rows) => rows.map((row) => open(plan, row)));
      }),
    query: (req) =>
      attempt(() => {
        // Keys alone reveal nothing the disk does not: allowed while locked, unless a hash must be computed.
        if (req.values) need();
        return table
          .query({ ...req, query: translate(plan, req.query) })
          .then((res) => (req.values ? { ...res, result: res.result.map((row) => open(plan, row)) } : res));
      }),
    openCursor: (req) =>
      attempt(() => {
        if (req.values) need();
        return table
          .openCursor({ ...req, query: translate(plan, req.query) })
          .then((cursor) => (cursor && req.values ? wrapCursor(plan, cursor) : cursor));
      }),
    count: (req) => attempt(() => table.count({ ...req, query: translate(plan, req.query) }))
  };
}

/** Every part of the encrypted tables, as Dexie names them for live queries: used to refresh them on unlock. */
function allParts(core: DBCore): ObservabilitySet {
  const parts: ObservabilitySet = {};
  for (const table of core.schema.tables) {
    if (CLEAR_TABLES.has(table.name)) continue;
    for (const index of ['', ':dels', ...table.indexes.map((i) => i.name)])
      parts[`idb://${core.schema.name}/${table.name}/${index}`] = new RangeSet(core.MIN_KEY, core.MAX_KEY);
  }
  return parts;
}

const partsByDb = new Map<string, ObservabilitySet>();

/**
 * Live queries that failed while locked never re-run by themselves: on unlock, tell Dexie every
 * encrypted table changed, so each open screen reads again with the key.
 */
function refreshLiveQueries() {
  for (const parts of partsByDb.values()) Dexie.on.storagemutated.fire(parts);
}

function sealingMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'vault',
    // Below Dexie's own middlewares (the lowest of which is -1): only IndexedDB sees ciphertext.
    level: -100,
    create(down) {
      partsByDb.set(down.schema.name, allParts(down));
      const tables = new Map<string, DBCoreTable>();
      return {
        ...down,
        table(name) {
          let t = tables.get(name);
          if (!t) {
            const raw = down.table(name);
            t = CLEAR_TABLES.has(name) ? raw : sealedTable(raw);
            tables.set(name, t);
          }
          return t;
        }
      };
    }
  };
}

/** The key of a one-record add or put whose key is a field of the record (not generated), else undefined. */
function singleInboundKey(primaryKey: DBCoreIndex, req: DBCoreMutateRequest): IndexableType | undefined {
  if ((req.type !== 'add' && req.type !== 'put') || req.values.length !== 1) return undefined;
  if (typeof primaryKey.keyPath !== 'string' || primaryKey.autoIncrement) return undefined;
  const key = (req.values[0] as Record<string, unknown>)[primaryKey.keyPath];
  return typeof key === 'string' || typeof key === 'number' ? key : undefined;
}

/**
 * The lines for a write: `by` is the transaction's actor when it was opened with one (an import);
 * otherwise each line names its record's own author and device (set by the repo from the write's context),
 * so a line and the record it describes can never name different people.
 */
function auditEntries(
  table: string,
  req: DBCoreMutateRequest,
  res: DBCoreMutateResponse,
  now: Date,
  by: AuditActor | undefined
): AuditEntry[] {
  if (req.type !== 'add' && req.type !== 'put') return [];
  const done: { key: unknown; value: Record<string, unknown> }[] = [];
  req.values.forEach((value: Record<string, unknown>, i) => {
    if (res.failures[i]) return;
    done.push({ key: res.results?.[i], value });
  });
  if (done.length === 0) return [];
  const actionOf = (value: Record<string, unknown>) =>
    value.rev === 1 || (req.type === 'add' && typeof value.rev !== 'number') ? 'create' : 'change';
  if (done.length > BULK_AUDIT_THRESHOLD) {
    const first = done[0]!.value;
    return [
      auditEntry(
        {
          action: actionOf(first),
          table,
          count: done.length,
          ...(typeof first.sessionId === 'string' ? { sessionId: first.sessionId } : {})
        },
        now,
        by ?? recordActor(first)
      )
    ];
  }
  return done.map(({ key, value }) =>
    auditEntry(
      {
        action: actionOf(value),
        table,
        recordId: String(key),
        ...(typeof value.sessionId === 'string' ? { sessionId: value.sessionId } : {}),
        ...refOf(value)
      },
      now,
      by ?? recordActor(value)
    )
  );
}

/**
 * The number staff know a record by, kept with its audit line: a queue number or a serial. Neither is
 * patient content (both are index fields stored in clear already).
 */
function refOf(value: Record<string, unknown>): { ref?: string } {
  const ref = value.queueNo ?? value.serial;
  return typeof ref === 'string' && ref ? { ref } : {};
}

function auditMiddleware(now: () => Date): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'vault-audit',
    level: 100,
    create(down) {
      if (!down.schema.tables.some((t) => t.name === 'audit')) return {};
      const auditTable = () => down.table('audit');
      return {
        ...down,
        transaction(stores, mode, options) {
          const widen =
            mode === 'readwrite' && !stores.includes('audit') && stores.some((s) => !UNAUDITED.has(s));
          return down.transaction(widen ? [...stores, 'audit'] : stores, mode, options);
        },
        table(name) {
          const table = down.table(name);
          if (UNAUDITED.has(name)) return table;
          return {
            ...table,
            mutate: async (req) => {
              const single = singleInboundKey(table.schema.primaryKey, req);
              if (single !== undefined) {
                // One record with its own key (every form's save): the audit line is known up front, so
                // both requests go to IndexedDB at once instead of one after the other.
                const ok: DBCoreMutateResponse = {
                  numFailures: 0,
                  failures: {},
                  results: [single],
                  lastResult: single
                };
                const entries = auditEntries(name, req, ok, now(), transactionActor(req.trans));
                // Either failing fails the write and rolls back its transaction, so the line never
                // outlives its record (even for a caller that catches the error and carries on).
                const undo = (error: unknown): never => {
                  try {
                    (req.trans as unknown as IDBTransaction).abort();
                  } catch {
                    // Already finished or aborted.
                  }
                  throw error;
                };
                const [res, written] = await Promise.all([
                  table.mutate(req),
                  auditTable().mutate({ type: 'add', trans: req.trans, values: entries })
                ]).catch(undo);
                if (res.numFailures > 0) undo(Object.values(res.failures)[0] ?? new Error('write'));
                if (written.numFailures > 0) undo(Object.values(written.failures)[0] ?? new Error('audit'));
                return res;
              }
              const res = await table.mutate(req);
              const entries = auditEntries(name, req, res, now(), transactionActor(req.trans));
              if (entries.length > 0) {
                const written = await auditTable().mutate({ type: 'add', trans: req.trans, values: entries });
                // A lost audit entry must fail the write it describes, not pass silently.
                if (written.numFailures > 0) throw Object.values(written.failures)[0] ?? new Error('audit');
              }
              return res;
            }
          };
        }
      };
    }
  };
}

export interface VaultOptions {
  /** Clock for audit entries (tests inject one). */
  now?: () => Date;
}

let unlockHooked = false;

/**
 * Seal the rows of every encrypted table that were written in clear before the vault was set up.
 * Called once, right after setup (unlocked): every row read then is a clear one, and putting it
 * back through the vault seals it.
 */
export async function sealExistingRows(db: Dexie): Promise<number> {
  let sealed = 0;
  for (const table of db.tables) {
    if (CLEAR_TABLES.has(table.name)) continue;
    await db.transaction('rw', table, async () => {
      const rows = await table.toArray();
      if (rows.length > 0) await table.bulkPut(rows);
      sealed += rows.length;
    });
  }
  return sealed;
}

/** Install the vault on a Dexie database before it opens: sealing at the bottom, audit at the top. */
export function useVault(db: Dexie, options: VaultOptions = {}): Dexie {
  db.use(sealingMiddleware());
  db.use(auditMiddleware(options.now ?? (() => new Date())));
  if (!unlockHooked) {
    unlockHooked = true;
    onUnlock(refreshLiveQueries);
  }
  return db;
}
