// Kill switch: deploy this file as /service-worker.js to retire a broken service worker.
// It installs at once, deletes tebikae's caches (never IndexedDB: patient data stays), and unregisters itself.
// Pages already open keep working from memory; the next visit loads from the network.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const keys = await caches.keys();
      await Promise.all(keys.filter((k) => k.startsWith('workbox-')).map((k) => caches.delete(k)));
      await self.registration.unregister();
      const clients = await self.clients.matchAll({ type: 'window' });
      for (const client of clients) client.postMessage({ type: 'SW_RETIRED' });
    })()
  );
});
