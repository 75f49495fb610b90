// One-page sheets without serials: the waiting-room notice and the staff's outage card.
import { Paper } from '../engine';
import { TITLES } from '../form-text';
import type { FontBytes, PdfResult, PrintoutBase, SheetKind } from '../model';
import { outageCard } from './outage-card';
import { waitingNotice } from './waiting-notice';

export function sheet(kind: SheetKind, input: PrintoutBase, font: FontBytes): PdfResult {
  const doc = new Paper({
    font,
    clinic: input.clinic,
    drill: input.drill,
    title: TITLES[kind],
    printedAt: input.printedAt
  });
  if (kind === 'waitingNotice') waitingNotice(doc, input.clinic);
  else outageCard(doc, input.clinic);
  return doc.finish();
}
