// 受付票 (arrival slip): the clinic's record of one arrival, with a numbered ticket (番号札) the patient tears off and keeps.
import { checkboxes, fieldLine, labelledBox } from '../boxes';
import { CONTENT_WIDTH, MARGIN, PAGE_WIDTH, type Paper } from '../engine';
import { ARRIVAL, BLANK, CLINIC, PATIENT, TITLES } from '../form-text';
import { formHeader } from '../header';
import type { Clinic } from '../model';
import { drawQr } from '../qr';
import { cutLine } from './cut-line';

const TICKET_CUT = 214;

export function arrivalSlipForm(doc: Paper, clinic: Clinic, serial: string): void {
  let y = formHeader(doc, clinic, { title: TITLES.arrivalSlip, subtitle: ARRIVAL.subtitle, serial });
  const x = MARGIN;

  doc.text(ARRIVAL.staffOnly, x, y + 3.5, { size: 9, bold: true, gray: 40 });
  y += 5;
  labelledBox(doc, x, y, 42, 18, ARRIVAL.queue);
  labelledBox(doc, x + 42, y, 38, 18, ARRIVAL.time, BLANK.time);
  labelledBox(doc, x + 80, y, 38, 18, ARRIVAL.staff);
  labelledBox(doc, x + 118, y, 62, 11, ARRIVAL.visitType);
  checkboxes(doc, x + 120, y + 3.5, 58, ARRIVAL.visitTypes, { size: 9.5, gap: 3 });
  labelledBox(doc, x + 118, y + 11, 62, 7, ARRIVAL.department);
  y += 22;

  doc.text(ARRIVAL.patientPart, x, y + 3.5, { size: 9, bold: true, gray: 40 });
  y += 5;
  labelledBox(doc, x, y, 105, 9, PATIENT.kana);
  labelledBox(doc, x + 105, y, 75, 9, PATIENT.sex);
  checkboxes(doc, x + 125, y + 1.2, 50, PATIENT.sexes, { size: 9.5, gap: 8 });
  y += 9;
  labelledBox(doc, x, y, 105, 15, PATIENT.name);
  doc.text(BLANK.sama, x + 100, y + 12, { size: 10 });
  labelledBox(doc, x + 105, y, 75, 15, PATIENT.birth);
  doc.text(BLANK.birth, x + 107, y + 11, { size: 9 });
  y += 15;
  labelledBox(doc, x, y, 70, 12, PATIENT.phone);
  labelledBox(doc, x + 70, y, 110, 12, PATIENT.address);
  y += 12;
  labelledBox(doc, x, y, CONTENT_WIDTH, 20, ARRIVAL.reason);
  y += 24;

  doc.text(ARRIVAL.staffOnly, x, y + 3.5, { size: 9, bold: true, gray: 40 });
  y += 5;
  labelledBox(doc, x, y, 130, 13, ARRIVAL.insurance);
  checkboxes(doc, x + 2, y + 4, 126, ARRIVAL.insuranceTypes, { size: 9, gap: 3 });
  labelledBox(doc, x + 130, y, 50, 13, ARRIVAL.publicAid);
  checkboxes(doc, x + 133, y + 4, 45, ARRIVAL.publicAidChoices, { size: 9, gap: 6 });
  y += 13;
  labelledBox(doc, x, y, 80, 13, ARRIVAL.billing);
  checkboxes(doc, x + 2, y + 4, 76, ARRIVAL.billingChoices, { size: 9, gap: 3 });
  labelledBox(doc, x + 80, y, 100, 13, ARRIVAL.links);
  fieldLine(doc, x + 82, y + 10.5, 31, ARRIVAL.linkIntake, '', 8);
  fieldLine(doc, x + 115, y + 10.5, 32, ARRIVAL.linkMemo, '', 8);
  fieldLine(doc, x + 149, y + 10.5, 29, ARRIVAL.linkDeposit, '', 8);
  y += 13;
  labelledBox(doc, x, y, CONTENT_WIDTH, TICKET_CUT - 8 - y, ARRIVAL.notes);

  ticket(doc, clinic, serial);
}

/** The patient's half: an empty box for the number staff write in, the same serial and QR code. */
function ticket(doc: Paper, clinic: Clinic, serial: string): void {
  cutLine(doc, TICKET_CUT, ARRIVAL.cut);
  const top = TICKET_CUT + 8;
  const x = MARGIN;
  doc.text(ARRIVAL.ticketTitle, x, top + 6, { size: 15, bold: true });
  doc.text(clinic.name, x, top + 13, { size: 10 });
  if (clinic.phone) doc.text(`${CLINIC.phone} ${clinic.phone}`, x, top + 18, { size: 9 });
  doc.block(ARRIVAL.ticketNote, x, top + 24, 80, { size: 9 });
  labelledBox(doc, x + 88, top, 58, 36, ARRIVAL.ticketNumber);
  const qrSide = 20;
  const qrX = PAGE_WIDTH - MARGIN - qrSide;
  drawQr(doc, serial, qrX, top, qrSide);
  doc.text(serial, qrX + qrSide / 2, top + qrSide + 5, { size: 11, bold: true, align: 'center' });
}
