// `npm start` / `npm run serve`: serve build/ with sirv on 127.0.0.1:4173 (HOST= and PORT= to change), printing only addresses it really listens on.
import http from 'node:http';
import { buildHandler, hasBuild } from './build-files.mjs';
import { lanAddresses } from './lan.mjs';

const dir = process.env.TEBIKAE_BUILD ?? 'build';
const host = process.env.HOST || '127.0.0.1';
const portText = process.env.PORT || '4173';
const port = Number(portText);

function fail(ja, en) {
  console.error(`${ja}\n${en}`);
  process.exit(1);
}

if (!/^\d+$/.test(portText) || port > 65535) {
  fail(
    `PORT=${portText} は使えません。0〜65535 の数字にしてください（例：PORT=8080 npm start）。`,
    `PORT=${portText} is not a port number: use 0 to 65535 (e.g. PORT=8080 npm start).`
  );
}
if (!hasBuild(dir)) {
  fail(
    `${dir}/ にアプリがありません。先に npm run build を実行してください（npm start は自動で行います）。`,
    `No app in ${dir}/: run npm run build first (npm start does it for you).`
  );
}

const server = http.createServer(buildHandler(dir));

const wildcard = host === '0.0.0.0' || host === '::';
const urlOf = (address, p) => `http://${address.includes(':') ? `[${address}]` : address}:${p}/`;

/** Where the server can be reached: the host it was bound to, or for a wildcard bind, this machine's IPv4 addresses. */
function addresses(p) {
  if (!wildcard) return [urlOf(host, p)];
  return [...new Set(['127.0.0.1', ...lanAddresses()])].map((a) => urlOf(a, p));
}

server.on('error', (error) => {
  if (error.code === 'EADDRINUSE') {
    fail(
      `ポート ${port} はほかのプログラムが使っています。別の番号で起動してください（例：PORT=4180 npm start）。`,
      `Port ${port} is in use by another program: start on another one (e.g. PORT=4180 npm start).`
    );
  }
  fail(
    `${host}:${port} で起動できません：${error.message}`,
    `Cannot listen on ${host}:${port}: ${error.message}`
  );
});

server.listen(port, host, () => {
  const actual = server.address().port;
  const urls = addresses(actual);
  console.log(`手控え (tebikae) を配信しています / serving ${dir}/ at:`);
  for (const url of urls) console.log(`  ${url}`);
  const loopbackOnly = !wildcard && (host === 'localhost' || host.startsWith('127.') || host === '::1');
  if (loopbackOnly) {
    console.log('このコンピューターからだけ開けます / only this computer can open it.');
  } else {
    console.log(
      'ほかの端末でオフライン用に入れるには HTTPS の配信が必要です（README「静的ホスティングへの配置」）/ other devices need HTTPS to install it for offline use (README, Deploying).'
    );
  }
  console.log('止めるには Ctrl+C / Ctrl+C to stop.');
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
