import { afterEach, describe, expect, it } from 'vitest';
import { deleteDataDb, table } from '../store';
import { startingIntake } from './intake-draft';
import { emptyIntakeFields, type Arrival, type Intake } from './model';

afterEach(async () => {
  await deleteDataDb();
});

const arrival = (patientId: string | null) => ({ id: 'a1', patientId }) as Arrival;

describe('startingIntake', () => {
  it('a roster patient’s first 問診 starts with the allergies the EHR knew', async () => {
    await table('patients').put({ id: 'p:1', patientNo: '1', allergies: 'ペニシリン' });
    const start = await startingIntake(arrival('p:1'), undefined);
    expect(start).toEqual({ fields: { ...emptyIntakeFields, allergies: 'ペニシリン' }, baseRev: 0 });
  });

  it('a new patient starts blank; a stored 問診 starts as stored, with its rev', async () => {
    expect(await startingIntake(arrival(null), undefined)).toEqual({ fields: emptyIntakeFields, baseRev: 0 });
    const stored = { ...emptyIntakeFields, symptoms: '咳', allergies: '', rev: 3 } as Intake;
    await table('patients').put({ id: 'p:1', patientNo: '1', allergies: 'ペニシリン' });
    const start = await startingIntake(arrival('p:1'), stored);
    expect(start.baseRev).toBe(3);
    expect(start.fields).toMatchObject({ symptoms: '咳', allergies: '' });
  });
});
