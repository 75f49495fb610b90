// Service worker: Workbox precaches the whole build; navigations fall back to the app shell; updates wait for the user.
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { cacheNames, clientsClaim } from 'workbox-core';
import {
  addPlugins,
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  getCacheKeyForURL,
  precacheAndRoute,
  type PrecacheEntry
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { batchDone, outgoingKeys, requestUrlOf, versionTag } from '$lib/pwa/retired-precache';
import { decidesIsolation, isolated } from '$lib/pwa/isolation';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | PrecacheEntry)[] };

// Pages and worker scripts served from the cache carry the isolation headers (lib/pwa/isolation.ts), whatever
// the host sent. (At install there is no fetch event, so nothing there is changed.)
addPlugins([
  {
    handlerWillRespond: async ({ event, response }) =>
      decidesIsolation((event as FetchEvent).request?.destination ?? '') ? isolated(response) : response
  }
]);

// The list is injected after the build by scripts/build-sw.mjs (workbox-build injectManifest).
const manifest = self.__WB_MANIFEST;
precacheAndRoute(manifest, {
  directoryIndex: 'index.html',
  cleanURLs: true,
  // Pages take ids in the query string (/visits/?arrival=…): serve the same precached shell.
  ignoreURLParametersMatching: [/.*/]
});
cleanupOutdatedCaches();

// Any other navigation (a typo, an old bookmark) gets the app shell, which shows its own 404 page.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));

// A first install takes control at once (nothing to disrupt); an update waits until the user says so.
clientsClaim();

// --- Files of the previous version, for pages an update did not reload (see lib/pwa/retired-precache.ts).
// 'workbox-' so the kill switch deletes them too; no '-precache-' so cleanupOutdatedCaches leaves them.
const RETIRED_PREFIX = `workbox-retired-${self.registration.scope}-`;
const incomingKeys = manifest
  .map((entry) => getCacheKeyForURL(typeof entry === 'string' ? entry : entry.url))
  .filter((key): key is string => typeof key === 'string');
const ownRetired = RETIRED_PREFIX + versionTag(incomingKeys);
/** Inside each retired cache: the pages open when its version took over. */
const HOLDERS = `${self.registration.scope}__tebikae-retired-holders__`;

const retiredCaches = async () => (await caches.keys()).filter((name) => name.startsWith(RETIRED_PREFIX));

async function holdersOf(name: string): Promise<string[] | null> {
  const response = await (await caches.open(name)).match(HOLDERS);
  return response ? ((await response.json()) as string[]) : null;
}

/** At install, while the outgoing version is intact: copy aside what this version will not keep. */
async function retireOutgoing(): Promise<void> {
  const precache = await caches.open(cacheNames.precache);
  const cached = (await precache.keys()).map((request) => request.url);
  const outgoing = outgoingKeys(cached, new Set(incomingKeys));
  if (outgoing.length === 0) return;
  const retired = await caches.open(ownRetired);
  for (const key of outgoing) {
    const response = await precache.match(key);
    if (response) await retired.put(requestUrlOf(key), response);
  }
}

/** At activation: every page open now runs an older version and may still ask for its files. */
async function noteHolders(): Promise<void> {
  for (const name of await retiredCaches()) {
    // Someone else's batch without holders: an install overtaken before it took over; nobody runs it.
    if (name !== ownRetired && !(await holdersOf(name))) await caches.delete(name);
  }
  if ((await retiredCaches()).includes(ownRetired)) {
    const pages = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    const cache = await caches.open(ownRetired);
    await cache.put(HOLDERS, new Response(JSON.stringify(pages.map((page) => page.id))));
  }
  await prune();
}

/** Delete each retired batch whose pages have all closed or reloaded. */
async function prune(): Promise<void> {
  const open = (await self.clients.matchAll({ type: 'window', includeUncontrolled: true })).map((c) => c.id);
  for (const name of await retiredCaches()) {
    const holders = await holdersOf(name);
    // No holders yet: a newer version's install, waiting to take over. Not ours to judge.
    if (holders && batchDone(holders, open)) await caches.delete(name);
  }
}

async function fromRetired(request: Request): Promise<Response | undefined> {
  for (const name of await retiredCaches()) {
    const hit = await (await caches.open(name)).match(request);
    if (hit) return hit;
  }
  return undefined;
}

self.addEventListener('install', (event) => event.waitUntil(retireOutgoing()));
self.addEventListener('activate', (event) => event.waitUntil(noteHolders()));

// What the current version does not precache: an older page's chunk from the retired copies, else the network.
registerRoute(
  ({ url, request }) => url.origin === self.location.origin && request.method === 'GET',
  async ({ request }) => {
    const response = (await fromRetired(request)) ?? (await fetch(request));
    return decidesIsolation(request.destination) ? isolated(response) : response;
  }
);

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const data = event.data as { type?: string } | null;
  if (data?.type === 'SKIP_WAITING') void self.skipWaiting();
  // Each page says so when it starts: a page that reloaded into the new version frees the old files.
  if (data?.type === 'PAGE_STARTED') event.waitUntil(prune());
});
