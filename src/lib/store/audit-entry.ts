// The shape of an audit-trail entry (監査ログ) and who it names: no patient content, ever. Who acted always
// comes with the write (its context, or the record's own author fields): there is no "current user" here.
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

/** Build one entry: the actor fills who, device and (unless given) session. */
export function auditEntry(
  input: AuditInput,
  now: Date,
  by: AuditActor,
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

/** The actor of a write: who and on which device, from its context (the session comes with each record). */
export function actorOf(actor: { staffName: string; deviceLabel: string }, sessionId = ''): AuditActor {
  return { staffName: actor.staffName, deviceLabel: actor.deviceLabel, sessionId };
}

/**
 * The actor a stored record names itself: its last change's author and device (RecordMeta), which the
 * repos set from the write's context. Rows without them name nobody.
 */
export function recordActor(value: Record<string, unknown>): AuditActor {
  const text = (x: unknown) => (typeof x === 'string' ? x : '');
  return {
    staffName: text(value.updatedBy),
    deviceLabel: text(value.updatedDevice),
    sessionId: text(value.sessionId)
  };
}

// Transactions opened with an actor (store/db.ts transaction()): the audit middleware names that actor
// for every record the transaction writes (an import names the person importing, not each record's
// author). Keyed by the transaction object the middleware sees; gone with it.
const transactionActors = new WeakMap<object, AuditActor>();

export function actInTransaction(trans: object, by: AuditActor): void {
  transactionActors.set(trans, by);
}

export function transactionActor(trans: object): AuditActor | undefined {
  return transactionActors.get(trans);
}
