// The plain-HTTP page at /ca/ where a tablet downloads the clinic CA before it can trust the hub's HTTPS (iPad profile, Android .crt, .pem).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

const esc = (text) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The SHA-256 fingerprint as Settings and `openssl x509 -fingerprint` show it (AB:CD:…). */
export const fingerprint = (x509) => x509.fingerprint256;

function page({ appUrls, fingerprint: print }) {
  const links = appUrls.map((u) => `<li><a href="${esc(u)}">${esc(u)}</a></li>`).join('');
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>医院のハブの証明書 / The clinic hub's certificate</title>
<style>
body { font: 18px/1.6 system-ui, sans-serif; margin: 1rem auto; max-width: 42rem; padding: 0 1rem; color: #1a1a1a; }
a.button { display: block; margin: 0.75rem 0; padding: 1rem; min-height: 48px; border: 2px solid #1d4ed8; border-radius: 0.5rem; text-decoration: none; color: #1d4ed8; font-weight: bold; }
.en { color: #444; font-size: 0.95em; }
code { word-break: break-all; }
</style>
</head>
<body>
<main>
<h1>医院のハブの証明書<br><span class="en">The clinic hub's certificate</span></h1>
<p>この端末で手控え（医院のハブ）を HTTPS で開くために、医院の証明書を一度だけ入れます。<br>
<span class="en">Install the clinic's certificate once, so this device can open tebikae (the clinic hub) over HTTPS.</span></p>
<p>受付PCの画面に出ている指紋と同じか確かめてください / Check that it matches the fingerprint on the reception PC's screen:<br><code>SHA-256 ${esc(print)}</code></p>

<h2>iPad / iPhone</h2>
<a class="button" href="tebikae-clinic-ca.mobileconfig">iPad・iPhone 用のプロファイルをダウンロード<br><span class="en">Download the iPad / iPhone profile</span></a>
<ol>
<li>このページを <b>Safari</b> で開き、上のボタンを押して「許可」を押します。<br><span class="en">Open this page in Safari, tap the button above, then Allow.</span></li>
<li>設定 →「一般」→「VPNとデバイス管理」→ ダウンロード済みプロファイル →「インストール」（パスコードを入れます）。<br><span class="en">Settings → General → VPN &amp; Device Management → the downloaded profile → Install (enter the device passcode).</span></li>
<li>設定 →「一般」→「情報」→「証明書信頼設定」で、この証明書を<b>オン</b>にします。<br><span class="en">Settings → General → About → Certificate Trust Settings: turn this certificate on.</span></li>
</ol>

<h2>Android</h2>
<a class="button" href="tebikae-clinic-ca.crt">Android 用の証明書（.crt）をダウンロード<br><span class="en">Download the Android certificate (.crt)</span></a>
<ol>
<li>上のボタンでファイルを保存します。<br><span class="en">Save the file with the button above.</span></li>
<li>設定 →「セキュリティ」→「暗号化と認証情報」→「証明書のインストール」→「CA 証明書」→ 保存したファイルを選びます（機種により名前が少し違います）。<br><span class="en">Settings → Security → Encryption &amp; credentials → Install a certificate → CA certificate → pick the saved file (names vary a little by maker).</span></li>
</ol>
<p>PC など / Other computers: <a href="tebikae-clinic-ca.pem">tebikae-clinic-ca.pem</a></p>

<h2>入れたら / Then</h2>
<p>次のアドレスを開きます（Chrome / Safari）。<br><span class="en">Open this address (Chrome / Safari):</span></p>
<ul>${links}</ul>
</main>
</body>
</html>
`;
}

const TYPES = {
  '.crt': 'application/x-x509-ca-cert',
  '.pem': 'application/x-pem-file',
  '.mobileconfig': 'application/x-apple-aspen-config'
};

/** The handler of the plain-HTTP server: /ca/ (the page) and the three files; nothing else. */
export function caPageHandler({ files, appUrls, x509 }) {
  const downloads = new Map(
    [files.crt, files.pem, files.mobileconfig].map((path) => [`/ca/${basename(path)}`, path])
  );
  const html = page({ appUrls, fingerprint: fingerprint(x509) });
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      res.end();
      return;
    }
    if (path === '/' || path === '/ca') {
      res.writeHead(302, { location: '/ca/' });
      res.end();
      return;
    }
    if (path === '/ca/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
      res.end(html);
      return;
    }
    const file = downloads.get(path);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
      return;
    }
    const type = TYPES[path.slice(path.lastIndexOf('.'))];
    res.writeHead(200, {
      'content-type': type,
      'content-disposition': `attachment; filename="${basename(file)}"`,
      'cache-control': 'no-cache'
    });
    res.end(readFileSync(file));
  };
}
