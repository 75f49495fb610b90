// The text of a QR code in a camera frame (jsQR), for any screen that reads codes: serials, device links.
import jsQR from 'jsqr';

/** The shape of the browser's ImageData (RGBA bytes), so Node tests can pass plain objects. */
export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** The decoded text of the QR code in view, or null when none can be read. */
export function scanText(image: Pixels): string | null {
  const code = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
  return code ? code.data : null;
}

/** The QR code in view as its text and its raw bytes (byte mode data such as Shift_JIS, which jsQR's text may garble). */
export function scanCode(image: Pixels): { text: string; bytes: Uint8Array } | null {
  const code = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
  return code ? { text: code.data, bytes: Uint8Array.from(code.binaryData) } : null;
}
