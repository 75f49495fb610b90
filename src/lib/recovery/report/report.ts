// The incident report for the BCP review (障害対応報告): how long, how many patients, memos and money, what is still open, and the timeline.
import { cashSummary } from '../../billing/settlement';
import { checkDrawers, type ClinicDrawers } from '../../billing/cash-count';
import { countVerdict } from '../../billing/money-labels';
import { formatDuration, type TimelineEvent } from '../../outage/model';
import { formatAmount } from '../../billing/model';
import { formatDateTime } from '../../i18n/dates';
import type { MessageKey } from '../../i18n/keys';

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;
import { checklistProgress, type ChecklistItem } from '../checklist/checklist';
import type { SessionData } from '../model';

export interface DeviceCount {
  deviceLabel: string;
  arrivals: number;
}

export interface IncidentReport {
  sessionId: string;
  drill: boolean;
  reason: string;
  declaredBy: string;
  startedAt: string;
  /** When the EHR came back; null while the outage lasts. */
  endedAt: string | null;
  /** Whole minutes from start to end (or to `now` while the outage lasts). */
  durationMinutes: number;
  ongoing: boolean;
  closedAt: string | null;
  /** total leaves out registrations cancelled at the desk (受付取消), counted apart. */
  patients: {
    total: number;
    newPatients: number;
    firstVisits: number;
    eligibilityOpen: number;
    cancelled: number;
  };
  byDevice: DeviceCount[];
  memos: number;
  memoRevisions: number;
  deposits: { count: number; total: number };
  payLater: number;
  selfPay: { count: number; total: number };
  voided: number;
  settlement: { settled: number; stillOpen: number; refunded: number; collected: number };
  /** The till count (レジ締め): every till's float, expected and counted cash, and the 過不足. */
  cashCount: ClinicDrawers;
  backEntry: { entered: number; total: number; notEntered: number };
  timeline: TimelineEvent[];
  /** When the report was made. */
  madeAt: string;
}

export function buildIncidentReport(
  data: SessionData,
  items: readonly ChecklistItem[],
  now: Date
): IncidentReport {
  const s = data.session;
  const end = s.recoveredAt ? new Date(s.recoveredAt) : now;
  const durationMinutes = Math.max(0, Math.floor((end.getTime() - new Date(s.startedAt).getTime()) / 60_000));
  // Registrations cancelled at the desk (受付取消) are not patients seen: counted apart.
  const seen = data.arrivals.filter((a) => a.status !== 'cancelled');
  const devices = new Map<string, number>();
  for (const a of seen) devices.set(a.deviceLabel, (devices.get(a.deviceLabel) ?? 0) + 1);
  const cash = cashSummary(data.bills, data.settlements);
  const progress = checklistProgress(items);
  return {
    sessionId: s.id,
    drill: s.kind === 'drill',
    reason: s.reason,
    declaredBy: s.declaredBy,
    startedAt: s.startedAt,
    endedAt: s.recoveredAt,
    durationMinutes,
    ongoing: !s.recoveredAt,
    closedAt: s.closedAt,
    patients: {
      total: seen.length,
      newPatients: seen.filter((a) => a.isNew).length,
      firstVisits: seen.filter((a) => a.visitType === 'first').length,
      cancelled: data.arrivals.length - seen.length,
      eligibilityOpen: items.filter((i) => i.kind === 'eligibility' && !i.entered).length
    },
    byDevice: [...devices.entries()]
      .map(([deviceLabel, arrivals]) => ({ deviceLabel, arrivals }))
      .sort((a, b) => a.deviceLabel.localeCompare(b.deviceLabel)),
    memos: data.memos.length,
    // Corrections only: each memo's first version (rev 1) is also kept as a revision, but it is not a change.
    memoRevisions: data.revisions.filter((r) => r.rev > 1).length,
    deposits: { count: cash.counts.deposits, total: cash.depositsTaken },
    payLater: cash.counts.payLater,
    selfPay: { count: cash.counts.selfPay, total: cash.selfPayTaken },
    voided: cash.counts.voided,
    settlement: {
      settled: cash.counts.settled,
      stillOpen: cash.stillOpen,
      refunded: cash.refunded,
      collected: cash.collected
    },
    cashCount: checkDrawers(data.bills, data.settlements, data.cashCounts),
    backEntry: {
      entered: progress.entered,
      total: progress.total,
      notEntered: progress.total - progress.entered
    },
    timeline: [...data.events].sort((a, b) => a.at.localeCompare(b.at)),
    madeAt: now.toISOString()
  };
}

/** The report as label/value lines, in the order the screen and the PDF show them. */
export function reportLines(r: IncidentReport, ja: Translate): [string, string][] {
  const d = formatDuration(r.durationMinutes);
  const lines: [string, string][] = [
    [ja('recovery.report.start'), formatDateTime(r.startedAt)],
    [ja('recovery.report.end'), r.endedAt ? formatDateTime(r.endedAt) : ja('recovery.report.ongoing')],
    [ja('recovery.report.duration'), ja('recovery.report.durationValue', { h: d.h, m: d.m })],
    [ja('recovery.report.reason'), r.reason || '—'],
    [ja('recovery.report.declaredBy'), r.declaredBy || '—'],
    [
      ja('recovery.report.patients'),
      ja(
        r.patients.cancelled > 0 ? 'recovery.report.patientsValueCancelled' : 'recovery.report.patientsValue',
        {
          total: r.patients.total,
          newPatients: r.patients.newPatients,
          firstVisits: r.patients.firstVisits,
          cancelled: r.patients.cancelled
        }
      )
    ],
    [
      ja('recovery.report.byDevice'),
      r.byDevice
        .map((x) => ja('recovery.report.byDeviceValue', { label: x.deviceLabel, n: x.arrivals }))
        .join('、') || '—'
    ],
    [
      ja('recovery.report.memos'),
      ja('recovery.report.memosValue', { n: r.memos, revisions: r.memoRevisions })
    ],
    [
      ja('recovery.report.deposits'),
      ja('recovery.report.depositsValue', { n: r.deposits.count, amount: formatAmount(r.deposits.total) })
    ],
    [ja('recovery.report.payLater'), ja('recovery.count', { n: r.payLater })],
    [
      ja('recovery.report.selfPay'),
      ja('recovery.report.depositsValue', { n: r.selfPay.count, amount: formatAmount(r.selfPay.total) })
    ],
    [ja('recovery.report.voided'), ja('recovery.count', { n: r.voided })],
    [
      ja('recovery.report.settlement'),
      ja('recovery.report.settlementValue', {
        settled: r.settlement.settled,
        open: r.settlement.stillOpen,
        refunded: formatAmount(r.settlement.refunded),
        collected: formatAmount(r.settlement.collected)
      })
    ],
    [ja('recovery.report.cashCount'), countVerdict(r.cashCount, ja)],
    [
      ja('recovery.report.notEntered'),
      ja('recovery.report.notEnteredValue', { n: r.backEntry.notEntered, total: r.backEntry.total })
    ],
    [ja('recovery.report.eligibilityOpen'), ja('recovery.report.people', { n: r.patients.eligibilityOpen })]
  ];
  if (r.closedAt) lines.push([ja('recovery.report.closed'), formatDateTime(r.closedAt)]);
  return lines;
}
