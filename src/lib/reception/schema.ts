// The stored shape of arrivals (受付) and intakes (問診) as valibot schemas: every record that enters from outside (a bundle, the hub) is checked against them.
import * as v from 'valibot';
import {
  IdSchema,
  InstantSchema,
  LongTextSchema,
  ShortTextSchema,
  recordMetaEntries
} from '../store/record-schema';
import { schemaMatches, type SameType } from '../store/same-type';
import {
  broughtItems,
  insuranceKinds,
  MAX_PUBLICS,
  copays,
  eligibilityMethods,
  eligibilityStatuses,
  pregnancyStates,
  queueStatuses,
  queueSteps,
  relations,
  sexes,
  visitTypes,
  type Arrival,
  type Intake
} from './model';

const CancellationSchema = v.strictObject({
  reason: ShortTextSchema,
  at: InstantSchema,
  by: ShortTextSchema,
  previousStatus: v.picklist(queueSteps),
  undoneAt: v.optional(InstantSchema),
  undoneBy: v.optional(ShortTextSchema)
});

const InsuranceSchema = v.strictObject({
  insurerNo: ShortTextSchema,
  symbol: ShortTextSchema,
  number: ShortTextSchema,
  branch: ShortTextSchema,
  relation: v.picklist([...relations, '']),
  copay: v.picklist([...copays, '']),
  validUntil: ShortTextSchema,
  publicPayerNo: ShortTextSchema,
  publicRecipientNo: ShortTextSchema
});

const DeclarationSchema = v.strictObject({
  insurerName: ShortTextSchema,
  insuredName: ShortTextSchema,
  employer: ShortTextSchema,
  address: ShortTextSchema,
  declaredAt: ShortTextSchema,
  phone: v.optional(ShortTextSchema)
});

const PublicPeriodEntries = { validFrom: ShortTextSchema, validUntil: ShortTextSchema };

const RececonSchema = v.strictObject({
  postalCode: ShortTextSchema,
  address: ShortTextSchema,
  insuranceKind: v.picklist([...insuranceKinds, '']),
  insuredName: ShortTextSchema,
  qualifiedOn: ShortTextSchema,
  firstPublic: v.strictObject(PublicPeriodEntries),
  morePublics: v.pipe(
    v.array(
      v.strictObject({ payerNo: ShortTextSchema, recipientNo: ShortTextSchema, ...PublicPeriodEntries })
    ),
    v.maxLength(MAX_PUBLICS - 1)
  )
});

export const ArrivalSchema = v.strictObject({
  ...recordMetaEntries,
  deviceLabel: IdSchema,
  seq: v.pipe(v.number(), v.integer(), v.minValue(1)),
  queueNo: IdSchema,
  arrivedAt: InstantSchema,
  patientId: v.nullable(IdSchema),
  patientNo: ShortTextSchema,
  isNew: v.boolean(),
  name: ShortTextSchema,
  kana: ShortTextSchema,
  birthDate: ShortTextSchema,
  sex: v.picklist(sexes),
  phone: ShortTextSchema,
  visitType: v.picklist(visitTypes),
  department: ShortTextSchema,
  doctor: ShortTextSchema,
  complaint: LongTextSchema,
  brought: v.array(v.picklist(broughtItems)),
  eligibilityMethod: v.picklist(eligibilityMethods),
  insurance: InsuranceSchema,
  declaration: v.nullable(DeclarationSchema),
  eligibilityStatus: v.picklist(eligibilityStatuses),
  status: v.picklist(queueStatuses),
  statusChangedAt: InstantSchema,
  paperSerial: ShortTextSchema,
  cancellation: v.optional(v.nullable(CancellationSchema)),
  rececon: v.optional(RececonSchema)
});

export const IntakeSchema = v.strictObject({
  ...recordMetaEntries,
  arrivalId: IdSchema,
  symptoms: LongTextSchema,
  since: ShortTextSchema,
  temperature: ShortTextSchema,
  allergies: LongTextSchema,
  medications: LongTextSchema,
  pregnancy: v.picklist([...pregnancyStates, '']),
  pastIllnesses: LongTextSchema,
  message: LongTextSchema,
  filledBy: v.picklist(['staff', 'patient']),
  lastFilledBy: v.optional(v.picklist(['staff', 'patient']))
});

schemaMatches<SameType<v.InferOutput<typeof ArrivalSchema>, Arrival>>();
schemaMatches<SameType<v.InferOutput<typeof IntakeSchema>, Intake>>();
