import { afterEach, describe, expect, it } from 'vitest';
import { deleteDataDb } from '../store';
import { generatePatients } from '../fixtures/synthetic';
import { patientsRepo } from '../patients/repo';
import { forgetRosterIndex } from '../patients/roster-store.svelte';
import { startingIntake } from './intake-draft';
import { emptyIntakeFields, type Arrival, type Intake } from './model';

afterEach(async () => {
  forgetRosterIndex();
  await deleteDataDb();
});

/** A roster of one patient, 'p:1', who is allergic to penicillin. */
async function rosterWithAllergy(): Promise<void> {
  const [patient] = generatePatients(1, 3, { firstPatientNo: 1 });
  const at = '2025-11-15T00:30:00.000Z';
  const meta = { takenAt: at, importedAt: at, sourceFileName: 'r.csv', encoding: 'UTF-8' as const };
  await patientsRepo.replaceSnapshot(
    [{ ...patient!, id: 'p:1', patientNo: '1', allergies: 'ペニシリン' }],
    meta,
    { staffId: '', staffName: '事務 長子', deviceLabel: 'A' }
  );
}

const arrival = (patientId: string | null, complaint = '') => ({ id: 'a1', patientId, complaint }) as Arrival;

describe('startingIntake', () => {
  it('a roster patient’s first 問診 starts with the allergies the EHR knew', async () => {
    await rosterWithAllergy();
    const start = await startingIntake(arrival('p:1'), undefined);
    expect(start).toEqual({ fields: { ...emptyIntakeFields, allergies: 'ペニシリン' }, baseRev: 0 });
  });

  it('a new patient starts blank; a stored 問診 starts as stored, with its rev', async () => {
    expect(await startingIntake(arrival(null), undefined)).toEqual({ fields: emptyIntakeFields, baseRev: 0 });
    const stored = { ...emptyIntakeFields, symptoms: '咳', allergies: '', rev: 3 } as Intake;
    await rosterWithAllergy();
    const start = await startingIntake(arrival('p:1'), stored);
    expect(start.baseRev).toBe(3);
    expect(start.fields).toMatchObject({ symptoms: '咳', allergies: '' });
  });

  it('a new 問診 starts from the 主訴 the desk typed; a stored one keeps what was written in it', async () => {
    const start = await startingIntake(arrival(null, ' 咳が1週間続く '), undefined);
    expect(start.fields.symptoms).toBe('咳が1週間続く');
    const stored = { ...emptyIntakeFields, symptoms: '喉の痛み', rev: 2 } as Intake;
    expect((await startingIntake(arrival(null, '咳'), stored)).fields.symptoms).toBe('喉の痛み');
    await rosterWithAllergy();
    expect((await startingIntake(arrival('p:1', '発熱'), undefined)).fields).toMatchObject({
      symptoms: '発熱',
      allergies: 'ペニシリン'
    });
  });
});
