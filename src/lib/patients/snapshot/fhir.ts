// A FHIR R4 Bundle with JP Core resources (Patient, AllergyIntolerance, Condition, MedicationRequest) to a snapshot.
import * as v from 'valibot';
import { fail, ok, type Problem, type Result } from '../../result';
import { cleanPatientNo } from '../roster-values';
import {
  groupByPatient,
  type ClinicalItem,
  type ClinicalKind,
  type ReadSnapshot,
  type SnapshotRowProblem
} from './model';

/**
 * JP Core (JP_Patient) writes the clinic's 患者番号 as an identifier whose system is this OID followed by
 * the 医療機関コード (urn:oid:1.2.392.100495.20.3.51.1 + 10 digits); one with it wins over other identifiers.
 */
export const JP_PATIENT_NO_SYSTEM = 'urn:oid:1.2.392.100495.20.3.51.';

const Coding = v.object({
  system: v.optional(v.string()),
  code: v.optional(v.string()),
  display: v.optional(v.string())
});
const Concept = v.object({ text: v.optional(v.string()), coding: v.optional(v.array(Coding)) });
const Reference = v.object({ reference: v.optional(v.string()) });
const Quantity = v.object({
  value: v.optional(v.number()),
  unit: v.optional(v.string()),
  code: v.optional(v.string())
});
const Extension = v.object({
  url: v.string(),
  valueDuration: v.optional(Quantity),
  valuePeriod: v.optional(v.object({ start: v.optional(v.string()) }))
});
const Annotation = v.object({ text: v.optional(v.string()) });

const PatientResource = v.object({
  resourceType: v.literal('Patient'),
  id: v.optional(v.string()),
  identifier: v.optional(v.array(v.object({ system: v.optional(v.string()), value: v.optional(v.string()) })))
});
const AllergyResource = v.object({
  resourceType: v.literal('AllergyIntolerance'),
  patient: Reference,
  code: v.optional(Concept),
  verificationStatus: v.optional(Concept),
  recordedDate: v.optional(v.string()),
  onsetDateTime: v.optional(v.string()),
  reaction: v.optional(v.array(v.object({ manifestation: v.optional(v.array(Concept)) }))),
  note: v.optional(v.array(Annotation))
});
const ConditionResource = v.object({
  resourceType: v.literal('Condition'),
  subject: Reference,
  code: v.optional(Concept),
  clinicalStatus: v.optional(Concept),
  verificationStatus: v.optional(Concept),
  recordedDate: v.optional(v.string()),
  onsetDateTime: v.optional(v.string()),
  note: v.optional(v.array(Annotation))
});
const Dosage = v.object({
  text: v.optional(v.string()),
  extension: v.optional(v.array(Extension)),
  timing: v.optional(v.object({ code: v.optional(Concept) })),
  doseAndRate: v.optional(v.array(v.object({ doseQuantity: v.optional(Quantity) })))
});
const MedicationRequestResource = v.object({
  resourceType: v.literal('MedicationRequest'),
  subject: Reference,
  status: v.optional(v.string()),
  medicationCodeableConcept: v.optional(Concept),
  authoredOn: v.optional(v.string()),
  dosageInstruction: v.optional(v.array(Dosage)),
  dispenseRequest: v.optional(v.object({ expectedSupplyDuration: v.optional(Quantity) })),
  note: v.optional(v.array(Annotation))
});

const BundleSchema = v.object({
  resourceType: v.literal('Bundle'),
  timestamp: v.optional(v.string()),
  entry: v.optional(
    v.array(
      v.object({
        fullUrl: v.optional(v.string()),
        resource: v.optional(v.looseObject({ resourceType: v.string() }))
      })
    )
  )
});

type Concept = v.InferOutput<typeof Concept>;
type Quantity = v.InferOutput<typeof Quantity>;

const conceptText = (c: Concept | undefined) =>
  (c?.text ?? c?.coding?.find((x) => x.display)?.display ?? '').trim();
const statusCode = (c: Concept | undefined) => c?.coding?.[0]?.code ?? '';
/** A FHIR date or dateTime as the day it was written in (2020-04-01T12:28:17+09:00 → 2020-04-01). */
const dayOf = (s: string | undefined) => (s && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : '');
const quantity = (q: Quantity | undefined) =>
  q?.value === undefined ? '' : `${q.value}${q.unit ?? q.code ?? ''}`;
const notes = (list: { text?: string }[] | undefined) =>
  (list ?? [])
    .map((n) => n.text?.trim() ?? '')
    .filter(Boolean)
    .join(' ');

const blank = (kind: ClinicalKind, name: string): ClinicalItem => ({
  kind,
  name,
  strength: '',
  dose: '',
  usage: '',
  days: '',
  date: '',
  note: ''
});

/** The 患者番号 of a Patient: the JP Core 患者番号 identifier, else the first identifier with a value. */
function patientNoOf(p: v.InferOutput<typeof PatientResource>): string {
  const ids = p.identifier ?? [];
  const jp = ids.find((i) => i.system?.startsWith(JP_PATIENT_NO_SYSTEM) && i.value);
  return cleanPatientNo((jp ?? ids.find((i) => i.value))?.value ?? '');
}

type Read = { ref: string; item: ClinicalItem } | Problem | null;

function readAllergy(r: unknown): Read {
  const a = v.safeParse(AllergyResource, r);
  if (!a.success) return { key: 'snapshot.error.fhirShape', values: { type: 'AllergyIntolerance' } };
  const res = a.output;
  const verification = statusCode(res.verificationStatus);
  if (verification === 'entered-in-error' || verification === 'refuted') return null;
  const name = conceptText(res.code);
  if (!name) return { key: 'snapshot.error.nameMissing', field: 'name' };
  const reactions = (res.reaction ?? [])
    .flatMap((x) => (x.manifestation ?? []).map(conceptText))
    .filter(Boolean);
  return {
    ref: res.patient.reference ?? '',
    item: {
      ...blank('allergy', name),
      date: dayOf(res.recordedDate ?? res.onsetDateTime),
      note: [reactions.join('・'), notes(res.note)].filter(Boolean).join(' ')
    }
  };
}

function readCondition(r: unknown): Read {
  const c = v.safeParse(ConditionResource, r);
  if (!c.success) return { key: 'snapshot.error.fhirShape', values: { type: 'Condition' } };
  const res = c.output;
  if (statusCode(res.verificationStatus) === 'entered-in-error') return null;
  const name = conceptText(res.code);
  if (!name) return { key: 'snapshot.error.nameMissing', field: 'name' };
  const clinical = statusCode(res.clinicalStatus);
  const marks = [
    statusCode(res.verificationStatus) === 'provisional' ? '疑い' : '',
    clinical && clinical !== 'active' ? clinical : '',
    notes(res.note)
  ];
  return {
    ref: res.subject.reference ?? '',
    item: {
      ...blank('problem', name),
      date: dayOf(res.recordedDate ?? res.onsetDateTime),
      note: marks.filter(Boolean).join(' ')
    }
  };
}

function readMedicationRequest(r: unknown): Read {
  const m = v.safeParse(MedicationRequestResource, r);
  if (!m.success) return { key: 'snapshot.error.fhirShape', values: { type: 'MedicationRequest' } };
  const res = m.output;
  if (res.status === 'entered-in-error' || res.status === 'cancelled' || res.status === 'draft') return null;
  const name = conceptText(res.medicationCodeableConcept);
  if (!name) return { key: 'snapshot.error.nameMissing', field: 'name' };
  const dosage = res.dosageInstruction?.[0];
  // JP Core: 投与日数 in the JP_MedicationDosage_UsageDuration extension (its URL changed between versions).
  const duration =
    dosage?.extension?.find((e) => e.url.endsWith('UsageDuration'))?.valueDuration ??
    res.dispenseRequest?.expectedSupplyDuration;
  return {
    ref: res.subject.reference ?? '',
    item: {
      ...blank('prescription', name),
      dose: quantity(dosage?.doseAndRate?.[0]?.doseQuantity),
      usage: (dosage?.text ?? conceptText(dosage?.timing?.code)).trim(),
      days: duration?.value === undefined ? '' : String(duration.value),
      date: dayOf(res.authoredOn),
      note: notes(res.note)
    }
  };
}

const READERS: Record<string, (r: unknown) => Read> = {
  AllergyIntolerance: readAllergy,
  Condition: readCondition,
  MedicationRequest: readMedicationRequest
};

/** Bundle JSON text to a snapshot. Entries are numbered from 1 in the rejected list; other resource types are ignored. */
export function parseSnapshotBundle(text: string): Result<ReadSnapshot> {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return fail({ key: 'snapshot.error.notJson' });
  }
  const bundle = v.safeParse(BundleSchema, json);
  if (!bundle.success) return fail({ key: 'snapshot.error.notBundle' });
  const entries = bundle.output.entry ?? [];
  // Patients first, so a resource may come before the Patient it points at.
  const patientNos = new Map<string, string>();
  entries.forEach((e) => {
    const p = v.safeParse(PatientResource, e.resource);
    if (!p.success) return;
    const no = patientNoOf(p.output);
    if (!no) return;
    if (e.fullUrl) patientNos.set(e.fullUrl, no);
    if (p.output.id) {
      patientNos.set(`Patient/${p.output.id}`, no);
      if (e.fullUrl) patientNos.set(e.fullUrl.replace(/^.*\/(Patient\/[^/]+)$/, '$1'), no);
    }
  });
  const rows: { patientNo: string; item: ClinicalItem }[] = [];
  const rejected: SnapshotRowProblem[] = [];
  entries.forEach((e, i) => {
    const read = READERS[e.resource?.resourceType ?? '']?.(e.resource) ?? null;
    if (read === null) return;
    const rowNumber = i + 1;
    if ('key' in read) return void rejected.push({ rowNumber, reason: read });
    const ref = read.ref.replace(/^.*\/(Patient\/[^/]+)$/, '$1');
    const patientNo = patientNos.get(read.ref) ?? patientNos.get(ref);
    if (!patientNo)
      return void rejected.push({
        rowNumber,
        reason: { key: 'snapshot.error.patientUnknown', values: { ref: read.ref } }
      });
    rows.push({ patientNo, item: read.item });
  });
  const ts = bundle.output.timestamp;
  return ok({
    patients: groupByPatient(rows),
    rejected,
    format: 'fhir',
    encoding: 'UTF-8',
    exportedAt: ts && !Number.isNaN(Date.parse(ts)) ? new Date(ts).toISOString() : null
  });
}

/** A file's bytes to a snapshot: JSON (a FHIR Bundle) when it starts with '{', else the CSV. */
export function isJson(bytes: Uint8Array): boolean {
  for (const b of bytes) {
    if (b === 0xef || b === 0xbb || b === 0xbf || b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)
      continue;
    return b === 0x7b;
  }
  return false;
}
