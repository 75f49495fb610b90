// 被保険者資格申立書: the patient declares their insurance when it cannot be checked online (fields after 保発0710第1号).
import { checkboxes, fieldLine, labelledBox } from '../boxes';
import { CONTENT_WIDTH, MARGIN, type Paper } from '../engine';
import { BLANK, ELIGIBILITY, PATIENT, TITLES } from '../form-text';
import { formHeader } from '../header';
import type { Clinic } from '../model';

export function eligibilityForm(doc: Paper, clinic: Clinic, serial: string): void {
  formHeader(doc, clinic, { title: TITLES.eligibility, subtitle: ELIGIBILITY.subtitle, serial });
  const x = MARGIN;
  const w = CONTENT_WIDTH;
  doc.y += doc.block(ELIGIBILITY.intro, x, doc.y, w, { size: 10 }) + 2;

  labelledBox(doc, x, doc.y, 110, 9, PATIENT.kana);
  labelledBox(doc, x + 110, doc.y, 70, 9, PATIENT.phone);
  doc.y += 9;
  labelledBox(doc, x, doc.y, 110, 14, PATIENT.name);
  labelledBox(doc, x + 110, doc.y, 70, 14, PATIENT.birth);
  doc.text(BLANK.birth, x + 112, doc.y + 10.5, { size: 8.5 });
  doc.y += 14;
  labelledBox(doc, x, doc.y, w, 13, PATIENT.address, PATIENT.postal, { size: 9 });
  doc.y += 17;

  labelledBox(doc, x, doc.y, w, 15, ELIGIBILITY.insuranceKind);
  checkboxes(doc, x + 3, doc.y + 5, w - 6, ELIGIBILITY.insuranceKinds, { size: 10, gap: 5 });
  doc.y += 15;
  labelledBox(doc, x, doc.y, 110, 13, ELIGIBILITY.insurer);
  labelledBox(doc, x + 110, doc.y, 70, 13, ELIGIBILITY.insurerNumber);
  doc.y += 13;
  labelledBox(doc, x, doc.y, 70, 13, ELIGIBILITY.symbol);
  labelledBox(doc, x + 70, doc.y, 70, 13, ELIGIBILITY.number);
  labelledBox(doc, x + 140, doc.y, 40, 13, ELIGIBILITY.branch);
  doc.y += 13;
  labelledBox(doc, x, doc.y, 90, 14, ELIGIBILITY.insuredRelation);
  checkboxes(doc, x + 3, doc.y + 5, 85, ELIGIBILITY.relations, { size: 10, gap: 5 });
  labelledBox(doc, x + 90, doc.y, 90, 14, ELIGIBILITY.share);
  checkboxes(doc, x + 93, doc.y + 5, 85, ELIGIBILITY.shares, { size: 10, gap: 5 });
  doc.y += 14;
  labelledBox(doc, x, doc.y, w, 13, ELIGIBILITY.insuredName);
  doc.y += 13;
  labelledBox(doc, x, doc.y, w, 13, ELIGIBILITY.employer);
  doc.y += 17;

  const statementHeight =
    doc.block(ELIGIBILITY.statement, x + 4, doc.y + 3, w - 8, { size: 10.5, bold: true }) + 6;
  doc.rect(x, doc.y, w, statementHeight, { width: 0.5 });
  doc.y += statementHeight + 4;
  fieldLine(doc, x, doc.y + 6, 90, ELIGIBILITY.declaredOn, BLANK.date, 11);
  doc.y += 12;
  fieldLine(doc, x, doc.y + 6, w, ELIGIBILITY.signature, '', 11);
  doc.text(ELIGIBILITY.signatureNote, x + w, doc.y + 11, { size: 8, gray: 60, align: 'right' });
  doc.y += 16;

  doc.rect(x, doc.y, w, 6, { fill: 225, stroke: true, width: 0.25 });
  doc.text(ELIGIBILITY.clinicUse, x + 2, doc.y + 4.3, { size: 9, bold: true });
  doc.y += 6;
  labelledBox(doc, x, doc.y, 45, 13, ELIGIBILITY.checkedBy);
  labelledBox(doc, x + 45, doc.y, 135, 13, ELIGIBILITY.confirmedLater);
  checkboxes(doc, x + 48, doc.y + 5, 130, [...ELIGIBILITY.confirmedChoices, `（${BLANK.date}）`], {
    size: 9.5,
    gap: 4
  });
  doc.y += 13;
}
