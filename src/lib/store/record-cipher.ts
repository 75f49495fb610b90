// Synchronous record crypto for the store's middleware: AES-256-GCM sealing, keyed hashes for indexes, the JSON codec.
// Synchronous on purpose: an IndexedDB transaction commits as soon as the code awaits anything that
// is not an IndexedDB request, so WebCrypto (always async) cannot run inside one. @noble/ciphers can.
//
// The primitives load at unlock, not with the first screen (the lock screen seals nothing): each use
// needs a held key, and a key is held only once loadRecordCipher() has resolved (keyring.ts awaits it
// before holdDataKey, while PBKDF2 runs). The codec and the base64 helpers need no primitive.

type Primitives = typeof import('./record-cipher-primitives');

let primitives: Primitives | null = null;
let loading: Promise<void> | null = null;

/** Load the primitives (a chunk of their own, precached like every file); call before holding a key. */
export function loadRecordCipher(): Promise<void> {
  loading ??= import('./record-cipher-primitives').then(
    (loaded) => {
      primitives = loaded;
    },
    (error: unknown) => {
      loading = null; // Asked again, it tries again.
      throw error;
    }
  );
  return loading;
}

function use(): Primitives {
  if (!primitives) throw new Error('record cipher: loadRecordCipher() must resolve before a key is held');
  return primitives;
}

/** First byte of every sealed record: the layout of what follows ([1][nonce 12][ciphertext+tag 16]). */
const FORMAT = 1;
const NONCE_BYTES = 12;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** The two working keys derived from the data key: one seals records, one hashes indexed values. */
export interface VaultKeys {
  records: Uint8Array;
  blind: Uint8Array;
}

export function deriveVaultKeys(dataKey: Uint8Array): VaultKeys {
  const { hkdf, sha256 } = use();
  const salt = encoder.encode('tebikae-vault-v1');
  return {
    records: hkdf(sha256, dataKey, salt, encoder.encode('records'), 32),
    blind: hkdf(sha256, dataKey, salt, encoder.encode('blind-index'), 32)
  };
}

/** Overwrite key bytes (best effort: JavaScript may have copied them elsewhere). */
export function wipeKeys(keys: VaultKeys): void {
  keys.records.fill(0);
  keys.blind.fill(0);
}

/** Encrypt with a fresh random 96-bit nonce; the associated data binds the ciphertext to its place. */
export function sealBytes(key: Uint8Array, plain: Uint8Array, aad: Uint8Array): Uint8Array {
  const nonce = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
  const sealed = use().gcm(key, nonce, aad).encrypt(plain);
  const out = new Uint8Array(1 + NONCE_BYTES + sealed.length);
  out[0] = FORMAT;
  out.set(nonce, 1);
  out.set(sealed, 1 + NONCE_BYTES);
  return out;
}

/** Decrypt and authenticate; null when the bytes were tampered with, moved, or sealed under another key. */
export function openBytes(key: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Uint8Array | null {
  if (sealed.length < 1 + NONCE_BYTES + 16 || sealed[0] !== FORMAT) return null;
  const { gcm } = use();
  try {
    return gcm(key, sealed.subarray(1, 1 + NONCE_BYTES), aad).decrypt(sealed.subarray(1 + NONCE_BYTES));
  } catch {
    return null;
  }
}

/** Associated data for a record: its table and primary key, so a ciphertext cannot be swapped between rows. */
export function recordAad(table: string, primaryKey: unknown): Uint8Array {
  return encoder.encode(`tebikae:${table}:${JSON.stringify(primaryKey)}`);
}

/** A keyed hash (HMAC-SHA-256) standing in for an indexed value: equal inputs give equal hashes, nothing else leaks. */
export function blindIndex(key: Uint8Array, scope: string, value: unknown): string {
  const { bytesToHex, hmac, sha256 } = use();
  return bytesToHex(hmac(sha256, key, encoder.encode(`${scope}\u0000${typeof value}:${String(value)}`)));
}

const TAG = '$$vault';

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/**
 * A record as UTF-8 JSON. Dates, byte arrays, NaN and Infinity survive the round trip; anything JSON
 * would silently drop or mangle (functions, Blob, Map, Set) is refused as IndexedDB would refuse it,
 * because a lost field is a lost entry.
 */
export function encodeRecord(value: unknown): Uint8Array {
  const text = JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
    const raw = this[key];
    if (typeof raw === 'function' || typeof raw === 'symbol')
      // What IndexedDB itself would say: the value cannot be stored (and nothing is half-written).
      throw new DOMException('vault: a record holds a function or symbol', 'DataCloneError');
    if (typeof raw === 'number' && !Number.isFinite(raw)) return { [TAG]: 'number', v: String(raw) };
    if (raw instanceof Date) return { [TAG]: 'date', v: raw.toISOString() };
    if (raw instanceof Uint8Array) return { [TAG]: 'bytes', v: toBase64(raw) };
    if (raw instanceof ArrayBuffer) return { [TAG]: 'buffer', v: toBase64(new Uint8Array(raw)) };
    if (
      (typeof Blob !== 'undefined' && raw instanceof Blob) ||
      raw instanceof Map ||
      raw instanceof Set ||
      (ArrayBuffer.isView(raw) && !(raw instanceof Uint8Array))
    )
      throw new TypeError(
        'vault: a record holds a value the vault cannot store (Blob, Map, Set or typed array)'
      );
    return v;
  });
  return encoder.encode(text);
}

export function decodeRecord(bytes: Uint8Array): unknown {
  return JSON.parse(decoder.decode(bytes), (_key, v: unknown) => {
    if (v && typeof v === 'object' && TAG in v) {
      const tagged = v as { [TAG]: string; v: string };
      if (tagged[TAG] === 'date') return new Date(tagged.v);
      if (tagged[TAG] === 'bytes') return fromBase64(tagged.v);
      if (tagged[TAG] === 'buffer') return fromBase64(tagged.v).buffer;
      if (tagged[TAG] === 'number') return Number(tagged.v);
    }
    return v;
  });
}
