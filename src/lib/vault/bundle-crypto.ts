// Encrypted export bundles: a password-protected envelope around any bytes that leave the device.
//
// Layout (all integers big-endian):
//   magic 'TBKV' (4) | version 1 (1) | PBKDF2 iterations (4) | salt (16) | iv (12) | AES-256-GCM ciphertext+tag
// The header is the GCM associated data, so changing any byte of it makes decryption fail.
import { fail, ok, type Problem, type Result } from '../result';
import {
  MAX_ITERATIONS,
  PBKDF2_ITERATIONS,
  deriveKey,
  openWith,
  randomBytes,
  sealWith
} from './passphrase-key';
import { normalizePasscode } from './passcode';

const MAGIC = [0x54, 0x42, 0x4b, 0x56]; // 'TBKV'
const VERSION = 1;
const HEADER_BYTES = 4 + 1 + 4 + 16 + 12;
const TAG_BYTES = 16;

/** Whether the bytes look like an encrypted bundle (so an import can ask for the password first). */
export function isEncryptedBundle(bytes: Uint8Array): boolean {
  return bytes.length >= HEADER_BYTES && MAGIC.every((b, i) => bytes[i] === b);
}

export async function encryptBundle(
  bytes: Uint8Array,
  password: string,
  options: { iterations?: number } = {}
): Promise<Uint8Array> {
  const iterations = options.iterations ?? PBKDF2_ITERATIONS;
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const header = new Uint8Array(HEADER_BYTES);
  header.set(MAGIC, 0);
  header[4] = VERSION;
  new DataView(header.buffer).setUint32(5, iterations);
  header.set(salt, 9);
  header.set(iv, 25);
  const key = await deriveKey(normalizePasscode(password), salt, iterations);
  const sealed = await sealWith(key, iv, bytes, header);
  const out = new Uint8Array(HEADER_BYTES + sealed.length);
  out.set(header, 0);
  out.set(sealed, HEADER_BYTES);
  return out;
}

const iterationsOf = (bytes: Uint8Array) =>
  new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(5);

/**
 * What is wrong with the envelope before any password is tried (not encrypted, a newer format, a
 * damaged header), or null: an import can say so at once instead of asking for a password first.
 */
export function envelopeProblem(bytes: Uint8Array): Problem | null {
  if (!isEncryptedBundle(bytes)) return { key: 'vault.bundle.notEncrypted' };
  if (bytes[4] !== VERSION) return { key: 'vault.bundle.version', values: { version: bytes[4] ?? 0 } };
  if (bytes.length < HEADER_BYTES + TAG_BYTES) return { key: 'vault.bundle.damaged' };
  const iterations = iterationsOf(bytes);
  if (iterations < 1 || iterations > MAX_ITERATIONS) return { key: 'vault.bundle.damaged' };
  return null;
}

export async function decryptBundle(bytes: Uint8Array, password: string): Promise<Result<Uint8Array>> {
  const problem = envelopeProblem(bytes);
  if (problem) return fail(problem);
  const header = bytes.subarray(0, HEADER_BYTES);
  const iterations = iterationsOf(bytes);
  const key = await deriveKey(normalizePasscode(password), bytes.subarray(9, 25), iterations);
  const plain = await openWith(key, bytes.subarray(25, HEADER_BYTES), bytes.subarray(HEADER_BYTES), header);
  // A wrong password and a damaged file look the same to GCM; the password is the likelier cause.
  return plain ? ok(plain) : fail({ key: 'vault.bundle.wrongPassword', field: 'password' });
}
