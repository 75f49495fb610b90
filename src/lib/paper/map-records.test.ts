// Records mapped to printouts: memo fields, blood pressure, 疑い, documents, revisions; the day log's order, memo and bill columns.
import { describe, expect, it } from 'vitest';
import type { Arrival } from '../reception/model';
import { emptyInsurance } from '../reception/model';
import { emptyContent, type Memo, type MemoContent } from '../visits/model';
import type { Bill, Settlement } from '../billing/model';
import type { RecordMeta } from '../store/record';
import {
  arrivalDays,
  billState,
  dayLogInput,
  dayLogRows,
  localDateTime,
  memoToPrintout,
  paperClinic,
  visitMemosInput
} from './map-records';

/** An instant given as local wall-clock time, so the tests pass in any time zone. */
const at = (y: number, mo: number, d: number, h: number, mi: number) =>
  new Date(y, mo - 1, d, h, mi).toISOString();

const meta = (id: string, createdAt = at(2025, 11, 15, 9, 0)): RecordMeta => ({
  id,
  sessionId: 's1',
  createdAt,
  createdBy: '受付 花子',
  createdDevice: 'A',
  updatedAt: createdAt,
  updatedBy: '受付 花子',
  updatedDevice: 'A',
  rev: 1,
  drill: false
});

function arrival(id: string, seq: number, arrivedAt: string, extra: Partial<Arrival> = {}): Arrival {
  return {
    ...meta(id, arrivedAt),
    deviceLabel: 'A',
    seq,
    queueNo: `A-${String(seq).padStart(3, '0')}`,
    arrivedAt,
    patientId: null,
    patientNo: '',
    isNew: false,
    name: `患者 ${seq}`,
    kana: '',
    birthDate: '',
    sex: '',
    phone: '',
    visitType: 'return',
    department: '内科',
    doctor: '',
    complaint: '',
    brought: [],
    eligibilityMethod: 'card',
    insurance: emptyInsurance,
    declaration: null,
    eligibilityStatus: 'unconfirmed',
    status: 'waiting',
    statusChangedAt: arrivedAt,
    paperSerial: '',
    ...extra
  };
}

function memo(
  id: string,
  arrivalId: string,
  content: Partial<MemoContent> = {},
  extra: Partial<Memo> = {}
): Memo {
  return {
    ...meta(id, at(2025, 11, 15, 10, 0)),
    arrivalId,
    content: { ...structuredClone(emptyContent), ...content },
    authorName: '医師 一郎',
    writtenAt: at(2025, 11, 15, 10, 0),
    paperSerial: '',
    ...extra
  };
}

function bill(
  id: string,
  arrivalId: string,
  kind: Bill['kind'],
  amount: number,
  extra: Partial<Bill> = {}
): Bill {
  return {
    ...meta(id),
    arrivalId,
    kind,
    amount,
    method: kind === 'payLater' ? '' : 'cash',
    receivedBy: '会計',
    reason: 'systemDown',
    serial: kind === 'payLater' ? '' : `A-000${id.length}`,
    issuedAt: at(2025, 11, 15, 11, 0),
    voided: null,
    paperSerial: '',
    ...extra
  };
}

const print = {
  clinic: paperClinic({
    name: '髙橋内科',
    address: '東京都',
    phone: '03-1234-5678',
    medicalInstitutionCode: '1312345678'
  }),
  drill: false,
  now: new Date(2025, 10, 15, 18, 30)
};

describe('memoToPrintout', () => {
  const a = arrival('a1', 3, at(2025, 11, 15, 9, 5), {
    name: '山田 太郎',
    kana: 'やまだ たろう',
    patientNo: '000123',
    birthDate: '1970-04-01',
    sex: 'M'
  });

  it('maps the patient, SOAP fields and documents', () => {
    const m = memo('m1', 'a1', {
      complaint: '咳',
      history: '3日前から',
      reportedMeds: 'なし',
      allergies: 'ペニシリン',
      vitals: {
        temperature: '38.4',
        systolic: '128',
        diastolic: '82',
        pulse: '88',
        spo2: '97',
        respRate: '18',
        height: '',
        weight: '52.5'
      },
      findings: '咽頭発赤',
      assessment: '急性上気道炎',
      suspected: false,
      prescriptions: [
        {
          id: 'p1',
          drug: 'カロナール',
          strength: '200mg',
          dose: '2錠',
          usage: '毎食後',
          days: '5',
          dispensing: 'outside'
        }
      ],
      tests: [{ id: 't1', name: '迅速検査', state: 'done' }],
      documents: ['prescription', 'certificate']
    });
    const out = memoToPrintout(m, a, 1);
    expect(out).toMatchObject({
      queueNumber: 'A-003',
      arrivedAt: '2025-11-15T09:05',
      patientName: '山田 太郎',
      patientKana: 'やまだ たろう',
      patientId: '000123',
      birthDate: '1970-04-01',
      sex: '男',
      department: '内科',
      subjective: {
        chiefComplaint: '咳',
        presentIllness: '3日前から',
        medications: 'なし',
        allergies: 'ペニシリン'
      },
      objective: {
        temperature: '38.4',
        bloodPressure: '128/82',
        respiratoryRate: '18',
        weight: '52.5',
        findings: '咽頭発赤'
      },
      assessment: '急性上気道炎',
      revisions: 0,
      author: '医師 一郎',
      writtenAt: '2025-11-15T10:00'
    });
    expect(out.plan.prescriptions).toEqual([
      {
        drug: 'カロナール',
        strength: '200mg',
        dose: '2錠',
        usage: '毎食後',
        days: '5',
        dispensing: 'outside'
      }
    ]);
    expect(out.plan.tests).toEqual([{ name: '迅速検査', state: 'done' }]);
    expect(out.plan.documents).toEqual({ prescription: true, referral: false, certificate: true, other: '' });
    expect(out.serial).toBeUndefined();
  });

  it('appends 疑い when suspected, leaves blood pressure blank when not measured', () => {
    const out = memoToPrintout(memo('m1', 'a1', { assessment: '肺炎', suspected: true }), a, 1);
    expect(out.assessment).toBe('肺炎（疑い）');
    expect(out.objective.bloodPressure).toBe('');
    expect(memoToPrintout(memo('m2', 'a1', { suspected: true }), a, 1).assessment).toBe('疑い');
  });

  it('counts revisions after the first version and prints the paper serial', () => {
    const m = memo('m1', 'a1', {}, { paperSerial: 'M-0012', rev: 3, updatedAt: at(2025, 11, 15, 12, 0) });
    const out = memoToPrintout(m, a, 3);
    expect(out.revisions).toBe(2);
    expect(out.serial).toBe('M-0012');
    expect(out.writtenAt).toBe('2025-11-15T12:00');
    expect(memoToPrintout(m, a, 0).revisions).toBe(0);
  });

  it('leaves out what the arrival does not know', () => {
    const bare = arrival('a2', 4, at(2025, 11, 15, 9, 10), { department: '' });
    const out = memoToPrintout(memo('m', 'a2'), bare, 1);
    expect(out).not.toHaveProperty('sex');
    expect(out).not.toHaveProperty('patientKana');
    expect(out).not.toHaveProperty('birthDate');
    expect(out).not.toHaveProperty('department');
  });
});

describe('billState', () => {
  const none = new Map<string, Pick<Settlement, 'billId' | 'status' | 'updatedAt' | 'rev'>>();
  it('says 未 without a bill, and has no amount', () => {
    expect(billState([], none)).toEqual({ label: '未', amount: null });
  });
  it('names the kind and sums what was taken; pay-later only has no amount', () => {
    expect(billState([bill('b1', 'a', 'deposit', 3000)], none)).toEqual({ label: '預り金', amount: 3000 });
    expect(billState([bill('b1', 'a', 'payLater', 0)], none)).toEqual({ label: '後日精算', amount: null });
    expect(billState([bill('b1', 'a', 'deposit', 3000), bill('b2', 'a', 'selfPay', 1500)], none)).toEqual({
      label: '預り金・自費（全額）',
      amount: 4500
    });
  });
  it('ignores voided bills and says 精算済 once settled', () => {
    const voided = bill('b1', 'a', 'deposit', 3000, { voided: { at: '', by: '', reason: '誤り' } });
    expect(billState([voided], none)).toEqual({ label: '未', amount: null });
    const settled = new Map([['b2', { billId: 'b2', status: 'settled' as const, updatedAt: 'x', rev: 1 }]]);
    expect(billState([voided, bill('b2', 'a', 'deposit', 5000)], settled)).toEqual({
      label: '精算済',
      amount: 5000
    });
  });
});

describe('day log', () => {
  const a1 = arrival('a1', 1, at(2025, 11, 15, 9, 0), { visitType: 'first', status: 'left' });
  const a2 = arrival('a2', 2, at(2025, 11, 15, 9, 30), { status: 'awaitingPayment', kana: 'かんじゃ' });
  const b1 = arrival('b1', 1, at(2025, 11, 15, 9, 15), { deviceLabel: 'B', queueNo: 'B-001' });
  const late = arrival('a3', 3, at(2025, 11, 16, 8, 50));
  const records = {
    arrivals: [a2, late, a1, b1],
    memos: [memo('m1', 'a1')],
    bills: [bill('x1', 'a1', 'deposit', 3000)],
    settlements: []
  };

  it('lists every arrival in arrival order with its columns', () => {
    const rows = dayLogRows(records);
    expect(rows.map((r) => r.queueNumber)).toEqual(['A-001', 'B-001', 'A-002', 'A-003']);
    expect(rows[0]).toEqual({
      queueNumber: 'A-001',
      arrivedAt: '2025-11-15T09:00',
      patientName: '患者 1',
      visitType: '初診',
      status: '帰宅',
      hasMemo: true,
      billState: '預り金',
      amount: 3000
    });
    expect(rows[2]).toMatchObject({
      patientKana: 'かんじゃ',
      visitType: '再診',
      status: '会計待ち',
      hasMemo: false,
      billState: '未',
      amount: null
    });
  });

  it('prints one day, or the whole session dated by its first day', () => {
    expect(arrivalDays(records.arrivals)).toEqual(['2025-11-15', '2025-11-16']);
    const day = dayLogInput(records, '2025-11-16', print);
    expect(day.date).toBe('2025-11-16');
    expect(day.rows.map((r) => r.queueNumber)).toEqual(['A-003']);
    expect(day.printedAt).toBe('2025-11-15T18:30');
    expect(day.clinic.name).toBe('髙橋内科');
    const all = dayLogInput(records, null, { ...print, drill: true });
    expect(all.date).toBe('2025-11-15');
    expect(all.rows).toHaveLength(4);
    expect(all.drill).toBe(true);
  });

  it('dates an empty log by the day it is printed', () => {
    expect(dayLogInput({ ...records, arrivals: [] }, null, print).date).toBe('2025-11-15');
  });
});

describe('visitMemosInput', () => {
  it('prints one memo per arrival that has one, in arrival order, with its revision count', () => {
    const a1 = arrival('a1', 1, at(2025, 11, 15, 9, 0));
    const a2 = arrival('a2', 2, at(2025, 11, 15, 9, 30));
    const a3 = arrival('a3', 3, at(2025, 11, 15, 9, 45));
    const input = visitMemosInput(
      [a3, a2, a1],
      [memo('m3', 'a3'), memo('m1', 'a1')],
      new Map([['m3', 4]]),
      null,
      print
    );
    expect(input.memos.map((m) => [m.queueNumber, m.revisions])).toEqual([
      ['A-001', 0],
      ['A-003', 3]
    ]);
    expect(visitMemosInput([a1, a2], [memo('m1', 'a1')], new Map(), '2025-11-16', print).memos).toEqual([]);
  });
});

describe('localDateTime', () => {
  it('gives local wall-clock minutes, and nothing for nothing', () => {
    expect(localDateTime(at(2025, 1, 2, 3, 4))).toBe('2025-01-02T03:04');
    expect(localDateTime('')).toBe('');
    expect(localDateTime('not a date')).toBe('');
  });
});
