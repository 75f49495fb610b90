// The back-entry checklist (代行入力): every arrival, eligibility case, memo and bill of the session, in arrival order, with what to enter.
import type { MessageKey } from '../../i18n/keys';
import type { FieldProblems } from '../../result';
import type { Arrival, Intake } from '../../reception/model';
import type { FieldChange, Memo, Revision } from '../../visits/model';
import type { StaffRole } from '../../settings/model';
import { activeBills, formatAmount, type Bill } from '../../billing/model';
import { issuedByMemo, type IssuedRx } from '../../prescription/issued';
import { backEntryId, targetOf, type BackEntry, type BackEntryTarget, type ItemKind } from '../model';
import {
  arrivalVersion,
  billVersion,
  changedAfterEntry,
  eligibilityVersion,
  memoChangesSince,
  memoVersion,
  type RecordVersion
} from './item-version';

/** A line of text the UI translates. */
export interface Message {
  key: MessageKey;
  values?: Record<string, string | number>;
}

/**
 * Where an item stands: not entered (or unticked); entered, but the record changed after the tick
 * (入力後に変更あり: enter it again); entered by someone who may not confirm it, waiting for a doctor
 * (確定待ち); done (entered and confirmed, on the record as it is now).
 */
export type ItemState = 'notEntered' | 'changed' | 'awaitingConfirmation' | 'done';

export interface ChecklistItem {
  /** The back-entry id this item is ticked under. */
  id: string;
  kind: ItemKind;
  recordId: string;
  target: BackEntryTarget;
  arrival: Arrival;
  /** What still has to be entered, line by line. */
  todo: Message[];
  /** Who made the original record (記録者) and when. */
  author: string;
  authoredAt: string;
  authorDevice: string;
  /** The record as it is now: the version a tick made now would enter. */
  version: RecordVersion;
  /** The tick, if one was ever made (entered or undone). */
  entry: BackEntry | null;
  state: ItemState;
  /** Done: entered, confirmed, and not changed since. Only this counts as entered anywhere. */
  entered: boolean;
  /** For a memo changed after its tick: what changed since the version entered (else empty). */
  changes: FieldChange[];
}

export interface ChecklistInput {
  arrivals: readonly Arrival[];
  intakes: readonly Intake[];
  memos: readonly Memo[];
  bills: readonly Bill[];
  backEntries: readonly BackEntry[];
  /** Memo revisions, to say what changed after a memo was entered (nothing is said without them). */
  revisions?: readonly Revision[];
  /** The outage's timeline: the 院外処方箋 printed from each memo are read from its 'printed' events. */
  events?: readonly { kind: string; at: string; detail: string }[];
}

/** 資格 not confirmed online: still 未確認, or shown only by a 申立書 or not at all. */
export function eligibilityOpen(arrival: Pick<Arrival, 'eligibilityStatus' | 'eligibilityMethod'>): boolean {
  return (
    arrival.eligibilityStatus === 'unconfirmed' ||
    arrival.eligibilityMethod === 'declaration' ||
    arrival.eligibilityMethod === 'unconfirmed'
  );
}

/** Arrival order: by arrival time, then queue number (two tablets can register in the same minute). */
export function byArrival(a: Arrival, b: Arrival): number {
  return a.arrivedAt.localeCompare(b.arrivedAt) || a.queueNo.localeCompare(b.queueNo);
}

/** Long free text on a checklist line is cut (the full answers are in the 受付一覧 CSV). */
const SUMMARY_LENGTH = 60;
function short(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > SUMMARY_LENGTH ? `${one.slice(0, SUMMARY_LENGTH - 1)}…` : one;
}

/** The intake (問診) in a few lines for whoever types it into the EHR: symptoms, since, fever, allergies, medication, pregnancy. */
export function intakeSummary(intake: Intake): Message[] {
  const out: Message[] = [];
  const line = (key: MessageKey, text: string) => {
    if (text.trim()) out.push({ key, values: { text: short(text) } });
  };
  line('recovery.todo.intakeSymptoms', intake.symptoms);
  line('recovery.todo.intakeSince', intake.since);
  line('recovery.todo.intakeTemperature', intake.temperature);
  line('recovery.todo.intakeAllergies', intake.allergies);
  line('recovery.todo.intakeMedications', intake.medications);
  if (
    intake.pregnancy === 'pregnant' ||
    intake.pregnancy === 'breastfeeding' ||
    intake.pregnancy === 'possible'
  )
    out.push({ key: `recovery.todo.intakePregnancy.${intake.pregnancy}` });
  // An intake with nothing filled in still says there was one.
  return out.length > 0 ? out : [{ key: 'recovery.todo.intake' }];
}

/** The arrival's intake as it stands: the one changed last (a tablet normally keeps one per arrival). */
export function latestIntake(intakes: readonly Intake[]): Intake | undefined {
  return [...intakes].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
}

/** Where a tick leaves its item, given the record as it is now. */
export function itemState(entry: BackEntry | null, version: RecordVersion, kind: ItemKind): ItemState {
  if (!entry?.entered) return 'notEntered';
  if (changedAfterEntry(entry, version, kind)) return 'changed';
  return entry.confirmedBy ? 'done' : 'awaitingConfirmation';
}

function arrivalTodo(arrival: Arrival, intakes: readonly Intake[]): Message[] {
  const out: Message[] = [
    {
      key: arrival.visitType === 'first' ? 'recovery.todo.arrivalFirst' : 'recovery.todo.arrivalReturn',
      values: { department: arrival.department || '—' }
    }
  ];
  if (arrival.isNew) out.push({ key: 'recovery.todo.newPatient' });
  const intake = latestIntake(intakes);
  if (intake) out.push(...intakeSummary(intake));
  return out;
}

function eligibilityTodo(arrival: Arrival): Message[] {
  return [
    { key: `recovery.method.${arrival.eligibilityMethod}` as MessageKey },
    { key: `recovery.eligibilityStatus.${arrival.eligibilityStatus}` as MessageKey }
  ];
}

function memoTodo(memo: Memo, issued: readonly IssuedRx[] = []): Message[] {
  const c = memo.content;
  const out: Message[] = [{ key: 'recovery.todo.memo' }];
  if (c.assessment)
    out.push({
      key: c.suspected ? 'recovery.todo.suspected' : 'recovery.todo.diagnosis',
      values: { text: c.assessment }
    });
  const prescriptions = c.prescriptions.filter((p) => p.drug.trim());
  if (prescriptions.length > 0)
    out.push({ key: 'recovery.todo.prescriptions', values: { n: prescriptions.length } });
  const tests = c.tests.filter((t) => t.name.trim());
  if (tests.length > 0) {
    const deferred = tests.filter((t) => t.state === 'deferred').length;
    out.push({ key: 'recovery.todo.tests', values: { n: tests.length, deferred } });
  }
  if (c.procedures.trim()) out.push({ key: 'recovery.todo.procedures' });
  if (c.injections.trim()) out.push({ key: 'recovery.todo.injections' });
  if (c.documents.length > 0) out.push({ key: 'recovery.todo.documents', values: { n: c.documents.length } });
  // 院外処方箋 handed out: the レセコン needs each one (処方箋料), by the number printed on it.
  if (issued.length > 0)
    out.push({
      key: 'recovery.todo.prescriptionIssued',
      values: { serials: issued.map((i) => i.serial).join('・'), n: issued.length }
    });
  return out;
}

function billTodo(bill: Bill): Message[] {
  if (bill.kind === 'payLater') return [{ key: 'recovery.todo.payLater' }];
  return [
    {
      key: bill.kind === 'deposit' ? 'recovery.todo.deposit' : 'recovery.todo.selfPay',
      values: { amount: formatAmount(bill.amount), serial: bill.serial || '—' }
    }
  ];
}

/** Every item of the session in arrival order; under each arrival: the visit, 資格, memos, bills. */
export function buildChecklist(input: ChecklistInput): ChecklistItem[] {
  const entries = new Map(input.backEntries.map((e) => [e.id, e]));
  const group = <T extends { arrivalId: string }>(rows: readonly T[]) => {
    const map = new Map<string, T[]>();
    for (const r of rows) map.set(r.arrivalId, [...(map.get(r.arrivalId) ?? []), r]);
    return map;
  };
  const intakes = group(input.intakes);
  const memos = group(input.memos);
  const issued = issuedByMemo(input.events ?? []);
  const bills = group(activeBills([...input.bills]));
  const items: ChecklistItem[] = [];
  const add = (
    kind: ItemKind,
    recordId: string,
    arrival: Arrival,
    todo: Message[],
    by: string,
    at: string,
    device: string,
    version: RecordVersion,
    memo?: Memo
  ) => {
    const id = backEntryId(kind, recordId);
    const entry = entries.get(id) ?? null;
    const state = itemState(entry, version, kind);
    items.push({
      id,
      kind,
      recordId,
      target: entry?.target ?? targetOf[kind],
      arrival,
      todo,
      author: by,
      authoredAt: at,
      authorDevice: device,
      version,
      entry,
      state,
      entered: state === 'done',
      changes:
        state === 'changed' && memo && entry ? memoChangesSince(memo, input.revisions ?? [], entry) : []
    });
  };
  for (const arrival of [...input.arrivals].sort(byArrival)) {
    // A registration cancelled at the desk is not entered into the EHR, unless something was recorded
    // for it (a memo or a bill that stands): then its records need entering like any other.
    if (arrival.status === 'cancelled' && !memos.has(arrival.id) && !bills.has(arrival.id)) continue;
    const arrivalIntakes = intakes.get(arrival.id) ?? [];
    add(
      'arrival',
      arrival.id,
      arrival,
      arrivalTodo(arrival, arrivalIntakes),
      arrival.createdBy,
      arrival.arrivedAt,
      arrival.createdDevice,
      arrivalVersion(arrival, latestIntake(arrivalIntakes))
    );
    if (eligibilityOpen(arrival))
      add(
        'eligibility',
        arrival.id,
        arrival,
        eligibilityTodo(arrival),
        arrival.createdBy,
        arrival.arrivedAt,
        arrival.createdDevice,
        eligibilityVersion(arrival)
      );
    const ms = [...(memos.get(arrival.id) ?? [])].sort((a, b) => a.writtenAt.localeCompare(b.writtenAt));
    for (const m of ms)
      add(
        'memo',
        m.id,
        arrival,
        memoTodo(m, issued.get(m.id)),
        m.authorName || m.createdBy,
        m.writtenAt || m.createdAt,
        m.createdDevice,
        memoVersion(m),
        m
      );
    const bs = [...(bills.get(arrival.id) ?? [])].sort((a, b) => a.issuedAt.localeCompare(b.issuedAt));
    for (const b of bs)
      add(
        'bill',
        b.id,
        arrival,
        billTodo(b),
        b.receivedBy || b.createdBy,
        b.issuedAt,
        b.createdDevice,
        billVersion(b)
      );
  }
  return items;
}

export type ChecklistFilter = 'all' | 'pending' | 'unconfirmed' | 'newPatients' | 'eligibility';
export const checklistFilters: ChecklistFilter[] = [
  'pending',
  'unconfirmed',
  'all',
  'newPatients',
  'eligibility'
];

export function filterChecklist(items: readonly ChecklistItem[], filter: ChecklistFilter): ChecklistItem[] {
  switch (filter) {
    case 'pending':
      return items.filter((i) => !i.entered);
    case 'unconfirmed':
      return items.filter((i) => i.state === 'awaitingConfirmation');
    case 'newPatients':
      return items.filter((i) => i.arrival.isNew);
    case 'eligibility':
      return items.filter((i) => i.kind === 'eligibility');
    default:
      return [...items];
  }
}

export interface Progress {
  /** Done: entered, confirmed, and the record unchanged since (what the hub, the report and the purge count). */
  entered: number;
  total: number;
  /** Entered but waiting for a doctor's 確定. */
  awaitingConfirmation: number;
  /** Entered, then the record changed: to be entered again. */
  changed: number;
}

export function checklistProgress(items: readonly ChecklistItem[]): Progress {
  const count = (state: ItemState) => items.filter((i) => i.state === state).length;
  return {
    entered: count('done'),
    total: items.length,
    awaitingConfirmation: count('awaitingConfirmation'),
    changed: count('changed')
  };
}

/** Items grouped under their arrival, keeping the order (one card per patient on screen). */
export function groupByArrival(
  items: readonly ChecklistItem[]
): { arrival: Arrival; items: ChecklistItem[] }[] {
  const out: { arrival: Arrival; items: ChecklistItem[] }[] = [];
  for (const item of items) {
    const last = out.at(-1);
    if (last && last.arrival.id === item.arrival.id) last.items.push(item);
    else out.push({ arrival: item.arrival, items: [item] });
  }
  return out;
}

/** What a tick stores: entered now by the transcriber, optionally with the EHR's patient number. */
export interface TickInput {
  enteredBy: string;
  /**
   * The transcriber's role: a doctor's own entering of a memo confirms it at once; anyone else's (or an
   * unknown role) waits for a doctor's 確定.
   */
  role?: StaffRole;
  ehrPatientNo: string;
  /** Staff confirmed a new patient is entered although the EHR's number is not known yet. */
  withoutNumber?: boolean;
}

/** A new patient's registration (新患登録) is the one line that must carry the EHR's patient number. */
export function needsEhrPatientNo(item: Pick<ChecklistItem, 'kind' | 'arrival'>): boolean {
  return item.kind === 'arrival' && item.arrival.isNew;
}

/** Before a tick: a new patient needs the EHR's number, unless staff explicitly tick without it. */
export function checkTick(
  item: Pick<ChecklistItem, 'kind' | 'arrival'>,
  input: Pick<TickInput, 'ehrPatientNo' | 'withoutNumber'>
): FieldProblems<'ehrPatientNo'> {
  if (!needsEhrPatientNo(item) || input.withoutNumber || cleanEhrPatientNo(input.ehrPatientNo)) return {};
  return { ehrPatientNo: { key: 'recovery.checklist.ehrNoRequired', field: 'ehrPatientNo' } };
}

/** Clean an EHR patient number as typed (全角 digits, spaces). */
export function cleanEhrPatientNo(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').slice(0, 40);
}
