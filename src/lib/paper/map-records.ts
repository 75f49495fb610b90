// The app's records as the paper domain prints them: clinic, visit memos and the day log, in Japanese whatever the screen's language.
import { translate } from '../i18n/translate';
import { toLocalDateTime } from '../outage/model';
import type { Arrival } from '../reception/model';
import { inArrivalOrder } from '../reception/queue';
import type { Memo } from '../visits/model';
import { activeBills, takesMoney, type Bill, type Settlement } from '../billing/model';
import { latestByBill, paidOf, statusOf } from '../billing/settlement';
import type { Clinic as ClinicSettings } from '../settings/model';
import type {
  Clinic,
  DayLogInput,
  DayLogRow,
  LocalDate,
  LocalDateTime,
  VisitMemo,
  VisitMemosInput
} from './model';

/** The clinic settings as every form's header prints them. */
export function paperClinic(
  clinic: Pick<ClinicSettings, 'name' | 'address' | 'phone' | 'medicalInstitutionCode'>
): Clinic {
  return {
    name: clinic.name,
    address: clinic.address,
    phone: clinic.phone,
    medicalInstitutionCode: clinic.medicalInstitutionCode
  };
}

/** A stored ISO instant as local wall-clock 'YYYY-MM-DDTHH:mm'; '' stays ''. */
export function localDateTime(iso: string): LocalDateTime {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : toLocalDateTime(d);
}

/** The local calendar day 'YYYY-MM-DD' of a stored ISO instant. */
export function localDay(iso: string): LocalDate {
  return localDateTime(iso).slice(0, 10);
}

type MemoArrival = Pick<
  Arrival,
  'queueNo' | 'arrivedAt' | 'name' | 'kana' | 'patientNo' | 'birthDate' | 'sex' | 'department'
>;

/**
 * One saved memo as the 診療メモ printout lays it out. `revisionsCount` is the number of revision rows
 * stored for the memo (the first version is one of them), so the printout says how often it was changed
 * after it was first written.
 */
export function memoToPrintout(memo: Memo, arrival: MemoArrival, revisionsCount: number): VisitMemo {
  const c = memo.content;
  const v = c.vitals;
  const suspected = translate('ja', 'visits.field.suspected');
  const assessment = c.suspected
    ? c.assessment.trim()
      ? `${c.assessment}（${suspected}）`
      : suspected
    : c.assessment;
  return {
    ...(memo.paperSerial ? { serial: memo.paperSerial } : {}),
    queueNumber: arrival.queueNo,
    arrivedAt: localDateTime(arrival.arrivedAt),
    patientName: arrival.name,
    ...(arrival.kana ? { patientKana: arrival.kana } : {}),
    ...(arrival.patientNo ? { patientId: arrival.patientNo } : {}),
    ...(arrival.birthDate ? { birthDate: arrival.birthDate } : {}),
    ...(arrival.sex ? { sex: translate('ja', `reception.sex.${arrival.sex}`) } : {}),
    ...(c.department || arrival.department ? { department: c.department || arrival.department } : {}),
    subjective: {
      chiefComplaint: c.complaint,
      presentIllness: c.history,
      medications: c.reportedMeds,
      allergies: c.allergies
    },
    objective: {
      temperature: v.temperature,
      bloodPressure: v.systolic || v.diastolic ? `${v.systolic}/${v.diastolic}` : '',
      pulse: v.pulse,
      spo2: v.spo2,
      respiratoryRate: v.respRate,
      height: v.height,
      weight: v.weight,
      findings: c.findings
    },
    assessment,
    plan: {
      prescriptions: c.prescriptions.map((p) => ({
        drug: p.drug,
        strength: p.strength,
        dose: p.dose,
        usage: p.usage,
        days: p.days,
        dispensing: p.dispensing
      })),
      procedures: c.procedures,
      tests: c.tests.map((x) => ({ name: x.name, state: x.state })),
      injections: c.injections,
      guidance: c.guidance,
      nextAppointment: c.nextAppointment,
      documents: {
        prescription: c.documents.includes('prescription'),
        referral: c.documents.includes('referral'),
        certificate: c.documents.includes('certificate'),
        other: ''
      }
    },
    revisions: Math.max(0, revisionsCount - 1),
    author: memo.authorName || memo.createdBy,
    writtenAt: localDateTime(memo.updatedAt)
  };
}

type BillLike = Pick<Bill, 'id' | 'arrivalId' | 'kind' | 'amount' | 'voided'>;
type SettlementLike = Pick<Settlement, 'billId' | 'status' | 'updatedAt' | 'rev'>;

/**
 * An arrival's bill column: 未 without a bill; otherwise each kind of bill it has (預り金, 後日精算, 自費),
 * or 精算済 once settled after recovery; the amount is what was taken at the desk, none for pay-later only.
 */
export function billState(
  bills: readonly BillLike[],
  settlements: ReadonlyMap<string, SettlementLike>
): { label: string; amount: number | null } {
  const active = activeBills([...bills]);
  if (active.length === 0) return { label: translate('ja', 'paper.dayLog.noBill'), amount: null };
  const labels = new Set(
    active.map((b) =>
      statusOf(b, settlements.get(b.id)) === 'settled'
        ? translate('ja', 'billing.settle.status.settled')
        : translate('ja', `billing.kind.${b.kind}`)
    )
  );
  const taking = active.filter((b) => takesMoney(b.kind));
  return {
    label: [...labels].join('・'),
    amount: taking.length ? taking.reduce((sum, b) => sum + paidOf(b), 0) : null
  };
}

export interface SessionRecords {
  arrivals: readonly Arrival[];
  memos: readonly Pick<Memo, 'arrivalId'>[];
  bills: readonly BillLike[];
  settlements: readonly SettlementLike[];
}

/** The local days arrivals came on, oldest first (an outage may span midnight or several days). */
export function arrivalDays(arrivals: readonly Pick<Arrival, 'arrivedAt'>[]): LocalDate[] {
  return [...new Set(arrivals.map((a) => localDay(a.arrivedAt)))].filter(Boolean).sort();
}

/** Every arrival in arrival order with its queue number, time, visit type, status, memo and bill. */
export function dayLogRows(records: SessionRecords): DayLogRow[] {
  const withMemo = new Set(records.memos.map((m) => m.arrivalId));
  const settlements = latestByBill([...records.settlements]);
  const billsOf = new Map<string, BillLike[]>();
  for (const b of records.bills) billsOf.set(b.arrivalId, [...(billsOf.get(b.arrivalId) ?? []), b]);
  return inArrivalOrder(records.arrivals).map((a) => {
    const bill = billState(billsOf.get(a.id) ?? [], settlements);
    return {
      queueNumber: a.queueNo,
      arrivedAt: localDateTime(a.arrivedAt),
      patientName: a.name,
      ...(a.kana ? { patientKana: a.kana } : {}),
      visitType: translate('ja', `reception.visitType.${a.visitType}`),
      status: translate('ja', `reception.status.${a.status}`),
      hasMemo: withMemo.has(a.id),
      billState: bill.label,
      amount: bill.amount
    };
  });
}

export interface PrintContext {
  clinic: Clinic;
  drill: boolean;
  /** When it is printed (local time in the footer). */
  now: Date;
}

/** The day log of one local day (`date`), or of the whole session when `date` is null (dated by its first day). */
export function dayLogInput(
  records: SessionRecords,
  date: LocalDate | null,
  print: PrintContext
): DayLogInput {
  const arrivals = date ? records.arrivals.filter((a) => localDay(a.arrivedAt) === date) : records.arrivals;
  return {
    clinic: print.clinic,
    drill: print.drill,
    printedAt: toLocalDateTime(print.now),
    date: date ?? arrivalDays(arrivals)[0] ?? toLocalDateTime(print.now).slice(0, 10),
    rows: dayLogRows({ ...records, arrivals })
  };
}

/**
 * The session's memos, one per arrival that has one, in arrival order (of one day when `date` is given).
 * `revisionCounts` holds the stored revision rows per memo id.
 */
export function visitMemosInput(
  arrivals: readonly Arrival[],
  memos: readonly Memo[],
  revisionCounts: ReadonlyMap<string, number>,
  date: LocalDate | null,
  print: PrintContext
): VisitMemosInput {
  const memosOf = new Map<string, Memo[]>();
  for (const m of memos) memosOf.set(m.arrivalId, [...(memosOf.get(m.arrivalId) ?? []), m]);
  const printed: VisitMemo[] = [];
  for (const a of inArrivalOrder(arrivals)) {
    if (date && localDay(a.arrivedAt) !== date) continue;
    const list = (memosOf.get(a.id) ?? []).sort((x, y) => x.createdAt.localeCompare(y.createdAt));
    for (const m of list) printed.push(memoToPrintout(m, a, revisionCounts.get(m.id) ?? 0));
  }
  return { clinic: print.clinic, drill: print.drill, printedAt: toLocalDateTime(print.now), memos: printed };
}
