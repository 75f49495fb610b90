// The shape of an audit-trail entry (監査ログ) and who is acting on this device: no patient content, ever.
import { randomId } from './record';

export const AUDIT_ACTIONS = [
  'create',
  'change',
  'export',
  'print',
  'import',
  'purge',
  'unlock',
  'unlockFailed',
  'lock'
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  id: string;
  /** ISO time of the action. */
  at: string;
  /** Outage session the record belongs to ('' outside one). */
  sessionId: string;
  /** Staff member's name as set in the status bar ('' when nobody is picked). */
  who: string;
  deviceLabel: string;
  action: AuditAction;
  /** Store name of the record ('' for actions on the whole device, such as unlock). */
  table: string;
  /** Primary key of the record ('' for whole-table or whole-device actions). */
  recordId: string;
  /** How many records one entry stands for (a bulk write, an export). */
  count?: number;
  /** A short description without patient content (file kind, form name). */
  detail?: string;
  /** The number staff know the record by — a queue number or a serial (A-0001) — when it has one. */
  ref?: string;
}

export interface AuditActor {
  staffName: string;
  deviceLabel: string;
  /** The current outage session, used for entries that are not about one record. */
  sessionId: string;
}

export type AuditInput = Pick<AuditEntry, 'action'> &
  Partial<Pick<AuditEntry, 'table' | 'recordId' | 'sessionId' | 'count' | 'detail' | 'ref'>>;

// Who is acting is known only to the layout (workspace), yet the store's middleware writes entries
// for every create and change: the layout sets it here, the middleware reads it. Holds no patient data.
let actor: AuditActor = { staffName: '', deviceLabel: '', sessionId: '' };

/** Called by the layout whenever the staff member, device label or session changes. */
export function setAuditActor(next: Partial<AuditActor>): void {
  actor = { ...actor, ...next };
}

export function auditActor(): AuditActor {
  return actor;
}

/** Build one entry: the actor fills who, device and (unless given) session. */
export function auditEntry(
  input: AuditInput,
  now: Date,
  by: AuditActor = actor,
  newId: () => string = randomId
): AuditEntry {
  const entry: AuditEntry = {
    id: newId(),
    at: now.toISOString(),
    sessionId: input.sessionId ?? by.sessionId,
    who: by.staffName,
    deviceLabel: by.deviceLabel,
    action: input.action,
    table: input.table ?? '',
    recordId: input.recordId ?? ''
  };
  if (input.count !== undefined) entry.count = input.count;
  if (input.detail !== undefined) entry.detail = input.detail;
  if (input.ref) entry.ref = input.ref;
  return entry;
}
