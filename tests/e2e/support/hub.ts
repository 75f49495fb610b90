// A clinic hub for the browser tests: pouchdb-server (CouchDB's HTTP API) on a free loopback port, data in a temp folder, with an admin, a clinic user and _security so nobody else reads or writes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  freePort,
  setUpClinicDatabase,
  startPouchServer,
  type PouchServer
} from '../../../scripts/hub/couch.mjs';
import { test as base } from './fixtures';

export const HUB_DB = 'clinic';
export const HUB_USER = 'tebikae-clinic';
export const HUB_PASSWORD = 'hub-pass-5c8e1a';
const ADMIN = { name: 'admin', password: 'admin-pass-93f2' };

export interface Hub {
  /** The hub's own address (http://127.0.0.1:port), for the test's direct requests. */
  url: string;
  /** Stop the hub process (a power cut of the hub box): its data stays in the folder. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** A request as the clinic user (credentials) or as anyone (no credentials). */
  request(path: string, init?: RequestInit & { anonymous?: boolean }): Promise<Response>;
}

const basic = (user: string, password: string) =>
  'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');

export async function startHub(): Promise<Hub & { dispose(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'tebikae-hub-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let couch: PouchServer | null = null;

  const up = async () => {
    couch = await startPouchServer(dir, port);
  };
  const down = async () => {
    const running = couch;
    couch = null;
    await running?.stop();
  };

  await up();
  // As a clinic sets up its CouchDB (and as `npm run hub` does): an admin (no more "admin party"), the database,
  // one clinic user, and _security naming that user as the only member, so an anonymous request reads and
  // writes nothing.
  await setUpClinicDatabase(url, {
    db: HUB_DB,
    admin: ADMIN,
    clinic: { name: HUB_USER, password: HUB_PASSWORD }
  });

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
