// This device's hub settings: address and user in the clear settings row, password and clinic key sealed by the vault (the pairing code: hub-pairing.ts).
import * as v from 'valibot';
import { settings } from '../store';
import { fromBase64, toBase64 } from '../store/record-cipher';
import { openSetting, sealSetting } from '../store/sealed-setting';
import { fail, type Result } from '../result';
import { HUB_ROW, readHubRow, type HubRow } from './hub-row';

/** What a device needs to share through the hub. */
export interface HubConfig {
  /** Whether this device syncs now (staff may switch it off without forgetting the rest). */
  enabled: boolean;
  /** The hub database's address, e.g. https://hub.clinic.lan/tebikae (same origin as the app, see README). */
  url: string;
  user: string;
  password: string;
  /** The clinic key, 256 random bits as base64url (43 characters). */
  clinicKey: string;
}

const ROW = HUB_ROW;
const Secret = v.strictObject({ password: v.string(), clinicKey: v.string() });

export function newClinicKey(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
}

function toBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The clinic key's bytes, or null when the text is not one (typed with a typo, cut short). */
export function clinicKeyBytes(text: string): Uint8Array | null {
  const clean = text.trim();
  if (!/^[A-Za-z0-9_-]{43}$/.test(clean)) return null;
  const bytes = fromBase64(clean.replace(/-/g, '+').replace(/_/g, '/') + '=');
  return bytes.length === 32 ? bytes : null;
}

/** The hub settings, the secrets opened with the vault's key; null when none are saved or the vault is locked. */
export async function readHubConfig(): Promise<HubConfig | null> {
  const row = await readHubRow();
  const secret = row ? openSetting(ROW, row.sealed, Secret) : null;
  if (!row || !secret) return null;
  return { enabled: row.enabled, url: row.url, user: row.user, ...secret };
}

export type HubConfigProblem = 'url' | 'clinicKey' | 'user';

/** What is wrong with the settings before they are saved (an address, a key that is not one). */
export function checkHubConfig(config: HubConfig): HubConfigProblem | null {
  let url: URL | null = null;
  try {
    url = new URL(config.url);
  } catch {
    url = null;
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.pathname.length < 2) return 'url';
  if (!config.user.trim()) return 'user';
  if (!clinicKeyBytes(config.clinicKey)) return 'clinicKey';
  return null;
}

/** Save the settings; the password and the clinic key are sealed with the vault's key (never in clear on disk). */
export async function saveHubConfig(config: HubConfig): Promise<Result<string>> {
  const sealed = sealSetting(ROW, { password: config.password, clinicKey: config.clinicKey.trim() });
  if (sealed === null) return fail({ key: 'hub.error.locked' });
  const row: HubRow = {
    enabled: config.enabled,
    url: config.url.trim().replace(/\/+$/, ''),
    user: config.user.trim(),
    sealed
  };
  return settings.put(ROW, row);
}
