import { describe, expect, it } from 'vitest';
import { decryptBundle, encryptBundle, envelopeProblem, isEncryptedBundle } from './bundle-crypto';

const fast = { iterations: 1_000 };
const content = new TextEncoder().encode(
  JSON.stringify({ arrivals: [{ name: '山田 太郎', birthDate: '1980-05-17' }] })
);

describe('encrypted bundles', () => {
  it('round-trip with the password, and hide the content', async () => {
    const sealed = await encryptBundle(content, 'kyuukyuu-2025', fast);
    expect(isEncryptedBundle(sealed)).toBe(true);
    expect(new TextDecoder().decode(sealed)).not.toContain('山田');
    const opened = await decryptBundle(sealed, 'kyuukyuu-2025');
    expect(opened).toEqual({ ok: true, value: content });
  });

  it('refuse a wrong password, a changed header, a plain file and a future version', async () => {
    const sealed = await encryptBundle(content, 'kyuukyuu-2025', fast);
    expect(await decryptBundle(sealed, 'wrong-password')).toMatchObject({
      ok: false,
      error: { key: 'vault.bundle.wrongPassword' }
    });
    const salted = sealed.slice();
    salted[12] = salted[12]! ^ 1;
    expect((await decryptBundle(salted, 'kyuukyuu-2025')).ok).toBe(false);
    expect(await decryptBundle(content, 'x')).toEqual({
      ok: false,
      error: { key: 'vault.bundle.notEncrypted' }
    });
    const future = sealed.slice();
    future[4] = 9;
    expect(await decryptBundle(future, 'kyuukyuu-2025')).toMatchObject({
      error: { key: 'vault.bundle.version' }
    });
    const greedy = sealed.slice();
    new DataView(greedy.buffer).setUint32(5, 0xffffffff);
    expect(await decryptBundle(greedy, 'kyuukyuu-2025')).toEqual({
      ok: false,
      error: { key: 'vault.bundle.damaged' }
    });
  });

  it('uses 600,000 PBKDF2 rounds by default (stored in the header)', async () => {
    const sealed = await encryptBundle(new Uint8Array([1]), 'pw-123456');
    expect(new DataView(sealed.buffer).getUint32(5)).toBe(600_000);
    expect((await decryptBundle(sealed, 'pw-123456')).ok).toBe(true);
  });

  it('names a bad envelope before any password is tried', async () => {
    const sealed = await encryptBundle(content, 'kyuukyuu-2025', fast);
    expect(envelopeProblem(sealed)).toBeNull();
    expect(envelopeProblem(content)).toEqual({ key: 'vault.bundle.notEncrypted' });
    const future = sealed.slice();
    future[4] = 2;
    expect(envelopeProblem(future)).toEqual({ key: 'vault.bundle.version', values: { version: 2 } });
    expect(envelopeProblem(sealed.subarray(0, 40))).toEqual({ key: 'vault.bundle.damaged' });
    const offset = new Uint8Array(sealed.length + 3);
    offset.set(sealed, 3);
    expect(envelopeProblem(offset.subarray(3))).toBeNull();
  });
});
