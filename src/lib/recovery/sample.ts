// Synthetic outage records for unit tests, browser tests and the benchmark (never real people, never shipped in the app): made by code with fixed clocks and ids.
import { outageOf, type OutageSession, type TimelineEvent } from '../outage/model';
import { emptyInsurance, formatQueueNo, type Arrival } from '../reception/model';
import type { Memo, MemoContent } from '../visits/model';
import type { Bill, Settlement } from '../billing/model';
import type { CashCount } from '../billing/cash-count';
import type { RecordMeta } from '../store/record';
import type { SessionData } from './model';

export const SAMPLE_SESSION_ID = 'sess-2025-11-15';

export function sampleSession(overrides: Partial<OutageSession> = {}): OutageSession {
  return {
    id: SAMPLE_SESSION_ID,
    kind: 'real',
    reason: '電子カルテにログインできない',
    startedAt: '2025-11-15T00:05:00.000Z',
    recoveredAt: '2025-11-15T03:35:00.000Z',
    closedAt: null,
    declaredBy: '受付 花子',
    deviceLabel: 'A',
    createdAt: '2025-11-15T00:06:00.000Z',
    purgedAt: null,
    ...overrides
  };
}

export function sampleMeta(
  id: string,
  at: string,
  device = 'A',
  overrides: Partial<RecordMeta> = {}
): RecordMeta {
  return {
    id,
    sessionId: SAMPLE_SESSION_ID,
    createdAt: at,
    createdBy: '受付 花子',
    createdDevice: device,
    updatedAt: at,
    updatedBy: '受付 花子',
    updatedDevice: device,
    rev: 1,
    drill: false,
    ...overrides
  };
}

/** The n-th arrival on a device, at 09:00 + n minutes local (00:00Z + n). */
export function sampleArrival(device: string, n: number, overrides: Partial<Arrival> = {}): Arrival {
  const at = new Date(Date.UTC(2025, 10, 15, 0, 10 + n)).toISOString();
  return {
    ...sampleMeta(`arr-${device}-${n}`, at, device),
    deviceLabel: device,
    seq: n,
    queueNo: formatQueueNo(device, n),
    arrivedAt: at,
    patientId: `p-${device}${n}`,
    patientNo: `${1000 + n}`,
    isNew: false,
    name: `患者 ${device}${n}`,
    kana: `カンジャ ${device}${n}`,
    birthDate: '1980-01-02',
    sex: 'F',
    phone: '03-0000-0000',
    visitType: 'return',
    department: '内科',
    doctor: '医師 一郎',
    complaint: '発熱',
    brought: ['myNumberCard'],
    eligibilityMethod: 'mynaPortal',
    insurance: {
      ...emptyInsurance,
      insurerNo: '06130012',
      symbol: '12',
      number: '345',
      relation: 'self',
      copay: '3'
    },
    declaration: null,
    eligibilityStatus: 'confirmed',
    status: 'paid',
    statusChangedAt: at,
    paperSerial: '',
    ...overrides
  };
}

export function sampleContent(overrides: Partial<MemoContent> = {}): MemoContent {
  return {
    date: '2025-11-15',
    startTime: '09:20',
    endTime: '09:30',
    department: '内科',
    doctor: '医師 一郎',
    complaint: '発熱',
    history: '昨日から',
    reportedMeds: '',
    allergies: 'なし',
    vitals: {
      temperature: '38.2',
      systolic: '128',
      diastolic: '82',
      pulse: '88',
      spo2: '97',
      respRate: '',
      height: '',
      weight: ''
    },
    findings: '咽頭発赤',
    assessment: '急性上気道炎',
    suspected: false,
    prescriptions: [
      {
        id: 'rx-1',
        drug: 'カロナール錠200',
        strength: '200mg',
        dose: '1回2錠',
        usage: '発熱時',
        days: '5',
        dispensing: 'outside'
      }
    ],
    procedures: '',
    tests: [],
    injections: '',
    guidance: '水分をとる',
    nextAppointment: '',
    documents: ['prescription'],
    ...overrides
  };
}

export function sampleMemo(arrival: Arrival, overrides: Partial<Memo> = {}): Memo {
  const at = new Date(new Date(arrival.arrivedAt).getTime() + 15 * 60_000).toISOString();
  return {
    ...sampleMeta(`memo-${arrival.id}`, at, arrival.deviceLabel, {
      createdBy: '医師 一郎',
      updatedBy: '医師 一郎'
    }),
    arrivalId: arrival.id,
    content: sampleContent(),
    authorName: '医師 一郎',
    writtenAt: at,
    paperSerial: '',
    ...overrides
  };
}

export function sampleBill(arrival: Arrival, serialNo: number, overrides: Partial<Bill> = {}): Bill {
  const at = new Date(new Date(arrival.arrivedAt).getTime() + 30 * 60_000).toISOString();
  return {
    ...sampleMeta(`bill-${arrival.id}`, at, arrival.deviceLabel),
    arrivalId: arrival.id,
    kind: 'deposit',
    amount: 3000,
    method: 'cash',
    receivedBy: '受付 花子',
    reason: 'systemDown',
    serial: `${arrival.deviceLabel}-${String(serialNo).padStart(4, '0')}`,
    issuedAt: at,
    voided: null,
    paperSerial: '',
    ...overrides
  };
}

/** A till count (or float) of device `drawer`, counted in yen, without pieces. */
export function sampleCashCount(
  drawer: string,
  amount: number,
  at: string,
  kind: CashCount['kind'] = 'count'
): CashCount {
  return {
    ...sampleMeta(`count-${drawer}-${kind}-${at}`, at, drawer),
    kind,
    drawer,
    amount,
    pieces: null,
    countedBy: '会計 一郎',
    countedAt: at,
    note: ''
  };
}

export function sampleSettlement(bill: Bill, overrides: Partial<Settlement> = {}): Settlement {
  const at = '2025-11-16T01:00:00.000Z';
  return {
    ...sampleMeta(`set-${bill.id}`, at, bill.createdDevice),
    billId: bill.id,
    copayCharge: 2400,
    selfPayCharge: 0,
    status: 'settled',
    settledAt: at,
    method: 'cash',
    settledBy: '会計 次郎',
    receiptNo: 'R-1',
    note: '',
    ...overrides
  };
}

export function sampleEvent(
  kind: TimelineEvent['kind'],
  at: string,
  device = 'A',
  detail = ''
): TimelineEvent {
  return {
    id: `ev-${kind}-${at}`,
    sessionId: SAMPLE_SESSION_ID,
    kind,
    at,
    by: '受付 花子',
    deviceLabel: device,
    detail
  };
}

/** A small session: `count` arrivals on device A, each with a memo and a 3,000-yen deposit. */
export function sampleData(count = 3, session = sampleSession()): SessionData {
  const arrivals = Array.from({ length: count }, (_, i) => sampleArrival('A', i + 1));
  return {
    session: outageOf([session]),
    events: [sampleEvent('declared', session.startedAt)],
    arrivals,
    intakes: [],
    memos: arrivals.map((a) => sampleMemo(a)),
    revisions: [],
    bills: arrivals.map((a, i) => sampleBill(a, i + 1)),
    settlements: [],
    cashCounts: [],
    backEntries: [],
    paperLinks: [],
    audit: []
  };
}
