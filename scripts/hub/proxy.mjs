// The hub behind the app's own origin: /hub/<clinic database>…, /hub/_session and one user's own document
// (/hub/_users/org.couchdb.user:<name>, which pairing writes and CouchDB guards per user) go on to CouchDB;
// nothing else (no _all_dbs, _config, _utils, no listing of _users).
import http from 'node:http';

/**
 * The CouchDB path for a request under /hub/, or null when the hub does not pass it on. A path that URL
 * normalisation would change (dot segments, encoded dots, backslashes) is refused rather than cleaned up.
 */
const USER_DOC = /^\/hub\/_users\/org\.couchdb\.user(?::|%3A)[A-Za-z0-9_-]+$/i;

export function hubPath(url, db) {
  const cut = url.indexOf('?');
  const path = cut < 0 ? url : url.slice(0, cut);
  const search = cut < 0 ? '' : url.slice(cut);
  if (new URL(path, 'http://hub').pathname !== path) return null;
  if (path === '/hub/_session') return '/_session' + search;
  if (USER_DOC.test(path)) return path.slice('/hub'.length) + search;
  if (path === `/hub/${db}` || path.startsWith(`/hub/${db}/`)) return path.slice('/hub'.length) + search;
  return null;
}

const agent = new http.Agent({ keepAlive: true });

/** Forward one request to CouchDB at `target` (http://host:port) and stream its answer back. */
export function forward(req, res, target, path) {
  const base = new URL(target);
  const upstream = http.request(
    {
      host: base.hostname,
      port: base.port,
      method: req.method,
      path: base.pathname.replace(/\/$/, '') + path,
      headers: {
        ...req.headers,
        host: base.host,
        'x-forwarded-proto': 'https',
        'x-forwarded-for': req.socket.remoteAddress ?? ''
      },
      agent
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      // The hub went away mid-answer (a long poll): the device must see the connection drop.
      answer.on('close', () => {
        if (!answer.complete) res.destroy();
      });
      answer.on('error', () => res.destroy());
    }
  );
  upstream.on('error', () => {
    if (res.headersSent) res.destroy();
    else {
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: 'hub_unreachable',
          reason: 'ハブのデータベースに届きません / the hub database is not answering'
        })
      );
    }
  });
  // A device that leaves a live changes feed must not leave the request open at CouchDB.
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
}

/** The answer to a /hub/ path that is not passed on: as CouchDB says "not found". */
export function refuse(res) {
  res.writeHead(404, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: 'not_found', reason: 'not served by the clinic hub' }));
}
