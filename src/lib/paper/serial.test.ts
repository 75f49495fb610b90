import { describe, expect, it } from 'vitest';
import { formatSerial, formSerial, normaliseSerialText, parseSerial } from './serial';

describe('serials', () => {
  it('formats with the prefix and at least four digits', () => {
    expect(formSerial('arrivalSlip', 1)).toBe('U-0001');
    expect(formSerial('depositSlip', 3)).toBe('D-0003');
    expect(formatSerial('A', 3)).toBe('A-0003');
    expect(formSerial('visitMemo', 12345)).toBe('M-12345');
  });

  it.each([
    ['A-0003', 'A-0003'],
    ['a-3', 'A-0003'],
    ['Ａ－０００３', 'A-0003'],
    ['ａ ー ３', 'A-0003'],
    ['A0003', 'A-0003'],
    [' u-0020 ', 'U-0020'],
    ['Ｍ−１２', 'M-0012'],
    ['ab-12', 'AB-0012']
  ])('reads %s as %s', (input, text) => {
    const result = parseSerial(input);
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ text }) });
  });

  it('knows which blank form a prefix stands for', () => {
    const intake = parseSerial('q-7');
    expect(intake.ok && intake.value).toEqual({ prefix: 'Q', number: 7, text: 'Q-0007', form: 'intake' });
    const device = parseSerial('B-12');
    expect(device.ok && device.value).toEqual({ prefix: 'B', number: 12, text: 'B-0012' });
  });

  it.each(['', 'A-', 'A-0000', 'ABC-0001', 'A-1234567', '山田', 'A-00-3'])('refuses %j', (input) => {
    const result = parseSerial(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.key).toBe('paper.serial.invalid');
  });

  it('refuses a serial with another prefix when only some are expected', () => {
    const result = parseSerial('U-0001', ['A', 'D']);
    expect(!result.ok && result.error).toEqual({
      key: 'paper.serial.wrongKind',
      values: { expected: 'A- / D-' }
    });
    expect(parseSerial('d-1', ['A', 'D']).ok).toBe(true);
  });

  it('normalises full-width text and dashes', () => {
    expect(normaliseSerialText('ａ－０００３')).toBe('A-0003');
  });
});
