// Which version of its record a checklist item asks to enter (入力した版), and whether a tick still matches it or the record changed after it.
import { canonicalJson } from '../../values';
import type { Arrival, Intake } from '../../reception/model';
import type { FieldChange, Memo, Revision } from '../../visits/model';
import { diffContent } from '../../visits/revisions';
import type { Bill } from '../../billing/model';
import type { BackEntry, ItemKind } from '../model';

/** A record as an item asks to enter it: its rev and last change, and a digest of what the item enters. */
export interface RecordVersion {
  rev: number;
  updatedAt: string;
  updatedBy: string;
  /** Changes only when what is to be entered changes: a patient moving along the queue is not a change. */
  digest: string;
}

/** Names how the digests below are made, so a later way of making them is never read as a change. */
const DIGEST_PREFIX = 'v1:';

/**
 * A short fingerprint of plain data: two 32-bit FNV-1a lanes over its canonical JSON. It tells a changed
 * record from an unchanged one; it is no protection against tampering (the vault and bundles do that).
 */
export function digestOf(value: unknown): string {
  const text = canonicalJson(value);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193 + 0x9e3779b0) >>> 0;
  }
  return DIGEST_PREFIX + a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

const INTAKE_FIELDS = [
  'symptoms',
  'since',
  'temperature',
  'allergies',
  'medications',
  'pregnancy',
  'pastIllnesses',
  'message'
] as const satisfies readonly (keyof Intake)[];

/**
 * A visit's registration (受付) as entered: the patient, insurance, department and the rest the desk
 * wrote, whether it was cancelled, and its 問診. Not the record's meta, not its place in the queue, not
 * the 資格 result (the 資格 line has that), not the serial of a paper form. A field added to arrivals
 * later counts as content: a change to it reopens the line, the safe side.
 */
function arrivalContent(arrival: Arrival, intake: Intake | undefined) {
  const {
    id: _id,
    sessionId: _session,
    createdAt: _createdAt,
    createdBy: _createdBy,
    createdDevice: _createdDevice,
    updatedAt: _updatedAt,
    updatedBy: _updatedBy,
    updatedDevice: _updatedDevice,
    rev: _rev,
    drill: _drill,
    deviceLabel: _label,
    seq: _seq,
    queueNo: _queueNo,
    arrivedAt: _arrivedAt,
    status,
    statusChangedAt: _statusAt,
    cancellation: _cancellation,
    eligibilityStatus: _eligibility,
    paperSerial: _paper,
    ...fields
  } = arrival;
  const answers = intake ? Object.fromEntries(INTAKE_FIELDS.map((f) => [f, intake[f]])) : null;
  return { ...fields, cancelled: status === 'cancelled', intake: answers };
}

/** The 資格 line: how eligibility was shown, the insurance as written, the result after recovery. */
function eligibilityContent(arrival: Arrival) {
  return {
    method: arrival.eligibilityMethod,
    status: arrival.eligibilityStatus,
    insurance: arrival.insurance,
    declaration: arrival.declaration
  };
}

function billContent(bill: Bill) {
  const { kind, amount, method, receivedBy, reason, serial, issuedAt, voided } = bill;
  return { kind, amount, method, receivedBy, reason, serial, issuedAt, voided };
}

type Meta = { rev: number; updatedAt: string; updatedBy: string };

function version(record: Meta, content: unknown): RecordVersion {
  return {
    rev: record.rev,
    updatedAt: record.updatedAt,
    updatedBy: record.updatedBy,
    digest: digestOf(content)
  };
}

/** A visit's version; a later 問診 counts as its change (the intake is entered with the visit). */
export function arrivalVersion(arrival: Arrival, intake: Intake | undefined): RecordVersion {
  const last = intake && intake.updatedAt > arrival.updatedAt ? intake : arrival;
  return {
    ...version(arrival, arrivalContent(arrival, intake)),
    updatedAt: last.updatedAt,
    updatedBy: last.updatedBy
  };
}

export function eligibilityVersion(arrival: Arrival): RecordVersion {
  return version(arrival, eligibilityContent(arrival));
}

export function memoVersion(memo: Memo): RecordVersion {
  return version(memo, memo.content);
}

export function billVersion(bill: Bill): RecordVersion {
  return version(bill, billContent(bill));
}

/**
 * The record changed after it was entered, so the tick no longer holds: what the item enters now differs
 * from what was entered. A tick from before versions were kept (no digest) can only tell for a memo,
 * which changes by edits alone: one saved after the tick.
 */
export function changedAfterEntry(
  entry: Pick<BackEntry, 'entered' | 'enteredAt' | 'recordDigest'>,
  current: RecordVersion,
  kind: ItemKind
): boolean {
  if (!entry.entered) return false;
  if (entry.recordDigest) return entry.recordDigest !== current.digest;
  return kind === 'memo' && entry.enteredAt !== '' && current.updatedAt > entry.enteredAt;
}

/**
 * What changed in a memo since the version that was entered, field by field: against that version's
 * snapshot when its revision is here, else the later revisions' own changes (first before, last after);
 * for a tick from before versions were kept, the revisions saved after it.
 */
export function memoChangesSince(
  memo: Memo,
  revisions: readonly Revision[],
  entry: Pick<BackEntry, 'recordRev' | 'enteredAt'>
): FieldChange[] {
  const mine = revisions.filter((r) => r.recordId === memo.id);
  const entered = entry.recordRev > 0 ? mine.find((r) => r.rev === entry.recordRev) : undefined;
  if (entered) return diffContent(entered.snapshot, memo.content);
  const later = (r: Revision) => (entry.recordRev > 0 ? r.rev > entry.recordRev : r.at > entry.enteredAt);
  const byField = new Map<string, FieldChange>();
  for (const r of mine.filter(later).sort((x, y) => x.rev - y.rev))
    for (const c of r.changes) {
      const first = byField.get(c.field);
      byField.set(c.field, { field: c.field, before: first ? first.before : c.before, after: c.after });
    }
  return [...byField.values()].filter((c) => c.before !== c.after);
}
