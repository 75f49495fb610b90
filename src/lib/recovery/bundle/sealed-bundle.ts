// The bundle as a file: always sealed with a password on export; read sealed, or plain JSON when exported before sealing existed.
import type { FieldProblems, Problem, Result } from '../../result';
import { fail } from '../../result';
import { decryptBundle, encryptBundle, envelopeProblem, isEncryptedBundle } from '../../vault/bundle-crypto';
import { normalizePasscode } from '../../vault/passcode';
import { readBundle, type OpenedBundle, type ReadOptions } from './bundle';

/** The file's type on disk: opaque bytes, so no viewer tries to show it as text. */
export const SEALED_BUNDLE_TYPE = 'application/octet-stream';

/**
 * What the file picker offers: sealed bundles (.tbk) and plain ones from before (.json). The MIME types
 * matter on tablets: Android and iPadOS pickers filter by type, and an unknown extension alone may grey
 * the file out.
 */
export const BUNDLE_ACCEPT = '.tbk,.json,application/octet-stream,application/json';

/**
 * A one-off password of at least 10 characters, not the device passcode. A copied file can be attacked
 * offline with no attempt counter: 600,000 PBKDF2 rounds over every 6-digit code is minutes of GPU
 * time, and a file opened that way would give away the tablet's passcode too. Ten characters of a
 * phrase (e.g. "sakura-2025") are told in person as easily.
 */
export const MIN_BUNDLE_PASSWORD_LENGTH = 10;

/** The export password typed twice: long enough, and the same both times. */
export function checkBundlePassword(
  password: string,
  confirm: string
): FieldProblems<'password' | 'confirm'> {
  const problems: FieldProblems<'password' | 'confirm'> = {};
  if ([...normalizePasscode(password)].length < MIN_BUNDLE_PASSWORD_LENGTH)
    problems.password = {
      key: 'recovery.password.tooShort',
      values: { min: MIN_BUNDLE_PASSWORD_LENGTH },
      field: 'password'
    };
  else if (normalizePasscode(password) !== normalizePasscode(confirm))
    problems.confirm = { key: 'recovery.password.mismatch', field: 'confirm' };
  return problems;
}

export interface SealOptions {
  /** PBKDF2 rounds; only tests lower it (the count travels in the file's header). */
  iterations?: number;
}

/** The bundle's JSON text sealed under the password, ready to save. */
export function sealBundle(text: string, password: string, options: SealOptions = {}): Promise<Uint8Array> {
  return encryptBundle(new TextEncoder().encode(text), password, options);
}

/** A picked file, told apart by its first bytes (not its name: names get changed on the way). */
export type BundleFile =
  { sealed: true; bytes: Uint8Array; problem: Problem | null } | { sealed: false; text: string };

export function bundleFile(bytes: Uint8Array): BundleFile {
  if (isEncryptedBundle(bytes)) return { sealed: true, bytes, problem: envelopeProblem(bytes) };
  return { sealed: false, text: new TextDecoder().decode(bytes) };
}

/**
 * Open a sealed bundle with the password and read it. A wrong password fails with field 'password'
 * (the file stays closed, the user may try again); any other failure is the file's.
 */
export async function openSealedBundle(
  bytes: Uint8Array,
  password: string,
  options: ReadOptions = {}
): Promise<Result<OpenedBundle>> {
  if (normalizePasscode(password).length === 0)
    return fail({ key: 'recovery.password.empty', field: 'password' });
  const plain = await decryptBundle(bytes, password);
  if (!plain.ok) return plain;
  return readBundle(new TextDecoder().decode(plain.value), { ...options, sealed: true });
}

/** Whether a failure from openSealedBundle means "try another password" rather than "this file cannot be read". */
export const isPasswordProblem = (problem: Problem): boolean => problem.field === 'password';

/**
 * Try passwords that opened other files of this import on a sealed file, in order, stopping at the
 * first that fits: files exported with one shared password need it typed once.
 */
export async function openWithKnown(
  bytes: Uint8Array,
  passwords: readonly string[],
  options: ReadOptions = {}
): Promise<{ result: Result<OpenedBundle>; password: string } | null> {
  for (const password of passwords) {
    const result = await openSealedBundle(bytes, password, options);
    if (result.ok || !isPasswordProblem(result.error)) return { result, password };
  }
  return null;
}

/** Add a password that worked to the list to try on the other files, once (as typed and normalised alike). */
export function rememberPassword(known: readonly string[], password: string): string[] {
  const norm = normalizePasscode(password);
  return known.some((k) => normalizePasscode(k) === norm) ? [...known] : [...known, password];
}
