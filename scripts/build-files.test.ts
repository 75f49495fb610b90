// The app's own static server (npm start, the hub) sends the cross-origin isolation headers the service worker adds elsewhere.
import { afterAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ISOLATION_HEADERS } from '../src/lib/pwa/isolation';
import { buildHandler, ISOLATION_HEADERS as SERVED } from './build-files.mjs';

describe('serving build/', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tebikae-build-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are sent by the app’s own servers (npm start, the hub) with the same values', async () => {
    expect(SERVED).toEqual(ISOLATION_HEADERS);
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
    const server = http.createServer(buildHandler(dir));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      for (const path of ['/', '/queue/']) {
        const response = await fetch(`http://127.0.0.1:${port}${path}`);
        expect(response.status).toBe(200);
        for (const [name, value] of Object.entries(ISOLATION_HEADERS))
          expect(response.headers.get(name), `${path} ${name}`).toBe(value);
      }
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
