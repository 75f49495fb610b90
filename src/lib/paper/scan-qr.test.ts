import { describe, expect, it } from 'vitest';
import { qrMatrix } from './qr';
import { scanSerial, type Pixels } from './scan-qr';

/** Draws the QR matrix as a camera would see it: `scale` px per module, white quiet zone, some gray noise. */
function picture(text: string, scale = 6): Pixels {
  const { size, dark } = qrMatrix(text);
  const quiet = 6;
  const side = (size + 2 * quiet) * scale;
  const data = new Uint8ClampedArray(side * side * 4);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const row = Math.floor(y / scale) - quiet;
      const col = Math.floor(x / scale) - quiet;
      const isDark = row >= 0 && col >= 0 && row < size && col < size && dark[row * size + col] === 1;
      const v = isDark ? 30 + ((x * 7 + y * 13) % 20) : 225 - ((x * 11 + y * 5) % 25);
      data.set([v, v, v, 255], (y * side + x) * 4);
    }
  }
  return { data, width: side, height: side };
}

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
    expect(scanSerial(blank)).toEqual({ ok: false, error: { key: 'paper.scan.notFound' } });
  });

  it('refuses a QR code that is not a serial', () => {
    const result = scanSerial(picture('https://example.com/'));
    expect(!result.ok && result.error.key).toBe('paper.serial.invalid');
  });
});
