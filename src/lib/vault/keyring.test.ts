import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteDataDb, table } from '../store/db';
import { audit } from '../store/audit';
import { settingsRepo } from '../settings/repo';
import { keyring, type KeyringRow } from './keyring';
import { forgetKeys, heldKeys, isUnlocked } from '../store/session-key';
import { normalizeRecoveryCode } from './recovery-code';
import { MAX_WAIT_MS, waitAfter } from './backoff';
import { WaitClock } from './wait-clock';

// Tests use few PBKDF2 rounds for speed; one test below measures the real 600,000.
const fast = { iterations: 1_000 };

/**
 * A tablet for the back-off: a monotonic clock (performance.now of the page) and a wall clock that
 * staff can move; `pass` lets real time go by (both move), `reload` is a new page on the same storage.
 */
function device() {
  let ticks = 1_000;
  const t = {
    wall: Date.UTC(2025, 3, 1, 9, 0, 0),
    monotonic: () => ticks,
    clock: new WaitClock(() => ticks),
    options: () => ({ ...fast, now: () => new Date(t.wall), clock: t.clock }),
    pass(ms: number) {
      ticks += ms;
      t.wall += ms;
    },
    setWall(jumpMs: number) {
      t.wall += jumpMs;
    },
    reload() {
      ticks = 0;
      t.clock = new WaitClock(() => ticks);
    }
  };
  return t;
}

beforeEach(() => {
  forgetKeys();
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
    const t = device();
    for (const n of [1, 2, 3]) {
      const r = await keyring.unlock('000000', t.options());
      expect(r).toMatchObject({ ok: false, error: { key: 'vault.unlock.wrong', values: { failures: n } } });
    }
    expect(await keyring.attempts(t.options())).toEqual({ failures: 3, waitMs: 30_000 });
    // During the wait even the right passcode is not tried (and not counted).
    t.pass(17_000);
    expect(await keyring.unlock('123456', t.options())).toEqual({
      ok: false,
      error: { key: 'vault.unlock.waiting', values: { seconds: 13 } }
    });
    expect((await keyring.attempts(t.options())).failures).toBe(3);
    // A reload: a new page, whose monotonic clock starts again; the wait goes on from what was left.
    t.reload();
    expect(await keyring.attempts(t.options())).toEqual({ failures: 3, waitMs: 13_000 });
    // After the wait a wrong one doubles the wait to 60 s.
    t.pass(13_000);
    await keyring.unlock('000000', t.options());
    expect(await keyring.attempts(t.options())).toEqual({ failures: 4, waitMs: 60_000 });
    t.pass(60_000);
    expect(await keyring.unlock('123456', t.options())).toEqual({ ok: true, value: undefined });
    expect(await keyring.attempts(t.options())).toEqual({ failures: 0, waitMs: 0 });
  });

  it('moving the device clock forward or back neither ends nor lengthens the wait', async () => {
    await setUp('123456');
    await keyring.lock();
    const t = device();
    for (let n = 1; n <= 8; n++) {
      await keyring.unlock('000000', t.options());
      if (n < 8) t.pass(waitAfter(n));
    }
    expect(await keyring.attempts(t.options())).toEqual({ failures: 8, waitMs: MAX_WAIT_MS });
    t.pass(60_000);
    t.setWall(+20 * 60_000); // the tablet's clock moved 20 minutes ahead
    expect(await keyring.unlock('123456', t.options())).toEqual({
      ok: false,
      error: { key: 'vault.unlock.waiting', values: { seconds: 14 * 60 } }
    });
    t.setWall(-3 * 3600_000); // and then three hours back
    expect((await keyring.attempts(t.options())).waitMs).toBe(14 * 60_000);
    // The same after a reload with the clock still moved.
    t.reload();
    t.setWall(+24 * 3600_000);
    expect((await keyring.attempts(t.options())).waitMs).toBe(14 * 60_000);
    t.pass(14 * 60_000);
    expect(await keyring.unlock('123456', t.options())).toEqual({ ok: true, value: undefined });
  });

  it('while no page is open the wait does not pass: it resumes where the last page left it', async () => {
    await setUp('123456');
    await keyring.lock();
    const t = device();
    for (let n = 0; n < 3; n++) await keyring.unlock('000000', t.options());
    t.pass(10_000);
    expect((await keyring.attempts(t.options())).waitMs).toBe(20_000);
    // Closed for a day (the wall clock moves, no page counts), then opened again.
    t.setWall(+24 * 3600_000);
    t.reload();
    expect((await keyring.attempts(t.options())).waitMs).toBe(20_000);
  });

  it('two pages open at once count the same wait, not twice as fast', async () => {
    await setUp('123456');
    await keyring.lock();
    const t = device();
    for (let n = 0; n < 3; n++) await keyring.unlock('000000', t.options());
    const other = new WaitClock(t.monotonic);
    t.pass(10_000);
    expect((await keyring.attempts(t.options())).waitMs).toBe(20_000);
    expect((await keyring.attempts({ ...t.options(), clock: other })).waitMs).toBe(20_000);
    t.pass(5_000);
    expect((await keyring.attempts({ ...t.options(), clock: other })).waitMs).toBe(15_000);
    expect((await keyring.attempts(t.options())).waitMs).toBe(15_000);
  });

  it('a row written by the earlier version (time of the last failure only) is reckoned once, then counted', async () => {
    await setUp('123456');
    await keyring.lock();
    const t = device();
    await table('vault').put({
      key: 'attempts',
      failures: 3,
      lastFailureAt: new Date(t.wall - 10_000).toISOString()
    });
    expect((await keyring.attempts(t.options())).waitMs).toBe(20_000);
    t.setWall(+3600_000);
    expect((await keyring.attempts(t.options())).waitMs).toBe(20_000);
  });

  it('leaves an audit trail of unlocks, failures and locks naming the device (not a person), without any secret', async () => {
    await settingsRepo.saveDevice({ ...(await settingsRepo.device()), label: 'B' });
    await setUp('123456');
    await keyring.lock();
    await keyring.unlock('000000', fast);
    await keyring.unlock('123456', fast);
    const entries = await audit.list();
    expect(entries.map((e) => e.action).sort()).toEqual(['lock', 'unlock', 'unlock', 'unlockFailed']);
    expect(entries.every((e) => e.who === '' && e.deviceLabel === 'B')).toBe(true);
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

describe('keyring.confirm', () => {
  it('checks the passcode again without locking or unlocking; wrong ones count toward the same back-off', async () => {
    await setUp('123456');
    const t = device();
    expect(await keyring.confirm('123456', t.options())).toEqual({ ok: true, value: undefined });
    expect(isUnlocked()).toBe(true);
    for (const n of [1, 2, 3])
      expect(await keyring.confirm('000000', t.options())).toMatchObject({
        ok: false,
        error: { current: { key: 'vault.unlock.wrong', values: { failures: n }, field: 'current' } }
      });
    // The unlock's own count: a wait now, for confirm and unlock alike, even with the right passcode.
    expect(await keyring.attempts(t.options())).toEqual({ failures: 3, waitMs: 30_000 });
    expect(await keyring.confirm('123456', t.options())).toMatchObject({
      ok: false,
      error: { current: { key: 'vault.unlock.waiting' } }
    });
    t.pass(30_000);
    expect((await keyring.confirm('123456', t.options())).ok).toBe(true);
    expect((await keyring.attempts(t.options())).failures).toBe(0);
    expect(isUnlocked()).toBe(true);
    const actions = (await audit.list()).map((e) => e.action);
    expect(actions.filter((a) => a === 'unlockFailed')).toHaveLength(3);
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
