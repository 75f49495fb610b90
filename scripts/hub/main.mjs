// `npm run hub`: the clinic hub on this PC (see README「受付PCでハブを動かす」); prints where tablets get the certificate, the app's address with a QR code, and what the first device types.
import QRCode from 'qrcode';
import { relative } from 'node:path';
import { startHubServer } from './server.mjs';

function fail(ja, en) {
  console.error(`${ja}\n${en}`);
  process.exit(1);
}

/** A port from the environment, or the default; anything else stops with a message. */
function portFrom(name, fallback) {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535)
    fail(
      `${name}=${text} は使えません。0〜65535 の数字にしてください（例：${name}=${fallback} npm run hub）。`,
      `${name}=${text} is not a port number: use 0 to 65535 (e.g. ${name}=${fallback} npm run hub).`
    );
  return port;
}

const options = {
  dataDir: process.env.HUB_DATA || 'hub-data',
  buildDir: process.env.TEBIKAE_BUILD || 'build',
  host: process.env.HOST || '0.0.0.0',
  port: portFrom('PORT', 8443),
  caPort: portFrom('CA_PORT', 8080),
  couchPort: portFrom('HUB_PORT', 0),
  couch: process.env.HUB_COUCH || undefined,
  db: process.env.HUB_DB || 'tebikae',
  log: (line) => console.log(line),
  names: (process.env.HUB_NAMES ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean)
};

let hub;
try {
  hub = await startHubServer(options);
} catch (error) {
  if (error.code === 'NO_BUILD')
    fail(
      `${options.buildDir}/ にアプリがありません。先に npm run build を実行してください。`,
      `No app in ${options.buildDir}/: run npm run build first.`
    );
  if (error.code === 'EADDRINUSE')
    fail(
      `ポート ${error.port} はほかのプログラムが使っています。PORT= / CA_PORT= / HUB_PORT= で別の番号にしてください。`,
      `Port ${error.port} is in use by another program: choose another with PORT= / CA_PORT= / HUB_PORT=.`
    );
  fail(`ハブを起動できません：${error.message}`, `Cannot start the hub: ${error.message}`);
}

const qr = (text) => QRCode.toString(text, { type: 'terminal', small: true });
const near = relative(process.cwd(), hub.dataDir);
const data = near && !near.startsWith('..') ? near : hub.dataDir;
const lines = [];
lines.push('手控え 医院のハブ / tebikae clinic hub');
if (hub.ca.created) lines.push(`医院の証明書（認証局）を作りました / made the clinic CA: ${data}/ca/`);
lines.push('');
lines.push(
  '① 各タブレットで一度だけ、医院の証明書を入れる / once per tablet, install the clinic certificate:'
);
for (const url of hub.caUrls) lines.push(`   ${url}`);
lines.push(await qr(hub.caUrls[0]));
lines.push(`   SHA-256 ${hub.ca.x509.fingerprint256}`);
lines.push(`   ファイル / files: ${data}/ca/tebikae-clinic-ca.crt (Android) .pem .mobileconfig (iPad)`);
lines.push('');
lines.push('② アプリを開く / open the app:');
for (const url of hub.appUrls) lines.push(`   ${url}`);
lines.push(await qr(hub.appUrls[0]));
lines.push('③ 1台目の端末で 設定 →「医院のハブ」に入れる / on the first device, 設定 → 医院のハブ:');
lines.push(`   ハブのアドレス / hub address: ${hub.hubUrls[0]}`);
if (hub.credentials) {
  lines.push(`   ハブのユーザー名 / user: ${hub.credentials.clinic.name}`);
  lines.push(`   ハブのパスワード / password: ${hub.credentials.clinic.password}`);
  lines.push(`   （${data}/hub-credentials.json に保管 / kept in ${data}/hub-credentials.json）`);
  lines.push(
    '   ほかの端末は 1台目の「ペアリングコードを表示」から / other devices join with the pairing code.'
  );
} else {
  lines.push(
    `   CouchDB: ${hub.couchUrl} — ユーザーは CouchDB で作ったもの / the user you created in CouchDB (README)`
  );
}
if (hub.guarded === false)
  lines.push(
    '',
    `⚠ データベース ${hub.db} は誰でも読めます。_security を設定してください（README）/ database ${hub.db} answers anonymous requests: set its _security (README).`
  );
else if (hub.guarded === null)
  lines.push('', `⚠ ${hub.couchUrl} に届きません / cannot reach ${hub.couchUrl}.`);
lines.push('', '止めるには Ctrl+C / Ctrl+C to stop.');
console.log(lines.join('\n'));

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    void hub.stop().then(() => process.exit(0));
  });
}
