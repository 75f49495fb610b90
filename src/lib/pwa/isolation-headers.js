// The two response headers that make a page cross-origin isolated (see isolation.ts): one plain module, so the
// service worker (through isolation.ts) and the Node servers (scripts/build-files.mjs) send the same values.
export const ISOLATION_HEADERS = /** @type {const} */ ({
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp'
});
