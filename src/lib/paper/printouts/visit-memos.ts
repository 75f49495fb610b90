// Filled visit memos (診療メモ), one per arrival, each from a new page: SOAP fields, prescription table, author and revisions.
import { checkboxes } from '../boxes';
import { formatDate, formatDateTime } from '../datetime';
import { CONTENT_WIDTH, MARGIN, Paper } from '../engine';
import { GAP, MEMO, PATIENT, TITLES } from '../form-text';
import { RX_COLUMNS, VITALS } from '../forms/visit-memo';
import { formHeader } from '../header';
import type { FontBytes, PdfResult, VisitMemo, VisitMemosInput } from '../model';
import { table } from '../table';

const LABEL_WIDTH = 24;
const VALUE = { size: 10 };

export function visitMemos(input: VisitMemosInput, font: FontBytes): PdfResult {
  const doc = new Paper({
    font,
    clinic: input.clinic,
    drill: input.drill,
    title: TITLES.visitMemo,
    printedAt: input.printedAt
  });
  if (input.memos.length === 0) {
    formHeader(doc, input.clinic, { title: TITLES.visitMemo });
    doc.flow(MEMO.empty, VALUE);
  }
  input.memos.forEach((memo, i) => {
    if (i > 0) doc.newPage();
    memoPages(doc, input, memo);
  });
  return doc.finish();
}

function memoPages(doc: Paper, input: VisitMemosInput, m: VisitMemo): void {
  formHeader(doc, input.clinic, {
    title: TITLES.visitMemo,
    subtitle: `${MEMO.queue} ${m.queueNumber}${GAP}${MEMO.arrived} ${formatDateTime(m.arrivedAt)}`,
    serial: m.serial
  });
  table(
    doc,
    [
      { header: MEMO.queue, width: 17, align: 'center' },
      { header: PATIENT.name, width: 38 },
      { header: PATIENT.kana, width: 35 },
      { header: PATIENT.birth, width: 27 },
      { header: PATIENT.sex, width: 10, align: 'center' },
      { header: PATIENT.id, width: 20 },
      { header: MEMO.arrived, width: 35 }
    ],
    [
      [
        String(m.queueNumber),
        m.patientName,
        m.patientKana ?? '',
        m.birthDate ? formatDate(m.birthDate) : '',
        m.sex ?? '',
        m.patientId ?? '',
        formatDateTime(m.arrivedAt)
      ]
    ],
    { size: 9.5 }
  );
  doc.y += 2;

  sectionBar(doc, MEMO.S);
  field(doc, MEMO.chiefComplaint, m.subjective.chiefComplaint);
  field(doc, MEMO.presentIllness, m.subjective.presentIllness);
  field(doc, MEMO.medications, m.subjective.medications);
  field(doc, MEMO.allergies, m.subjective.allergies);

  sectionBar(doc, MEMO.O);
  table(
    doc,
    VITALS.map((key) => ({
      header: `${MEMO[key].label}（${MEMO[key].unit}）`,
      width: 1,
      align: 'center' as const
    })),
    [VITALS.map((key) => m.objective[key])],
    { size: 9.5, x: MARGIN + LABEL_WIDTH, width: CONTENT_WIDTH - LABEL_WIDTH }
  );
  doc.y += 1;
  field(doc, MEMO.findings, m.objective.findings);

  sectionBar(doc, MEMO.A);
  field(doc, MEMO.assessment, m.assessment);

  sectionBar(doc, MEMO.P);
  const p = m.plan;
  if (p.prescriptions.length) {
    label(doc, MEMO.prescriptions);
    table(
      doc,
      RX_COLUMNS,
      p.prescriptions.map((rx) => [
        rx.drug,
        rx.strength,
        rx.dose,
        rx.usage,
        rx.days,
        MEMO.dispensing[rx.dispensing]
      ]),
      { size: 9, x: MARGIN + LABEL_WIDTH, width: CONTENT_WIDTH - LABEL_WIDTH }
    );
    doc.y += 1;
  } else {
    field(doc, MEMO.prescriptions, '');
  }
  field(doc, MEMO.procedures, p.procedures);
  field(doc, MEMO.tests, p.tests.map((t) => `${t.name}（${MEMO.testStates[t.state]}）`).join('、'));
  field(doc, MEMO.injections, p.injections);
  field(doc, MEMO.guidance, p.guidance);
  field(doc, MEMO.nextAppointment, p.nextAppointment);
  const docs = p.documents;
  const issued: string[] = (['prescription', 'referral', 'certificate'] as const)
    .filter((k) => docs[k])
    .map((k) => MEMO.documentList[k]);
  if (docs.other) issued.push(MEMO.documentList.other);
  doc.ensure(8);
  label(doc, MEMO.documents);
  doc.y += checkboxes(
    doc,
    MARGIN + LABEL_WIDTH,
    doc.y - 0.3,
    CONTENT_WIDTH - LABEL_WIDTH,
    Object.values(MEMO.documentList),
    { checked: issued, size: 9.5 }
  );
  if (docs.other) field(doc, '', docs.other);

  doc.ensure(10);
  doc.y += 3;
  doc.line(MARGIN, doc.y, MARGIN + CONTENT_WIDTH, doc.y, { width: 0.3 });
  const sign = `${MEMO.author}：${m.author}${GAP.repeat(2)}${MEMO.writtenAt}：${formatDateTime(m.writtenAt)}${GAP.repeat(2)}${MEMO.revisions} ${m.revisions} ${MEMO.revisionsUnit}`;
  doc.text(sign, MARGIN + CONTENT_WIDTH, doc.y + 5, { size: 9.5, align: 'right' });
  doc.y += 7;
}

/** A gray band naming the SOAP section, kept with at least two lines of what follows. */
function sectionBar(doc: Paper, tab: { letter: string; caption: string }): void {
  doc.ensure(7 + 2 * doc.lineHeight(VALUE));
  doc.y += 1.5;
  doc.rect(MARGIN, doc.y, CONTENT_WIDTH, 6, { fill: 80 });
  doc.text(`${tab.letter}${GAP}${tab.caption}`, MARGIN + 2.5, doc.y + 4.5, {
    size: 10.5,
    bold: true,
    gray: 255
  });
  doc.y += 7.5;
}

function label(doc: Paper, text: string): void {
  doc.ensure(doc.lineHeight(VALUE));
  doc.text(text, MARGIN + 1, doc.y + doc.baseline(VALUE), { size: 9, bold: true, gray: 40 });
}

/** Label in the left column, value wrapped beside it (across pages if long); empty values say so. */
function field(doc: Paper, name: string, value: string): void {
  if (name) label(doc, name);
  const text = value.trim();
  doc.flow(text || MEMO.none, { ...VALUE, x: MARGIN + LABEL_WIDTH, gray: text ? undefined : 140 });
  doc.y += 0.8;
}
