// QR codes of serials, drawn as filled rectangles (no canvas), so they work the same in Node and the browser.
import QRCode from 'qrcode';
import type { Paper } from './engine';

/** The module matrix of a QR code: `dark[row * size + col]`. Level M survives a smudge or a fold. */
export function qrMatrix(text: string): { size: number; dark: Uint8Array } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, dark: modules.data };
}

/**
 * Draws the QR code with its top-left corner at (x, y), `side` mm wide, quiet zone not included:
 * keep 4 modules (about side / 5) clear around it.
 */
export function drawQr(doc: Paper, text: string, x: number, y: number, side: number): void {
  drawQrMatrix(doc, qrMatrix(text), x, y, side);
}

/** Draws a module matrix `side` mm wide at (x, y): runs of dark modules become one rectangle each. */
export function drawQrMatrix(
  doc: Paper,
  { size, dark }: { size: number; dark: Uint8Array },
  x: number,
  y: number,
  side: number
): void {
  const cell = side / size;
  doc.pdf.setFillColor(0, 0, 0);
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!dark[row * size + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && dark[row * size + col]) col++;
      // A hair of overlap closes the seams some viewers show between adjacent rectangles.
      doc.pdf.rect(x + start * cell, y + row * cell, (col - start) * cell + 0.02, cell + 0.02, 'F');
    }
  }
}
