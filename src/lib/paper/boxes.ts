// Places to write on paper: labelled boxes, checkboxes, underlined fields and the SOAP section tabs.
import { PT, type Paper } from './engine';

export const LABEL_SIZE = 7.5;

export interface BoxOptions {
  /** Size of the value text, points. */
  size?: number;
  /** Small print in the top-right corner (a unit, an example). */
  hint?: string;
}

/** A ruled box with its label in the top-left corner and, when filled, the value written inside. */
export function labelledBox(
  doc: Paper,
  x: number,
  y: number,
  w: number,
  h: number,
  label: string,
  value = '',
  options: BoxOptions = {}
): void {
  doc.rect(x, y, w, h, { width: 0.25 });
  doc.text(label, x + 1.5, y + 3.3, { size: LABEL_SIZE, gray: 60 });
  if (options.hint) doc.text(options.hint, x + w - 1.5, y + 3.3, { size: 6.5, gray: 100, align: 'right' });
  if (value)
    doc.block(value, x + 2, y + 4.3, w - 4, {
      size: fittingSize(doc, value, w - 4, h - 4.8, options.size ?? 10)
    });
}

/** The largest size, down to 6 pt, at which `value` fits the box: long entries shrink rather than spill or get cut. */
function fittingSize(doc: Paper, value: string, width: number, height: number, size: number): number {
  for (let s = size; s > 6; s -= 0.5) {
    if (doc.wrap(value, width, s).length * doc.lineHeight({ size: s }) <= height) return s;
  }
  return 6;
}

/** A square to tick, then its label, on the baseline `y`. Returns the width taken. */
export function checkbox(
  doc: Paper,
  x: number,
  y: number,
  label: string,
  checked = false,
  size = 10
): number {
  const side = size * PT * 0.85;
  const top = y - side + size * PT * 0.05;
  doc.rect(x, top, side, side, { width: 0.25 });
  if (checked) {
    // Drawn, not typed: the font has no check mark (✓ is outside CP932).
    doc.line(x + side * 0.18, top + side * 0.52, x + side * 0.42, top + side * 0.8, { width: 0.45 });
    doc.line(x + side * 0.42, top + side * 0.8, x + side * 0.86, top + side * 0.15, { width: 0.45 });
  }
  return side + 1.2 + doc.text(label, x + side + 1.2, y, { size });
}

export interface CheckboxesOptions {
  checked?: readonly string[];
  size?: number;
  /** Space between one option and the next, mm. */
  gap?: number;
}

/** Options laid out in a row, wrapping within `width`; `top` is the top of the first line. Returns the height used. */
export function checkboxes(
  doc: Paper,
  x: number,
  top: number,
  width: number,
  labels: readonly string[],
  options: CheckboxesOptions = {}
): number {
  const size = options.size ?? 10;
  const gap = options.gap ?? 5;
  const lineHeight = size * PT * 1.8;
  const side = size * PT * 0.85;
  let cx = x;
  let line = 0;
  for (const label of labels) {
    const w = side + 1.2 + doc.width(doc.printable(label), size);
    if (cx > x && cx + w > x + width) {
      cx = x;
      line++;
    }
    const baseline = top + line * lineHeight + lineHeight * 0.7;
    cx += checkbox(doc, cx, baseline, label, options.checked?.includes(label) ?? false, size) + gap;
  }
  return (line + 1) * lineHeight;
}

/** 'label ____value____' on the baseline `y`, the rule running to x + w. */
export function fieldLine(
  doc: Paper,
  x: number,
  y: number,
  w: number,
  label: string,
  value = '',
  size = 10
): void {
  const labelWidth = label ? doc.text(label, x, y, { size, gray: 40 }) + 2 : 0;
  doc.line(x + labelWidth, y + 1.2, x + w, y + 1.2, { width: 0.2 });
  if (value) doc.text(value, x + labelWidth + 1.5, y, { size });
}

/** The dark tab at the left of a SOAP section: the letter large, its Japanese name small. */
export function sectionTab(
  doc: Paper,
  x: number,
  y: number,
  h: number,
  letter: string,
  caption: string
): void {
  const w = 9;
  doc.rect(x, y, w, h, { fill: 70 });
  doc.text(letter, x + w / 2, y + 8, { size: 16, bold: true, gray: 255, align: 'center' });
  [...caption].forEach((ch, i) => {
    const baseline = y + 13 + i * 3.4;
    if (baseline < y + h - 1) doc.text(ch, x + w / 2, baseline, { size: 8, gray: 255, align: 'center' });
  });
}
