import { describe, expect, it } from 'vitest';
import { newClinicKey } from './hub-config';
import {
  DEVICE_USER_PREFIX,
  PAIRING_LIFETIME_MS,
  isDeviceUser,
  newDeviceCredentials,
  pairingCodeV2,
  codeView,
  readPairingCode,
  showAgain,
  showCode,
  type Random
} from './hub-pairing';

const hub = { url: 'https://hub.example.jp/hub/clinic', clinicKey: newClinicKey() };
const device = { user: 'tebikae-dev-0a1b2c3d4e5f', password: 'first-password-of-the-code' };
const shownAt = new Date(Date.UTC(2026, 11, 6, 1, 0, 0));
const later = (ms: number) => new Date(shownAt.getTime() + ms);

describe('pairing code v2', () => {
  it('carries the hub, the device’s own user and the clinic key, and reads back until it expires', () => {
    const code = pairingCodeV2(hub, device, shownAt);
    expect(JSON.parse(code)).toMatchObject({ t: 'tebikae-hub', v: 2, exp: shownAt.getTime() + 15 * 60_000 });
    expect(readPairingCode(code, later(PAIRING_LIFETIME_MS - 1))).toEqual({
      ok: true,
      value: { ...hub, ...device, perDevice: true }
    });
    expect(readPairingCode(code, later(PAIRING_LIFETIME_MS))).toEqual({
      ok: false,
      error: { key: 'hub.join.expired' }
    });
  });

  it('refuses a code of another clinic on a device that already holds a clinic key', () => {
    const code = pairingCodeV2(hub, device, shownAt);
    expect(readPairingCode(code, shownAt, newClinicKey())).toEqual({
      ok: false,
      error: { key: 'hub.join.otherClinic' }
    });
    expect(readPairingCode(code, shownAt, hub.clinicKey).ok).toBe(true);
  });

  it('refuses what is not a pairing code, and still reads the v1 code (no expiry, shared user)', () => {
    for (const text of ['hello', '{}', JSON.stringify({ t: 'tebikae-hub', v: 3 }), 'https://example.jp'])
      expect(readPairingCode(text, shownAt)).toEqual({ ok: false, error: { key: 'hub.pair.notOurs' } });
    const tampered = { ...JSON.parse(pairingCodeV2(hub, device, shownAt)), exp: 'never' };
    expect(readPairingCode(JSON.stringify(tampered), shownAt).ok).toBe(false);
    const v1 = JSON.stringify({ t: 'tebikae-hub', v: 1, ...hub, user: 'clinic', password: 'pw' });
    expect(readPairingCode(v1, later(365 * 24 * 3600_000))).toEqual({
      ok: true,
      value: { ...hub, user: 'clinic', password: 'pw', perDevice: false }
    });
  });

  it('names each device’s hub user with a random suffix, and a 32-character first password', () => {
    let seed = 0;
    const random: Random = (bytes) => bytes.map(() => seed++ % 256);
    const a = newDeviceCredentials(random);
    const b = newDeviceCredentials(random);
    expect(a.user).toMatch(new RegExp(`^${DEVICE_USER_PREFIX}[0-9a-f]{12}$`));
    expect(a.password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(b.user).not.toBe(a.user);
    expect(isDeviceUser(a.user)).toBe(true);
    expect(isDeviceUser('tebikae-clinic')).toBe(false);
  });
});

describe('the pairing QR on screen', () => {
  it('shows for 60 s with a countdown, then hides; 「もう一度表示」 gives 60 s more until the code expires', () => {
    const start = shownAt.getTime();
    const code = showCode('{}', start);
    expect(codeView(code, start)).toEqual({ kind: 'shown', secondsLeft: 60 });
    expect(codeView(code, start + 59_001)).toEqual({ kind: 'shown', secondsLeft: 1 });
    expect(codeView(code, start + 60_000)).toEqual({ kind: 'hidden' });
    const again = showAgain(code, start + 120_000);
    expect(codeView(again, start + 120_000)).toEqual({ kind: 'shown', secondsLeft: 60 });
    expect(codeView(again, start + 180_000)).toEqual({ kind: 'hidden' });
    const late = showAgain(code, start + PAIRING_LIFETIME_MS - 10_000);
    expect(codeView(late, start + PAIRING_LIFETIME_MS - 1)).toEqual({ kind: 'shown', secondsLeft: 1 });
    expect(codeView(late, start + PAIRING_LIFETIME_MS)).toEqual({ kind: 'expired' });
  });
});
