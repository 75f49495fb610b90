// Before a session is purged from this device: what is not yet safe elsewhere, and the typed confirmation.
import { cashSummary } from '../../billing/settlement';
import { checklistProgress, type ChecklistItem } from '../checklist/checklist';
import { SESSION_TABLES, sessionDay, type SessionData, type SessionTable } from '../model';
import { RECOVERY_DETAIL } from '../../outage/timeline-detail';
import { unsavedDrafts, type SessionDraft, type UnsavedGroup } from './unsaved-drafts';

/** Timeline kinds that record a copy or a printout rather than a change to the session's records. */
const NOT_A_CHANGE = new Set(['exported', 'printed', 'purged']);

/**
 * Stores whose rows are the session's records. The audit trail is left out: it describes changes (and
 * exports: an export writes its own audit line, which must not make that very export look stale).
 */
const RECORD_TABLES = SESSION_TABLES.filter((t) => t !== 'events' && t !== 'audit');

/** When a row last changed: the newest of its updatedAt, createdAt (and `at` for rows that only have that). */
function changedAt(row: Record<string, unknown>): string {
  let last = '';
  for (const at of [row.updatedAt, row.createdAt, row.at]) if (typeof at === 'string' && at > last) last = at;
  return last;
}

export interface Changes {
  /** Records (and timeline lines that change the session: import, recovery…) newer than `since`. */
  count: number;
  /** The newest of them, null when none. */
  last: string | null;
}

/** What changed on this device after `since` (everything, when `since` is null). */
export function changesSince(data: SessionData, since: string | null): Changes {
  let count = 0;
  let last = '';
  const consider = (at: string) => {
    if (!at || (since !== null && at <= since)) return;
    count++;
    if (at > last) last = at;
  };
  for (const table of RECORD_TABLES)
    for (const r of data[table] as unknown as Record<string, unknown>[]) consider(changedAt(r));
  for (const e of data.events) if (!NOT_A_CHANGE.has(e.kind)) consider(e.at);
  return { count, last: last || null };
}

/** The last time anything of the session changed on this device (records, imports, recovery…). */
export function lastChangeAt(data: SessionData): string | null {
  return changesSince(data, null).last;
}

/**
 * The last bundle exported on this device: only a bundle can be imported again, and an export on another
 * tablet does not hold this one's records. (A CSV is a list to check against, not a copy to restore from.)
 */
export function lastExportAt(data: Pick<SessionData, 'events'>, deviceLabel: string): string | null {
  const at = data.events
    .filter(
      (e) => e.kind === 'exported' && e.deviceLabel === deviceLabel && e.detail === RECOVERY_DETAIL.bundle
    )
    .map((e) => e.at);
  return at.length > 0 ? at.sort().at(-1)! : null;
}

export interface PurgeWarnings {
  /** This device's records are not all in its last bundle (or no bundle was exported). */
  notExported: boolean;
  /** How many records changed after the last bundle (all of them when there is none). */
  changedSinceExport: number;
  lastChange: string | null;
  lastExport: string | null;
  /** Checklist items not yet entered into the EHR / レセコン. */
  notEntered: number;
  /** Deposits and pay-laters not settled (未精算, 返金待ち, 連絡不能). */
  unsettled: number;
  /** The EHR has not been declared back yet. */
  stillOutage: boolean;
  /** Unsaved form input of the session, by kind and patient; and conflicts not yet decided. */
  drafts: UnsavedGroup[];
}

export function purgeWarnings(
  data: SessionData,
  items: readonly ChecklistItem[],
  deviceLabel: string,
  drafts: readonly SessionDraft[] = []
): PurgeWarnings {
  const lastExport = lastExportAt(data, deviceLabel);
  const changed = changesSince(data, lastExport);
  const progress = checklistProgress(items);
  return {
    notExported: changed.count > 0,
    changedSinceExport: changed.count,
    lastChange: lastChangeAt(data),
    lastExport,
    notEntered: progress.total - progress.entered,
    unsettled: cashSummary(data.bills, data.settlements).stillOpen,
    stillOutage: !data.session.recoveredAt,
    drafts: unsavedDrafts(drafts, data)
  };
}

/** How many separate things the purge page warns about. */
export function warningCount(w: PurgeWarnings): number {
  return (
    [w.notExported, w.notEntered > 0, w.unsettled > 0, w.stillOutage].filter(Boolean).length + w.drafts.length
  );
}

export function hasWarnings(w: PurgeWarnings): boolean {
  return warningCount(w) > 0;
}

/** The words that confirm a purge: the session's date (2025-11-15) or 削除; full-width input accepted. */
export function purgeConfirmed(typed: string, session: Pick<SessionData['session'], 'startedAt'>): boolean {
  const text = typed
    .normalize('NFKC')
    .trim()
    .replace(/[‐‑–—−ー]/g, '-');
  return text === '削除' || text === sessionDay(session);
}

/** Stores the purge empties, and drafts (unsent form input) of the session. */
export type PurgeStore = SessionTable | 'drafts';
export const PURGE_STORES: PurgeStore[] = [...SESSION_TABLES, 'drafts'];
export type PurgeCounts = Record<PurgeStore, number>;

export function totalOf(counts: Partial<PurgeCounts>): number {
  return Object.values(counts).reduce<number>((sum, n) => sum + (n ?? 0), 0);
}
