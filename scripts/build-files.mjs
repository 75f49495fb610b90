// Serving build/ as a static host should: every prerendered file, the service worker always revalidated, cross-origin isolated (README, Deploying).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';
import { ISOLATION_HEADERS } from '../src/lib/pwa/isolation-headers.js';

/** Whether `dir` holds a built app. @param {string} dir */
export const hasBuild = (dir) => existsSync(join(dir, 'index.html'));

export { ISOLATION_HEADERS };

/**
 * Cross-origin isolation, so a page can wait for its journal worker in shared memory: the headers the
 * service worker adds where a host does not send them (src/lib/pwa/isolation.ts), on a Node response.
 * @param {import('node:http').ServerResponse} res
 */
export function sendIsolation(res) {
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) res.setHeader(name, value);
}

/**
 * A request handler for build/; anything it does not hold answers 404.
 * @param {string} dir
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void}
 */
export function buildHandler(dir) {
  const serve = sirv(dir, {
    single: 'index.html',
    etag: true,
    dev: false,
    // The service worker must be checked on every visit, or updates are found late (see README, Deploying).
    setHeaders: (res, pathname) => {
      sendIsolation(res);
      if (pathname === '/service-worker.js') res.setHeader('Cache-Control', 'no-cache');
    }
  });
  return (req, res) =>
    serve(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    });
}
