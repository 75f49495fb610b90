// Reads a form's serial from a camera frame: QR decoding with jsQR, then the same parsing as a typed serial.
import jsQR from 'jsqr';
import { fail, type Result } from '../result';
import { parseSerial, type Serial } from './serial';

/** The shape of the browser's ImageData (RGBA bytes), so Node tests can pass plain objects. */
export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** `prefixes` as for parseSerial: which serials the screen scanning is waiting for. */
export function scanSerial(image: Pixels, prefixes?: readonly string[]): Result<Serial> {
  const code = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
  if (!code) return fail({ key: 'paper.scan.notFound' });
  return parseSerial(code.data, prefixes);
}
