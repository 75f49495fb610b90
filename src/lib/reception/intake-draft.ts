// The 問診 draft both the staff screen and the patient's tablet screen work on: one key per arrival, one starting point.
import { getRosterIndex } from '../patients/roster-store.svelte';
import { intakeFormFrom } from './intake-form';
import type { Arrival, Intake, IntakeFields } from './model';

/** What is typed, and the version (rev) of the stored 問診 it started from (0: none yet). */
export interface IntakeEdit {
  fields: IntakeFields;
  baseRev: number;
}

export const intakeDraftKey = (arrivalId: string) => `reception.intake:${arrivalId}`;

/** The form for a stored 問診 (after a save, or to load the stored version). */
export const intakeEdit = (intake: Intake | undefined): IntakeEdit => ({
  fields: intakeFormFrom(intake),
  baseRev: intake?.rev ?? 0
});

/**
 * Where a 問診 form starts: the stored one; or a new one with the 主訴 the desk heard as its symptoms
 * and, for a roster patient, the allergies the EHR knew. This is only the starting value: a draft
 * already typed in the 問診 is restored over it.
 */
export async function startingIntake(arrival: Arrival, intake: Intake | undefined): Promise<IntakeEdit> {
  const start = intakeEdit(intake);
  if (intake) return start;
  start.fields.symptoms = arrival.complaint.trim();
  if (arrival.patientId) {
    const known = (await getRosterIndex()).get(arrival.patientId);
    start.fields.allergies = known?.allergies ?? '';
  }
  return start;
}
