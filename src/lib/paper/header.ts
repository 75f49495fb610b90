// The top of every form: title on the left; clinic name, address, phone and code on the right; serial with its QR code.
import { MARGIN, PAGE_WIDTH, PT, type Paper } from './engine';
import { CLINIC } from './form-text';
import type { Clinic } from './model';
import { drawQr } from './qr';

export interface HeaderOptions {
  title: string;
  subtitle?: string;
  serial?: string;
  /** Top of the header; the flow cursor unless given. */
  top?: number;
  /** Smaller, for half-page forms. */
  compact?: boolean;
}

/** Draws the header and moves the flow cursor below it; returns that y. */
export function formHeader(doc: Paper, clinic: Clinic, options: HeaderOptions): number {
  const top = options.top ?? doc.y;
  const right = PAGE_WIDTH - MARGIN;
  const qrSide = options.compact ? 14 : 17;
  let blockRight = right;
  let bottom = top + (options.compact ? 15 : 19);

  if (options.serial) {
    const qrX = right - qrSide;
    drawQr(doc, options.serial, qrX, top, qrSide);
    doc.text(options.serial, qrX + qrSide / 2, top + qrSide + 4.6, { size: 11, bold: true, align: 'center' });
    blockRight = qrX - 5; // leave the QR code its quiet zone
    bottom = Math.max(bottom, top + qrSide + 6);
  }

  // Clinic block, right-aligned against the QR code; the title side gets whatever width it leaves.
  const block: { text: string; size: number; bold?: boolean; gray?: number; step: number }[] = [
    ...doc.wrap(clinic.name, 78, 10.5).map((text) => ({ text, size: 10.5, bold: true, step: 4.3 })),
    ...doc.wrap(clinic.address, 78, 8).map((text) => ({ text, size: 8, step: 3.8 })),
    ...(clinic.phone ? [{ text: `${CLINIC.phone} ${clinic.phone}`, size: 8, step: 3.8 }] : []),
    ...(clinic.medicalInstitutionCode
      ? [{ text: `${CLINIC.code} ${clinic.medicalInstitutionCode}`, size: 7.5, gray: 60, step: 3.8 }]
      : [])
  ];
  const blockWidth = Math.max(0, ...block.map((line) => doc.width(line.text, line.size)));
  let y = top - 0.5;
  for (const line of block) {
    y += line.step;
    doc.text(line.text, blockRight, y, { size: line.size, bold: line.bold, gray: line.gray, align: 'right' });
  }

  const titleWidth = blockRight - blockWidth - 5 - MARGIN;
  const titleSize = options.compact ? 16 : 19;
  let ty = top + (options.compact ? 7 : 8.5);
  for (const line of doc.wrap(options.title, titleWidth, titleSize)) {
    doc.text(line, MARGIN, ty, { size: titleSize, bold: true });
    ty += titleSize * PT * 1.2;
  }
  for (const line of options.subtitle ? doc.wrap(options.subtitle, titleWidth, 9) : []) {
    ty += 0.2;
    doc.text(line, MARGIN, ty, { size: 9, gray: 50 });
    ty += 4;
  }
  bottom = Math.max(bottom, ty - 2);
  bottom = Math.max(bottom, y + 2);

  doc.line(MARGIN, bottom, right, bottom, { width: 0.4 });
  doc.y = bottom + 3;
  return doc.y;
}
