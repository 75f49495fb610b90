// A clinic hub for the browser tests: pouchdb-server (CouchDB's HTTP API) on a free loopback port, data in a temp folder, with an admin, a clinic user and _security so nobody else reads or writes.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base } from './fixtures';

const BIN = resolve('node_modules/.bin/pouchdb-server');
export const HUB_DB = 'clinic';
export const HUB_USER = 'tebikae-clinic';
export const HUB_PASSWORD = 'hub-pass-5c8e1a';
const ADMIN = { user: 'admin', password: 'admin-pass-93f2' };

export interface Hub {
  /** The hub's own address (http://127.0.0.1:port), for the test's direct requests. */
  url: string;
  /** Stop the hub process (a power cut of the hub box): its data stays in the folder. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** A request as the clinic user (credentials) or as anyone (no credentials). */
  request(path: string, init?: RequestInit & { anonymous?: boolean }): Promise<Response>;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

const basic = (user: string, password: string) =>
  'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');

export async function startHub(): Promise<Hub & { dispose(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'tebikae-hub-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;

  const up = async () => {
    const proc = spawn(
      BIN,
      [
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
        '--dir',
        dir,
        '--config',
        join(dir, 'config.json'),
        '--no-stdout-logs'
      ],
      {
        cwd: dir,
        stdio: 'ignore'
      }
    );
    child = proc;
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`pouchdb-server exited (${proc.exitCode})`);
      try {
        if ((await fetch(url + '/')).ok) return;
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) throw new Error('pouchdb-server did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const down = async () => {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    await exited;
  };
  const admin = (path: string, init: RequestInit = {}) =>
    fetch(url + path, {
      ...init,
      headers: {
        'content-type': 'application/json',
        authorization: basic(ADMIN.user, ADMIN.password),
        ...init.headers
      }
    });

  await up();
  // As a clinic sets up its CouchDB: an admin (no more "admin party"), the database, one clinic user, and
  // _security naming that user as the only member, so an anonymous request reads and writes nothing.
  await fetch(`${url}/_config/admins/${ADMIN.user}`, { method: 'PUT', body: JSON.stringify(ADMIN.password) });
  for (const [path, init] of [
    [`/${HUB_DB}`, { method: 'PUT' }],
    [
      `/_users/org.couchdb.user:${HUB_USER}`,
      {
        method: 'PUT',
        body: JSON.stringify({ name: HUB_USER, password: HUB_PASSWORD, roles: [], type: 'user' })
      }
    ],
    [
      `/${HUB_DB}/_security`,
      {
        method: 'PUT',
        body: JSON.stringify({ admins: { names: [], roles: [] }, members: { names: [HUB_USER], roles: [] } })
      }
    ]
  ] as const) {
    const answer = await admin(path, init);
    if (!answer.ok) throw new Error(`hub set-up ${path}: ${answer.status} ${await answer.text()}`);
  }

  return {
    url,
    stop: down,
    start: up,
    request: (path, init = {}) => {
      const { anonymous, ...rest } = init;
      return fetch(url + path, {
        ...rest,
        headers: {
          'content-type': 'application/json',
          ...(anonymous ? {} : { authorization: basic(HUB_USER, HUB_PASSWORD) }),
          ...rest.headers
        }
      });
    },
    async dispose() {
      await down();
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

/** The app's fixtures plus a hub, reached from the app at `${server.url}/hub/${HUB_DB}` (same origin). */
export const test = base.extend<{ hub: Hub }>({
  hub: async ({ server }, use) => {
    const hub = await startHub();
    server.proxy('/hub/', hub.url);
    await use(hub);
    await hub.dispose();
  }
});
export { expect } from './fixtures';
