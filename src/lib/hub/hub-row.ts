// The hub's settings row as stored: address and user in clear, the secrets sealed; small, so the shell can ask whether a hub is on.
import { settings } from '../store/settings';

export const HUB_ROW = 'hub';

export interface HubRow {
  enabled: boolean;
  url: string;
  user: string;
  /** Password and clinic key, sealed with the vault's record key (hub-config.ts). */
  sealed: string;
}

export const readHubRow = () => settings.get<HubRow | null>(HUB_ROW, null);

/** Whether the hub is switched on here: readable while locked (no secret in it). */
export async function hubEnabled(): Promise<boolean> {
  const row = await readHubRow();
  return Boolean(row?.enabled && row.url);
}

/** Per-device hub users are named so (CouchDB `_users`); the managing device lists and removes only these. */
export const DEVICE_USER_PREFIX = 'tebikae-dev-';

/** Whether a hub user is one of the per-device users (its refusal means the device was removed). */
export const isDeviceUser = (user: string) => user.startsWith(DEVICE_USER_PREFIX);
