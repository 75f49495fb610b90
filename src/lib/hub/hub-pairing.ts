// The pairing code a new device reads (QR or pasted): v2 carries a per-device hub user and expires after
// 15 minutes; v1 (the clinic's shared user, no expiry) is still read. Pure: the clock is passed in.
import * as v from 'valibot';
import { fail, ok, type Result } from '../result';
import { clinicKeyBytes, type HubConfig } from './hub-config';
import { DEVICE_USER_PREFIX } from './hub-row';

export { DEVICE_USER_PREFIX, isDeviceUser } from './hub-row';

const PAIRING = 'tebikae-hub';
/** How long a shown code may be used: long enough to set up the new tablet, short enough that a photo goes stale. */
export const PAIRING_LIFETIME_MS = 15 * 60_000;

const common = {
  t: v.literal(PAIRING),
  url: v.pipe(v.string(), v.maxLength(500)),
  user: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  password: v.pipe(v.string(), v.maxLength(500)),
  clinicKey: v.pipe(v.string(), v.length(43))
};
const PairingV1 = v.strictObject({ ...common, v: v.literal(1) });
const PairingV2 = v.strictObject({
  ...common,
  v: v.literal(2),
  /** Expiry, milliseconds since the epoch (the showing device's clock). */
  exp: v.pipe(v.number(), v.integer())
});
const Pairing = v.variant('v', [PairingV1, PairingV2]);

export type PairingCode = Omit<HubConfig, 'enabled'> & {
  /** Version 2 codes hold a device's own user, whose password the new device changes at once. */
  perDevice: boolean;
};

/** The v2 code for one new device's hub user, valid until `now` + 15 minutes. */
export function pairingCodeV2(
  hub: { url: string; clinicKey: string },
  device: { user: string; password: string },
  now: Date
): string {
  return JSON.stringify({
    t: PAIRING,
    v: 2,
    url: hub.url,
    user: device.user,
    password: device.password,
    clinicKey: hub.clinicKey,
    exp: now.getTime() + PAIRING_LIFETIME_MS
  });
}

/**
 * What a pairing code says, checked: not ours, expired, or of another clinic than the key this device
 * already holds (`heldKey`; empty when it has none yet).
 */
export function readPairingCode(text: string, now: Date, heldKey = ''): Result<PairingCode> {
  let raw: unknown;
  try {
    raw = JSON.parse(text.trim());
  } catch {
    return fail({ key: 'hub.pair.notOurs' });
  }
  const parsed = v.safeParse(Pairing, raw);
  if (!parsed.success || !clinicKeyBytes(parsed.output.clinicKey)) return fail({ key: 'hub.pair.notOurs' });
  const code = parsed.output;
  if (code.v === 2 && code.exp <= now.getTime()) return fail({ key: 'hub.join.expired' });
  if (heldKey.trim() && heldKey.trim() !== code.clinicKey) return fail({ key: 'hub.join.otherClinic' });
  const { url, user, password, clinicKey } = code;
  return ok({ url, user, password, clinicKey, perDevice: code.v === 2 });
}

/** Fills the bytes given with random ones (the Web Crypto's in the app; a seeded one in tests). */
export type Random = (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer>;
export const cryptoRandom: Random = (bytes) => crypto.getRandomValues(bytes);

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** A new device's user name and a first password (replaced by the device when it joins); `random` fills bytes. */
export function newDeviceCredentials(random: Random): {
  user: string;
  password: string;
} {
  return { user: DEVICE_USER_PREFIX + hex(random(new Uint8Array(6))), password: newHubPassword(random) };
}

/** 192 random bits as 32 characters. */
export const newHubPassword = (random: Random) => base64url(random(new Uint8Array(24)));

/** How long the QR stays on screen at a time (then 「もう一度表示」), far less than the code's own lifetime. */
export const SHOWN_MS = 60_000;

/** A code on the managing device's screen: until when it may be used, until when it is shown. */
export interface ShownCode {
  text: string;
  expiresAt: number;
  shownUntil: number;
}

/** A new code, shown from `now` for 60 s and usable for 15 minutes. */
export function showCode(text: string, now: number): ShownCode {
  return { text, expiresAt: now + PAIRING_LIFETIME_MS, shownUntil: now + SHOWN_MS };
}

/** What the screen shows of a code at `now`: the QR with its seconds left, hidden (show again), or expired. */
export function codeView(
  code: ShownCode,
  now: number
): { kind: 'shown'; secondsLeft: number } | { kind: 'hidden' } | { kind: 'expired' } {
  if (now >= code.expiresAt) return { kind: 'expired' };
  if (now >= code.shownUntil) return { kind: 'hidden' };
  return { kind: 'shown', secondsLeft: Math.ceil((code.shownUntil - now) / 1000) };
}

/** 「もう一度表示」: another 60 s, never past the code's expiry. */
export const showAgain = (code: ShownCode, now: number): ShownCode => ({
  ...code,
  shownUntil: Math.min(now + SHOWN_MS, code.expiresAt)
});
