import { describe, expect, it } from 'vitest';
import { formatRecoveryCode, newRecoveryCode, normalizeRecoveryCode } from './recovery-code';

describe('recovery code', () => {
  it('is 24 characters of Crockford base32 in six groups, from the given random bytes', () => {
    const bytes = Uint8Array.from({ length: 24 }, (_, i) => i * 11);
    const code = newRecoveryCode(bytes);
    expect(code).toBe(newRecoveryCode(bytes));
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){5}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(newRecoveryCode()).not.toBe(newRecoveryCode());
  });

  it('is read back forgivingly: case, spaces, hyphens, full-width, O for 0 and I/L for 1', () => {
    const code = formatRecoveryCode('0123456789ABCDEFGHJKMNPQ');
    expect(normalizeRecoveryCode(code)).toBe('0123456789ABCDEFGHJKMNPQ');
    expect(normalizeRecoveryCode('o123 4567 89ab cdef ghjk mnpq')).toBe('0123456789ABCDEFGHJKMNPQ');
    expect(normalizeRecoveryCode('ｏＩ２３ー4567-89AB-CDEF-GHJK-MNPQ')).toBe('0123456789ABCDEFGHJKMNPQ');
    expect(normalizeRecoveryCode('L123456789ABCDEFGHJKMNPQ')).toBe('1123456789ABCDEFGHJKMNPQ');
  });

  it('refuses what cannot be a code', () => {
    expect(normalizeRecoveryCode('ABCD')).toBeNull();
    expect(normalizeRecoveryCode('U123456789ABCDEFGHJKMNPQ')).toBeNull();
    expect(normalizeRecoveryCode('')).toBeNull();
  });
});
