import { describe, expect, it } from 'vitest';
import { qrPicture } from '../fixtures/qr-picture';
import { scanSerial } from './scan-qr';

const picture = qrPicture;

describe('scanSerial', () => {
  it('reads the serial a printed QR code carries', () => {
    const result = scanSerial(picture('A-0003'));
    expect(result.ok && result.value.text).toBe('A-0003');
  });

  it('checks the scanned serial belongs to the expected form', () => {
    const result = scanSerial(picture('U-0001'), ['A', 'D']);
    expect(!result.ok && result.error.key).toBe('paper.serial.wrongKind');
  });

  it('says so when there is no QR code in view', () => {
    const blank = { data: new Uint8ClampedArray(100 * 100 * 4).fill(255), width: 100, height: 100 };
    expect(scanSerial(blank)).toEqual({ ok: false, error: { key: 'common.scan.notFound' } });
  });

  it('refuses a QR code that is not a serial', () => {
    const result = scanSerial(picture('https://example.com/'));
    expect(!result.ok && result.error.key).toBe('paper.serial.invalid');
  });
});
