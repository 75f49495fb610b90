// The clinic's own certificate authority: a CA made once on the reception PC, and the hub's HTTPS certificate it signs for every LAN address and the hostname.
import {
  createHash,
  createPrivateKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  X509Certificate
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  bitString,
  boolean,
  explicit,
  implicit,
  integer,
  octetString,
  oid,
  sequence,
  set,
  time,
  utf8
} from './der.mjs';

const DAY = 86_400_000;
/** Apple accepts at most 825 days for any TLS server certificate, 398 under a public CA: stay below both. */
export const SERVER_DAYS = 397;
const CA_YEARS = 20;
/** A server certificate this close to its end is made again at start. */
const RENEW_DAYS = 30;

const ECDSA_SHA256 = sequence(oid('1.2.840.10045.4.3.2'));
const name = (common) =>
  sequence(
    set(sequence(oid('2.5.4.10'), utf8('tebikae clinic hub'))),
    set(sequence(oid('2.5.4.3'), utf8(common)))
  );
const extension = (id, critical, value) =>
  critical ? sequence(oid(id), boolean(true), octetString(value)) : sequence(oid(id), octetString(value));
const keyId = (spki) => createHash('sha1').update(spki).digest();

/** Sign a certificate: subject key, issuer key and name, validity and extensions. */
function certificate({ subject, issuer, publicKey, signingKey, days, extensions, now }) {
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const serial = randomBytes(16);
  serial[0] &= 0x7f;
  const notBefore = new Date(now.getTime() - DAY);
  const tbs = sequence(
    explicit(0, integer(2)),
    integer(serial),
    ECDSA_SHA256,
    name(issuer),
    sequence(time(notBefore), time(new Date(now.getTime() + days * DAY))),
    name(subject),
    spki,
    explicit(3, sequence(...extensions(spki)))
  );
  const signature = sign('sha256', tbs, signingKey);
  return sequence(tbs, ECDSA_SHA256, bitString(signature));
}

const toPem = (der) =>
  `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`;

function newKey() {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' });
}

/** Where the CA's files live under the hub's data folder; the downloads are the ones tablets install. */
export const caFiles = (dataDir) => {
  const dir = join(dataDir, 'ca');
  return {
    dir,
    key: join(dir, 'clinic-ca-key.pem'),
    pem: join(dir, 'tebikae-clinic-ca.pem'),
    crt: join(dir, 'tebikae-clinic-ca.crt'),
    mobileconfig: join(dir, 'tebikae-clinic-ca.mobileconfig')
  };
};

/** The clinic CA: read from the data folder, or made on the first run (its key never leaves the folder). */
export function loadOrCreateCa(dataDir, now = new Date()) {
  const files = caFiles(dataDir);
  if (existsSync(files.key) && existsSync(files.pem)) {
    const key = createPrivateKey(readFileSync(files.key));
    const x509 = new X509Certificate(readFileSync(files.pem));
    return { key, x509, der: x509.raw, pem: x509.toString(), created: false };
  }
  mkdirSync(files.dir, { recursive: true, mode: 0o700 });
  const { privateKey, publicKey } = newKey();
  const common = `tebikae clinic CA ${now.toISOString().slice(0, 10)} ${randomBytes(3).toString('hex')}`;
  const der = certificate({
    subject: common,
    issuer: common,
    publicKey,
    signingKey: privateKey,
    days: CA_YEARS * 365,
    now,
    extensions: (spki) => [
      extension('2.5.29.19', true, sequence(boolean(true), integer(0))),
      // keyCertSign and cRLSign (bits 5 and 6).
      extension('2.5.29.15', true, bitString(Buffer.from([0x06]), 1)),
      extension('2.5.29.14', false, octetString(keyId(spki)))
    ]
  });
  writeFileSync(files.key, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  writeFileSync(files.pem, toPem(der));
  const x509 = new X509Certificate(der);
  return { key: privateKey, x509, der, pem: toPem(der), created: true };
}

/** The SAN list as Node prints it, for comparing a stored certificate with the addresses of today. */
const sanText = ({ hostnames, ips }) =>
  [...hostnames.map((h) => `DNS:${h}`), ...ips.map((ip) => `IP Address:${ip}`)].sort().join(', ');

/** A server certificate from the clinic CA for these names and IPv4 addresses. */
export function issueServerCert(ca, { hostnames, ips }, now = new Date()) {
  const { privateKey, publicKey } = newKey();
  const caSpki = ca.x509.publicKey.export({ type: 'spki', format: 'der' });
  const der = certificate({
    subject: hostnames[0] ?? ips[0] ?? 'tebikae hub',
    issuer:
      ca.x509.subject
        .split('\n')
        .find((l) => l.startsWith('CN='))
        ?.slice(3) ?? '',
    publicKey,
    signingKey: ca.key,
    days: SERVER_DAYS,
    now,
    extensions: (spki) => [
      extension('2.5.29.19', true, sequence()),
      // digitalSignature (bit 0): an ECDSA key signs the TLS handshake.
      extension('2.5.29.15', true, bitString(Buffer.from([0x80]), 7)),
      extension('2.5.29.37', false, sequence(oid('1.3.6.1.5.5.7.3.1'))),
      extension(
        '2.5.29.17',
        false,
        sequence(
          ...hostnames.map((h) => implicit(2, Buffer.from(h, 'ascii'))),
          ...ips.map((ip) => implicit(7, Buffer.from(ip.split('.').map(Number))))
        )
      ),
      extension('2.5.29.14', false, octetString(keyId(spki))),
      extension('2.5.29.35', false, sequence(implicit(0, keyId(caSpki))))
    ]
  });
  return { keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }), certPem: toPem(der), der };
}

/**
 * The hub's HTTPS certificate: the stored one while it is the CA's, names the same addresses and has more than
 * a month left; otherwise a new one (the PC got another address, or a year went by). Tablets trust the CA, so a
 * new server certificate needs nothing done on them.
 */
export function serverCertificate(dataDir, ca, names, now = new Date()) {
  const dir = join(dataDir, 'tls');
  const keyPath = join(dir, 'hub-key.pem');
  const certPath = join(dir, 'hub.pem');
  if (existsSync(keyPath) && existsSync(certPath)) {
    const x509 = new X509Certificate(readFileSync(certPath));
    const fresh = new Date(x509.validTo).getTime() - now.getTime() > RENEW_DAYS * DAY;
    const same = (x509.subjectAltName ?? '').split(', ').sort().join(', ') === sanText(names);
    if (fresh && same && x509.checkIssued(ca.x509) && x509.verify(ca.x509.publicKey))
      return { keyPem: readFileSync(keyPath, 'utf8'), certPem: x509.toString(), x509, renewed: false };
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const issued = issueServerCert(ca, names, now);
  writeFileSync(keyPath, issued.keyPem, { mode: 0o600 });
  writeFileSync(certPath, issued.certPem);
  return {
    keyPem: issued.keyPem,
    certPem: issued.certPem,
    x509: new X509Certificate(issued.der),
    renewed: true
  };
}

/** A UUID made from the CA itself, so the same CA always gives the same profile. */
function uuidFrom(der, salt) {
  const h = createHash('sha256').update(salt).update(der).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`.toUpperCase();
}

const xml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An iOS/iPadOS configuration profile carrying the CA as a trusted root (payload com.apple.security.root). */
export function mobileconfig(ca) {
  const payload = uuidFrom(ca.der, 'root');
  const profile = uuidFrom(ca.der, 'profile');
  const base64 = ca.der.toString('base64').replace(/.{52}/g, '$&\n\t\t\t');
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
\t<key>PayloadContent</key>
\t<array>
\t\t<dict>
\t\t\t<key>PayloadCertificateFileName</key>
\t\t\t<string>tebikae-clinic-ca.crt</string>
\t\t\t<key>PayloadContent</key>
\t\t\t<data>
\t\t\t${base64}
\t\t\t</data>
\t\t\t<key>PayloadDescription</key>
\t\t\t<string>${xml('医院のハブ（手控え）の HTTPS 証明書を発行した、この医院だけの認証局です。 / The clinic’s own certificate authority for the tebikae hub.')}</string>
\t\t\t<key>PayloadDisplayName</key>
\t\t\t<string>${xml(
    ca.x509.subject
      .split('\n')
      .find((l) => l.startsWith('CN='))
      ?.slice(3) ?? 'tebikae clinic CA'
  )}</string>
\t\t\t<key>PayloadIdentifier</key>
\t\t\t<string>lan.tebikae.hub.ca.${payload}</string>
\t\t\t<key>PayloadType</key>
\t\t\t<string>com.apple.security.root</string>
\t\t\t<key>PayloadUUID</key>
\t\t\t<string>${payload}</string>
\t\t\t<key>PayloadVersion</key>
\t\t\t<integer>1</integer>
\t\t</dict>
\t</array>
\t<key>PayloadDisplayName</key>
\t<string>${xml('手控え 医院のハブの証明書 / tebikae clinic hub certificate')}</string>
\t<key>PayloadIdentifier</key>
\t<string>lan.tebikae.hub.profile.${profile}</string>
\t<key>PayloadRemovalDisallowed</key>
\t<false/>
\t<key>PayloadType</key>
\t<string>Configuration</string>
\t<key>PayloadUUID</key>
\t<string>${profile}</string>
\t<key>PayloadVersion</key>
\t<integer>1</integer>
</dict>
</plist>
`;
}

/** The CA as tablets install it: .crt (DER) for Android, .pem, and the iOS profile. */
export function writeCaDownloads(dataDir, ca) {
  const files = caFiles(dataDir);
  writeFileSync(files.crt, ca.der);
  writeFileSync(files.pem, ca.pem);
  writeFileSync(files.mobileconfig, mobileconfig(ca));
  return files;
}
