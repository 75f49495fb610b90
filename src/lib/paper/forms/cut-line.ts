// The dashed line across the page where a form is cut in two, with its caption.
import { MARGIN, PAGE_WIDTH, type Paper } from '../engine';

export function cutLine(doc: Paper, y: number, caption: string): void {
  doc.line(MARGIN - 8, y, PAGE_WIDTH - MARGIN + 8, y, { dash: true, width: 0.3, gray: 90 });
  const w = doc.width(doc.printable(caption), 7.5) + 4;
  doc.rect(PAGE_WIDTH / 2 - w / 2, y - 2, w, 4, { fill: 255, stroke: false });
  doc.text(caption, PAGE_WIDTH / 2, y + 1.1, { size: 7.5, gray: 70, align: 'center' });
}
