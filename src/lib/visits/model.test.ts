import { describe, expect, it } from 'vitest';
import {
  arrivalOfMemoDraft,
  emptyContent,
  memoDraftKey,
  newPrescription,
  normalizeContent,
  startContent,
  toHalfWidth,
  type MemoContent
} from './model';
import { checkMemo } from './memo-check';

const now = new Date(2025, 10, 15, 9, 5);
const content = (c: Partial<MemoContent> = {}): MemoContent => ({ ...structuredClone(emptyContent), ...c });

describe('startContent', () => {
  it('takes 主訴 from the desk and allergies, medications and temperature from the 問診', () => {
    const c = startContent(
      {
        complaint: ' 咳が続く ',
        department: '内科',
        doctor: '山田 太郎',
        intake: { symptoms: '咳', temperature: '37.8', allergies: 'ペニシリン', medications: 'アムロジピン' }
      },
      now
    );
    expect(c).toMatchObject({
      date: '2025-11-15',
      startTime: '',
      department: '内科',
      doctor: '山田 太郎',
      complaint: '咳が続く',
      allergies: 'ペニシリン',
      reportedMeds: 'アムロジピン',
      vitals: { temperature: '37.8', pulse: '' },
      prescriptions: []
    });
  });

  it('falls back on the 問診 symptoms, and works without any 問診', () => {
    const intake = { symptoms: '頭痛', temperature: '', allergies: '', medications: '' };
    expect(startContent({ complaint: '', department: '', doctor: '', intake }, now).complaint).toBe('頭痛');
    const bare = startContent({ complaint: '腹痛', department: '', doctor: '' }, now);
    expect(bare.complaint).toBe('腹痛');
    expect(bare.allergies).toBe('');
  });

  it('never shares arrays with the empty template', () => {
    const c = startContent({ complaint: '', department: '', doctor: '' }, now);
    c.prescriptions.push(newPrescription('x'));
    expect(emptyContent.prescriptions).toEqual([]);
  });
});

describe('toHalfWidth and normalizeContent', () => {
  it('turns 全角 digits and signs half-width', () => {
    expect(toHalfWidth('３６．５')).toBe('36.5');
    expect(toHalfWidth('　１２０／８０ ')).toBe('120/80');
  });

  it('drops blank rows, makes numbers half-width and orders documents', () => {
    const c = normalizeContent(
      content({
        doctor: ' 山田 ',
        vitals: { ...emptyContent.vitals, temperature: '３７．２' },
        prescriptions: [
          { ...newPrescription('a'), drug: 'カロナール', days: '５' },
          newPrescription('blank')
        ],
        tests: [
          { id: 't1', name: '', state: 'done' },
          { id: 't2', name: '尿検査', state: 'deferred' }
        ],
        documents: ['certificate', 'prescription']
      })
    );
    expect(c.doctor).toBe('山田');
    expect(c.vitals.temperature).toBe('37.2');
    expect(c.prescriptions).toEqual([{ ...newPrescription('a'), drug: 'カロナール', days: '5' }]);
    expect(c.tests.map((x) => x.id)).toEqual(['t2']);
    expect(c.documents).toEqual(['prescription', 'certificate']);
  });
});

describe('memo drafts', () => {
  it('are keyed by arrival, and the key leads back to it', () => {
    expect(memoDraftKey('a1')).toBe('visits.memo:a1');
    expect(arrivalOfMemoDraft(memoDraftKey('a1'))).toBe('a1');
    expect(arrivalOfMemoDraft('reception.arrival:a1')).toBeNull();
    expect(arrivalOfMemoDraft('visits.memo:')).toBeNull();
  });
});

describe('checkMemo', () => {
  const good = content({ date: '2025-11-15', doctor: '山田', startTime: '09:10', endTime: '09:25' });

  it('accepts a memo with a date and a doctor', () => {
    expect(checkMemo(good, now)).toEqual({});
  });

  it('asks for a real date and a doctor', () => {
    expect(checkMemo({ ...good, date: '2025-02-30' }, now).date?.key).toBe('visits.error.date');
    expect(checkMemo({ ...good, date: '' }, now).date?.key).toBe('visits.error.date');
    expect(checkMemo({ ...good, doctor: ' ' }, now).doctor?.key).toBe('visits.error.doctor');
  });

  it('refuses a visit date after today (today and earlier are fine)', () => {
    expect(checkMemo({ ...good, date: '2025-11-16' }, now).date).toEqual({
      key: 'visits.error.dateFuture',
      values: { today: '2025-11-15' },
      field: 'date'
    });
    expect(checkMemo({ ...good, date: '2027-01-01' }, now).date?.key).toBe('visits.error.dateFuture');
    expect(checkMemo({ ...good, date: '2025-11-14' }, now)).toEqual({});
    expect(checkMemo(good, new Date(2025, 10, 15, 0, 0))).toEqual({});
  });

  it('checks times and that the end is not before the start', () => {
    expect(checkMemo({ ...good, startTime: '9時' }, now).startTime?.key).toBe('visits.error.time');
    expect(checkMemo({ ...good, endTime: '09:00' }, now).endTime?.key).toBe('visits.error.endBeforeStart');
    expect(checkMemo({ ...good, startTime: '', endTime: '09:00' }, now)).toEqual({});
  });

  it('names each prescription row’s problem by the row id', () => {
    const problems = checkMemo(
      {
        ...good,
        prescriptions: [
          { ...newPrescription('r1'), dose: '1錠' },
          { ...newPrescription('r2'), drug: 'カロナール', days: '一週間' },
          { ...newPrescription('r3'), drug: 'ムコダイン', days: '7' }
        ]
      },
      now
    );
    expect(Object.keys(problems).sort()).toEqual(['prescriptions.r1.drug', 'prescriptions.r2.days']);
    expect(problems['prescriptions.r1.drug']?.key).toBe('visits.error.drug');
  });
});
