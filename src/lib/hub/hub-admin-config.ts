// The hub admin's credentials on the managing device (entered once in 設定): sealed with the vault's key in
// the settings table like the hub password, never in clear on disk; only whether they are set is readable.
import * as v from 'valibot';
import { settings } from '../store';
import { openSetting, sealSetting } from '../store/sealed-setting';
import { fail, type Result } from '../result';
import type { Credentials } from './hub-admin';

const ROW = 'hubAdmin';
const Stored = v.strictObject({ user: v.string(), password: v.string() });

/** The admin credentials, opened with the vault's key; null when none are saved or the vault is locked. */
export async function readHubAdmin(): Promise<Credentials | null> {
  const sealed = await settings.get<string | null>(ROW, null);
  return sealed ? openSetting(ROW, sealed, Stored) : null;
}

/** Save (or, with an empty user, forget) the admin credentials, sealed. */
export async function saveHubAdmin(admin: Credentials): Promise<Result<string>> {
  if (!admin.user.trim()) return settings.put(ROW, null);
  const sealed = sealSetting(ROW, { user: admin.user.trim(), password: admin.password });
  if (sealed === null) return fail({ key: 'hub.error.locked' });
  return settings.put(ROW, sealed);
}
