// Reads a form's serial from a camera frame: the QR code's text, then the same parsing as a typed serial.
import { fail, type Result } from '../result';
import { scanText, type Pixels } from '../ui/scan-text';
import { parseSerial, type Serial } from './serial';

export type { Pixels };

/** `prefixes` as for parseSerial: which serials the screen scanning is waiting for. */
export function scanSerial(image: Pixels, prefixes?: readonly string[]): Result<Serial> {
  const text = scanText(image);
  if (text === null) return fail({ key: 'common.scan.notFound' });
  return parseSerial(text, prefixes);
}
