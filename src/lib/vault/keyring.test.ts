import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteDataDb, table } from '../store/db';
import { audit, setAuditActor } from '../store/audit';
import { keyring, type KeyringRow } from './keyring';
import { forgetKeys, heldKeys, isUnlocked } from './session-key';
import { normalizeRecoveryCode } from './recovery-code';

// Tests use few PBKDF2 rounds for speed; one test below measures the real 600,000.
const fast = { iterations: 1_000 };
const at = (s: number) => ({ ...fast, now: () => new Date(Date.UTC(2025, 3, 1, 9, 0, s)) });

beforeEach(() => {
  forgetKeys();
  setAuditActor({ staffName: '事務 長子', deviceLabel: 'B', sessionId: '' });
});

afterEach(async () => {
  await deleteDataDb();
});

async function setUp(passcode = '246810') {
  const r = await keyring.setup(passcode, passcode, fast);
  if (!r.ok) throw new Error('setup failed');
  return r.value.recoveryCode;
}

describe('keyring.setup', () => {
  it('makes a key, shows a recovery code once, and unlocks', async () => {
    expect(await keyring.exists()).toBe(false);
    const code = await setUp();
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){5}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(await keyring.exists()).toBe(true);
    expect(isUnlocked()).toBe(true);
    const row = (await table<KeyringRow>('vault').get('keyring'))!;
    // Only wrapped copies are stored: 32-byte key + 16-byte tag, under two different salts.
    expect(row.passcode.wrapped).toHaveLength(48);
    expect(row.recovery.wrapped).toHaveLength(48);
    expect(row.passcode.salt).not.toEqual(row.recovery.salt);
    expect(JSON.stringify(row)).not.toContain(code.replace(/-/g, ''));
    expect(JSON.stringify(row)).not.toContain('246810');
  });

  it('keeps the new recovery code sealed until it is confirmed written down (a reload on the sheet loses nothing)', async () => {
    const code = await setUp();
    const stored = await table<{ key: string; sealed: Uint8Array }>('vault').get('unconfirmedRecovery');
    expect(new TextDecoder().decode(stored!.sealed)).not.toContain(code);
    forgetKeys();
    expect(await keyring.unconfirmedRecoveryCode()).toBeNull(); // locked: nothing readable
    expect((await keyring.unlock('246810', fast)).ok).toBe(true);
    expect(await keyring.unconfirmedRecoveryCode()).toBe(code);
    expect((await keyring.recoveryCodeWritten()).ok).toBe(true);
    expect(await keyring.unconfirmedRecoveryCode()).toBeNull();
  });

  it('checks the passcode rules and never replaces an existing keyring', async () => {
    expect(await keyring.setup('12345', '12345', fast)).toMatchObject({
      ok: false,
      error: { passcode: { key: 'vault.passcode.tooShort' } }
    });
    expect(await keyring.setup('123456', '123465', fast)).toMatchObject({
      ok: false,
      error: { confirm: { key: 'vault.passcode.mismatch' } }
    });
    await setUp();
    expect(await keyring.setup('999999', '999999', fast)).toEqual({
      ok: false,
      error: { key: 'vault.setup.exists' }
    });
  });
});

describe('keyring.unlock', () => {
  it('unlocks with the passcode (full-width digits too) and locks again', async () => {
    await setUp('123456');
    await keyring.lock();
    expect(isUnlocked()).toBe(false);
    expect(await keyring.unlock('１２３４５６', fast)).toEqual({ ok: true, value: undefined });
    expect(heldKeys()).not.toBeNull();
  });

  it('counts wrong passcodes, makes the user wait after three, doubling, and a reload does not reset it', async () => {
    await setUp('123456');
    await keyring.lock();
    for (const n of [1, 2, 3]) {
      const r = await keyring.unlock('000000', at(n));
      expect(r).toMatchObject({ ok: false, error: { key: 'vault.unlock.wrong', values: { failures: n } } });
    }
    // The count lives in the vault table, not in memory: what a reload would read.
    expect(await keyring.attempts(new Date(Date.UTC(2025, 3, 1, 9, 0, 3)))).toEqual({
      failures: 3,
      retryAt: new Date(Date.UTC(2025, 3, 1, 9, 0, 33))
    });
    // During the wait even the right passcode is not tried (and not counted).
    expect(await keyring.unlock('123456', at(20))).toEqual({
      ok: false,
      error: { key: 'vault.unlock.waiting', values: { seconds: 13 } }
    });
    expect((await keyring.attempts()).failures).toBe(3);
    // After the wait a wrong one doubles the wait to 60 s.
    await keyring.unlock('000000', at(34));
    expect((await keyring.attempts(new Date(Date.UTC(2025, 3, 1, 9, 0, 34)))).retryAt).toEqual(
      new Date(Date.UTC(2025, 3, 1, 9, 1, 34))
    );
    expect(await keyring.unlock('123456', at(95))).toEqual({ ok: true, value: undefined });
    expect(await keyring.attempts()).toEqual({ failures: 0, retryAt: null });
  });

  it('leaves an audit trail of unlocks, failures and locks without any secret', async () => {
    await setUp('123456');
    await keyring.lock();
    await keyring.unlock('000000', fast);
    await keyring.unlock('123456', fast);
    const entries = await audit.list();
    expect(entries.map((e) => e.action).sort()).toEqual(['lock', 'unlock', 'unlock', 'unlockFailed']);
    expect(entries.every((e) => e.who === '事務 長子' && e.deviceLabel === 'B')).toBe(true);
    expect(JSON.stringify(entries)).not.toMatch(/000000|123456/);
  });
});

describe('keyring: passcode change and recovery', () => {
  it('changePasscode re-wraps the key: the old passcode fails, the new one works, the key is the same', async () => {
    const code = await setUp('123456');
    const before = Array.from(heldKeys()!.records);
    expect(await keyring.changePasscode('111111', 'abcdef', 'abcdef', fast)).toMatchObject({
      ok: false,
      error: { current: { key: 'vault.unlock.wrong' } }
    });
    expect(await keyring.changePasscode('123456', 'abcdef', 'abcdef', fast)).toEqual({
      ok: true,
      value: undefined
    });
    await keyring.lock();
    expect((await keyring.unlock('123456', fast)).ok).toBe(false);
    expect(await keyring.unlock('abcdef', fast)).toEqual({ ok: true, value: undefined });
    expect(Array.from(heldKeys()!.records)).toEqual(before);
    // The recovery code is untouched by a passcode change.
    await keyring.lock();
    expect((await keyring.unlockWithRecovery(code, '777777', '777777', fast)).ok).toBe(true);
  });

  it('unlockWithRecovery checks the code, then sets the new passcode', async () => {
    const code = await setUp('123456');
    const before = Array.from(heldKeys()!.records);
    await keyring.lock();
    expect(await keyring.unlockWithRecovery('ABC', '654321', '654321', fast)).toMatchObject({
      ok: false,
      error: { code: { key: 'vault.recovery.format' } }
    });
    const wrong = 'ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ';
    expect(await keyring.unlockWithRecovery(wrong, '654321', '654321', fast)).toMatchObject({
      ok: false,
      error: { code: { key: 'vault.recovery.wrong', values: { failures: 1 } } }
    });
    // Typed back in lower case, with spaces instead of hyphens: still the code.
    const typed = code.toLowerCase().replace(/-/g, ' ');
    expect(await keyring.unlockWithRecovery(typed, '654321', '654321', fast)).toEqual({
      ok: true,
      value: undefined
    });
    expect(Array.from(heldKeys()!.records)).toEqual(before);
    await keyring.lock();
    expect((await keyring.unlock('123456', fast)).ok).toBe(false);
    expect((await keyring.unlock('654321', fast)).ok).toBe(true);
  });

  it('renewRecoveryCode replaces the code: the old one stops working', async () => {
    const old = await setUp('123456');
    const r = await keyring.renewRecoveryCode('123456', fast);
    if (!r.ok) throw new Error('renew failed');
    expect(normalizeRecoveryCode(r.value.recoveryCode)).not.toBe(normalizeRecoveryCode(old));
    await keyring.lock();
    expect((await keyring.unlockWithRecovery(old, '222222', '222222', fast)).ok).toBe(false);
    expect((await keyring.unlockWithRecovery(r.value.recoveryCode, '222222', '222222', fast)).ok).toBe(true);
  });
});

describe('keyring: cost', () => {
  it('measures unlock time with the real 600,000 PBKDF2 rounds', async () => {
    const setupStart = performance.now();
    const r = await keyring.setup('135790', '135790');
    const setupMs = performance.now() - setupStart;
    expect(r.ok).toBe(true);
    await keyring.lock();
    const start = performance.now();
    expect((await keyring.unlock('135790')).ok).toBe(true);
    const unlockMs = performance.now() - start;
    console.log(
      `[vault] PBKDF2-SHA-256 600k (Node WebCrypto): setup ${setupMs.toFixed(0)} ms (two slots in parallel), unlock ${unlockMs.toFixed(0)} ms`
    );
  });
});
