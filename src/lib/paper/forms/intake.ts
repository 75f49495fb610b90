// 問診票 (intake questionnaire) the patient fills in while waiting: symptoms, since when, temperature, allergies, medicines, pregnancy, history.
import { checkboxes, fieldLine, labelledBox } from '../boxes';
import { CONTENT_WIDTH, MARGIN, type Paper } from '../engine';
import { BLANK, GAP, INTAKE, PATIENT, TITLES } from '../form-text';
import { formHeader } from '../header';
import type { Clinic } from '../model';

export function intakeForm(doc: Paper, clinic: Clinic, serial: string): void {
  formHeader(doc, clinic, { title: TITLES.intake, subtitle: INTAKE.subtitle, serial });
  const x = MARGIN;
  const w = CONTENT_WIDTH;
  const inner = x + 4;
  const innerWidth = w - 4;

  labelledBox(doc, x, doc.y, 110, 9, PATIENT.kana);
  labelledBox(doc, x + 110, doc.y, 70, 9, INTAKE.date);
  doc.text(BLANK.date, x + 113, doc.y + 7.5, { size: 9 });
  doc.y += 9;
  labelledBox(doc, x, doc.y, 110, 13, PATIENT.name);
  doc.text(BLANK.sama, x + 104, doc.y + 11, { size: 10 });
  labelledBox(doc, x + 110, doc.y, 70, 13, PATIENT.birth);
  doc.text(BLANK.birth, x + 112, doc.y + 10, { size: 8.5 });
  doc.y += 16;

  let n = 0;
  const question = (text: string) => {
    doc.text(`${++n}. ${text}`, x, doc.y + 4, { size: 10.5, bold: true });
    doc.y += 5.5;
  };
  const options = (labels: readonly string[], gap = 5) => {
    doc.y += checkboxes(doc, inner, doc.y, innerWidth, labels, { size: 10, gap }) + 0.5;
  };

  question(INTAKE.symptoms);
  options(INTAKE.symptomList, 4);
  labelledBox(doc, inner, doc.y, innerWidth, 15, INTAKE.symptomDetail);
  doc.y += 17;

  question(INTAKE.since);
  options(INTAKE.sinceList);

  question(INTAKE.temperature);
  fieldLine(doc, inner, doc.y + 4.5, 30, '', '', 10);
  doc.text(INTAKE.temperatureUnit, inner + 31, doc.y + 4.5, { size: 10 });
  doc.text(`${INTAKE.measuredAt}${GAP}${BLANK.time}`, inner + 45, doc.y + 4.5, { size: 10 });
  doc.y += 7;

  question(INTAKE.allergy);
  options([...INTAKE.allergyChoices, ...INTAKE.allergyKinds.map((k) => `（${k}）`)]);
  fieldLine(doc, inner, doc.y + 4, innerWidth, INTAKE.allergyDetail, '', 9);
  doc.y += 7;

  question(INTAKE.medication);
  options(INTAKE.medicationChoices);
  doc.text(INTAKE.notebook, inner, doc.y + 4, { size: 9.5, gray: 40 });
  doc.y += checkboxes(doc, inner + 20, doc.y, innerWidth - 20, INTAKE.notebookChoices, { size: 9.5, gap: 4 });
  labelledBox(doc, inner, doc.y, innerWidth, 12, INTAKE.medicationDetail);
  doc.y += 14;

  question(INTAKE.pregnancy);
  options(INTAKE.pregnancyChoices);

  question(INTAKE.history);
  options(INTAKE.historyList, 4);
  fieldLine(doc, inner, doc.y + 4, innerWidth, INTAKE.historyDetail, '', 9);
  doc.y += 7;

  question(INTAKE.message);
  labelledBox(doc, inner, doc.y, innerWidth, 18, '');
  doc.y += 20;

  question(INTAKE.writer);
  options(INTAKE.writerChoices);
}
