import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../store/migrations';
import { createBundle } from './bundle';
import { sampleData } from '../sample';
import {
  BUNDLE_ACCEPT,
  MIN_BUNDLE_PASSWORD_LENGTH,
  bundleFile,
  checkBundlePassword,
  isPasswordProblem,
  openSealedBundle,
  openWithKnown,
  rememberPassword,
  sealBundle
} from './sealed-bundle';

const fast = { iterations: 1_000 };
const meta = {
  deviceLabel: 'A',
  deviceId: 'device-a',
  exportedBy: '受付 花子',
  clinic: { clinicId: 'clinic-1', medicalInstitutionCode: '', name: 'てびかえ内科クリニック' },
  now: new Date('2025-11-15T04:00:00.000Z')
};
const bundleText = async () => JSON.stringify(await createBundle(sampleData(2), meta));

describe('the export password', () => {
  it('is a one-off password of 10 characters or more, longer than a device passcode', () => {
    expect(MIN_BUNDLE_PASSWORD_LENGTH).toBe(10);
    expect(checkBundlePassword('sakura-2025', 'sakura-2025')).toEqual({});
    expect(checkBundlePassword('sakura no hana', 'sakura no hana')).toEqual({});
  });

  it('names a short password on its field and a mismatch on the confirmation', () => {
    // A 6-digit passcode is too short for a file that can be attacked offline.
    expect(checkBundlePassword('246810', '246810')).toEqual({
      password: { key: 'recovery.password.tooShort', values: { min: 10 }, field: 'password' }
    });
    expect(checkBundlePassword('', '')).toMatchObject({ password: { key: 'recovery.password.tooShort' } });
    expect(checkBundlePassword('sakura-2025', 'sakura-2026')).toEqual({
      confirm: { key: 'recovery.password.mismatch', field: 'confirm' }
    });
  });

  it('counts and compares as the passcode does: full-width digits from a Japanese keyboard equal ASCII', () => {
    expect(checkBundlePassword('ｓａｋｕｒａ－２０２５', 'sakura-2025')).toEqual({});
    expect(checkBundlePassword('ｓａｋｕｒａ２０２', 'ｓａｋｕｒａ２０２')).toMatchObject({
      password: { field: 'password' }
    });
  });
});

describe('sealed bundle files', () => {
  it('seal the JSON so no patient name or record shows in the bytes, and open again with the password', async () => {
    const text = await bundleText();
    expect(text).toContain('患者 A1');
    const sealed = await sealBundle(text, 'sakura-2025', fast);
    const raw = new TextDecoder().decode(sealed);
    expect(raw).not.toContain('患者');
    expect(raw).not.toContain('tebikae.session-bundle');
    const file = bundleFile(sealed);
    expect(file).toEqual({ sealed: true, bytes: sealed, problem: null });
    const opened = await openSealedBundle(sealed, 'sakura-2025');
    expect(opened.ok && opened.value.checksum).toBe('ok');
    expect(opened.ok && opened.value.bundle.deviceLabel).toBe('A');
  });

  it('take the password typed full-width', async () => {
    const sealed = await sealBundle(await bundleText(), '246810', fast);
    expect((await openSealedBundle(sealed, '２４６８１０')).ok).toBe(true);
  });

  it('refuse a wrong or empty password as a password problem, so the user can try again', async () => {
    const sealed = await sealBundle(await bundleText(), 'sakura-2025', fast);
    const wrong = await openSealedBundle(sealed, 'sakura-2024');
    expect(wrong).toEqual({ ok: false, error: { key: 'vault.bundle.wrongPassword', field: 'password' } });
    expect(!wrong.ok && isPasswordProblem(wrong.error)).toBe(true);
    const empty = await openSealedBundle(sealed, '');
    expect(empty).toEqual({ ok: false, error: { key: 'recovery.password.empty', field: 'password' } });
  });

  it('report a bundle that opens but cannot be imported as the file’s problem, not the password’s', async () => {
    const bundle = await createBundle(sampleData(1), meta);
    const newer = JSON.stringify({ ...bundle, schemaVersion: SCHEMA_VERSION + 1 });
    const sealed = await sealBundle(newer, 'sakura-2025', fast);
    const read = await openSealedBundle(sealed, 'sakura-2025');
    expect(!read.ok && read.error.key).toBe('recovery.bundle.error.newer');
    expect(!read.ok && isPasswordProblem(read.error)).toBe(false);
    const notBundle = await sealBundle('{"hello":1}', 'sakura-2025', fast);
    expect(await openSealedBundle(notBundle, 'sakura-2025')).toEqual({
      ok: false,
      error: { key: 'recovery.bundle.error.notBundle' }
    });
  });

  it('tell a plain bundle from before sealing by its bytes, whatever its name', async () => {
    const text = await bundleText();
    expect(bundleFile(new TextEncoder().encode(text))).toEqual({ sealed: false, text });
    const sealed = await sealBundle(text, 'sakura-2025', fast);
    const future = sealed.slice();
    future[4] = 7;
    expect(bundleFile(future)).toMatchObject({ sealed: true, problem: { key: 'vault.bundle.version' } });
  });

  it('offer both kinds in the file picker', () => {
    expect(BUNDLE_ACCEPT.split(',')).toEqual(
      expect.arrayContaining(['.tbk', '.json', 'application/octet-stream', 'application/json'])
    );
  });
});

describe('one password for many files', () => {
  it('tries the passwords that opened other files, and says which fitted', async () => {
    const text = await bundleText();
    const shared = await sealBundle(text, 'sakura-2025', fast);
    const own = await sealBundle(text, 'ume-2025', fast);
    const found = await openWithKnown(shared, ['ume-2025', 'sakura-2025']);
    expect(found?.password).toBe('sakura-2025');
    expect(found?.result.ok).toBe(true);
    expect(await openWithKnown(own, ['sakura-2025'])).toBeNull();
    expect(await openWithKnown(own, [])).toBeNull();
  });

  it('stops at a password that opens a file it cannot import (the file’s problem is shown)', async () => {
    const sealed = await sealBundle('not json', 'sakura-2025', fast);
    const found = await openWithKnown(sealed, ['sakura-2025', 'never-tried']);
    expect(found?.password).toBe('sakura-2025');
    expect(found?.result).toEqual({ ok: false, error: { key: 'recovery.bundle.error.notJson' } });
  });

  it('remembers each password once, full-width or not', () => {
    expect(rememberPassword([], '246810')).toEqual(['246810']);
    expect(rememberPassword(['246810'], '２４６８１０')).toEqual(['246810']);
    expect(rememberPassword(['246810'], 'sakura-2025')).toEqual(['246810', 'sakura-2025']);
  });
});
