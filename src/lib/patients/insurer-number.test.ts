import { describe, expect, it } from 'vitest';
import {
  cleanNumber,
  hasValidCheckDigit,
  longRecipientNo,
  makeCheckDigit,
  restoreInsurerNo,
  unknownLawCode,
  validateInsurerNo,
  validatePublicPayerNo,
  validateRecipientNo
} from './insurer-number';
import { createRng } from '../fixtures/synthetic';

/** The rule written out the slow, literal way, to check the fast one against. */
function literalCheckDigit(payload: string): number {
  const digits = [...payload].map(Number).reverse();
  const sum = digits
    .map((d, i) => d * (i % 2 === 0 ? 2 : 1))
    .map((product) => [...String(product)].map(Number).reduce((a, b) => a + b, 0))
    .reduce((a, b) => a + b, 0);
  return (10 - (sum % 10)) % 10;
}

const keyOf = (result: { ok: boolean; error?: { key: string } }) => (result.ok ? 'ok' : result.error!.key);

describe('makeCheckDigit', () => {
  it('weights 2, 1, 2 … from the right and adds the digits of each product', () => {
    expect(makeCheckDigit('7')).toBe(5); // 7×2 = 14 → 1+4 = 5 → 10−5
    expect(makeCheckDigit('9')).toBe(1); // 18 → 9 → 1
    expect(makeCheckDigit('99')).toBe(2); // 9×2→9, 9×1→9: 18 → 2
    expect(makeCheckDigit('0000000')).toBe(0);
    expect(makeCheckDigit('5')).toBe(9); // 10 → 1 → 9
    expect(makeCheckDigit('10')).toBe(9); // 0×2 + 1×1 = 1 → 9
  });

  it('gives 協会けんぽ東京支部 its published number 01130012', () => {
    expect(makeCheckDigit('0113001')).toBe(2);
  });

  it('agrees with the literal rule on 5,000 random payloads of 5, 6 and 7 digits', () => {
    const rng = createRng(42);
    for (let i = 0; i < 5000; i++) {
      const payload = rng.digits(rng.pick([5, 6, 7]));
      expect(makeCheckDigit(payload)).toBe(literalCheckDigit(payload));
    }
  });

  it('throws on non-digits (a programming error, not user input)', () => {
    expect(() => makeCheckDigit('12a')).toThrow(RangeError);
  });
});

describe('hasValidCheckDigit', () => {
  it('checks the last digit against the rest', () => {
    expect(hasValidCheckDigit('01130012')).toBe(true);
    expect(hasValidCheckDigit('01130013')).toBe(false);
    expect(hasValidCheckDigit('1')).toBe(false);
    expect(hasValidCheckDigit('12a4')).toBe(false);
  });
  it('catches every single-digit typo', () => {
    const valid = '01130012';
    for (let position = 0; position < valid.length; position++)
      for (let d = 0; d <= 9; d++) {
        const typo = valid.slice(0, position) + d + valid.slice(position + 1);
        if (typo !== valid) expect(hasValidCheckDigit(typo)).toBe(false);
      }
  });
});

describe('cleanNumber', () => {
  it('narrows 全角 digits and drops spaces and hyphens', () => {
    expect(cleanNumber('０１１３　００１２')).toBe('01130012');
    expect(cleanNumber('0113-0012')).toBe('01130012');
    expect(cleanNumber(' 131011 ')).toBe('131011');
  });
});

describe('validateInsurerNo', () => {
  it('accepts 8-digit numbers with a valid check digit and returns the digits', () => {
    expect(validateInsurerNo('01130012')).toEqual({ ok: true, value: '01130012' });
    expect(validateInsurerNo('０１１３００１２')).toEqual({ ok: true, value: '01130012' });
    const union = `0627130${makeCheckDigit('0627130')}`; // 組合健保, 大阪 (27)
    expect(validateInsurerNo(union).ok).toBe(true);
    const elderly = `3913100${makeCheckDigit('3913100')}`; // 後期高齢者 東京
    expect(validateInsurerNo(elderly).ok).toBe(true);
  });

  it('accepts 6-digit 国保 numbers', () => {
    expect(validateInsurerNo(`13101${makeCheckDigit('13101')}`)).toEqual({ ok: true, value: '131011' });
    expect(validateInsurerNo(`01100${makeCheckDigit('01100')}`).ok).toBe(true);
  });

  it('rejects the wrong number of digits', () => {
    for (const raw of ['', '1234567', '123456789', '12345', '0113001A', '保険者'])
      expect(keyOf(validateInsurerNo(raw))).toBe('patients.error.insurerNoDigits');
  });

  it('rejects a wrong check digit', () => {
    expect(validateInsurerNo('01130013')).toEqual({
      ok: false,
      error: { key: 'patients.error.insurerNoCheckDigit', values: { input: '01130013' }, field: 'insurerNo' }
    });
    expect(keyOf(validateInsurerNo('131012'))).toBe('patients.error.insurerNoCheckDigit');
  });

  it('rejects prefecture codes outside 01–47', () => {
    const p00 = `0100001${makeCheckDigit('0100001')}`;
    const p48 = `0148001${makeCheckDigit('0148001')}`;
    const kokuho00 = `00101${makeCheckDigit('00101')}`;
    expect(keyOf(validateInsurerNo(p00))).toBe('patients.error.insurerNoPrefecture');
    expect(keyOf(validateInsurerNo(p48))).toBe('patients.error.insurerNoPrefecture');
    expect(keyOf(validateInsurerNo(kokuho00))).toBe('patients.error.insurerNoPrefecture');
  });
});

describe('restoreInsurerNo', () => {
  it('puts back a leading zero a spreadsheet dropped', () => {
    expect(restoreInsurerNo('1130012')).toBe('01130012');
    const kokuho = `01100${makeCheckDigit('01100')}`;
    expect(restoreInsurerNo(kokuho.slice(1))).toBe(kokuho);
  });
  it('restores nothing when a zero does not explain the value', () => {
    expect(restoreInsurerNo('1130013')).toBeNull();
    expect(restoreInsurerNo('01130012')).toBeNull();
    expect(restoreInsurerNo('abc')).toBeNull();
    expect(restoreInsurerNo('')).toBeNull();
  });
});

describe('validatePublicPayerNo (公費負担者番号)', () => {
  const seikatsuHogo = `1213001${makeCheckDigit('1213001')}`; // 法別12 生活保護, 東京
  it('accepts 8 digits with a valid check digit', () => {
    expect(validatePublicPayerNo(seikatsuHogo)).toEqual({ ok: true, value: seikatsuHogo });
  });
  it('rejects bad length, prefecture and check digit', () => {
    expect(keyOf(validatePublicPayerNo('121300'))).toBe('patients.error.publicPayerNoDigits');
    expect(keyOf(validatePublicPayerNo(`1299001${makeCheckDigit('1299001')}`))).toBe(
      'patients.error.publicPayerNoPrefecture'
    );
    const wrong = seikatsuHogo.slice(0, 7) + ((Number(seikatsuHogo[7]) + 1) % 10);
    expect(keyOf(validatePublicPayerNo(wrong))).toBe('patients.error.publicPayerNoCheckDigit');
  });
  it('names its own field', () => {
    const result = validatePublicPayerNo('1');
    expect(result.ok ? null : result.error.field).toBe('publicPayerNo');
  });
});

describe('validateRecipientNo (受給者番号)', () => {
  const recipient = `123456${makeCheckDigit('123456')}`;
  it('accepts 7 digits whose last digit checks the first six', () => {
    expect(validateRecipientNo(recipient)).toEqual({ ok: true, value: recipient });
    expect(validateRecipientNo(`０００００１${makeCheckDigit('000001')}`).ok).toBe(true);
  });
  it('rejects fewer than 7 digits, anything but digits, and 7 digits with a wrong check digit', () => {
    expect(keyOf(validateRecipientNo('123456'))).toBe('patients.error.recipientNoDigits');
    expect(keyOf(validateRecipientNo('1'))).toBe('patients.error.recipientNoDigits');
    expect(keyOf(validateRecipientNo('12345A7'))).toBe('patients.error.recipientNoDigits');
    expect(keyOf(validateRecipientNo('ABCDEFGH'))).toBe('patients.error.recipientNoDigits');
    expect(keyOf(validateRecipientNo('1234567８9Ａ'))).toBe('patients.error.recipientNoDigits');
    const wrong = recipient.slice(0, 6) + ((Number(recipient[6]) + 1) % 10);
    expect(keyOf(validateRecipientNo(wrong))).toBe('patients.error.recipientNoCheckDigit');
    expect(longRecipientNo(recipient)).toBeNull();
  });
  it('keeps 8 digits or more as typed (地方単独の公費), with no check digit rule, and warns beside the field', () => {
    for (const long of ['12345678', '12345670', '1234567890']) {
      expect(validateRecipientNo(long), long).toEqual({ ok: true, value: long });
      expect(longRecipientNo(long)).toEqual({
        key: 'patients.warning.recipientNoLength',
        values: { input: long, n: long.length },
        field: 'recipientNo'
      });
    }
    // Cleaned as the other numbers are: 全角 digits, spaces and hyphens.
    expect(validateRecipientNo('１２３４ ５６７８')).toEqual({ ok: true, value: '12345678' });
  });
});

describe('法別番号 of an 8-digit 保険者番号', () => {
  const withCheck = (payload: string) => payload + String(makeCheckDigit(payload));
  it('a scheme MHLW sets (01 協会けんぽ, 06 組合, 31–34 共済, 39 後期高齢者, 63/72–75 特例退職) passes without a word', () => {
    for (const code of ['01', '02', '06', '07', '31', '34', '39', '63', '67', '72', '75'])
      expect(unknownLawCode(withCheck(`${code}13001`)), code).toBeNull();
    expect(unknownLawCode(withCheck('13001'))).toBeNull(); // 国保: 6 digits, no 法別番号
  });

  it('a number that passes its check but starts like a 公費 (54 難病) is a warning to look again, not a refusal', () => {
    const digits = withCheck('5413001');
    expect(validateInsurerNo(digits).ok).toBe(true);
    expect(unknownLawCode(digits)).toEqual({
      key: 'patients.warning.insurerLawCode',
      values: { input: digits, code: '54' },
      field: 'insurerNo'
    });
  });
});
