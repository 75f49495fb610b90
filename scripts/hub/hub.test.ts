// `npm run hub` end to end in Node: the certificate chains to the clinic CA with every address, the database refuses anyone without the clinic user, only the clinic database, _session and a user's own document pass, the CA downloads are served, and a restart keeps CA, credentials and data.
import { X509Certificate } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lanAddresses } from '../lan.mjs';
import { freePort, loadOrCreateCredentials, setUpClinicDatabase, startPouchServer } from './couch.mjs';
import { hubPath } from './proxy.mjs';
import { certificateNames, startHubServer } from './server.mjs';

type Hub = Awaited<ReturnType<typeof startHubServer>>;
interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  peer?: X509Certificate;
}

/** One request as a tablet that installed the clinic CA makes it (the CA is the only trusted root). */
function request(
  url: string,
  opts: { method?: string; body?: string; auth?: { name: string; password: string }; ca?: string } = {}
): Promise<Answer> {
  const target = new URL(url);
  const secure = target.protocol === 'https:';
  return new Promise((done, fail) => {
    const req = (secure ? https : http).request(
      {
        host: target.hostname,
        port: target.port,
        // As sent: no client-side clean-up of dot segments.
        path: target.pathname + target.search,
        method: opts.method ?? 'GET',
        headers: {
          'content-type': 'application/json',
          ...(opts.auth
            ? {
                authorization:
                  'Basic ' + Buffer.from(`${opts.auth.name}:${opts.auth.password}`).toString('base64')
              }
            : {})
        },
        ...(secure ? { ca: opts.ca, agent: false } : {})
      },
      (res) => {
        const chunks: Buffer[] = [];
        const socket = res.socket as TLSSocket;
        const peer = secure ? socket.getPeerX509Certificate?.() : undefined;
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), peer })
        );
      }
    );
    req.on('error', fail);
    req.end(opts.body);
  });
}
/** A raw path, exactly as written (URL() would remove ../ before it is sent). */
function rawGet(port: number, path: string, ca: string, auth?: { name: string; password: string }) {
  return new Promise<{ status: number; body: string }>((done, fail) => {
    const req = https.request(
      {
        host: '127.0.0.1',
        port,
        path,
        ca,
        agent: false,
        headers: auth
          ? { authorization: 'Basic ' + Buffer.from(`${auth.name}:${auth.password}`).toString('base64') }
          : {}
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => done({ status: res.statusCode ?? 0, body }));
      }
    );
    req.on('error', fail);
    req.end();
  });
}

const json = (a: Answer) => JSON.parse(a.body.toString('utf8')) as Record<string, unknown>;

describe('npm run hub', () => {
  let dir: string;
  let build: string;
  let hub: Hub;
  let origin: string;
  let ca: string;
  const start = () =>
    startHubServer({
      dataDir: join(dir, 'hub-data'),
      buildDir: build,
      host: '127.0.0.1',
      port: 0,
      caPort: 0
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tebikae-hubserve-'));
    build = join(dir, 'build');
    mkdirSync(build);
    writeFileSync(join(build, 'index.html'), '<!doctype html><title>手控え</title>');
    writeFileSync(join(build, 'service-worker.js'), '// sw');
    hub = await start();
    origin = `https://127.0.0.1:${hub.port}`;
    ca = hub.ca.pem;
  }, 90_000);
  afterAll(async () => {
    await hub?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves build/ over HTTPS with a certificate that chains to the clinic CA and names every address', async () => {
    const page = await request(origin + '/', { ca });
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain('手控え');
    const sw = await request(origin + '/service-worker.js', { ca });
    expect(sw.headers['cache-control']).toBe('no-cache');

    const root = hub.ca.x509;
    expect(root.ca).toBe(true);
    const cert = page.peer!;
    expect(cert.checkIssued(root)).toBe(true);
    expect(cert.verify(root.publicKey)).toBe(true);
    expect(cert.ca).toBe(false);
    const sans = (cert.subjectAltName ?? '').split(', ');
    for (const ip of ['127.0.0.1', ...lanAddresses()]) expect(sans).toContain(`IP Address:${ip}`);
    expect(sans).toContain('DNS:localhost');
    for (const name of certificateNames().hostnames) expect(sans).toContain(`DNS:${name}`);
    // The PC's own name (when it is a valid DNS name, as it almost always is).
    const own = os.hostname().toLowerCase();
    if (/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/.test(own)) expect(sans).toContain(`DNS:${own}`);
    // Apple refuses TLS server certificates valid for longer than 825 days; the hub's is about 13 months.
    const days = (Date.parse(cert.validTo) - Date.parse(cert.validFrom)) / 86_400_000;
    expect(days).toBeLessThanOrEqual(398);
    // A client that does not trust the clinic CA is refused (the certificate is not a public one).
    await expect(request(origin + '/', {})).rejects.toThrow(/certificate/);
  });

  it('the clinic database answers nobody without the clinic user; the clinic user reads and writes', async () => {
    const db = `${origin}/hub/${hub.db}`;
    expect((await request(db, { ca })).status).toBe(401);
    expect((await request(`${db}/_all_docs`, { ca })).status).toBe(401);
    expect((await request(`${db}/anon`, { ca, method: 'PUT', body: '{"a":1}' })).status).toBe(401);
    const clinic = hub.credentials!.clinic;
    const put = await request(`${db}/sessions:x:1:00`, {
      ca,
      method: 'PUT',
      body: '{"t":"sessions","c":"AAAA"}',
      auth: clinic
    });
    expect(put.status).toBe(201);
    const got = await request(`${db}/sessions:x:1:00`, { ca, auth: clinic });
    expect(json(got)).toMatchObject({ t: 'sessions', c: 'AAAA' });
    const session = await request(`${origin}/hub/_session`, {
      ca,
      method: 'POST',
      body: JSON.stringify({ name: clinic.name, password: clinic.password })
    });
    expect(session.status).toBe(200);
    expect(json(session)).toMatchObject({ ok: true, name: clinic.name });
  });

  it('passes only the clinic database, _session and a user document: server paths are not reached, even as the admin', async () => {
    const admin = hub.credentials!.admin;
    // Straight at pouchdb-server the admin reaches them: the proxy is what keeps them away.
    expect((await request(`${hub.couchUrl}/_config`, { auth: admin })).status).toBe(200);
    for (const path of [
      '/hub/_all_dbs',
      '/hub/_config',
      '/hub/_config/admins',
      '/hub/_users',
      '/hub/_users/_all_docs',
      '/hub/_users/_design/_auth',
      '/hub/_users/org.couchdb.user:a/attachment',
      '/hub/_utils/',
      '/hub/',
      '/hub',
      `/hub/${hub.db}-other`,
      `/hub/${hub.db}/../_config`,
      `/hub/${hub.db}/%2e%2e/_all_dbs`,
      `/hub/${hub.db}/..\\_config`
    ]) {
      const { status, body } = await rawGet(hub.port, path, ca, admin);
      // Refused by the hub itself, not a 404 from CouchDB.
      expect({ path, status, body }).toEqual({
        path,
        status: 404,
        body: expect.stringContaining('not served by the clinic hub')
      });
    }
    // A device reads and rewrites its own user document through the hub (pairing); another user's is CouchDB's to refuse.
    const clinic = hub.credentials!.clinic;
    const own = await rawGet(hub.port, `/hub/_users/org.couchdb.user:${clinic.name}`, ca, clinic);
    expect(own.status).toBe(200);
    expect(JSON.parse(own.body)).toMatchObject({ name: clinic.name });
    const other = await rawGet(hub.port, '/hub/_users/org.couchdb.user:admin-someone', ca, clinic);
    expect(other.status).not.toBe(200);
  });

  it('serves the CA over plain HTTP at /ca/: the page, the .crt (DER), the .pem and the iOS profile', async () => {
    const base = `http://127.0.0.1:${hub.caPort}`;
    expect((await request(base + '/')).headers.location).toBe('/ca/');
    const page = await request(base + '/ca/');
    expect(page.status).toBe(200);
    const html = page.body.toString();
    expect(html).toContain('iPad');
    expect(html).toContain('Android');
    expect(html).toContain('証明書信頼設定');
    expect(html).toContain(hub.ca.x509.fingerprint256);
    const crt = await request(base + '/ca/tebikae-clinic-ca.crt');
    expect(crt.headers['content-type']).toBe('application/x-x509-ca-cert');
    expect(crt.body.equals(hub.ca.x509.raw)).toBe(true);
    const pem = await request(base + '/ca/tebikae-clinic-ca.pem');
    expect(new X509Certificate(pem.body).fingerprint256).toBe(hub.ca.x509.fingerprint256);
    const profile = await request(base + '/ca/tebikae-clinic-ca.mobileconfig');
    expect(profile.headers['content-type']).toBe('application/x-apple-aspen-config');
    const plist = profile.body.toString();
    expect(plist).toContain('<string>com.apple.security.root</string>');
    expect(plist).toContain('<string>Configuration</string>');
    const data = /<data>([\s\S]*?)<\/data>/.exec(plist)![1]!.replace(/\s/g, '');
    expect(Buffer.from(data, 'base64').equals(hub.ca.x509.raw)).toBe(true);
    // Nothing else of the data folder is served: not the CA key, not the credentials.
    for (const path of ['/ca/clinic-ca-key.pem', '/hub-credentials.json', '/ca/../hub-credentials.json'])
      expect((await request(base + path)).status).toBe(404);
  });

  it('pouchdb-server killed by mistake is started again, with its data', async () => {
    const first = hub.couchProcess!;
    const gone = new Promise((r) => first.once('exit', r));
    first.kill('SIGKILL');
    await gone;
    const db = `${origin}/hub/${hub.db}/sessions:x:1:00`;
    const deadline = Date.now() + 30_000;
    let status = 0;
    while (Date.now() < deadline) {
      status = await request(db, { ca, auth: hub.credentials!.clinic }).then(
        (a) => a.status,
        () => 0
      );
      // The new server answers a moment before the hub has taken it as its own (its start is still checking).
      if (status === 200 && hub.couchProcess !== first) break;
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(status).toBe(200);
    expect(hub.couchProcess).not.toBe(first);
  }, 60_000);

  it('a restart keeps the CA, the certificate, the credentials and the data', async () => {
    const before = {
      ca: hub.ca.x509.fingerprint256,
      credentials: hub.credentials,
      cert: hub.certificate.x509.fingerprint256
    };
    expect(hub.ca.created).toBe(true);
    await hub.stop();
    hub = await start();
    origin = `https://127.0.0.1:${hub.port}`;
    expect(hub.ca.created).toBe(false);
    expect(hub.ca.x509.fingerprint256).toBe(before.ca);
    expect(hub.certificate.renewed).toBe(false);
    expect(hub.certificate.x509.fingerprint256).toBe(before.cert);
    expect(hub.credentials).toEqual(before.credentials);
    const got = await request(`${origin}/hub/${hub.db}/sessions:x:1:00`, {
      ca,
      auth: hub.credentials!.clinic
    });
    expect(got.status).toBe(200);
    expect((await request(`${origin}/hub/${hub.db}`, { ca })).status).toBe(401);
  });
});

describe('hubPath', () => {
  it('maps the clinic database, _session and a user document, and nothing else', () => {
    expect(hubPath('/hub/tebikae', 'tebikae')).toBe('/tebikae');
    expect(hubPath('/hub/tebikae/_changes?feed=longpoll&since=0', 'tebikae')).toBe(
      '/tebikae/_changes?feed=longpoll&since=0'
    );
    expect(hubPath('/hub/_session', 'tebikae')).toBe('/_session');
    expect(hubPath('/hub/_session/x', 'tebikae')).toBeNull();
    // A device's own user document (pairing sets its password there; CouchDB lets only it and the admin in).
    expect(hubPath('/hub/_users/org.couchdb.user%3Atebikae-dev-0a1b', 'tebikae')).toBe(
      '/_users/org.couchdb.user%3Atebikae-dev-0a1b'
    );
    expect(hubPath('/hub/_users/org.couchdb.user:tebikae-clinic', 'tebikae')).toBe(
      '/_users/org.couchdb.user:tebikae-clinic'
    );
    expect(hubPath('/hub/_users/_all_docs', 'tebikae')).toBeNull();
    expect(hubPath('/hub/_users/org.couchdb.user:x/y', 'tebikae')).toBeNull();
    expect(hubPath('/hub/tebikaex/_all_docs', 'tebikae')).toBeNull();
    expect(hubPath('/hub/tebikae/./x', 'tebikae')).toBeNull();
    expect(hubPath('/hub/tebikae/a?x=/../_config', 'tebikae')).toBe('/tebikae/a?x=/../_config');
  });
});

describe('npm run hub with HUB_COUCH (a CouchDB of the clinic’s own)', () => {
  it('starts no pouchdb-server, passes /hub/ to that CouchDB, and tells whether its database refuses anonymous requests', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tebikae-hubcouch-'));
    const build = join(dir, 'build');
    mkdirSync(build);
    writeFileSync(join(build, 'index.html'), '<!doctype html><title>手控え</title>');
    // The clinic's "real" CouchDB: set up by hand as the README says (here pouchdb-server stands in for it).
    const couch = await startPouchServer(join(dir, 'couch'), await freePort());
    const credentials = loadOrCreateCredentials(join(dir, 'made-by-hand'), 'tebikae');
    const hubs: Hub[] = [];
    try {
      // Before _security is set the database answers anyone: the hub says so.
      await fetch(`${couch.url}/open`, { method: 'PUT' });
      const open = await startHubServer({
        dataDir: join(dir, 'hub-open'),
        buildDir: build,
        host: '127.0.0.1',
        port: 0,
        caPort: 0,
        couch: couch.url,
        db: 'open'
      });
      hubs.push(open);
      expect(open.guarded).toBe(false);

      await setUpClinicDatabase(couch.url, credentials);
      const hub = await startHubServer({
        dataDir: join(dir, 'hub-data'),
        buildDir: build,
        host: '127.0.0.1',
        port: 0,
        caPort: 0,
        couch: couch.url + '/'
      });
      hubs.push(hub);
      expect(hub.credentials).toBeNull();
      expect(hub.couchUrl).toBe(couch.url);
      expect(hub.guarded).toBe(true);
      const origin = `https://127.0.0.1:${hub.port}`;
      const ca = hub.ca.pem;
      expect((await request(`${origin}/hub/tebikae`, { ca })).status).toBe(401);
      const put = await request(`${origin}/hub/tebikae/sessions:y:1:00`, {
        ca,
        method: 'PUT',
        body: '{"t":"sessions","c":"BBBB"}',
        auth: credentials.clinic
      });
      expect(put.status).toBe(201);
      // It went to the clinic's CouchDB, not to a database of the hub's own.
      const direct = await fetch(`${couch.url}/tebikae/sessions:y:1:00`, {
        headers: {
          authorization:
            'Basic ' +
            Buffer.from(`${credentials.clinic.name}:${credentials.clinic.password}`).toString('base64')
        }
      });
      expect(await direct.json()).toMatchObject({ c: 'BBBB' });
      expect((await rawGet(hub.port, '/hub/_all_dbs', ca, credentials.admin)).status).toBe(404);
      expect(existsSync(join(dir, 'hub-data', 'couch'))).toBe(false);
      expect(existsSync(join(dir, 'hub-data', 'hub-credentials.json'))).toBe(false);
    } finally {
      for (const h of hubs) await h.stop();
      await couch.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
