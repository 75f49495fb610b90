// `npm run hub` as a function: the clinic CA and certificate, the hub database (pouchdb-server, or a CouchDB at HUB_COUCH), build/ and /hub/ on one HTTPS origin, and the CA page over plain HTTP.
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { buildHandler, hasBuild } from '../build-files.mjs';
import { lanAddresses } from '../lan.mjs';
import { loadOrCreateCa, serverCertificate, writeCaDownloads } from './ca.mjs';
import { caPageHandler } from './ca-page.mjs';
import {
  freePort,
  loadOrCreateCredentials,
  refusesAnonymous,
  setUpClinicDatabase,
  startPouchServer
} from './couch.mjs';
import { forward, hubPath, refuse } from './proxy.mjs';

/** The names the hub's certificate carries: the hostname (and its .local for mDNS), localhost, any extra. */
export function certificateNames(extra = []) {
  const host = os.hostname().toLowerCase();
  const hostnames = [
    host,
    ...(host.includes('.') ? [] : [`${host}.local`]),
    'localhost',
    ...extra.map((n) => n.toLowerCase())
  ];
  // A DNS name in a certificate is ASCII letters, digits, dots and hyphens (a Windows name may be otherwise).
  const valid = hostnames.filter((h) => /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/.test(h));
  return { hostnames: [...new Set(valid)], ips: ['127.0.0.1', ...lanAddresses()] };
}

function listen(server, port, host) {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      done(server.address().port);
    });
  });
}

const close = (server) =>
  new Promise((done) => {
    server.close(() => done());
    server.closeAllConnections();
  });

/**
 * Start the hub. Options: dataDir (hub-data), buildDir (build), host (0.0.0.0), port (HTTPS, 8443), caPort
 * (plain HTTP for /ca/, 8080), couchPort (pouchdb-server on loopback, a free one), couch (a CouchDB's
 * http://… address: then no pouchdb-server), db (tebikae), names (extra DNS names for the certificate), log
 * (where to say what happens later, e.g. console.log).
 */
export async function startHubServer(options = {}) {
  const dataDir = resolve(options.dataDir ?? 'hub-data');
  const buildDir = options.buildDir ?? 'build';
  const host = options.host ?? '0.0.0.0';
  const db = options.db ?? 'tebikae';
  if (!/^[a-z][a-z0-9_$()+/-]*$/.test(db)) throw new Error(`not a CouchDB database name: ${db}`);
  if (!hasBuild(buildDir)) throw Object.assign(new Error(`no app in ${buildDir}/`), { code: 'NO_BUILD' });

  const ca = loadOrCreateCa(dataDir);
  const files = writeCaDownloads(dataDir, ca);
  const names = certificateNames(options.names ?? []);
  const tls = serverCertificate(dataDir, ca, names);

  let couch = null;
  /** A restart of pouchdb-server under way: stop() waits for it, so no server is left behind on the port. */
  let starting = null;
  let stopping = false;
  let credentials = null;
  let target;
  if (options.couch) {
    target = options.couch.replace(/\/$/, '');
  } else {
    credentials = loadOrCreateCredentials(dataDir, db);
    const couchDir = join(dataDir, 'couch');
    const couchPort = options.couchPort || (await freePort());
    couch = await startPouchServer(couchDir, couchPort);
    try {
      await setUpClinicDatabase(couch.url, credentials);
    } catch (error) {
      await couch.stop();
      throw error;
    }
    target = couch.url;
    // pouchdb-server stopped by itself (a crash, killed by mistake): start it again on the same port and data,
    // while the devices keep recording alone and retry. Its data is in the folder, so nothing is lost.
    const restartWhenGone = (running) =>
      running.child.once('exit', () => {
        if (stopping) return;
        options.log?.(
          'ハブのデータベースが止まりました。もう一度起動します / the hub database stopped: starting it again'
        );
        const again = async () => {
          if (stopping) return;
          try {
            starting = startPouchServer(couchDir, couchPort);
            couch = await starting;
            restartWhenGone(couch);
          } catch {
            setTimeout(() => void again(), 2_000);
          } finally {
            starting = null;
          }
        };
        setTimeout(() => void again(), 500);
      });
    restartWhenGone(couch);
  }
  const guarded = await refusesAnonymous(target, db).catch(() => null);

  const app = buildHandler(buildDir);
  const secure = https.createServer({ key: tls.keyPem, cert: tls.certPem }, (req, res) => {
    const url = req.url ?? '/';
    if (url === '/hub' || url.startsWith('/hub/') || url.startsWith('/hub?')) {
      const path = hubPath(url, db);
      return path === null ? refuse(res) : forward(req, res, target, path);
    }
    return app(req, res);
  });
  const servers = [secure];
  try {
    const port = await listen(secure, options.port ?? 8443, host);
    const wildcard = host === '0.0.0.0' || host === '::';
    const reachable = wildcard ? [...lanAddresses(), '127.0.0.1'] : [host];
    const appUrls = [...new Set(reachable)].map((a) => `https://${a}:${port}/`);
    const caServer = http.createServer(caPageHandler({ files, appUrls, x509: ca.x509 }));
    servers.push(caServer);
    const caPort = await listen(caServer, options.caPort ?? 8080, host);
    return {
      dataDir,
      db,
      port,
      caPort,
      appUrls,
      caUrls: [...new Set(reachable)].map((a) => `http://${a}:${caPort}/ca/`),
      /** What a device types as ハブのアドレス, per app address. */
      hubUrls: appUrls.map((u) => `${u}hub/${db}`),
      credentials,
      ca: { x509: ca.x509, pem: ca.pem, created: ca.created, files },
      certificate: { x509: tls.x509, renewed: tls.renewed },
      couchUrl: target,
      /** false: the database answers anonymous requests (a CouchDB whose _security is not set yet). */
      guarded,
      /** The running pouchdb-server (null with HUB_COUCH). */
      get couchProcess() {
        return couch?.child ?? null;
      },
      async stop() {
        stopping = true;
        await Promise.all(servers.map(close));
        const restarted = await starting?.catch(() => null);
        await restarted?.stop();
        await couch?.stop();
      }
    };
  } catch (error) {
    stopping = true;
    await Promise.all(servers.filter((s) => s.listening).map(close));
    await couch?.stop();
    throw error;
  }
}
