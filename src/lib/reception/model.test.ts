import { describe, expect, it } from 'vitest';
import { emptyArrivalForm, readArrivalForm } from './arrival-form';
import {
  arrivalFieldsOf,
  checkCancelReason,
  formatQueueNo,
  methodNeedsFollowUp,
  queueCounterKey,
  queueStatuses,
  queueSteps,
  sameFields,
  showsEligibilityResult,
  type Arrival
} from './model';

describe('queue numbers', () => {
  it('are the device label and a three-digit number, counted per session and device', () => {
    expect(formatQueueNo('A', 12)).toBe('A-012');
    expect(formatQueueNo('BC', 1234)).toBe('BC-1234');
    expect(queueCounterKey('s1', 'A')).not.toBe(queueCounterKey('s2', 'A'));
    expect(queueCounterKey('s1', 'A')).not.toBe(queueCounterKey('s1', 'B'));
  });
});

describe('the desk fields of an arrival', () => {
  const read = readArrivalForm(
    {
      ...emptyArrivalForm(),
      name: '山田 太郎',
      kana: 'ヤマダ タロウ',
      birthDate: '1980-01-02',
      visitType: 'first',
      eligibilityMethod: 'unconfirmed'
    },
    { today: '2025-11-15', departments: ['内科'] }
  );
  if (!read.ok) throw new Error('fixture');
  const arrival = {
    ...read.value,
    id: 'a1',
    queueNo: 'A-001',
    status: 'waiting',
    rev: 4
  } as unknown as Arrival;

  it('leave out identity, number and queue state', () => {
    const fields = arrivalFieldsOf(arrival);
    expect(fields).toEqual(read.value);
    expect('queueNo' in fields || 'status' in fields || 'rev' in fields).toBe(false);
  });

  it('compare equal whatever the key order inside the insurance, and differ on any change', () => {
    const fields = arrivalFieldsOf(arrival);
    const reordered = {
      ...fields,
      insurance: Object.fromEntries(Object.entries(fields.insurance).reverse())
    } as typeof fields;
    expect(sameFields(fields, reordered)).toBe(true);
    expect(sameFields(fields, { ...fields, insurance: { ...fields.insurance, copay: '3' } })).toBe(false);
    expect(sameFields(fields, { ...fields, brought: ['referral'] })).toBe(false);
  });
});

describe('cancel reasons and eligibility shown in the queue', () => {
  it('a 受付取消 needs a short reason', () => {
    expect(checkCancelReason('二重登録')).toEqual({});
    expect(checkCancelReason('  ').reason?.key).toBe('reception.error.cancelReason');
    expect(checkCancelReason('x'.repeat(201)).reason?.key).toBe('reception.error.tooLong');
  });

  it('one-tap steps leave 受付取消 out', () => {
    expect(queueSteps).not.toContain('cancelled');
    expect(queueSteps).toHaveLength(queueStatuses.length - 1);
  });

  it('the result after recovery is shown once recovery began or a result was recorded', () => {
    expect(showsEligibilityResult('unconfirmed', false)).toBe(false);
    expect(showsEligibilityResult('unconfirmed', true)).toBe(true);
    expect(showsEligibilityResult('confirmed', false)).toBe(true);
    expect(methodNeedsFollowUp('declaration')).toBe(true);
    expect(methodNeedsFollowUp('unconfirmed')).toBe(true);
    expect(methodNeedsFollowUp('card')).toBe(false);
  });
});
