// The recovery steps in order, and how far each has come: what the hub (/recovery/) shows.
import { cashSummary } from '../billing/settlement';
import { formatDateTime } from '../i18n/dates';
import { RECOVERY_DETAIL } from '../outage/timeline-detail';
import { checklistProgress, type ChecklistItem, type Message } from './checklist/checklist';
import { changesSince, lastExportAt, purgeWarnings, warningCount } from './purge/purge-rules';
import type { SessionDraft } from './purge/unsaved-drafts';
import type { SessionData } from './model';

export type StepId = 'export' | 'import' | 'checklist' | 'settle' | 'csv' | 'report' | 'purge';
export const stepIds: StepId[] = ['export', 'import', 'checklist', 'settle', 'csv', 'report', 'purge'];

/** Timeline details written by recovery's own exports and prints (stored text, shown through describeDetail). */
export const EXPORT_DETAIL = RECOVERY_DETAIL;

export interface StepState {
  done: boolean;
  /** Status lines under the step's title. */
  lines: Message[];
  /** Draws attention: something here needs a look. */
  warn: boolean;
}

/** Device labels that recorded anything in the session (arrivals, memos, bills…). */
export function devicesOf(data: SessionData): string[] {
  const labels = new Set<string>();
  for (const list of [data.arrivals, data.memos, data.bills, data.intakes, data.settlements])
    for (const r of list) if (r.createdDevice) labels.add(r.createdDevice);
  return [...labels].sort();
}

/** How far each step has come on this device (`deviceLabel`): its own exports count, not another tablet's. */
export function recoverySteps(
  data: SessionData,
  items: readonly ChecklistItem[],
  pendingConflicts: number,
  deviceLabel: string,
  drafts: readonly SessionDraft[] = []
): Record<StepId, StepState> {
  const exports = data.events.filter((e) => e.kind === 'exported' && e.deviceLabel === deviceLabel);
  const lastBundle = lastExportAt(data, deviceLabel);
  const stale = lastBundle !== null && changesSince(data, lastBundle).count > 0;
  const devices = devicesOf(data);
  const imported = data.events.some((e) => e.kind === 'imported');
  const progress = checklistProgress(items);
  const cash = cashSummary(data.bills, data.settlements);
  // A table counts as written whether it went out as CSV or as .xlsx.
  const tableName = (detail: string) =>
    [EXPORT_DETAIL.csvPrefix, EXPORT_DETAIL.xlsxPrefix]
      .filter((prefix) => detail.startsWith(prefix))
      .map((prefix) => detail.slice(prefix.length));
  const csvNames = [...new Set(exports.flatMap((e) => tableName(e.detail)))];
  const reportMade = data.events.some((e) => e.kind === 'printed' && e.detail === EXPORT_DETAIL.report);
  const warnCount = warningCount(purgeWarnings(data, items, deviceLabel, drafts));

  return {
    export: {
      done: lastBundle !== null && !stale,
      warn: stale,
      lines: lastBundle
        ? [
            { key: 'recovery.status.exportAt', values: { at: formatDateTime(lastBundle) } },
            ...(stale ? [{ key: 'recovery.status.exportStale' } as Message] : [])
          ]
        : [{ key: 'recovery.status.exportNever' }]
    },
    import: {
      done: imported && pendingConflicts === 0,
      warn: pendingConflicts > 0,
      lines: [
        ...(imported ? [] : [{ key: 'recovery.status.importNone' } as Message]),
        ...(devices.length > 0
          ? [{ key: 'recovery.status.importFrom', values: { labels: devices.join('・') } } as Message]
          : []),
        ...(pendingConflicts > 0
          ? [{ key: 'recovery.status.conflicts', values: { n: pendingConflicts } } as Message]
          : [])
      ]
    },
    checklist: {
      done: progress.entered === progress.total,
      // A memo waiting for a doctor, or a record changed after it was entered, needs someone to act.
      warn: progress.awaitingConfirmation + progress.changed > 0,
      lines: [
        { key: 'recovery.status.progress', values: { entered: progress.entered, total: progress.total } },
        ...(progress.awaitingConfirmation + progress.changed > 0
          ? [
              {
                key: 'recovery.status.progressOpen',
                values: { awaiting: progress.awaitingConfirmation, changed: progress.changed }
              } as Message
            ]
          : [])
      ]
    },
    settle: {
      done: cash.stillOpen === 0,
      warn: false,
      lines: [
        cash.stillOpen > 0
          ? { key: 'recovery.status.unsettled', values: { n: cash.stillOpen } }
          : { key: 'recovery.status.allSettled' }
      ]
    },
    csv: {
      done: csvNames.length > 0,
      warn: false,
      lines: [
        csvNames.length > 0
          ? { key: 'recovery.status.csvDone', values: { names: csvNames.join('・') } }
          : { key: 'recovery.status.csvNone' }
      ]
    },
    report: { done: reportMade, warn: false, lines: [] },
    purge: {
      done: Boolean(data.session.purgedAt),
      warn: warnCount > 0,
      lines: [
        warnCount > 0
          ? { key: 'recovery.status.purgeWarn', values: { n: warnCount } }
          : { key: 'recovery.status.purgeReady' }
      ]
    }
  };
}
