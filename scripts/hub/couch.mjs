// The hub's database: pouchdb-server (CouchDB's HTTP API) on loopback with its data in the hub folder, and on first run the admin, the clinic database, the clinic user and _security.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** A port nobody listens on now, on loopback. */
export function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

const secret = () => randomBytes(18).toString('base64url');

/**
 * The hub's credentials, made once and kept in the data folder (readable by this PC's user only): the server
 * admin, and the one clinic user every device signs in as.
 */
export function loadOrCreateCredentials(dataDir, db) {
  const path = join(dataDir, 'hub-credentials.json');
  if (existsSync(path)) return { path, ...JSON.parse(readFileSync(path, 'utf8')) };
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const made = {
    db,
    admin: { name: 'admin', password: secret() },
    clinic: { name: 'tebikae-clinic', password: secret() }
  };
  writeFileSync(path, JSON.stringify(made, null, 2) + '\n', { mode: 0o600 });
  return { path, ...made };
}

const basic = ({ name, password }) => 'Basic ' + Buffer.from(`${name}:${password}`).toString('base64');

async function waitUntilUp(url, child) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited (${child.exitCode})`);
    try {
      if ((await fetch(url + '/')).ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error('pouchdb-server did not start within a minute');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** pouchdb-server on 127.0.0.1:port with its databases and config.json in `dir`; never on the LAN itself. */
export async function startPouchServer(dir, port) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const bin = require.resolve('pouchdb-server/bin/pouchdb-server');
  const args = [
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--dir',
    dir,
    '--config',
    join(dir, 'config.json')
  ];
  const child = spawn(process.execPath, [bin, ...args, '--no-stdout-logs'], { cwd: dir, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(url, child);
  return {
    url,
    child,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  };
}

/**
 * As a clinic sets up its CouchDB (README): an admin (no "admin party"), the database, the clinic user, and
 * _security naming that user as the only member, so no anonymous request reads or writes. Every step may run
 * again (a first run cut short finishes on the next).
 */
export async function setUpClinicDatabase(url, credentials) {
  const { admin, clinic, db } = credentials;
  const asAdmin = (path, init = {}) =>
    fetch(url + path, {
      ...init,
      headers: { 'content-type': 'application/json', authorization: basic(admin), ...init.headers }
    });
  // Only answered while the server has no admin yet (401 once it has one).
  const party = await fetch(`${url}/_config/admins/${admin.name}`, {
    method: 'PUT',
    body: JSON.stringify(admin.password)
  });
  if (!party.ok && party.status !== 401) throw new Error(`hub set-up admin: ${party.status}`);
  const steps = [
    [`/${db}`, { method: 'PUT' }, [412]],
    [
      `/_users/org.couchdb.user:${clinic.name}`,
      {
        method: 'PUT',
        body: JSON.stringify({ name: clinic.name, password: clinic.password, roles: [], type: 'user' })
      },
      [409]
    ],
    [
      `/${db}/_security`,
      {
        method: 'PUT',
        body: JSON.stringify({
          admins: { names: [], roles: [] },
          members: { names: [clinic.name], roles: [] }
        })
      },
      []
    ]
  ];
  for (const [path, init, fine] of steps) {
    const answer = await asAdmin(path, init);
    if (!answer.ok && !fine.includes(answer.status))
      throw new Error(`hub set-up ${path}: ${answer.status} ${await answer.text()}`);
  }
}

/** Whether the database refuses a request without credentials (a CouchDB set up by hand may not). */
export async function refusesAnonymous(url, db) {
  const answer = await fetch(`${url}/${db}/_all_docs?limit=0`);
  return answer.status === 401 || answer.status === 403;
}
