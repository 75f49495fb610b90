// The clinic's settings as a QR code's text, to set up another device of the same clinic without typing (and with the same clinic id).
import * as v from 'valibot';
import { fail, ok, type Result } from '../result';
import type { Clinic, Staff } from './model';
import { ClinicSchema, StaffRoleSchema } from './schema';

const TYPE = 'tebikae-clinic';

const Code = v.strictObject({
  t: v.literal(TYPE),
  v: v.literal(1),
  clinic: ClinicSchema,
  /** [id, name, role]: short, so the code stays small enough for a tablet camera. */
  staff: v.pipe(
    v.array(
      v.tuple([v.pipe(v.string(), v.maxLength(120)), v.pipe(v.string(), v.maxLength(100)), StaffRoleSchema])
    ),
    v.maxLength(60)
  )
});

export interface ClinicCode {
  clinic: Clinic;
  staff: Staff[];
}

export function clinicCodeText(code: ClinicCode): string {
  return JSON.stringify({
    t: TYPE,
    v: 1,
    clinic: code.clinic,
    staff: code.staff.map((s) => [s.id, s.name, s.role])
  });
}

/** Read a scanned code: the clinic's settings, or why it is not one (another kind of QR code, a damaged one). */
export function readClinicCode(text: string): Result<ClinicCode> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail({ key: 'settings.link.notOurs' });
  }
  if (raw === null || typeof raw !== 'object' || (raw as { t?: unknown }).t !== TYPE)
    return fail({ key: 'settings.link.notOurs' });
  const parsed = v.safeParse(Code, raw);
  if (!parsed.success || !parsed.output.clinic.clinicId) return fail({ key: 'settings.link.damaged' });
  return ok({
    clinic: parsed.output.clinic,
    staff: parsed.output.staff.map(([id, name, role]) => ({ id, name, role }))
  });
}
