// The waiting-room notice, in Japanese and English: the system is down, waits are longer, what to bring next time.
import { CONTENT_WIDTH, MARGIN, PAGE_WIDTH, type Paper } from '../engine';
import { CLINIC, NOTICE } from '../form-text';
import type { Clinic } from '../model';

export function waitingNotice(doc: Paper, clinic: Clinic): void {
  const x = MARGIN;
  const w = CONTENT_WIDTH;
  const centre = { align: 'center' as const };
  doc.y = MARGIN + 4;
  doc.text(clinic.name, PAGE_WIDTH / 2, doc.y + 4, { size: 13, ...centre });
  doc.y += 12;

  doc.y += doc.block(NOTICE.titleJa, x, doc.y, w, { size: 26, bold: true, leading: 1.3, ...centre }) + 2;
  doc.y += doc.block(NOTICE.titleEn, x, doc.y, w, { size: 20, bold: true, gray: 40, ...centre }) + 6;
  doc.line(x, doc.y, x + w, doc.y, { width: 0.8 });
  doc.y += 6;

  NOTICE.bodyJa.forEach((ja, i) => {
    doc.y += doc.block(ja, x + 4, doc.y, w - 8, { size: 14, leading: 1.55 }) + 1.5;
    doc.y += doc.block(NOTICE.bodyEn[i] ?? '', x + 4, doc.y, w - 8, { size: 11.5, gray: 50 }) + 6;
  });

  const boxTop = doc.y;
  doc.y += 4;
  doc.text(`${NOTICE.bringJa} / ${NOTICE.bringEn}`, x + 6, doc.y + 6, { size: 15, bold: true });
  doc.y += 11;
  NOTICE.itemsJa.forEach((ja, i) => {
    doc.text('●', x + 8, doc.y + 5.5, { size: 12 });
    doc.y += doc.block(ja, x + 15, doc.y, w - 21, { size: 14 });
    doc.y += doc.block(NOTICE.itemsEn[i] ?? '', x + 15, doc.y, w - 21, { size: 11, gray: 50 }) + 3;
  });
  doc.rect(x, boxTop, w, doc.y - boxTop + 2, { width: 0.8 });
  doc.y += 10;

  doc.y += doc.block(NOTICE.askJa, x, doc.y, w, { size: 13, ...centre });
  doc.y += doc.block(NOTICE.askEn, x, doc.y, w, { size: 11, gray: 50, ...centre }) + 8;
  doc.text(clinic.name, PAGE_WIDTH / 2, doc.y + 5, { size: 14, bold: true, ...centre });
  const contact = [clinic.address, clinic.phone ? `${CLINIC.phone} ${clinic.phone}` : '']
    .filter(Boolean)
    .join('　');
  doc.block(contact, x, doc.y + 7.5, w, { size: 11, ...centre });
}
