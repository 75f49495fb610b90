// The keyring (鍵束): one random data key, stored only wrapped — under the passcode and under the recovery code.
// Unwrapping needs PBKDF2 (600,000 rounds), done here at unlock, outside any IndexedDB transaction.
// The unwrapped key goes to session-key.ts (memory only); nothing here re-encrypts records, so
// changing the passcode is instant whatever the amount of data.
import { fail, ok, type FieldProblems, type Problem, type Result } from '../result';
import { openData, table, transaction } from '../store/db';
import { write } from '../store/write';
import { toProblem } from '../store/errors';
import { audit, type AuditActor } from '../store/audit';
import { settingsRepo } from '../settings/repo';
import { sealExistingRows } from '../store/vault-middleware';
import { forgetKeys, heldKeys, holdDataKey, isUnlocked } from '../store/session-key';
import { loadRecordCipher, openBytes, sealBytes } from '../store/record-cipher';
import { checkNewPasscode, checkPasscode, normalizePasscode } from './passcode';
import { newRecoveryCode, normalizeRecoveryCode } from './recovery-code';
import { noAttempts, readAttempts as fromRow, recordFailure, type Attempts } from './backoff';
import { pageWaitClock, type WaitClock } from './wait-clock';
import {
  MAX_ITERATIONS,
  PBKDF2_ITERATIONS,
  deriveKey,
  openWith,
  randomBytes,
  sealWith
} from './passphrase-key';

/** One wrapped copy of the data key. */
export interface KeySlot {
  salt: Uint8Array;
  iterations: number;
  iv: Uint8Array;
  wrapped: Uint8Array;
}

export interface KeyringRow {
  key: 'keyring';
  version: 1;
  createdAt: string;
  changedAt: string;
  passcode: KeySlot;
  recovery: KeySlot;
}

/** The back-off's count (backoff.ts); rows of an earlier version have no `waitLeftMs`. */
interface AttemptsRow extends Omit<Attempts, 'waitLeftMs'> {
  key: 'attempts';
  waitLeftMs?: number;
}

/**
 * The recovery code of a first setup until someone confirms it is written down, sealed with the data
 * key: a reload on the sheet (a tap on the wrong place, a crash) shows it again after the next unlock
 * instead of losing it. Deleted on confirmation.
 */
interface UnconfirmedRow {
  key: 'unconfirmedRecovery';
  sealed: Uint8Array;
}

type VaultRow = KeyringRow | AttemptsRow | UnconfirmedRow;

type SlotName = 'passcode' | 'recovery';

export interface KeyringOptions {
  now?: () => Date;
  /** This page's count-down of the back-off; only tests give another (a fake monotonic clock, a "reload"). */
  clock?: WaitClock;
  /** PBKDF2 rounds for new slots; only tests lower it. */
  iterations?: number;
}

const rows = () => table<VaultRow>('vault');
const DATA_KEY_BYTES = 32;
const encoder = new TextEncoder();
const UNCONFIRMED_AAD = encoder.encode('tebikae-keyring-v1:unconfirmed-recovery');
const slotAad = (slot: SlotName) => encoder.encode(`tebikae-keyring-v1:${slot}`);

async function wrapSlot(
  dataKey: Uint8Array,
  secret: string,
  slot: SlotName,
  iterations: number
): Promise<KeySlot> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = await deriveKey(secret, salt, iterations);
  return { salt, iterations, iv, wrapped: await sealWith(key, iv, dataKey, slotAad(slot)) };
}

async function unwrapSlot(stored: KeySlot, secret: string, slot: SlotName): Promise<Uint8Array | null> {
  if (!(stored.iterations > 0 && stored.iterations <= MAX_ITERATIONS)) return null;
  const key = await deriveKey(secret, stored.salt, stored.iterations);
  const dataKey = await openWith(key, stored.iv, stored.wrapped, slotAad(slot));
  return dataKey && dataKey.length === DATA_KEY_BYTES ? dataKey : null;
}

async function readKeyring(): Promise<KeyringRow | null> {
  const row = await rows().get('keyring');
  return row?.key === 'keyring' ? row : null;
}

async function attemptsRow(): Promise<AttemptsRow | null> {
  const row = await rows().get('attempts');
  return row?.key === 'attempts' ? row : null;
}

async function readAttempts(now: Date): Promise<Attempts> {
  const row = await attemptsRow();
  return row ? fromRow(row, now) : noAttempts;
}

/**
 * The wait left before a passcode may be tried, on this page's monotonic count, and stored as the new
 * wait left: a reload (or another tab) resumes the count from here instead of from the start. A row
 * of an earlier version is rewritten at once, so its wait is reckoned from the clock only that once.
 */
async function currentWait(now: Date, clock: WaitClock): Promise<{ attempts: Attempts; left: number }> {
  return transaction(['vault'], async () => {
    const row = await attemptsRow();
    const attempts = row ? fromRow(row, now) : noAttempts;
    const left = clock.left(attempts);
    if (row && row.waitLeftMs !== left) await rows().put({ key: 'attempts', ...attempts, waitLeftMs: left });
    return { attempts, left };
  });
}

/**
 * Open one wrapped copy of the data key with a secret: refused while backing off, and a wrong secret
 * is counted (the back-off) and written to the audit trail. Every unlock and re-wrap starts here.
 */
async function openSlot(
  slot: SlotName,
  secret: string,
  now: Date,
  options: KeyringOptions
): Promise<Result<{ ring: KeyringRow; dataKey: Uint8Array }>> {
  const clock = options.clock ?? pageWaitClock;
  const { left } = await currentWait(now, clock);
  if (left > 0) return fail(waiting(left));
  const ring = await readKeyring();
  if (!ring) return fail({ key: 'vault.error.noKeyring' });
  const dataKey = await unwrapSlot(ring[slot], secret, slot);
  if (!dataKey) {
    const attempts = await countFailure(now, clock);
    await audit.append({ action: 'unlockFailed', detail: slot }, await deviceActor(), now);
    return fail(wrongProblem(attempts, slot === 'passcode' ? 'vault.unlock.wrong' : 'vault.recovery.wrong'));
  }
  return ok({ ring, dataKey });
}

/** Wrap the data key anew under one secret and store it in place of that slot; nothing is re-encrypted. */
async function rewrap(
  ring: KeyringRow,
  dataKey: Uint8Array,
  slot: SlotName,
  secret: string,
  now: Date,
  options: KeyringOptions
): Promise<Result<unknown>> {
  const wrapped = await wrapSlot(dataKey, secret, slot, options.iterations ?? PBKDF2_ITERATIONS);
  return write(() => rows().put({ ...ring, [slot]: wrapped, changedAt: now.toISOString() }));
}

/** Settings ask for the current passcode in a field of its own: a wait or a wrong one is shown there. */
function onCurrentField(problem: Problem): FieldProblems<'current'> | Problem {
  return problem.key === 'vault.unlock.waiting' || problem.key === 'vault.unlock.wrong'
    ? { current: { ...problem, field: 'current' } }
    : problem;
}

/** Count a wrong passcode or recovery code; the count survives a reload (it lives in the vault table). */
async function countFailure(now: Date, clock: WaitClock): Promise<Attempts> {
  const next = await transaction(['vault'], async () => {
    const next = recordFailure(await readAttempts(now), now);
    await rows().put({ key: 'attempts', ...next });
    return next;
  });
  clock.left(next); // The count of this wait starts now, on this page.
  return next;
}

function waiting(leftMs: number): Problem {
  return { key: 'vault.unlock.waiting', values: { seconds: Math.ceil(leftMs / 1000) } };
}

function wrongProblem(attempts: Attempts, key: 'vault.unlock.wrong' | 'vault.recovery.wrong'): Problem {
  const seconds = Math.ceil(attempts.waitLeftMs / 1000);
  return {
    key,
    values: { failures: attempts.failures, seconds },
    field: key === 'vault.unlock.wrong' ? 'passcode' : 'code'
  };
}

/** Storage failures (quota, a dropped connection) come back as Problems like any other write. */
async function guarded<T, E = Problem>(
  work: () => Promise<Result<T, E | Problem>>
): Promise<Result<T, E | Problem>> {
  try {
    return await work();
  } catch (error) {
    return fail(toProblem(error));
  }
}

/**
 * Who a lock or unlock line names: the device, not a person. One passcode opens the device for whoever
 * stands at it, so naming the staff member picked in the status bar would claim more than is known.
 */
async function deviceActor(): Promise<AuditActor> {
  const device = await settingsRepo.device();
  return { staffName: '', deviceLabel: device.label, sessionId: '' };
}

/**
 * The record cipher loads at unlock, not with the lock screen: asked for when a secret is tried, so it
 * loads while PBKDF2 runs, and awaited before a key is held. A failure here is reported where awaited.
 */
function prefetchCipher(): void {
  loadRecordCipher().catch(() => undefined);
}

async function unlockedWith(dataKey: Uint8Array, now: Date, detail?: 'recovery'): Promise<void> {
  await write(() => rows().put({ key: 'attempts', ...noAttempts }));
  await loadRecordCipher();
  holdDataKey(dataKey);
  dataKey.fill(0);
  // A recovery-code unlock also set a new passcode: the trail says so, not just "unlocked".
  await audit.append(detail ? { action: 'unlock', detail } : { action: 'unlock' }, await deviceActor(), now);
}

export interface AttemptState {
  failures: number;
  /** Milliseconds until the next try is allowed; 0 when now. */
  waitMs: number;
}

export const keyring = {
  /** A first setup's recovery code nobody has confirmed yet (unlocked only), else null. */
  async unconfirmedRecoveryCode(): Promise<string | null> {
    const keys = heldKeys();
    const row = await rows().get('unconfirmedRecovery');
    if (!keys || row?.key !== 'unconfirmedRecovery') return null;
    const plain = openBytes(keys.records, row.sealed, UNCONFIRMED_AAD);
    return plain ? new TextDecoder().decode(plain) : null;
  },

  /** The recovery code is written down: forget the sealed copy. */
  async recoveryCodeWritten(): Promise<Result<void>> {
    return write(() => rows().delete('unconfirmedRecovery'));
  },

  /** Whether this device's vault has been set up. */
  async exists(): Promise<boolean> {
    return (await readKeyring()) !== null;
  },

  /** Wrong tries so far and the wait left; stores the wait left, so call it as the count goes (each second). */
  async attempts(options: KeyringOptions = {}): Promise<AttemptState> {
    const now = (options.now ?? (() => new Date()))();
    const { attempts, left } = await currentWait(now, options.clock ?? pageWaitClock);
    return { failures: attempts.failures, waitMs: left };
  },

  /**
   * First use on this device: make the data key, wrap it under the passcode and a new recovery code,
   * and unlock. The recovery code is returned once and stored nowhere in clear.
   */
  async setup(
    passcode: string,
    confirm: string,
    options: KeyringOptions = {}
  ): Promise<Result<{ recoveryCode: string }, FieldProblems<'passcode' | 'confirm'> | Problem>> {
    const problems = checkNewPasscode(passcode, confirm);
    if (Object.keys(problems).length > 0) return fail(problems);
    return guarded(async () => {
      if (await readKeyring()) return fail({ key: 'vault.setup.exists' });
      prefetchCipher();
      const now = (options.now ?? (() => new Date()))();
      const iterations = options.iterations ?? PBKDF2_ITERATIONS;
      const recoveryCode = newRecoveryCode();
      const dataKey = randomBytes(DATA_KEY_BYTES);
      const [passSlot, recoverySlot] = await Promise.all([
        wrapSlot(dataKey, normalizePasscode(passcode), 'passcode', iterations),
        wrapSlot(dataKey, normalizeRecoveryCode(recoveryCode)!, 'recovery', iterations)
      ]);
      const row: KeyringRow = {
        key: 'keyring',
        version: 1,
        createdAt: now.toISOString(),
        changedAt: now.toISOString(),
        passcode: passSlot,
        recovery: recoverySlot
      };
      // add, never put: a second tab setting up at the same moment must not replace this keyring.
      const saved = await write(() => rows().add(row));
      if (!saved.ok) return fail((await readKeyring()) ? { key: 'vault.setup.exists' } : saved.error);
      await loadRecordCipher();
      holdDataKey(dataKey);
      dataKey.fill(0);
      const keys = heldKeys();
      if (keys)
        await write(() =>
          rows().put({
            key: 'unconfirmedRecovery',
            sealed: sealBytes(keys.records, encoder.encode(recoveryCode), UNCONFIRMED_AAD)
          })
        );
      await sealExistingRows(openData());
      await audit.append({ action: 'unlock' }, await deviceActor(), now);
      return ok({ recoveryCode });
    });
  },

  /** Unlock with the passcode; wrong ones are counted and slow down (see backoff.ts). */
  async unlock(passcode: string, options: KeyringOptions = {}): Promise<Result<void>> {
    const now = (options.now ?? (() => new Date()))();
    return guarded(async () => {
      prefetchCipher();
      const opened = await openSlot('passcode', normalizePasscode(passcode), now, options);
      if (!opened.ok) return opened;
      await unlockedWith(opened.value.dataKey, now);
      return ok(undefined);
    });
  },

  /** The passcode is lost: unlock with the recovery code and set a new passcode at the same time. */
  async unlockWithRecovery(
    code: string,
    passcode: string,
    confirm: string,
    options: KeyringOptions = {}
  ): Promise<Result<void, FieldProblems<'code' | 'passcode' | 'confirm'> | Problem>> {
    const now = (options.now ?? (() => new Date()))();
    const normalized = normalizeRecoveryCode(code);
    const problems: FieldProblems<'code' | 'passcode' | 'confirm'> = checkNewPasscode(passcode, confirm);
    if (!normalized) problems.code = { key: 'vault.recovery.format', field: 'code' };
    if (Object.keys(problems).length > 0) return fail(problems);
    return guarded<void, FieldProblems<'code'>>(async () => {
      prefetchCipher();
      const opened = await openSlot('recovery', normalized!, now, options);
      if (!opened.ok)
        return fail(opened.error.key === 'vault.recovery.wrong' ? { code: opened.error } : opened.error);
      const { ring, dataKey } = opened.value;
      const saved = await rewrap(ring, dataKey, 'passcode', normalizePasscode(passcode), now, options);
      if (!saved.ok) return fail(saved.error);
      await unlockedWith(dataKey, now, 'recovery');
      return ok(undefined);
    });
  },

  /** Re-wrap the data key under a new passcode. No record is re-encrypted; the recovery code stays valid. */
  async changePasscode(
    current: string,
    passcode: string,
    confirm: string,
    options: KeyringOptions = {}
  ): Promise<Result<void, FieldProblems<'current' | 'passcode' | 'confirm'> | Problem>> {
    const now = (options.now ?? (() => new Date()))();
    const problems: FieldProblems<'current' | 'passcode' | 'confirm'> = checkNewPasscode(passcode, confirm);
    const currentProblem = checkPasscode(current, 'current');
    if (currentProblem) problems.current = currentProblem;
    if (Object.keys(problems).length > 0) return fail(problems);
    return guarded(async () => {
      const opened = await openSlot('passcode', normalizePasscode(current), now, options);
      if (!opened.ok) return fail(onCurrentField(opened.error));
      const { ring, dataKey } = opened.value;
      const saved = await rewrap(ring, dataKey, 'passcode', normalizePasscode(passcode), now, options);
      dataKey.fill(0);
      if (!saved.ok) return fail(saved.error);
      await write(() => rows().put({ key: 'attempts', ...noAttempts }));
      return ok(undefined);
    });
  },

  /**
   * Ask again for the passcode before something sensitive is shown (a pairing code): nothing changes,
   * but a wrong one is counted with the unlock's own back-off and audit line, and a wait is respected.
   */
  async confirm(
    passcode: string,
    options: KeyringOptions = {}
  ): Promise<Result<void, FieldProblems<'current'> | Problem>> {
    const now = (options.now ?? (() => new Date()))();
    const short = checkPasscode(passcode, 'current');
    if (short) return fail({ current: short });
    return guarded(async () => {
      const opened = await openSlot('passcode', normalizePasscode(passcode), now, options);
      if (!opened.ok) return fail(onCurrentField(opened.error));
      opened.value.dataKey.fill(0);
      await write(() => rows().put({ key: 'attempts', ...noAttempts }));
      return ok(undefined);
    });
  },

  /** A new recovery code (the old sheet is lost, or was seen by someone): the old code stops working. */
  async renewRecoveryCode(
    passcode: string,
    options: KeyringOptions = {}
  ): Promise<Result<{ recoveryCode: string }, FieldProblems<'current'> | Problem>> {
    const now = (options.now ?? (() => new Date()))();
    const short = checkPasscode(passcode, 'current');
    if (short) return fail({ current: short });
    return guarded(async () => {
      const opened = await openSlot('passcode', normalizePasscode(passcode), now, options);
      if (!opened.ok) return fail(onCurrentField(opened.error));
      const { ring, dataKey } = opened.value;
      const recoveryCode = newRecoveryCode();
      const saved = await rewrap(
        ring,
        dataKey,
        'recovery',
        normalizeRecoveryCode(recoveryCode)!,
        now,
        options
      );
      dataKey.fill(0);
      if (!saved.ok) return fail(saved.error);
      await write(() => rows().put({ key: 'attempts', ...noAttempts }));
      return ok({ recoveryCode });
    });
  },

  /** Forget the key now; the entry in the audit trail says who locked it. */
  async lock(now: Date = new Date()): Promise<void> {
    if (!isUnlocked()) return;
    forgetKeys();
    await audit.append({ action: 'lock' }, await deviceActor(), now);
  }
};
