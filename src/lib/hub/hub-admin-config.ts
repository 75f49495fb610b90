// The hub admin's credentials on the managing device (entered once in 設定): sealed with the vault's key in
// the settings table like the hub password, never in clear on disk; only whether they are set is readable.
import * as v from 'valibot';
import { settings } from '../store';
import { heldKeys } from '../store/session-key';
import {
  decodeRecord,
  encodeRecord,
  fromBase64,
  openBytes,
  recordAad,
  sealBytes,
  toBase64
} from '../store/record-cipher';
import { fail, type Result } from '../result';
import type { Credentials } from './hub-admin';

const ROW = 'hubAdmin';
const Stored = v.strictObject({ user: v.string(), password: v.string() });

/** The admin credentials, opened with the vault's key; null when none are saved or the vault is locked. */
export async function readHubAdmin(): Promise<Credentials | null> {
  const sealed = await settings.get<string | null>(ROW, null);
  const keys = heldKeys();
  if (!sealed || !keys) return null;
  const bytes = openBytes(keys.records, fromBase64(sealed), recordAad('settings', ROW));
  if (!bytes) return null;
  const parsed = v.safeParse(Stored, decodeRecord(bytes));
  return parsed.success ? parsed.output : null;
}

/** Save (or, with an empty user, forget) the admin credentials, sealed. */
export async function saveHubAdmin(admin: Credentials): Promise<Result<string>> {
  const keys = heldKeys();
  if (!keys) return fail({ key: 'hub.error.locked' });
  if (!admin.user.trim()) return settings.put(ROW, null);
  const sealed = sealBytes(
    keys.records,
    encodeRecord({ user: admin.user.trim(), password: admin.password }),
    recordAad('settings', ROW)
  );
  return settings.put(ROW, toBase64(sealed));
}
