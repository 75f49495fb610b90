// 預り証 (deposit receipt): the patient's part and the clinic's stub on one A4, cut apart, same serial on both; blank or filled.
import { checkboxes, fieldLine, labelledBox } from '../boxes';
import { formatDate, formatDateTime } from '../datetime';
import { CONTENT_WIDTH, MARGIN, PAGE_HEIGHT, type Paper } from '../engine';
import { BLANK, DEPOSIT, GAP, PATIENT, SELF_PAY, TITLES } from '../form-text';
import { formHeader } from '../header';
import type { Clinic, DepositSlipInput } from '../model';
import { formatYen, yenInWords } from '../yen';
import { cutLine } from './cut-line';

const CUT = PAGE_HEIGHT / 2;

/** Draws both parts; with `filled`, the deposit's values are printed in the boxes. */
export function depositSlipForm(doc: Paper, clinic: Clinic, serial: string, filled?: DepositSlipInput): void {
  const selfPay = filled?.kind === 'selfPay';
  formHeader(doc, clinic, {
    title: selfPay ? TITLES.selfPaySlip : TITLES.depositSlip,
    subtitle: selfPay ? SELF_PAY.subtitle : DEPOSIT.subtitle,
    serial,
    top: doc.y,
    compact: true
  });
  essentials(doc, filled);
  const x = MARGIN;
  labelledBox(
    doc,
    x,
    doc.y,
    CONTENT_WIDTH,
    19,
    selfPay ? SELF_PAY.settle : DEPOSIT.settle,
    selfPay ? (filled?.settleLater ? SELF_PAY.settleLater : SELF_PAY.final) : settleText(filled),
    { size: 9 }
  );
  doc.y += 19;
  labelledBox(doc, x, doc.y, CONTENT_WIDTH, 11, DEPOSIT.lost, DEPOSIT.lostText, { size: 9 });
  doc.y += 11;
  doc.text(selfPay ? SELF_PAY.received : DEPOSIT.received, x, doc.y + 5, { size: 9.5 });
  // Neither a deposit nor this slip is the 領収証: the receipt and the statement come from the レセコン.
  doc.text(selfPay ? SELF_PAY.notReceipt : DEPOSIT.notReceipt, x, doc.y + 10, { size: 9.5, bold: true });

  cutLine(doc, CUT, DEPOSIT.cut);

  formHeader(doc, clinic, {
    title: selfPay ? TITLES.selfPayStub : TITLES.depositStub,
    subtitle: DEPOSIT.stubSubtitle,
    serial,
    top: CUT + 6,
    compact: true
  });
  essentials(doc, filled);
  fieldLine(doc, x, doc.y + 8, CONTENT_WIDTH, DEPOSIT.signature, '', 10);
  doc.y += 12;
  doc.text(DEPOSIT.settlement, x, doc.y + 4, { size: 9, bold: true, gray: 40 });
  doc.y += 5.5;
  const cells = [DEPOSIT.settledOn, DEPOSIT.actualFee, DEPOSIT.difference, DEPOSIT.settledBy];
  const widths = [45, 45, 55, 35];
  let cx = x;
  cells.forEach((label, i) => {
    labelledBox(doc, cx, doc.y, widths[i]!, 12, label);
    cx += widths[i]!;
  });
  doc.y += 12;
}

/** The part both halves share: who, when, how much and how, why, and who received it. */
function essentials(doc: Paper, filled: DepositSlipInput | undefined): void {
  const x = MARGIN;
  let y = doc.y;
  labelledBox(doc, x, y, 110, 12, DEPOSIT.patient);
  if (filled) {
    const kana = filled.patientKana ? `（${filled.patientKana}）` : '';
    doc.text(`${filled.patientName}${GAP}${BLANK.sama}`, x + 3, y + 10, { size: 13, bold: true });
    const nameWidth = doc.width(doc.printable(`${filled.patientName}${GAP}${BLANK.sama}`), 13);
    doc.text(kana, x + 5 + nameWidth, y + 10, { size: 8, gray: 60 });
    if (filled.patientId)
      doc.text(`${PATIENT.id} ${filled.patientId}`, x + 108, y + 3.3, {
        size: 7.5,
        gray: 60,
        align: 'right'
      });
  } else {
    doc.text(BLANK.sama, x + 104, y + 10, { size: 11 });
  }
  labelledBox(
    doc,
    x + 110,
    y,
    70,
    12,
    DEPOSIT.issuedAt,
    filled ? formatDateTime(filled.receivedAt) : `${BLANK.date} ${BLANK.time}`,
    {
      size: filled ? 10.5 : 8.5
    }
  );
  y += 12;

  const selfPay = filled?.kind === 'selfPay';
  labelledBox(doc, x, y, 110, 17, selfPay ? SELF_PAY.amount : DEPOSIT.amount);
  if (filled) {
    doc.text(`¥${formatYen(filled.amount)}-`, x + 6, y + 13, { size: 20, bold: true });
    doc.text(yenInWords(filled.amount), x + 106, y + 13, { size: 11, align: 'right' });
  } else {
    doc.text('¥', x + 6, y + 13, { size: 20 });
    doc.text(DEPOSIT.amountUnit, x + 60, y + 13, { size: 12 });
    doc.text(BLANK.yenWords, x + 106, y + 13, { size: 11, align: 'right' });
  }
  labelledBox(doc, x + 110, y, 70, 17, selfPay ? SELF_PAY.method : DEPOSIT.method);
  const method = filled?.method ?? '';
  const known = (DEPOSIT.methods as readonly string[]).includes(method);
  checkboxes(doc, x + 112, y + 4, 66, DEPOSIT.methods, {
    size: 9,
    gap: 3,
    checked: filled ? [known ? method : DEPOSIT.otherMethod] : []
  });
  if (filled && !known && method) doc.text(method, x + 112, y + 15.5, { size: 8 });
  y += 17;

  labelledBox(doc, x, y, 110, 12, DEPOSIT.reason, filled?.reason ?? '', { size: 9 });
  labelledBox(doc, x + 110, y, 70, 12, DEPOSIT.receiver, filled?.receiver ?? '', {
    size: 10,
    hint: DEPOSIT.seal
  });
  doc.y = y + 14;
}

function settleText(filled: DepositSlipInput | undefined): string {
  if (filled?.settleNote) return filled.settleNote;
  const when = filled?.settleBy
    ? `${DEPOSIT.settleBy}：${formatDate(filled.settleBy)}${DEPOSIT.settleByNote}`
    : filled
      ? DEPOSIT.settleNoDate
      : `${DEPOSIT.settleBy}：${BLANK.settleDate}${DEPOSIT.settleByNote}`;
  return `${DEPOSIT.settleDefault}\n${when}`;
}
