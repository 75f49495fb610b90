// The intake note (問診票) check: what brings the patient is needed, a temperature must be a body temperature.
import { fail, ok, type FieldProblems, type Result } from '../result';
import { toHalfWidthAscii } from '../patients/kana';
import { pregnancyStates, type Intake, type IntakeFields } from './model';

export type IntakeField = Exclude<keyof IntakeFields, 'pregnancy'>;

/** Lowest and highest temperatures (℃) that are a reading of a living patient rather than a typo. */
export const TEMPERATURE_RANGE = { min: 34, max: 42.5 } as const;

/** 36.8, ３６．８, 36.8℃, 36,8 → '36.8'; '' stays ''; anything else is a problem. */
export function readTemperature(text: string): Result<string> {
  const cleaned = toHalfWidthAscii(text)
    .replace(/[。．，,]/g, '.')
    .replace(/\s|℃|°C|度/gi, '');
  if (cleaned === '') return ok('');
  if (!/^\d{2}(\.\d)?$/.test(cleaned))
    return fail({ key: 'reception.error.temperature', values: { input: text.trim() }, field: 'temperature' });
  const value = Number(cleaned);
  if (value < TEMPERATURE_RANGE.min || value > TEMPERATURE_RANGE.max)
    return fail({
      key: 'reception.error.temperatureRange',
      values: { input: text.trim() },
      field: 'temperature'
    });
  return ok(value.toFixed(1));
}

export function intakeFormFrom(intake: Intake | undefined): IntakeFields {
  return {
    symptoms: intake?.symptoms ?? '',
    since: intake?.since ?? '',
    temperature: intake?.temperature ?? '',
    allergies: intake?.allergies ?? '',
    medications: intake?.medications ?? '',
    pregnancy: intake?.pregnancy ?? '',
    pastIllnesses: intake?.pastIllnesses ?? '',
    message: intake?.message ?? ''
  };
}

const LONG = 2000;
const longText: Exclude<IntakeField, 'temperature'>[] = [
  'symptoms',
  'since',
  'allergies',
  'medications',
  'pastIllnesses',
  'message'
];

/** Check the 問診 as typed; the fields to store (trimmed, temperature in 半角 with one decimal) or a problem per field. */
export function readIntakeForm(form: IntakeFields): Result<IntakeFields, FieldProblems<IntakeField>> {
  const problems: FieldProblems<IntakeField> = {};
  for (const field of longText) {
    const max = field === 'since' ? 100 : LONG;
    if (form[field].trim().length > max)
      problems[field] = { key: 'reception.error.tooLong', values: { max }, field };
  }
  if (!form.symptoms.trim())
    problems.symptoms = { key: 'reception.error.symptomsRequired', field: 'symptoms' };
  const temperature = readTemperature(form.temperature);
  if (!temperature.ok) problems.temperature = temperature.error;
  if (Object.keys(problems).length > 0 || !temperature.ok) return fail(problems);
  return ok({
    symptoms: form.symptoms.trim(),
    since: form.since.trim(),
    temperature: temperature.value,
    allergies: form.allergies.trim(),
    medications: form.medications.trim(),
    pregnancy: pregnancyStates.includes(form.pregnancy as 'no') ? form.pregnancy : '',
    pastIllnesses: form.pastIllnesses.trim(),
    message: form.message.trim()
  });
}
