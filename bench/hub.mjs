// The clinic hub's figures for `npm run bench`: pouchdb-server on loopback (a fresh clinic database and a fresh
// floor database each run), proxied under the bench page's own origin at /hub/ as the clinic's reverse proxy
// does, and one browser context per device, each CPU-throttled. bench/browser/hub.ts does the work in the pages.
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sirv from 'sirv';
import { freePort, setUpClinicDatabase, startPouchServer } from '../scripts/hub/couch.mjs';
import { forward } from '../scripts/hub/proxy.mjs';

const ADMIN = { name: 'admin', password: 'bench-admin-7d1f' };
const CLINIC = { name: 'tebikae-clinic', password: 'bench-clinic-3a9c' };
/** Arrivals written one at a time on device A for the propagation figures, and the pause between them. */
const WRITES = Number(process.env.BENCH_HUB_WRITES ?? 20);
const GAP_MS = Number(process.env.BENCH_HUB_GAP_MS ?? 1000);
/** Visits in the day a new device syncs first. */
const DAY = Number(process.env.BENCH_HUB_DAY ?? 300);
const FIRST_SYNC_TIMEOUT_MS = Number(process.env.BENCH_HUB_TIMEOUT_MS ?? 900_000);

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};

/** Until every id written on A is seen on each watching page; the delays (ms), write began → readable. */
async function delays(started, watchers, what) {
  const ids = Object.keys(started);
  const deadline = Date.now() + 120_000;
  for (;;) {
    const seen = await Promise.all(watchers.map((p) => p.evaluate(() => window.hubBench.seen())));
    if (seen.every((s) => ids.every((id) => id in s)))
      return seen.flatMap((s) => ids.map((id) => s[id] - started[id]));
    if (Date.now() > deadline) throw new Error(`hub bench: ${what} did not reach every device`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * One sample per figure per run: propagation (write on A → readable on B and C) through the app's sync and
 * through bare PouchDB, and a new device's first sync of a day of visits, app and bare.
 */
export async function hubFigures({ browser, runs, throttle, add, log }) {
  const dir = mkdtempSync(join(tmpdir(), 'tebikae-bench-hub-'));
  const couch = await startPouchServer(dir, await freePort());
  const files = sirv('bench/dist', { single: false, dev: false });
  const server = http.createServer((req, res) => {
    if (req.url?.startsWith('/hub/')) return forward(req, res, couch.url, req.url.slice('/hub'.length));
    files(req, res, () => ((res.statusCode = 404), res.end()));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${server.address().port}`;

  const rate = async (page, r) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: r });
    await cdp.detach();
  };
  const device = async (label) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('pageerror', (e) => log(`[${label}] ${e.message}`));
    page.on('console', (m) => m.text().startsWith('first sync') && log(`[${label}] ${m.text()}`));
    await page.goto(origin + '/index.html');
    await page.waitForSelector('#status:text("ready")');
    // The vault's set-up (PBKDF2) unthrottled: it is not what is measured.
    await page.evaluate((l) => window.hubBench.device(l), label);
    await rate(page, throttle);
    return { context, page };
  };

  try {
    for (let run = 0; run < runs; run++) {
      const db = (name) => ({ db: `${name}_${run}`, admin: ADMIN, clinic: CLINIC });
      await setUpClinicDatabase(couch.url, db('clinic'));
      await setUpClinicDatabase(couch.url, db('floor'));
      const hub = { url: `${origin}/hub/clinic_${run}`, user: CLINIC.name, password: CLINIC.password };
      const floorHub = { ...hub, url: `${origin}/hub/floor_${run}` };

      const [A, B, C] = await Promise.all(['A', 'B', 'C'].map(device));
      const all = [A, B, C].map((d) => d.page);
      const watchers = [B.page, C.page];

      // Propagation through the app: A declares the outage and makes the clinic key; all three connect.
      const key = await A.page.evaluate(() => window.hubBench.declare());
      await Promise.all(all.map((p) => p.evaluate(([h, k]) => window.hubBench.connect(h, k), [hub, key])));
      await A.page.evaluate(() => window.hubBench.settled());
      // B and C hold the outage's session before the first arrival (else arrivals wait for it).
      await new Promise((r) => setTimeout(r, 2000));
      await Promise.all(watchers.map((p) => p.evaluate(() => window.hubBench.watchArrivals())));
      const started = await A.page.evaluate(
        ([n, gap]) => window.hubBench.writeArrivals(n, gap),
        [WRITES, GAP_MS]
      );
      const app = await delays(started, watchers, 'app propagation');
      await Promise.all(all.map((p) => p.evaluate(() => window.hubBench.stop())));

      // Its floor: bare PouchDB in each page, live sync with a plain database on the same hub.
      await Promise.all(all.map((p) => p.evaluate((h) => window.hubBench.floorConnect(h), floorHub)));
      await Promise.all(watchers.map((p) => p.evaluate(() => window.hubBench.floorWatch())));
      const floorStarted = await A.page.evaluate(
        ([n, gap]) => window.hubBench.floorWrite(n, gap),
        [WRITES, GAP_MS]
      );
      const floor = await delays(floorStarted, watchers, 'floor propagation');
      await Promise.all(all.map((p) => p.evaluate(() => window.hubBench.stop())));

      // First sync: A writes a day (unthrottled, not measured) and the hub holds it; D is new.
      await rate(A.page, 1);
      await A.page.evaluate(([h, k]) => window.hubBench.connect(h, k), [hub, key]);
      const expected = await A.page.evaluate(
        ([n, h, f]) => window.hubBench.seedDay(n, h, f),
        [DAY, hub, floorHub]
      );
      await A.page.evaluate(() => window.hubBench.stop());
      await Promise.all([B, C].map((d) => d.context.close()));
      const D = await device('D');
      const firstApp = await D.page.evaluate(
        ([h, k, e, t]) => window.hubBench.firstSyncApp(h, k, e, t),
        [hub, key, expected, FIRST_SYNC_TIMEOUT_MS]
      );
      // Late in the day: D, holding the whole day and still connected, watches A's next arrivals (A throttled
      // again). Each one is merged into an outage of some 1,200 records, which is where a slow merge shows.
      let late = [];
      if (firstApp.held >= firstApp.total) {
        await rate(A.page, throttle);
        await A.page.evaluate(([h, k]) => window.hubBench.connect(h, k), [hub, key]);
        await A.page.evaluate(() => window.hubBench.settled());
        await D.page.evaluate(() => window.hubBench.watchArrivals());
        const lateStarted = await A.page.evaluate(
          ([n, gap]) => window.hubBench.writeArrivals(n, gap),
          [WRITES, GAP_MS]
        );
        late = await delays(lateStarted, [D.page], 'late propagation');
        await A.page.evaluate(() => window.hubBench.stop());
      }
      await A.context.close();
      await D.page.evaluate(() => window.hubBench.stop());
      const firstFloor = await D.page.evaluate((f) => window.hubBench.firstSyncFloor(f), floorHub);
      await D.context.close();

      add({
        'hub.propagate.app.p50': percentile(app, 50),
        'hub.propagate.app.p95': percentile(app, 95),
        'hub.propagate.floor.p50': percentile(floor, 50),
        'hub.propagate.floor.p95': percentile(floor, 95),
        // Cut off at BENCH_HUB_TIMEOUT_MS: then the records held by then stand in place of the time.
        ...(firstApp.held >= firstApp.total
          ? { 'hub.firstsync.app.ms': firstApp.ms }
          : { 'hub.firstsync.app.cutoff.records': firstApp.held }),
        'hub.firstsync.floor.ms': firstFloor.ms,
        ...(late.length > 0
          ? {
              'hub.propagate.late.app.p50': percentile(late, 50),
              'hub.propagate.late.app.p95': percentile(late, 95)
            }
          : {})
      });
      log(
        `hub run ${run + 1}/${runs}: ${app.length} app and ${floor.length} floor deliveries; first sync ` +
          `${Object.entries(expected)
            .map(([k, v]) => `${v} ${k}`)
            .join(', ')}: ${firstApp.held}/${firstApp.total} records in ${Math.round(firstApp.ms)} ms ` +
          `(floor ${firstFloor.docs} docs in ${Math.round(firstFloor.ms)} ms)`
      );
    }
  } finally {
    server.close();
    await couch.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
