// 診療メモ (visit memo), blank: one SOAP page per visit — S history, O vitals, A diagnosis, P prescriptions, tests and documents.
import { checkboxes, fieldLine, labelledBox, sectionTab } from '../boxes';
import { CONTENT_WIDTH, MARGIN, type Paper } from '../engine';
import { BLANK, GAP, MEMO, PATIENT, TITLES } from '../form-text';
import { formHeader } from '../header';
import type { Clinic, Vitals } from '../model';
import { table } from '../table';

const TAB = 9;
/** Vital signs in the order both memo layouts print them. */
export const VITALS: (keyof Vitals)[] = [
  'temperature',
  'bloodPressure',
  'pulse',
  'spo2',
  'respiratoryRate',
  'height',
  'weight'
];

/** The prescription table's columns, shared with the filled memo. */
export const RX_COLUMNS = [
  { header: MEMO.rx.drug, width: 34 },
  { header: MEMO.rx.strength, width: 14 },
  { header: MEMO.rx.dose, width: 13 },
  { header: MEMO.rx.usage, width: 22 },
  { header: MEMO.rx.days, width: 8, align: 'right' as const },
  { header: MEMO.rx.dispensing, width: 11, align: 'center' as const }
];

export function visitMemoForm(doc: Paper, clinic: Clinic, serial: string): void {
  formHeader(doc, clinic, { title: TITLES.visitMemo, subtitle: MEMO.subtitle, serial });
  const x = MARGIN;
  const left = x + TAB;
  const w = CONTENT_WIDTH - TAB;
  const half = w / 2;

  labelledBox(doc, x, doc.y, 25, 11, MEMO.queue);
  labelledBox(doc, x + 25, doc.y, 70, 11, PATIENT.name);
  labelledBox(doc, x + 95, doc.y, 50, 11, PATIENT.birth);
  doc.text(BLANK.birth, x + 96.5, doc.y + 9, { size: 7 });
  labelledBox(doc, x + 145, doc.y, 35, 11, MEMO.arrived, BLANK.time, { size: 9 });
  doc.y += 14;

  section(doc, MEMO.S, 50, (y) => {
    labelledBox(doc, left, y, w, 11, MEMO.chiefComplaint);
    labelledBox(doc, left, y + 11, w, 26, MEMO.presentIllness);
    labelledBox(doc, left, y + 37, half, 13, MEMO.medications);
    labelledBox(doc, left + half, y + 37, half, 13, MEMO.allergies);
  });

  section(doc, MEMO.O, 34, (y) => {
    const cell = w / VITALS.length;
    VITALS.forEach((key, i) =>
      labelledBox(doc, left + i * cell, y, cell, 12, MEMO[key].label, '', { hint: MEMO[key].unit })
    );
    labelledBox(doc, left, y + 12, w, 22, MEMO.findings);
  });

  section(doc, MEMO.A, 18, (y) => labelledBox(doc, left, y, w, 18, MEMO.assessment));

  const pTop = doc.y;
  doc.text(MEMO.prescriptions, left + 1, doc.y + 3.6, { size: 8, bold: true, gray: 40 });
  doc.y += 5;
  table(
    doc,
    RX_COLUMNS,
    Array.from({ length: 5 }, () => RX_COLUMNS.map(() => '')),
    { x: left, width: w, minRowHeight: 7 }
  );
  let y = doc.y;
  labelledBox(doc, left, y, half, 12, MEMO.procedures);
  labelledBox(doc, left + half, y, half, 12, MEMO.injections);
  y += 12;
  labelledBox(doc, left, y, w, 15, MEMO.tests);
  const states = Object.values(MEMO.testStates);
  for (const colX of [left, left + half]) {
    fieldLine(doc, colX + 2, y + 10, 34, '', '', 9);
    checkboxes(doc, colX + 38, y + 5, half - 40, states, { size: 8.5, gap: 2 });
  }
  y += 15;
  labelledBox(doc, left, y, half, 12, MEMO.guidance);
  labelledBox(doc, left + half, y, half, 12, MEMO.nextAppointment);
  y += 12;
  labelledBox(doc, left, y, w, 9, MEMO.documents);
  checkboxes(doc, left + 18, y + 1.2, w - 20, Object.values(MEMO.documentList), { size: 9, gap: 6 });
  y += 9;
  sectionTab(doc, x, pTop, y - pTop, MEMO.P.letter, MEMO.P.caption);
  doc.y = y + 6;

  fieldLine(doc, x, doc.y + 4, 70, MEMO.author);
  fieldLine(doc, x + 78, doc.y + 4, 102, MEMO.writtenAt, `${BLANK.date}${GAP}${BLANK.time}`);
  doc.y += 8;
}

/** A SOAP band: the tab on the left, its boxes drawn by `draw` at the band's top. */
function section(
  doc: Paper,
  tab: { letter: string; caption: string },
  height: number,
  draw: (top: number) => void
): void {
  sectionTab(doc, MARGIN, doc.y, height, tab.letter, tab.caption);
  draw(doc.y);
  doc.y += height + 3;
}
