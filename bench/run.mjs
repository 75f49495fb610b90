// `npm run bench`: builds the app and the bench page, runs each scenario several times in Debian Chromium with 4× CPU
// throttling (a tablet stand-in), each beside its platform floor, prints a table (median and spread), writes JSON.
// A benchmark, not a test: it never fails on a number.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import http from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import sirv from 'sirv';
import { hubFigures } from './hub.mjs';
import { sendIsolation } from '../scripts/build-files.mjs';

const args = new Set(process.argv.slice(2));
// `--only <names…>`: just these (a scenario's name, `start`, `hub`); the precache sizes always.
const only = args.has('--only') ? process.argv.slice(process.argv.indexOf('--only') + 1) : null;
const wants = (name) => !only || only.includes(name);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const THROTTLE = Number(process.env.BENCH_THROTTLE ?? 4);
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic'
];

function sh(cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${cmdArgs.join(' ')} failed`);
}

if (!args.has('--no-build')) {
  sh('npm', ['run', 'build', '--silent']);
  sh('npx', ['vite', 'build', '--config', 'bench/vite.config.mjs']);
}

/** A plain static server; `isolate` adds the cross-origin isolation headers (the bench page's journal wait needs them). */
function serve(dir, isolate = false) {
  const handler = sirv(dir, {
    single: false,
    dev: false,
    setHeaders: (res) => {
      if (isolate) sendIsolation(res);
    }
  });
  const server = http.createServer((req, res) =>
    handler(req, res, () => ((res.statusCode = 404), res.end()))
  );
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}` }))
  );
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const spread = (xs) => [Math.min(...xs), Math.max(...xs)];

/** results[name] = list of samples (one per run) */
const results = {};
const add = (figures) => {
  for (const [k, v] of Object.entries(figures)) (results[k] ??= []).push(v);
};

const appServer = await serve(process.env.BENCH_APP_DIR ?? 'build');
const bench = await serve('bench/dist', true);
const floor = await serve('bench/floor');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: chromiumArgs
});

async function throttled(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  return cdp;
}

/**
 * Offline cold starts of `origin` after `prime` (online, first visit): each run a new page, throttled, timed to
 * each of `marks` (performance marks the page sets; the first is awaited). `act` runs once the first mark is
 * set (typing the passcode), its marks after it.
 */
async function coldStart(origin, marks, prime, act = async () => {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(origin + '/');
  await prime(page);
  await page.close();
  await context.setOffline(true);
  const samples = Object.fromEntries(marks.map((m) => [m, []]));
  const markTime = (p, mark) =>
    p
      .waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, { timeout: 60_000 })
      .then(() => p.evaluate((m) => performance.getEntriesByName(m)[0].startTime, mark));
  for (let i = 0; i < RUNS; i++) {
    const p = await context.newPage();
    await throttled(p);
    await p.goto(origin + '/');
    samples[marks[0]].push(await markTime(p, marks[0]));
    await act(p);
    for (const mark of marks.slice(1)) samples[mark].push(await markTime(p, mark));
    // When the first screen was painted (the marks say when it took input; a screen is seen once painted).
    const paint = await p.waitForFunction(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      null,
      { timeout: 60_000 }
    );
    (samples.paint ??= []).push(await paint.jsonValue());
    await p.close();
  }
  await context.close();
  return samples;
}

/** First use of the app on a device: the passcode chosen, the recovery code confirmed (as staff do once). */
async function setUpVault(page) {
  const setup = page.getByRole('dialog', { name: 'この端末の患者データを守る' });
  await setup.getByLabel('新しいパスコード').fill(PASSCODE);
  await setup.getByLabel('パスコード（確認）').fill(PASSCODE);
  await setup.getByRole('button', { name: 'パスコードを設定する' }).click();
  await setup.getByLabel('回復コードを書き留めました（または印刷しました）').check({ timeout: 60_000 });
  await setup.getByRole('button', { name: '使い始める' }).click();
  await setup.waitFor({ state: 'hidden' });
}
const PASSCODE = '246810';

console.log(`\nbench: ${RUNS} runs per scenario, CPU throttled ${THROTTLE}×, Chromium ${browser.version()}`);

// 1. Offline cold start: app vs a minimal static page served by a service worker.
if (wants('start')) {
  // A device in use has its vault set up, so every start opens on the lock screen: interactive is when its
  // passcode field takes input; shell when the app's shell has mounted behind it; unlocked when the app
  // has checked a passcode typed the moment the field took input (600,000 PBKDF2 rounds included).
  const app = await coldStart(
    appServer.url,
    ['tebikae:interactive', 'tebikae:shell', 'tebikae:unlocked'],
    async (page) => {
      await page.waitForSelector('[data-testid="offline-readiness"][data-state="ready"]', {
        timeout: 60_000
      });
      await setUpVault(page);
    },
    async (page) => {
      // The field takes the focus with the screen's first frame (autofocus); a person types once they see it.
      await page.waitForFunction(() =>
        ['boot-passcode', 'lock-passcode'].includes(document.activeElement?.id ?? '')
      );
      await page.keyboard.type(PASSCODE);
      await page.keyboard.press('Enter');
    }
  );
  // The first start of a new device (no vault yet): the setup screen, drawn by the app once its shell mounted.
  const firstUse = await coldStart(appServer.url, ['tebikae:interactive'], async (page) => {
    await page.waitForSelector('[data-testid="offline-readiness"][data-state="ready"]', { timeout: 60_000 });
  });
  const floorStart = await coldStart(floor.url, ['interactive'], async (page) => {
    await page.waitForFunction(
      () => navigator.serviceWorker.controller !== null || navigator.serviceWorker.ready,
      null
    );
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
  });
  results['start.app.ms'] = app['tebikae:interactive'];
  results['start.shell.ms'] = app['tebikae:shell'];
  results['start.unlocked.ms'] = app['tebikae:unlocked'];
  results['start.firstuse.ms'] = firstUse['tebikae:interactive'];
  results['start.floor.ms'] = floorStart.interactive;
  results['start.app.paint.ms'] = app.paint;
  results['start.floor.paint.ms'] = floorStart.paint;
}

// In-page scenarios on the bench page (the app's own modules).
const pageRuns = only?.every((n) => ['start', 'hub', 'journal'].includes(n)) ? 0 : RUNS;
for (let i = 0; i < pageRuns; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(bench.url + '/index.html');
  await page.waitForSelector('#status:text("ready")');
  await throttled(page);
  const names = await page.evaluate(() => Object.keys(window.bench));
  for (const name of names) {
    if (!wants(name) || name === 'journal') continue;
    add(await page.evaluate((n) => window.bench[n](), name));
  }
  await context.close();
}
// The journal on a regular profile, as on a tablet: in a private context (the others above) Chromium keeps
// the origin-private files in memory and every write is a call to the browser process (4 ms, not 0.1 ms).
if (wants('journal'))
  for (let i = 0; i < RUNS; i++) {
    const profile = mkdtempSync(join(tmpdir(), 'tebikae-bench-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: chromiumArgs
    });
    const page = await context.newPage();
    await page.goto(bench.url + '/index.html');
    await page.waitForSelector('#status:text("ready")');
    await throttled(page);
    add(await page.evaluate(() => window.bench.journal()));
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
// The clinic hub: three devices on loopback (propagation) and a new one (first sync), each throttled.
if (wants('hub'))
  await hubFigures({
    browser,
    runs: Number(process.env.BENCH_HUB_RUNS ?? RUNS),
    throttle: THROTTLE,
    add,
    log: (line) => console.log(line)
  });
await browser.close();
for (const s of [appServer, bench, floor]) s.server.close();

// 6. Precache size: what the service worker stores.
function walk(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
const files = walk('build').filter((f) => !f.endsWith('service-worker.js'));
const sum = (fs) => fs.reduce((n, f) => n + statSync(f).size, 0);
const gz = (fs) => fs.reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0);
const jsCss = files.filter((f) => /\.(js|css)$/.test(f));
const fonts = files.filter((f) => /\.(ttf|woff2?)(\.gz)?$/.test(f));
// First view: what index.html preloads plus the CSS it links…
const indexHtml = readFileSync('build/index.html', 'utf8');
const firstView = [...indexHtml.matchAll(/(?:href|src)="\/?(_app\/[^"]+\.(?:js|css))"/g)].map((m) =>
  join('build', m[1])
);
// …plus the scripts written into the page itself (the early lock screen, Kit's starter), each gzipped alone.
const inline = [...indexHtml.matchAll(/<script>([\s\S]*?)<\/script>/g)].reduce(
  (n, m) => n + gzipSync(m[1]).length,
  0
);
const once = {
  'precache.total.bytes': sum(files) + statSync('build/service-worker.js').size,
  'precache.jscss.gzip.bytes': gz(jsCss),
  'precache.firstview.gzip.bytes': gz([...new Set(firstView)]) + inline,
  'precache.fonts.bytes': sum(fonts)
};
for (const [k, v] of Object.entries(once)) results[k] = [v];

const rows = Object.entries(results).map(([name, xs]) => {
  const [lo, hi] = spread(xs);
  return { name, median: median(xs), min: lo, max: hi, runs: xs.length };
});
const fmt = (n) => (Math.abs(n) >= 1000 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2));
console.log('\n| figure | median | min | max | runs |\n|---|---:|---:|---:|---:|');
for (const r of rows)
  console.log(`| ${r.name} | ${fmt(r.median)} | ${fmt(r.min)} | ${fmt(r.max)} | ${r.runs} |`);

const ratio = (a, b) => (results[a] && results[b] ? median(results[a]) / median(results[b]) : null);
const ratios = {
  'start app/floor': ratio('start.app.ms', 'start.floor.ms'),
  'start app/floor first paint': ratio('start.app.paint.ms', 'start.floor.paint.ms'),
  'start shell/floor': ratio('start.shell.ms', 'start.floor.ms'),
  'start first use/floor': ratio('start.firstuse.ms', 'start.floor.ms'),
  // The app's save includes the vault (sealing and the audit line in the same transaction).
  'save app (sealed)/raw p50': ratio('save.app.p50', 'save.raw.p50'),
  'save app (sealed)/raw p95': ratio('save.app.p95', 'save.raw.p95'),
  'save vault off/raw p50': ratio('save.novault.p50', 'save.raw.p50'),
  'save vault on/off p50': ratio('save.app.p50', 'save.novault.p50'),
  // A keystroke's journal entry waited for until written, against the same entry only posted.
  'journal waited/posted p50': ratio('journal.keystroke.p50', 'journal.posted.p50'),
  // The hub: the app's sync (sealed, mirrored from Dexie, merged on the way in) against bare PouchDB.
  'hub propagate app/floor p50': ratio('hub.propagate.app.p50', 'hub.propagate.floor.p50'),
  'hub propagate app/floor p95': ratio('hub.propagate.app.p95', 'hub.propagate.floor.p95'),
  'hub first sync app/floor': ratio('hub.firstsync.app.ms', 'hub.firstsync.floor.ms')
};
console.log('\n| ratio | value |\n|---|---:|');
for (const [k, v] of Object.entries(ratios)) if (v !== null) console.log(`| ${k} | ${v.toFixed(2)}× |`);

mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/latest.json',
  JSON.stringify({ at: new Date().toISOString(), runs: RUNS, throttle: THROTTLE, rows, ratios }, null, 2)
);
console.log('\nwritten: bench/results/latest.json');
