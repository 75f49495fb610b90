// An outage as a QR code's text: another device of the clinic scans it to join the same outage instead of declaring its own.
import * as v from 'valibot';
import { fail, ok, type Result } from '../result';
import { IdSchema, InstantSchema, ShortTextSchema } from '../store/record-schema';
import type { ClinicIdentity } from '../settings/model';
import type { SharedSession } from './repo';

const TYPE = 'tebikae-join';

const Code = v.strictObject({
  t: v.literal(TYPE),
  v: v.literal(1),
  clinic: v.strictObject({
    clinicId: ShortTextSchema,
    medicalInstitutionCode: ShortTextSchema,
    name: ShortTextSchema
  }),
  session: v.strictObject({
    id: IdSchema,
    kind: v.picklist(['real', 'drill']),
    reason: ShortTextSchema,
    startedAt: InstantSchema,
    recoveredAt: v.optional(v.nullable(InstantSchema)),
    declaredBy: ShortTextSchema,
    deviceLabel: ShortTextSchema,
    createdAt: InstantSchema,
    clinicId: v.optional(ShortTextSchema),
    deviceId: v.optional(ShortTextSchema)
  })
});

export interface JoinCode {
  clinic: ClinicIdentity;
  session: SharedSession;
}

export function joinCodeText(code: JoinCode): string {
  return JSON.stringify({ t: TYPE, v: 1, clinic: code.clinic, session: code.session });
}

/** Read a scanned code: the outage to join and its clinic, or why it is not one. */
export function readJoinCode(text: string): Result<JoinCode> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail({ key: 'outage.join.notOurs' });
  }
  if (raw === null || typeof raw !== 'object' || (raw as { t?: unknown }).t !== TYPE)
    return fail({ key: 'outage.join.notOurs' });
  const parsed = v.safeParse(Code, raw);
  if (!parsed.success) return fail({ key: 'outage.join.damaged' });
  return ok({ clinic: parsed.output.clinic, session: parsed.output.session });
}
