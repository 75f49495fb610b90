// The incident report (障害対応報告) as an A4 PDF, drawn with the paper engine; loaded on demand (it brings jsPDF).
import { MARGIN, Paper } from '../../paper/engine';
import { formHeader } from '../../paper/header';
import { table } from '../../paper/table';
import type { Clinic, FontBytes, PdfResult, PrintFile } from '../../paper/model';
import { translate, type MessageValues } from '../../i18n/translate';
import type { MessageKey } from '../../i18n/keys';
import { formatDateTime, isoLocalDate } from '../../i18n/dates';
import { toLocalDateTime } from '../../outage/model';
import { describeDetail } from '../../outage/timeline-detail';
import { reportLines, type IncidentReport } from './report';
// Loaded when the report is made: the words it prints come with it.
import '../../i18n/messages/billing';
import '../../i18n/messages/recovery';

/** The report is a Japanese document for the clinic's files, whatever language the screen shows. */
const ja = (key: MessageKey, values?: MessageValues) => translate('ja', key, values);

/** Named like every printout, by the day the outage began: '2025-11-15_訓練_障害対応報告.pdf'. */
export function incidentFile(r: IncidentReport): PrintFile {
  return { kind: 'incidentReport', date: isoLocalDate(r.startedAt), drill: r.drill };
}

export function incidentPdf(r: IncidentReport, clinic: Clinic, font: FontBytes): PdfResult {
  const title = ja('recovery.report.title');
  const doc = new Paper({
    font,
    clinic,
    drill: r.drill,
    title,
    printedAt: toLocalDateTime(new Date(r.madeAt))
  });
  formHeader(doc, clinic, {
    title,
    subtitle: ja('recovery.report.madeAt', { at: formatDateTime(r.madeAt) })
  });
  table(
    doc,
    [
      { header: ja('recovery.report.col.item'), width: 30 },
      { header: ja('recovery.report.col.value'), width: 70 }
    ],
    reportLines(r, ja),
    { size: 10 }
  );
  doc.y += 5;
  doc.ensure(14);
  doc.text(ja('recovery.report.timeline'), MARGIN, doc.y + 4, { size: 11, bold: true });
  doc.y += 7;
  table(
    doc,
    [
      { header: ja('recovery.report.col.at'), width: 22 },
      { header: ja('recovery.report.col.event'), width: 20 },
      { header: ja('recovery.report.col.detail'), width: 38 },
      { header: ja('recovery.report.col.by'), width: 20 }
    ],
    r.timeline.map((e) => [
      formatDateTime(e.at),
      ja(`outage.timeline.${e.kind}`),
      describeDetail(e.kind, e.detail, 'ja'),
      `${e.by}・${e.deviceLabel}`
    ]),
    { size: 9 }
  );
  return doc.finish();
}
