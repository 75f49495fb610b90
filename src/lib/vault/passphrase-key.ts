// Keys from things people type (passcode, recovery code, bundle password): PBKDF2-SHA-256 and AES-GCM via WebCrypto.
// Async, so only ever used outside IndexedDB transactions (at unlock, setup, export, import).

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
export const PBKDF2_ITERATIONS = 600_000;
/** Above this a stored or received iteration count is refused (a bogus file must not hang the tablet). */
export const MAX_ITERATIONS = 10_000_000;

const encoder = new TextEncoder();

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

export async function deriveKey(secret: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', encoder.encode(secret), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', salt: salt as BufferSource, iterations, hash: 'SHA-256' },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt']
  );
}

export async function sealWith(
  key: CryptoKey,
  iv: Uint8Array,
  plain: Uint8Array,
  aad: Uint8Array
): Promise<Uint8Array> {
  const out = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: iv as BufferSource, additionalData: aad as BufferSource },
    key,
    plain as BufferSource
  );
  return new Uint8Array(out);
}

/** Null when the key is wrong or the bytes were changed (the GCM tag does not verify). */
export async function openWith(
  key: CryptoKey,
  iv: Uint8Array,
  sealed: Uint8Array,
  aad: Uint8Array
): Promise<Uint8Array | null> {
  try {
    const out = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: iv as BufferSource, additionalData: aad as BufferSource },
      key,
      sealed as BufferSource
    );
    return new Uint8Array(out);
  } catch {
    return null;
  }
}
