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
  /**
   * numbered: the EHR patient number was filled in or changed after the tick; confirmed: 確定, what was
   * entered by someone else (代行入力) was checked and confirmed by one who may (a doctor, for a memo).
   */
  action: 'entered' | 'undone' | 'numbered' | 'confirmed';
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
  /** 入力者: who typed it into the EHR / レセコン, and when ('' while not entered). */
  enteredBy: string;
  enteredAt: string;
  /**
   * 確定者: who confirmed what was entered, and when ('' while it waits). A memo is confirmed by a doctor,
   * at once when a doctor entered it; anything else by the entering itself (入力者 = 確定者).
   */
  confirmedBy: string;
  confirmedAt: string;
  /**
   * The version of the record that was entered (入力した版): its rev and updatedAt at the tick, and a
   * digest of what the item asks to enter (0, '' and '' when not entered, or ticked before versions were kept).
   */
  recordRev: number;
  recordUpdatedAt: string;
  recordDigest: string;
  /** The EHR's own patient number, for a new patient registered there. */
  ehrPatientNo: string;
  /** Every tick, untick, number and confirmation, oldest first. */
  history: BackEntryStep[];
}

/** Clinical content (診療メモ) is confirmed by a doctor: the guideline's 確定者 of a 診療録. */
export function needsDoctor(itemKind: ItemKind): boolean {
  return itemKind === 'memo';
}

/**
 * A tick as stored by an app from before confirmations and versions (a row on this device, or in a
 * bundle): what it lacks is filled, and a row that has it is returned unchanged. Such a tick was
 * entered without anyone confirming it, so a memo waits for a doctor; any other item was confirmed
 * by its entering. The version it entered is unknown (0).
 */
export function withBackEntryDefaults<T>(row: T): T {
  if (row === null || typeof row !== 'object' || Array.isArray(row)) return row;
  const r = row as Record<string, unknown>;
  if (
    'confirmedBy' in r &&
    'confirmedAt' in r &&
    'recordRev' in r &&
    'recordUpdatedAt' in r &&
    'recordDigest' in r
  )
    return row;
  const selfConfirmed = r.entered === true && !needsDoctor(r.itemKind as ItemKind);
  return {
    confirmedBy: selfConfirmed ? r.enteredBy : '',
    confirmedAt: selfConfirmed ? r.enteredAt : '',
    recordRev: 0,
    recordUpdatedAt: '',
    recordDigest: '',
    ...r
  } as T;
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
