import { describe, expect, it } from 'vitest';
import { checkNewPasscode, checkPasscode, normalizePasscode } from './passcode';
import { idleExpired, idleMinutesOf, splitWait } from './idle';

describe('passcode rules', () => {
  it('needs at least six characters, digits or letters', () => {
    expect(checkPasscode('12345')).toMatchObject({ key: 'vault.passcode.tooShort', values: { min: 6 } });
    expect(checkPasscode('123456')).toBeNull();
    expect(checkPasscode('abc123')).toBeNull();
    expect(checkPasscode('パスコード１')).toBeNull();
  });

  it('treats full-width digits from a Japanese keyboard as the same passcode', () => {
    expect(normalizePasscode('１２３４５６')).toBe('123456');
    expect(checkNewPasscode('１２３４５６', '123456')).toEqual({});
  });

  it('asks for the same passcode twice', () => {
    expect(checkNewPasscode('123456', '123457')).toEqual({
      confirm: { key: 'vault.passcode.mismatch', field: 'confirm' }
    });
    expect(checkNewPasscode('1', '1')).toMatchObject({ passcode: { key: 'vault.passcode.tooShort' } });
  });
});

describe('idle lock rules', () => {
  it('takes whole minutes from 1 to 60 from the settings, else 5', () => {
    expect(idleMinutesOf(10)).toBe(10);
    expect(idleMinutesOf(0)).toBe(1);
    expect(idleMinutesOf(600)).toBe(60);
    expect(idleMinutesOf(undefined)).toBe(5);
    expect(idleMinutesOf(Number.NaN)).toBe(5);
  });

  it('locks once the minutes have passed without a touch', () => {
    expect(idleExpired(0, 4 * 60_000 + 59_999, 5)).toBe(false);
    expect(idleExpired(0, 5 * 60_000, 5)).toBe(true);
  });

  it('splits a wait into minutes and seconds, rounding up', () => {
    expect(splitWait(90_000)).toEqual({ m: 1, s: 30 });
    expect(splitWait(1)).toEqual({ m: 0, s: 1 });
    expect(splitWait(-5)).toEqual({ m: 0, s: 0 });
  });
});
