// The clinic settings and staff as valibot schemas, for settings that enter from outside (a clinic code's QR).
import * as v from 'valibot';
import { schemaMatches, type SameType } from '../store/same-type';
import { staffRoles, type Clinic, type Staff } from './model';

export const StaffRoleSchema = v.picklist(staffRoles);

export const StaffSchema = v.object({
  id: v.string(),
  name: v.string(),
  role: StaffRoleSchema
});

const CodeEntriesSchema = v.pipe(
  v.array(
    v.object({ name: v.pipe(v.string(), v.maxLength(100)), code: v.pipe(v.string(), v.maxLength(10)) })
  ),
  v.maxLength(60)
);

export const ClinicSchema = v.object({
  clinicId: v.string(),
  name: v.string(),
  address: v.string(),
  phone: v.string(),
  medicalInstitutionCode: v.string(),
  departments: v.array(v.string()),
  depositPresets: v.array(v.number()),
  idleLockMinutes: v.number(),
  // A code from a version before レセコン codes existed has none.
  receconCodes: v.optional(v.object({ departments: CodeEntriesSchema, doctors: CodeEntriesSchema }), () => ({
    departments: [],
    doctors: []
  }))
});

schemaMatches<SameType<v.InferOutput<typeof StaffSchema>, Staff>>();
schemaMatches<SameType<v.InferOutput<typeof ClinicSchema>, Clinic>>();
