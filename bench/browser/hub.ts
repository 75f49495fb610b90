// The clinic hub's figures, driven step by step by the Node runner (bench/run.mjs) across several pages, each
// page a device: the app's own sync (startHubSync: Dexie sealed by the vault, mirrored sealed into PouchDB,
// replicated with the hub, opened and merged on the way in), and beside it bare PouchDB replicating plain
// documents of the same records through the same hub: the floor.
import PouchDB from 'pouchdb-browser';
import { table, transaction, randomId, type WriteContext } from '$lib/store';
import { onStoreChange } from '$lib/store/changes';
import { deleteDataDb } from '$lib/store/db';
import { forgetKeys } from '$lib/store/session-key';
import { keyring } from '$lib/vault/keyring';
import { outageRepo, type Joiner } from '$lib/outage/repo';
import type { OutageSession } from '$lib/outage/model';
import { arrivalsRepo } from '$lib/reception/repo';
import { arrivalFieldsOf, type Arrival, type Intake } from '$lib/reception/model';
import { newClinicKey, type HubConfig } from '$lib/hub/hub-config';
import { startHubSync, type HubSync } from '$lib/hub/hub-sync';
import type { HubPhase } from '$lib/hub/hub-state.svelte';
import { sampleArrival, sampleBill, sampleMemo, sampleMeta } from '$lib/recovery/sample';
import { INTAKE_ANSWERS } from './intake-answers';

const PASSCODE = '246810';
/** The four records of one visit, as the first-sync day holds them. */
const DAY_TABLES = ['arrivals', 'intakes', 'memos', 'bills'] as const;
type DayTable = (typeof DAY_TABLES)[number];
export type Counts = Record<DayTable, number>;
export interface Hub {
  url: string;
  user: string;
  password: string;
}

/** Wall-clock milliseconds, comparable between the pages of one browser on one machine. */
const clock = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let label = 'A';
const deviceId = randomId();
const ctx = (): WriteContext => ({
  actor: { staffId: 's1', staffName: '受付 花子', deviceLabel: label },
  now: new Date(),
  newId: randomId
});
const joiner = (): Joiner => ({ clinicId: 'bench-clinic', deviceId, label });

let sync: HubSync | null = null;
let phase: HubPhase = 'off';
let unsent = 0;
let session: OutageSession | null = null;
/** Ids of arrivals (app) or documents (floor) and when this page first held each. */
const seen = new Map<string, number>();
let floorLocal: PouchDB | null = null;
let floorRemote: PouchDB | null = null;
const stops: (() => void)[] = [];

async function until(
  ok: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 300_000,
  everyMs = 25
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`hub bench: ${what} not reached in ${timeoutMs} ms`);
    await sleep(everyMs);
  }
}

const hubConfig = (hub: Hub, clinicKey: string): HubConfig => ({ enabled: true, clinicKey, ...hub });

function startApp(hub: Hub, clinicKey: string): Promise<HubSync> {
  return startHubSync({
    config: hubConfig(hub, clinicKey),
    context: ctx,
    joiner,
    staffNames: () => ['受付 花子'],
    report: (p, n) => {
      phase = p;
      unsent = n;
    }
  });
}

async function counts(): Promise<Counts> {
  const out = {} as Counts;
  for (const name of DAY_TABLES) out[name] = await table(name).count();
  return out;
}

/** A plain document of a record: what a bare PouchDB app would store (no sealing, no merge). */
const plainDoc = (name: string, record: { id: string }) => ({ ...record, _id: `${name}:${record.id}` });

export const hubBench = {
  /** A fresh device: an empty store, the vault set up with the bench passcode (and so unlocked). */
  async device(deviceLabel: string): Promise<void> {
    label = deviceLabel;
    forgetKeys();
    await deleteDataDb();
    const made = await keyring.setup(PASSCODE, PASSCODE);
    if (!made.ok) throw new Error('vault setup failed');
  },

  /** The first device: a new clinic key and a declared outage (the owner of every record written here). */
  async declare(): Promise<string> {
    const made = await outageRepo.declare(
      { kind: 'real', reason: 'ベンチ', startedAtLocal: '' },
      joiner(),
      ctx()
    );
    if (!made.ok) throw new Error(made.error.key);
    session = made.value;
    return newClinicKey();
  },

  /** The app's hub sync, as the settings start it, until it says it is connected. */
  async connect(hub: Hub, clinicKey: string): Promise<void> {
    sync = await startApp(hub, clinicKey);
    await until(() => phase === 'connected', 'connected');
  },

  /** Note when each arrival is first readable in this device's store (as a screen's live query sees it). */
  watchArrivals(): void {
    seen.clear();
    let busy = false;
    let again = false;
    const look = async () => {
      if (busy) return void (again = true);
      busy = true;
      do {
        again = false;
        const ids = (await table('arrivals').toCollection().primaryKeys()) as string[];
        const t = clock();
        for (const id of ids) if (!seen.has(id)) seen.set(id, t);
      } while (again);
      busy = false;
    };
    stops.push(onStoreChange((stores) => void (stores.has('arrivals') && look())));
  },

  /** Register `n` arrivals at reception, one every `gapMs`; when each write began. */
  async writeArrivals(n: number, gapMs: number): Promise<Record<string, number>> {
    if (!session) throw new Error('no outage declared');
    const started: Record<string, number> = {};
    for (let i = 1; i <= n; i++) {
      const t = clock();
      const made = await arrivalsRepo.create(arrivalFieldsOf(sampleArrival(label, i)), session, ctx());
      if (!made.ok) throw new Error(made.error.key);
      started[made.value.id] = t;
      await sleep(gapMs);
    }
    return started;
  },

  /** What this page has seen (app or floor), by id. */
  seen(): Record<string, number> {
    return Object.fromEntries(seen);
  },

  /** Until the hub holds everything written here. */
  async settled(): Promise<void> {
    await until(() => phase === 'connected' && unsent === 0, 'everything sent');
  },

  async stop(): Promise<void> {
    for (const s of stops.splice(0)) s();
    await sync?.stop();
    sync = null;
    await Promise.all([floorLocal?.close(), floorRemote?.close()]);
    floorLocal = floorRemote = null;
  },

  /** The floor: a bare local PouchDB in live sync with a plain database on the same hub. */
  async floorConnect(hub: Hub): Promise<void> {
    floorLocal = new PouchDB(`bench-floor-${randomId()}`);
    floorRemote = new PouchDB(hub.url, {
      skip_setup: true,
      auth: { username: hub.user, password: hub.password }
    });
    const live = floorLocal.sync(floorRemote, { live: true, retry: true });
    stops.push(() => live.cancel());
    await new Promise<void>((resolve) => live.on('paused', () => resolve()));
  },

  floorWatch(): void {
    seen.clear();
    const feed = floorLocal!.changes({ since: 'now', live: true, include_docs: false });
    feed.on('change', (c) => {
      if (!seen.has(c.id)) seen.set(c.id, clock());
    });
    stops.push(() => feed.cancel());
  },

  /** `n` plain arrival documents put one every `gapMs`; when each put began. */
  async floorWrite(n: number, gapMs: number): Promise<Record<string, number>> {
    const started: Record<string, number> = {};
    for (let i = 1; i <= n; i++) {
      const doc = plainDoc('arrivals', sampleArrival(label, i, { id: randomId() }));
      const t = clock();
      await floorLocal!.put(doc);
      started[doc._id] = t;
      await sleep(gapMs);
    }
    return started;
  },

  /**
   * A day of `n` visits written on this device (an arrival, a 問診, a visit memo and a deposit each, in one
   * transaction through the store, so sealed by the vault) and sent to the hub by the app's sync; the same
   * records, read back, written as plain documents to the floor's database. What the store holds after.
   */
  async seedDay(n: number, hub: Hub, floorHub: Hub): Promise<Counts> {
    if (!session) throw new Error('no outage declared');
    const sessionId = session.id;
    const arrivals: Arrival[] = Array.from({ length: n }, (_, i) =>
      sampleArrival(label, 1000 + i, { id: randomId(), sessionId })
    );
    const intakes: Intake[] = arrivals.map((a) => ({
      ...sampleMeta(randomId(), a.arrivedAt, a.deviceLabel, { sessionId }),
      arrivalId: a.id,
      ...INTAKE_ANSWERS,
      lastFilledBy: 'staff'
    }));
    const memos = arrivals.map((a) => sampleMemo(a, { id: randomId(), sessionId }));
    const bills = arrivals.map((a, i) => sampleBill(a, i + 1, { id: randomId(), sessionId }));
    await transaction([...DAY_TABLES], async () => {
      await table('arrivals').bulkPut(arrivals);
      await table('intakes').bulkPut(intakes);
      await table('memos').bulkPut(memos);
      await table('bills').bulkPut(bills);
    });
    // Until the hub holds the day (sealed by the mirror, then pushed).
    const auth = 'Basic ' + btoa(`${hub.user}:${hub.password}`);
    await until(async () => {
      const info = (await (await fetch(hub.url, { headers: { authorization: auth } })).json()) as {
        doc_count?: number;
      };
      return (info.doc_count ?? 0) >= 4 * n;
    }, 'day on the hub');
    await hubBench.settled();
    const remote = new PouchDB(floorHub.url, {
      skip_setup: true,
      auth: { username: floorHub.user, password: floorHub.password }
    });
    for (const name of DAY_TABLES) {
      const rows = (await table(name).toArray()) as { id: string }[];
      for (let i = 0; i < rows.length; i += 200)
        await remote.bulkDocs(rows.slice(i, i + 200).map((r) => plainDoc(name, r)));
    }
    await remote.close();
    return counts();
  },

  /** A new device's first sync: from starting the app's hub sync until its store holds `expected`. */
  async firstSyncApp(
    hub: Hub,
    clinicKey: string,
    expected: Counts,
    timeoutMs: number
  ): Promise<{ ms: number; held: number; total: number }> {
    const t0 = performance.now();
    const total = DAY_TABLES.reduce((n, name) => n + expected[name], 0);
    let held = 0;
    let logged = 0;
    sync = await startApp(hub, clinicKey);
    try {
      // Counted every 200 ms (counting more often under throttling would slow the sync it measures).
      await until(
        async () => {
          const got = await counts();
          held = DAY_TABLES.reduce((n, name) => n + Math.min(got[name], expected[name]), 0);
          // Progress on the console (the runner prints it): how the time grows with what is held.
          if (performance.now() - logged > 30_000) {
            logged = performance.now();
            console.log(`first sync: ${held}/${total} records after ${Math.round(logged - t0)} ms`);
          }
          return held >= total;
        },
        'first sync (app)',
        timeoutMs,
        200
      );
    } catch {
      // Not all there in time: what was held is the figure.
    }
    return { ms: performance.now() - t0, held, total };
  },

  /** The floor's first sync: a new bare PouchDB replicating every plain document from the hub once. */
  async firstSyncFloor(hub: Hub): Promise<{ ms: number; docs: number }> {
    const t0 = performance.now();
    const local = new PouchDB(`bench-floor-first-${randomId()}`);
    const remote = new PouchDB(hub.url, {
      skip_setup: true,
      auth: { username: hub.user, password: hub.password }
    });
    type Replicating = { replicate: { from(source: PouchDB): Promise<{ docs_written: number }> } };
    const done = await (local as unknown as Replicating).replicate.from(remote);
    const ms = performance.now() - t0;
    await Promise.all([local.close(), remote.close()]);
    return { ms, docs: done.docs_written };
  }
};
