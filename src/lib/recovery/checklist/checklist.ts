// The back-entry checklist (代行入力): every arrival, eligibility case, memo and bill of the session, in arrival order, with what to enter.
import type { MessageKey } from '../../i18n/keys';
import type { FieldProblems } from '../../result';
import type { Arrival, Intake } from '../../reception/model';
import type { Memo } from '../../visits/model';
import { activeBills, formatAmount, type Bill } from '../../billing/model';
import { backEntryId, targetOf, type BackEntry, type BackEntryTarget, type ItemKind } from '../model';

/** A line of text the UI translates. */
export interface Message {
  key: MessageKey;
  values?: Record<string, string | number>;
}

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
  /** The tick, if one was ever made (entered or undone). */
  entry: BackEntry | null;
  entered: boolean;
}

export interface ChecklistInput {
  arrivals: readonly Arrival[];
  intakes: readonly Intake[];
  memos: readonly Memo[];
  bills: readonly Bill[];
  backEntries: readonly BackEntry[];
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

function memoTodo(memo: Memo): Message[] {
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
  const bills = group(activeBills([...input.bills]));
  const items: ChecklistItem[] = [];
  const add = (
    kind: ItemKind,
    recordId: string,
    arrival: Arrival,
    todo: Message[],
    by: string,
    at: string,
    device: string
  ) => {
    const id = backEntryId(kind, recordId);
    const entry = entries.get(id) ?? null;
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
      entry,
      entered: entry?.entered ?? false
    });
  };
  for (const arrival of [...input.arrivals].sort(byArrival)) {
    // A registration cancelled at the desk is not entered into the EHR, unless something was recorded
    // for it (a memo or a bill that stands): then its records need entering like any other.
    if (arrival.status === 'cancelled' && !memos.has(arrival.id) && !bills.has(arrival.id)) continue;
    add(
      'arrival',
      arrival.id,
      arrival,
      arrivalTodo(arrival, intakes.get(arrival.id) ?? []),
      arrival.createdBy,
      arrival.arrivedAt,
      arrival.createdDevice
    );
    if (eligibilityOpen(arrival))
      add(
        'eligibility',
        arrival.id,
        arrival,
        eligibilityTodo(arrival),
        arrival.createdBy,
        arrival.arrivedAt,
        arrival.createdDevice
      );
    const ms = [...(memos.get(arrival.id) ?? [])].sort((a, b) => a.writtenAt.localeCompare(b.writtenAt));
    for (const m of ms)
      add(
        'memo',
        m.id,
        arrival,
        memoTodo(m),
        m.authorName || m.createdBy,
        m.writtenAt || m.createdAt,
        m.createdDevice
      );
    const bs = [...(bills.get(arrival.id) ?? [])].sort((a, b) => a.issuedAt.localeCompare(b.issuedAt));
    for (const b of bs)
      add('bill', b.id, arrival, billTodo(b), b.receivedBy || b.createdBy, b.issuedAt, b.createdDevice);
  }
  return items;
}

export type ChecklistFilter = 'all' | 'pending' | 'newPatients' | 'eligibility';
export const checklistFilters: ChecklistFilter[] = ['pending', 'all', 'newPatients', 'eligibility'];

export function filterChecklist(items: readonly ChecklistItem[], filter: ChecklistFilter): ChecklistItem[] {
  switch (filter) {
    case 'pending':
      return items.filter((i) => !i.entered);
    case 'newPatients':
      return items.filter((i) => i.arrival.isNew);
    case 'eligibility':
      return items.filter((i) => i.kind === 'eligibility');
    default:
      return [...items];
  }
}

export interface Progress {
  entered: number;
  total: number;
}

export function checklistProgress(items: readonly ChecklistItem[]): Progress {
  return { entered: items.filter((i) => i.entered).length, total: items.length };
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
