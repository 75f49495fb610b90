// The day's log of arrivals (受付記録): every arrival in order with time, visit type, status, memo and bill, and the totals.
import { formatDate, formatTime } from '../datetime';
import { MARGIN, Paper } from '../engine';
import { DAY_LOG, GAP, TITLES } from '../form-text';
import { formHeader } from '../header';
import type { DayLogInput, FontBytes, PdfResult } from '../model';
import { table } from '../table';
import { formatYen } from '../yen';

export function dayLog(input: DayLogInput, font: FontBytes): PdfResult {
  const doc = new Paper({
    font,
    clinic: input.clinic,
    drill: input.drill,
    title: `${TITLES.dayLog} ${input.date}`,
    printedAt: input.printedAt
  });
  const rows = input.rows;
  const total = rows.reduce((sum, r) => sum + (r.amount ?? 0), 0);
  formHeader(doc, input.clinic, {
    title: TITLES.dayLog,
    subtitle: `${DAY_LOG.date} ${formatDate(input.date)}${GAP}${DAY_LOG.count} ${rows.length} ${DAY_LOG.countUnit}${GAP}${DAY_LOG.total} ${formatYen(total)} ${DAY_LOG.yen}`
  });
  if (rows.length === 0) {
    doc.flow(DAY_LOG.none, { size: 10 });
    return doc.finish();
  }

  const c = DAY_LOG.columns;
  table(
    doc,
    [
      { header: c.queue, width: 9, align: 'right' },
      { header: c.time, width: 10, align: 'center' },
      { header: c.name, width: 40 },
      { header: c.visitType, width: 11, align: 'center' },
      { header: c.status, width: 14, align: 'center' },
      { header: c.memo, width: 8, align: 'center' },
      { header: c.bill, width: 15, align: 'center' },
      { header: c.amount, width: 15, align: 'right' }
    ],
    rows.map((r) => [
      String(r.queueNumber),
      formatTime(r.arrivedAt),
      r.patientKana ? `${r.patientName}（${r.patientKana}）` : r.patientName,
      r.visitType,
      r.status,
      r.hasMemo ? DAY_LOG.memoYes : DAY_LOG.memoNo,
      r.billState,
      r.amount === null ? '' : formatYen(r.amount)
    ]),
    { size: 9 }
  );

  // Per bill state: how many, and how much, so the cash drawer can be checked against the paper.
  // A state whose rows carry no amount (後日精算, no bill yet) prints a dash, not a misleading 0.
  const byState = new Map<string, { count: number; sum: number; hasAmount: boolean }>();
  for (const r of rows) {
    const s = byState.get(r.billState) ?? { count: 0, sum: 0, hasAmount: false };
    s.count++;
    s.sum += r.amount ?? 0;
    if (r.amount !== null) s.hasAmount = true;
    byState.set(r.billState, s);
  }
  doc.y += 4;
  doc.ensure(12);
  doc.text(DAY_LOG.byBillState, MARGIN, doc.y + 4, { size: 10, bold: true });
  doc.y += 6;
  table(
    doc,
    [
      { header: c.bill, width: 30 },
      { header: DAY_LOG.count, width: 15, align: 'right' },
      { header: c.amount, width: 25, align: 'right' }
    ],
    [
      ...[...byState].map(([state, s]) => [
        state,
        `${s.count} ${DAY_LOG.countUnit}`,
        s.hasAmount ? formatYen(s.sum) : '—'
      ]),
      [DAY_LOG.total, `${rows.length} ${DAY_LOG.countUnit}`, formatYen(total)]
    ],
    { size: 9.5, width: 90, rowStyle: (r) => (r === byState.size ? { bold: true } : undefined) }
  );
  return doc.finish();
}
