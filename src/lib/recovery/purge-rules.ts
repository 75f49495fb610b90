// Before a session is purged from this device: what is not yet safe elsewhere, and the typed confirmation.
import { cashSummary } from '../billing/settlement';
import { checklistProgress, type ChecklistItem } from './checklist';
import { SESSION_TABLES, sessionDay, type SessionData, type SessionTable } from './model';

/** Timeline kinds that record a copy or a printout rather than a change to the session's records. */
const NOT_A_CHANGE = new Set(['exported', 'printed', 'purged']);

/** The last time anything of the session changed on this device (records, imports, recovery…). */
export function lastChangeAt(data: SessionData): string | null {
  let last = '';
  const consider = (at: unknown) => {
    if (typeof at === 'string' && at > last) last = at;
  };
  for (const table of SESSION_TABLES) {
    if (table === 'events') continue;
    for (const r of data[table] as unknown as Record<string, unknown>[]) consider(r.updatedAt ?? r.at);
  }
  for (const e of data.events) if (!NOT_A_CHANGE.has(e.kind)) consider(e.at);
  return last || null;
}

/** The last export made on this device (an export on another tablet does not hold this one's records). */
export function lastExportAt(data: Pick<SessionData, 'events'>, deviceLabel: string): string | null {
  const at = data.events
    .filter((e) => e.kind === 'exported' && e.deviceLabel === deviceLabel)
    .map((e) => e.at);
  return at.length > 0 ? at.sort().at(-1)! : null;
}

export interface PurgeWarnings {
  /** Nothing was exported (bundle or CSV) from this device after the last change. */
  notExported: boolean;
  lastChange: string | null;
  lastExport: string | null;
  /** Checklist items not yet entered into the EHR / レセコン. */
  notEntered: number;
  /** Deposits and pay-laters not settled (未精算, 返金待ち, 連絡不能). */
  unsettled: number;
  /** The EHR has not been declared back yet. */
  stillOutage: boolean;
}

export function purgeWarnings(
  data: SessionData,
  items: readonly ChecklistItem[],
  deviceLabel: string
): PurgeWarnings {
  const lastChange = lastChangeAt(data);
  const lastExport = lastExportAt(data, deviceLabel);
  const progress = checklistProgress(items);
  return {
    notExported: lastChange !== null && (lastExport === null || lastExport < lastChange),
    lastChange,
    lastExport,
    notEntered: progress.total - progress.entered,
    unsettled: cashSummary(data.bills, data.settlements).stillOpen,
    stillOutage: !data.session.recoveredAt
  };
}

export function hasWarnings(w: PurgeWarnings): boolean {
  return w.notExported || w.notEntered > 0 || w.unsettled > 0 || w.stillOutage;
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
