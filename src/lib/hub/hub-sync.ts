// Live sharing through the clinic hub (loaded only when a hub is set up): Dexie's records mirrored, sealed, into a local PouchDB that replicates with CouchDB; what arrives is opened, checked and merged into Dexie.
import PouchDB from 'pouchdb-browser';
// Words of the code it reaches (the merge's and the records' problems), though it shows none itself.
import '../i18n/messages/billing';
import '../i18n/messages/reception';
import '../i18n/messages/recovery';
import '../i18n/messages/hub-settings';
import { table, type WriteContext } from '../store';
import { onStoreChange } from '../store/changes';
import { bytesToHex, sha256 } from '../store/record-cipher-primitives';
import type { Joiner } from '../outage/repo';
import type { OutageSession } from '../outage/model';
import { recoveryRepo } from '../recovery/repo';
import type { RecoverySession, StoredRecord } from '../recovery/model';
import { applyHubDocs, type Deferred } from './hub-apply';
import {
  countLeft,
  docsToErase,
  marksToShare,
  ownerOf,
  purgedOnHub,
  purgeNotices,
  readMark,
  type PurgeMark,
  type PurgeNotice
} from './hub-purge';
import { clinicKeyBytes, type HubConfig } from './hub-config';

export { readHubConfig } from './hub-config';
import {
  deriveHubKeys,
  HUB_TABLES,
  hubDocId,
  isHubTable,
  openHubDoc,
  PURGE_MARK,
  sealHubDoc,
  type HubDoc,
  type HubTable
} from './hub-doc';
import type { HubPhase } from './hub-state.svelte';
import { retryDelay } from './hub-retry';

export interface HubSyncDeps {
  config: HubConfig;
  /** Who is at this device now (applied records are audited as that person's import). */
  context: () => WriteContext;
  joiner: () => Joiner;
  staffNames: () => readonly string[];
  report: (phase: HubPhase, unsent: number) => void;
  /** Outages another device purged that this one still holds (one notice per outage). */
  notices?: (list: PurgeNotice[]) => void;
  /** Conflicts waiting for a choice on this device, and a session of the first one (for its view). */
  conflicts?: (n: number, sessionId: string | null) => void;
}

export interface HubSync {
  stop(): Promise<void>;
  /**
   * How many documents of these sessions the hub itself still holds (its own list, read over the network,
   * each opened to find its session); null when the hub cannot be asked.
   */
  checkHub(sessionIds: readonly string[]): Promise<number | null>;
}

/** Whether the browser says it has no network at all (navigator.onLine is false only then). */
const browserOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

const UNSENT_DOC = '_local/tebikae-unsent';
const MIRROR_DELAY_MS = 60;

export async function startHubSync(deps: HubSyncDeps): Promise<HubSync> {
  const { config } = deps;
  const keyBytes = clinicKeyBytes(config.clinicKey);
  if (!keyBytes) throw new Error('hub: the clinic key is not valid');
  const keys = deriveHubKeys(keyBytes);
  // One local replica per hub and clinic key: another key's documents could not be opened anyway.
  const tag = bytesToHex(sha256(new TextEncoder().encode(`${config.url}\u0000${config.clinicKey}`))).slice(
    0,
    16
  );
  const local = new PouchDB(`tebikae-hub-${tag}`, { auto_compaction: true });
  const remote = new PouchDB(config.url, {
    skip_setup: true,
    auth: { username: config.user, password: config.password }
  });

  const known = new Set((await local.allDocs()).rows.map((r) => r.id));
  // Each document's owner session (for the purge), and the purge marks the hub holds.
  const owners = new Map<string, string>();
  const marks = new Map<string, PurgeMark>();
  const purged = () => purgedOnHub(marks.values());
  const takeMark = (doc: unknown) => {
    const opened = openHubDoc(keys, doc);
    if (!opened.ok || opened.table !== PURGE_MARK) return false;
    const mark = readMark(opened.record);
    if (mark) marks.set((doc as { _id: string })._id, mark);
    return true;
  };
  const unsent = new Set<string>();
  try {
    const saved = await local.get(UNSENT_DOC);
    if (Array.isArray(saved.ids)) for (const id of saved.ids) if (typeof id === 'string') unsent.add(id);
  } catch {
    // None saved yet.
  }
  let phase: HubPhase = 'connecting';
  let stopped = false;
  const report = () => {
    if (!stopped) deps.report(phase, unsent.size);
  };

  let unsentWrite: Promise<unknown> = Promise.resolve();
  const saveUnsent = () => {
    unsentWrite = unsentWrite
      .then(async () => {
        let rev: string | undefined;
        try {
          rev = (await local.get(UNSENT_DOC))._rev;
        } catch {
          rev = undefined;
        }
        await local.put({ _id: UNSENT_DOC, ...(rev ? { _rev: rev } : {}), ids: [...unsent] });
      })
      .catch(() => undefined);
  };

  // One job at a time: mirroring out and applying in never interleave (each reads what the other wrote).
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (job: () => Promise<void>) => {
    queue = queue.then(job).catch((error: unknown) => {
      console.error('hub:', error);
    });
    return queue;
  };

  /** Every version of a shared record not yet in the local replica goes in, sealed. */
  async function mirror(tables: Iterable<HubTable>): Promise<void> {
    const docs: HubDoc[] = [];
    const gone = purged();
    for (const name of tables) {
      const rows = await table<StoredRecord>(name).toArray();
      for (const row of rows) {
        // A purged outage stays a tombstone here; its rows are not shared again.
        if (name === 'sessions' && (row as unknown as RecoverySession).purgedAt) continue;
        const owner = ownerOf(name, row);
        // Nor are those of an outage another device purged (no resurrection on the hub).
        if (owner === null || gone.has(owner)) continue;
        const id = hubDocId(keys, name, row);
        if (known.has(id)) continue;
        owners.set(id, owner);
        docs.push(sealHubDoc(keys, name, row));
      }
    }
    if (docs.length === 0 || stopped) return;
    // Known before written: the replica's change feed must not take our own documents for incoming ones.
    for (const d of docs) {
      known.add(d._id);
      unsent.add(d._id);
    }
    await local.bulkDocs(docs as unknown as { _id: string }[]);
    saveUnsent();
    report();
  }

  /**
   * Outages purged: one purged here is marked on the hub (first), then every document of a purged
   * session (here or on another device) is erased from the replica, and the erasures replicate to the
   * hub. Then the notices of purges done elsewhere, for outages still held here.
   */
  async function reconcilePurges(): Promise<void> {
    if (stopped) return;
    const sessions = await table<OutageSession>('sessions').toArray();
    const label = deps.joiner().label;
    for (const mark of marksToShare(sessions, purged(), label)) {
      const doc = sealHubDoc(keys, PURGE_MARK, mark);
      known.add(doc._id);
      unsent.add(doc._id);
      marks.set(doc._id, mark);
      try {
        await local.put(doc as unknown as { _id: string });
      } catch {
        // Already in the replica (the same mark made before a restart).
      }
    }
    const erase = new Set(docsToErase(owners, purged()));
    if (erase.size > 0) {
      const live = (await local.allDocs()).rows.filter((r) => erase.has(r.id));
      await local.bulkDocs(live.map((r) => ({ _id: r.id, _rev: r.value.rev, _deleted: true })));
      for (const id of erase) owners.delete(id);
      saveUnsent();
      report();
    }
    deps.notices?.(purgeNotices(sessions, [...marks.values()], label));
  }

  /** Conflicts waiting here, on any outage not purged. */
  async function countConflicts(): Promise<void> {
    if (stopped || !deps.conflicts) return;
    const sessions = await table<OutageSession>('sessions').toArray();
    const open = sessions.filter((s) => !s.purgedAt).map((s) => s.id);
    const pending = await recoveryRepo.pendingConflicts({ sessionIds: open });
    deps.conflicts(pending.length, pending[0]?.incoming.sessionId ?? null);
  }

  let deferred: Deferred = [];
  const applyDeps = {
    ...deps,
    purged,
    opened: (id: string, owner: string | null) => {
      if (owner !== null) owners.set(id, owner);
    }
  };
  const apply = async (docs: unknown[]) => {
    deferred = await applyHubDocs(keys, docs, deferred, applyDeps);
  };

  // What the device holds now, both ways: its records out, the replica's documents in (a merge of what is
  // already here changes nothing, so this is safe after any crash between the two stores).
  await enqueue(async () => {
    const all = await local.allDocs({ include_docs: true });
    const docs = all.rows.filter((r) => !r.id.startsWith('_')).map((r) => r.doc);
    // Marks first: what they name is neither applied nor shared again.
    const records = docs.filter((d) => !takeMark(d));
    await apply(records);
    await mirror(HUB_TABLES);
    await reconcilePurges();
    await countConflicts();
  });

  // What arrives is applied in batches: every document that came in while the previous job ran goes in one
  // merge (a new device's first sync of a day is a thousand documents; one merge each read the whole outage
  // a thousand times).
  let incoming: unknown[] = [];
  const applyIncoming = async () => {
    const batch = incoming;
    incoming = [];
    await apply(batch);
    await countConflicts();
  };
  const feed = local.changes({ since: 'now', live: true, include_docs: true }).on('change', (change) => {
    if (known.has(change.id) || change.id.startsWith('_') || !change.doc) return;
    known.add(change.id);
    const doc = change.doc;
    if (takeMark(doc)) void enqueue(reconcilePurges);
    else if (incoming.push(doc) === 1) void enqueue(applyIncoming);
  });

  let pendingTables = new Set<HubTable>();
  let recount = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const stopWatching = onStoreChange((stores) => {
    for (const s of stores) if (isHubTable(s)) pendingTables.add(s);
    // Conflicts are kept with the drafts: a choice made (or a merge) changes the count.
    if (stores.has('drafts')) recount = true;
    if ((pendingTables.size === 0 && !recount) || timer) return;
    timer = setTimeout(() => {
      timer = null;
      const tables = pendingTables;
      const again = recount;
      pendingTables = new Set();
      recount = false;
      void enqueue(async () => {
        await mirror(tables);
        // A purge here turns the session rows into tombstones: mark it on the hub and erase its documents.
        if (tables.has('sessions')) await reconcilePurges();
        if (again || tables.size > 0) await countConflicts();
      });
    }, MIRROR_DELAY_MS);
  });

  // Each direction's last word: a failed request, or a success (data moved, or caught up without error).
  // The sync's own 'paused' drops the error, so the state is kept per direction, not from it.
  const trouble: Record<'push' | 'pull', HubPhase | null> = { push: null, pull: null };
  // The browser knows it has no network at all (Wi-Fi off, carried out of range): said at once, not when a
  // request left hanging by the lost network times out. Data moving says otherwise (a hub on this very PC
  // answers without a network). Coming back is the controller's (hub-controller.ts).
  let offlineSaid = browserOffline();
  const settle = () => {
    phase = offlineSaid && browserOffline() ? 'unreachable' : (trouble.push ?? trouble.pull ?? 'connected');
    report();
  };
  const wentOffline = () => {
    offlineSaid = true;
    settle();
  };
  if (typeof window !== 'undefined') window.addEventListener('offline', wentOffline);
  const problemOf = (error: unknown): HubPhase => {
    const status = (error as { status?: number } | null)?.status;
    return status === 401 || status === 403 ? 'refused' : 'unreachable';
  };
  const sync = local.sync(remote, {
    live: true,
    retry: true,
    back_off_function: (delay: number) => retryDelay(delay, phase)
  });
  for (const direction of ['push', 'pull'] as const)
    sync[direction]
      .on('requestError', (error: unknown) => {
        trouble[direction] = problemOf(error);
        settle();
      })
      .on('paused', (error?: unknown) => {
        trouble[direction] = error ? problemOf(error) : null;
        settle();
      });
  sync
    .on('change', (info) => {
      trouble[info.direction] = null;
      offlineSaid = false;
      if (info.direction === 'push') {
        for (const d of info.change.docs) unsent.delete(d._id);
        saveUnsent();
      }
      settle();
    })
    .on('paused', () => {
      // Both directions idle with no error: the hub holds everything written here. Checked after the
      // directions' own listeners (registered after the sync's) have said whether they paused on an error.
      queueMicrotask(() => {
        if (trouble.push || trouble.pull || unsent.size === 0) return;
        unsent.clear();
        saveUnsent();
        report();
      });
    })
    .on('error', (error: unknown) => {
      trouble.pull = problemOf(error);
      settle();
    });
  if (browserOffline()) settle();
  else report();

  return {
    async checkHub(sessionIds) {
      try {
        const all = await remote.allDocs({ include_docs: true });
        const mine = new Set(sessionIds);
        const ownersOnHub = all.rows
          .filter((r) => !r.id.startsWith('_') && r.doc)
          .map((r) => {
            const opened = openHubDoc(keys, r.doc);
            return opened.ok ? ownerOf(opened.table, opened.record) : null;
          });
        return countLeft(ownersOnHub, mine);
      } catch {
        return null;
      }
    },
    async stop() {
      stopped = true;
      if (typeof window !== 'undefined') window.removeEventListener('offline', wentOffline);
      stopWatching();
      if (timer) clearTimeout(timer);
      sync.cancel();
      feed.cancel();
      await queue;
      await unsentWrite;
      await Promise.all([local.close(), remote.close()]);
    }
  };
}
