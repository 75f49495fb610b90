import { describe, expect, it } from 'vitest';
import type { Arrival } from '../reception/model';
import { emptyContent, newPrescription, type Memo } from '../visits/model';
import { printInput, printableMemo } from './memo-print-input';

const arrival = {
  id: 'arr-1',
  queueNo: 'A-003',
  arrivedAt: new Date(2025, 10, 15, 9, 41).toISOString(),
  name: '手控 花子',
  kana: 'テビカエ ハナコ',
  patientNo: '',
  birthDate: '1980-04-01',
  sex: 'F'
} as Arrival;

const memo = {
  id: 'm1',
  sessionId: 's1',
  drill: true,
  rev: 3,
  authorName: '山田 太郎',
  writtenAt: new Date(2025, 10, 15, 10, 0).toISOString(),
  updatedAt: new Date(2025, 10, 15, 10, 30).toISOString(),
  paperSerial: '',
  arrivalId: 'arr-1',
  content: {
    ...structuredClone(emptyContent),
    date: '2025-11-15',
    department: '内科',
    complaint: '咳',
    assessment: '急性上気道炎',
    suspected: true,
    vitals: { ...emptyContent.vitals, systolic: '128', diastolic: '82', respRate: '18' },
    prescriptions: [{ ...newPrescription('r'), drug: 'カロナール', dispensing: 'inHouse' }],
    tests: [{ id: 't', name: 'CRP', state: 'deferred' }],
    documents: ['prescription', 'certificate']
  }
} as Memo;

describe('printableMemo', () => {
  it('lays a saved memo out as the paper printout wants it', () => {
    const p = printableMemo(memo, arrival);
    expect(p).toMatchObject({
      queueNumber: 'A-003',
      arrivedAt: '2025-11-15T09:41',
      patientName: '手控 花子',
      patientKana: 'テビカエ ハナコ'
    });
    expect(p.patientId).toBeUndefined();
    expect(p).toMatchObject({
      sex: '女',
      department: '内科',
      subjective: { chiefComplaint: '咳' },
      objective: { bloodPressure: '128/82', respiratoryRate: '18', temperature: '' },
      assessment: '急性上気道炎（疑い）',
      revisions: 2,
      author: '山田 太郎',
      writtenAt: '2025-11-15T10:30'
    });
    expect(p.plan.prescriptions).toEqual([
      { drug: 'カロナール', strength: '', dose: '', usage: '', days: '', dispensing: 'inHouse' }
    ]);
    expect(p.plan.tests).toEqual([{ name: 'CRP', state: 'deferred' }]);
    expect(p.plan.documents).toEqual({ prescription: true, referral: false, certificate: true, other: '' });
  });

  it('leaves blood pressure blank when neither value was measured', () => {
    const bare = { ...memo, content: { ...memo.content, vitals: emptyContent.vitals, suspected: false } };
    expect(printableMemo(bare, arrival).objective.bloodPressure).toBe('');
    expect(printableMemo(bare, arrival).assessment).toBe('急性上気道炎');
  });

  it('marks a drill memo as a drill print', () => {
    const clinic = { name: 'てびかえ内科', address: '', phone: '', medicalInstitutionCode: '' };
    const input = printInput(memo, arrival, clinic, new Date(2025, 10, 15, 11, 5));
    expect(input).toMatchObject({ drill: true, printedAt: '2025-11-15T11:05', clinic });
    expect(input.memos).toHaveLength(1);
  });
});
