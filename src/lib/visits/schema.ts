// The stored shape of visit memos (診療メモ) and their revisions as valibot schemas, for records that enter from outside.
import * as v from 'valibot';
import {
  IdSchema,
  InstantSchema,
  LongTextSchema,
  ShortTextSchema,
  recordMetaEntries
} from '../store/record-schema';
import { schemaMatches, type SameType } from '../store/same-type';
import { notebookSources } from '../medication/attached';
import {
  dispensings,
  issuedDocuments,
  prescriptionMarks,
  testStates,
  type Memo,
  type Revision
} from './model';

const VitalsSchema = v.strictObject({
  temperature: ShortTextSchema,
  systolic: ShortTextSchema,
  diastolic: ShortTextSchema,
  pulse: ShortTextSchema,
  spo2: ShortTextSchema,
  respRate: ShortTextSchema,
  height: ShortTextSchema,
  weight: ShortTextSchema
});

const PrescriptionSchema = v.strictObject({
  id: IdSchema,
  drug: ShortTextSchema,
  strength: ShortTextSchema,
  dose: ShortTextSchema,
  usage: ShortTextSchema,
  days: ShortTextSchema,
  dispensing: v.picklist(dispensings),
  marks: v.optional(v.pipe(v.array(v.picklist(prescriptionMarks)), v.maxLength(2)))
});

const TestItemSchema = v.strictObject({ id: IdSchema, name: ShortTextSchema, state: v.picklist(testStates) });

export const MemoContentSchema = v.strictObject({
  date: ShortTextSchema,
  startTime: ShortTextSchema,
  endTime: ShortTextSchema,
  department: ShortTextSchema,
  doctor: ShortTextSchema,
  complaint: LongTextSchema,
  history: LongTextSchema,
  reportedMeds: LongTextSchema,
  allergies: LongTextSchema,
  vitals: VitalsSchema,
  findings: LongTextSchema,
  assessment: LongTextSchema,
  suspected: v.boolean(),
  prescriptions: v.pipe(v.array(PrescriptionSchema), v.maxLength(100)),
  procedures: LongTextSchema,
  tests: v.pipe(v.array(TestItemSchema), v.maxLength(100)),
  injections: LongTextSchema,
  guidance: LongTextSchema,
  nextAppointment: ShortTextSchema,
  documents: v.array(v.picklist(issuedDocuments)),
  notebooks: v.optional(
    v.pipe(
      v.array(
        v.strictObject({
          id: IdSchema,
          text: LongTextSchema,
          source: v.picklist(notebookSources),
          attachedAt: InstantSchema,
          confirmedOther: v.boolean()
        })
      ),
      v.maxLength(20)
    )
  )
});

export const MemoSchema = v.strictObject({
  ...recordMetaEntries,
  arrivalId: IdSchema,
  content: MemoContentSchema,
  authorName: ShortTextSchema,
  writtenAt: InstantSchema,
  paperSerial: ShortTextSchema
});

export const RevisionSchema = v.strictObject({
  id: IdSchema,
  sessionId: IdSchema,
  recordId: IdSchema,
  rev: v.pipe(v.number(), v.integer(), v.minValue(1)),
  at: InstantSchema,
  by: ShortTextSchema,
  deviceLabel: ShortTextSchema,
  changes: v.array(v.strictObject({ field: ShortTextSchema, before: LongTextSchema, after: LongTextSchema })),
  snapshot: MemoContentSchema
});

schemaMatches<SameType<v.InferOutput<typeof MemoSchema>, Memo>>();
schemaMatches<SameType<v.InferOutput<typeof RevisionSchema>, Revision>>();
