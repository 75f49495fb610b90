// A plain static server over build/ (like any HTTPS static host), one per test, that a test can stop, restart or "redeploy".
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import sirv from 'sirv';
import { forward } from '../../../scripts/hub/proxy.mjs';

export interface StaticServer {
  url: string;
  port: number;
  /** Every request path the server saw, in order. */
  requests: string[];
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Serve a different service-worker.js (a new deploy) from now on; `change` may rewrite its text. */
  redeploy(suffix: string, change?: (sw: string) => string): void;
  /**
   * Pass requests under `prefix` (e.g. '/hub/') on to `target` (e.g. a CouchDB on another port), as the
   * clinic's reverse proxy does: the hub on the app's own origin, so the CSP's connect-src 'self' holds.
   */
  proxy(prefix: string, target: string): void;
}

export async function startStaticServer(
  dir = process.env.TEBIKAE_BUILD ?? 'build',
  port = 0
): Promise<StaticServer> {
  const serve = sirv(dir, { single: 'index.html', dev: false, etag: true });
  let swOverride: string | null = null;
  const requests: string[] = [];
  const proxies = new Map<string, URL>();
  const handler: http.RequestListener = (req, res) => {
    requests.push(req.url ?? '');
    for (const [prefix, target] of proxies)
      if (req.url?.startsWith(prefix))
        return forward(req, res, target.href, '/' + (req.url ?? '').slice(prefix.length));
    if (swOverride !== null && req.url?.startsWith('/service-worker.js')) {
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-cache' });
      res.end(swOverride);
      return;
    }
    if (req.url?.startsWith('/service-worker.js')) res.setHeader('cache-control', 'no-cache');
    serve(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    });
  };
  let server = http.createServer(handler);
  const listen = (p: number) =>
    new Promise<number>((resolve) =>
      server.listen(p, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))
    );
  const actualPort = await listen(port);
  const sockets = new Set<import('node:net').Socket>();
  const track = () =>
    server.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
  track();
  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
    start: async () => {
      server = http.createServer(handler);
      track();
      await listen(actualPort);
    },
    proxy(prefix: string, target: string) {
      proxies.set(prefix, new URL(target));
    },
    redeploy(suffix: string, change = (sw: string) => sw) {
      swOverride = change(readFileSync(`${dir}/service-worker.js`, 'utf8')) + `\n// ${suffix}\n`;
    }
  };
}
