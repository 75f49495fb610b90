// The staff card for an outage: the steps during the outage and after recovery, and whom to call.
import { CONTENT_WIDTH, MARGIN, PT, type Paper } from '../engine';
import { CARD, TITLES } from '../form-text';
import { formHeader } from '../header';
import type { Clinic } from '../model';
import { table } from '../table';

export function outageCard(doc: Paper, clinic: Clinic): void {
  formHeader(doc, clinic, { title: TITLES.outageCard, subtitle: CARD.subtitle });
  let n = 0;
  const phase = (title: string, steps: readonly (readonly [string, string])[]) => {
    doc.rect(MARGIN, doc.y, CONTENT_WIDTH, 7, { fill: 70 });
    doc.text(title, MARGIN + 3, doc.y + 5.2, { size: 11.5, bold: true, gray: 255 });
    doc.y += 9;
    for (const [head, detail] of steps) {
      const top = doc.y;
      const side = 12 * PT * 0.85;
      doc.rect(MARGIN + 1, top + 1.4, side, side, { width: 0.3 });
      doc.text(`${++n}`, MARGIN + 8, top + 5, { size: 12, bold: true });
      doc.text(head, MARGIN + 15, top + 5, { size: 12, bold: true });
      const h = doc.block(detail, MARGIN + 60, top + 0.6, CONTENT_WIDTH - 60, { size: 10 });
      doc.y = top + Math.max(h + 1, 7.5);
      doc.line(MARGIN, doc.y - 0.5, MARGIN + CONTENT_WIDTH, doc.y - 0.5, { width: 0.1, gray: 170 });
    }
    doc.y += 3;
  };
  phase(CARD.during, CARD.steps);
  phase(CARD.after, CARD.recovery);

  doc.text(CARD.contacts, MARGIN, doc.y + 4.5, { size: 11, bold: true });
  doc.y += 7;
  table(
    doc,
    CARD.contactColumns.map((header, i) => ({ header, width: [30, 45, 35][i] ?? 30 })),
    CARD.contactRows.map((row) => [row, '', '']),
    { size: 10, minRowHeight: 9 }
  );
}
