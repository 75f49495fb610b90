// Service worker: Workbox precaches the whole build; navigations fall back to the app shell; updates wait for the user.
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
  type PrecacheEntry
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | PrecacheEntry)[] };

// The list is injected after the build by scripts/build-sw.mjs (workbox-build injectManifest).
precacheAndRoute(self.__WB_MANIFEST, {
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

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const data = event.data as { type?: string } | null;
  if (data?.type === 'SKIP_WAITING') void self.skipWaiting();
});
