// The recovery steps in order, and how far each has come: what the hub (/recovery/) shows.
import { cashSummary } from '../billing/settlement';
import { formatDateTime } from '../i18n/dates';
import { checklistProgress, type ChecklistItem, type Message } from './checklist';
import { lastChangeAt, purgeWarnings } from './purge-rules';
import type { SessionData } from './model';

export type StepId = 'export' | 'import' | 'checklist' | 'settle' | 'csv' | 'report' | 'purge';
export const stepIds: StepId[] = ['export', 'import', 'checklist', 'settle', 'csv', 'report', 'purge'];

/** Timeline details written by recovery's own exports and prints (stored text, not translated). */
export const EXPORT_DETAIL = { bundle: 'バンドル', csvPrefix: 'CSV ', report: '障害対応報告' } as const;

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
  deviceLabel: string
): Record<StepId, StepState> {
  const exports = data.events.filter((e) => e.kind === 'exported' && e.deviceLabel === deviceLabel);
  const bundles = exports
    .filter((e) => e.detail === EXPORT_DETAIL.bundle)
    .map((e) => e.at)
    .sort();
  const lastBundle = bundles.at(-1) ?? null;
  const lastChange = lastChangeAt(data);
  const stale = lastBundle !== null && lastChange !== null && lastBundle < lastChange;
  const devices = devicesOf(data);
  const imported = data.events.some((e) => e.kind === 'imported');
  const progress = checklistProgress(items);
  const cash = cashSummary(data.bills, data.settlements);
  const csvNames = [
    ...new Set(
      exports
        .filter((e) => e.detail.startsWith(EXPORT_DETAIL.csvPrefix))
        .map((e) => e.detail.slice(EXPORT_DETAIL.csvPrefix.length))
    )
  ];
  const reportMade = data.events.some((e) => e.kind === 'printed' && e.detail === EXPORT_DETAIL.report);
  const warnings = purgeWarnings(data, items, deviceLabel);
  const warnCount = [
    warnings.notExported,
    warnings.notEntered > 0,
    warnings.unsettled > 0,
    warnings.stillOutage
  ].filter(Boolean).length;

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
      warn: false,
      lines: [
        { key: 'recovery.status.progress', values: { entered: progress.entered, total: progress.total } }
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
