// After the EHR returns (復旧後): the session's records as one set, back-entry ticks (代行入力), and the names recovery shares.
import type { RecordMeta } from '../store/record';
import type { Outage, OutageSession, TimelineEvent } from '../outage/model';
import type { Arrival, Intake } from '../reception/model';
import type { Memo, Revision } from '../visits/model';
import type { Bill, Settlement } from '../billing/model';
import type { CashCount } from '../billing/cash-count';
import { isoLocalDate } from '../i18n/dates';

/** Every store that holds a session's records (all carry a sessionId index). Order = order in a bundle. */
export const SESSION_TABLES = [
  'events',
  'arrivals',
  'intakes',
  'memos',
  'revisions',
  'bills',
  'settlements',
  'cashCounts',
  'backEntries',
  'paperLinks',
  'audit'
] as const;
export type SessionTable = (typeof SESSION_TABLES)[number];

/** A stored row as recovery sees it: an id, its session, and whatever else the owning domain keeps. */
export interface StoredRecord {
  id: string;
  sessionId: string;
  [field: string]: unknown;
}

/** The outage session as recovery keeps it after a purge: a tombstone with counts only, no patient data. */
export interface PurgeSummary {
  at: string;
  by: string;
  deviceLabel: string;
  /** Rows deleted per store (and drafts). */
  counts: Record<string, number>;
}
export interface RecoverySession extends OutageSession {
  purgeSummary?: PurgeSummary;
}

/** One clinic outage's records from every store (every device's session of it), as read from this device. */
export interface SessionData {
  session: Outage<RecoverySession>;
  events: TimelineEvent[];
  arrivals: Arrival[];
  intakes: Intake[];
  memos: Memo[];
  revisions: Revision[];
  bills: Bill[];
  settlements: Settlement[];
  cashCounts: CashCount[];
  backEntries: BackEntry[];
  paperLinks: StoredRecord[];
  audit: StoredRecord[];
}

/** What a checklist line asks staff to enter: the visit (受付), the insurance check (資格), the memo, the money. */
export type ItemKind = 'arrival' | 'eligibility' | 'memo' | 'bill';
export const itemKinds: ItemKind[] = ['arrival', 'eligibility', 'memo', 'bill'];

/** Where it is entered: the EHR (電子カルテ) or the claims computer (レセコン). */
export type BackEntryTarget = 'ehr' | 'rececon';

/** Where each kind of item is entered: visits and memos into the EHR, insurance and money into the レセコン. */
export const targetOf: Record<ItemKind, BackEntryTarget> = {
  arrival: 'ehr',
  memo: 'ehr',
  eligibility: 'rececon',
  bill: 'rececon'
};

export interface BackEntryStep {
  /** numbered: the EHR patient number was filled in or changed after the tick. */
  action: 'entered' | 'undone' | 'numbered';
  by: string;
  at: string;
  deviceLabel: string;
}

/** A tick on the back-entry checklist (代行入力): which record was entered where, by whom and when. */
export interface BackEntry extends RecordMeta {
  recordId: string;
  itemKind: ItemKind;
  target: BackEntryTarget;
  /** False after an untick; the row stays, with its history. */
  entered: boolean;
  /** Who typed it into the EHR / レセコン, and when ('' while not entered). */
  enteredBy: string;
  enteredAt: string;
  /** The EHR's own patient number, for a new patient registered there. */
  ehrPatientNo: string;
  /** Every tick and untick, oldest first. */
  history: BackEntryStep[];
}

/** One tick per item and kind: the same id on every device, so two tablets ticking one item meet in a merge. */
export function backEntryId(itemKind: ItemKind, recordId: string): string {
  return `be-${itemKind}-${recordId}`;
}

/** The session's day as printed on files and typed to confirm a purge: local 'YYYY-MM-DD' of its start. */
export function sessionDay(session: Pick<OutageSession, 'startedAt'>): string {
  return isoLocalDate(session.startedAt);
}

export function isDrill(session: Pick<OutageSession, 'kind'>): boolean {
  return session.kind === 'drill';
}

/** The outage a recovery screen works on: every device's session of it (purge counts kept on each). */
export type RecoveryOutage = Outage<RecoverySession>;
