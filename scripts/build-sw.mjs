// After `vite build`: inject the precache manifest (every file of the build, content-hashed) into the service worker.
import { injectManifest } from 'workbox-build';
import { readFileSync, statSync } from 'node:fs';

const dir = process.env.TEBIKAE_BUILD ?? 'build';

const { count, size, warnings } = await injectManifest({
  swSrc: `${dir}/service-worker.js`,
  swDest: `${dir}/service-worker.js`,
  globDirectory: dir,
  globPatterns: ['**/*.{html,js,css,png,svg,ico,webmanifest,ttf,gz,json,txt}'],
  globIgnores: ['service-worker.js', 'kill-switch/**', 'fonts/OFL.txt'],
  // Kit's immutable assets carry a hash in their name already.
  dontCacheBustURLsMatching: /\/_app\/immutable\//,
  maximumFileSizeToCacheInBytes: 6 * 1024 * 1024
});
for (const w of warnings) console.warn('workbox:', w);
const swSize = statSync(`${dir}/service-worker.js`).size;
if (!readFileSync(`${dir}/service-worker.js`, 'utf8').includes('_app/')) {
  throw new Error('service worker manifest was not injected');
}
console.log(
  `precache: ${count} files, ${(size / 1024).toFixed(0)} KiB (+ service worker ${(swSize / 1024).toFixed(0)} KiB)`
);
