// The stored shape of outage sessions and timeline lines as valibot schemas, for rows that enter from outside (a bundle, the hub).
import * as v from 'valibot';
import { IdSchema, InstantSchema, ShortTextSchema } from '../store/record-schema';
import { schemaMatches, type SameType } from '../store/same-type';
import type { OutageSession, TimelineEvent } from './model';

const TIMELINE_KINDS = [
  'declared',
  'joined',
  'merged',
  'firstPatient',
  'recovered',
  'closed',
  'exported',
  'imported',
  'printed',
  'purged',
  'note'
] as const;

export const TimelineEventSchema = v.strictObject({
  id: IdSchema,
  sessionId: IdSchema,
  kind: v.picklist(TIMELINE_KINDS),
  at: InstantSchema,
  by: ShortTextSchema,
  deviceLabel: ShortTextSchema,
  detail: ShortTextSchema
});

const Links = v.optional(v.pipe(v.array(IdSchema), v.maxLength(100)));

export const outageSessionEntries = {
  id: IdSchema,
  kind: v.picklist(['real', 'drill']),
  reason: ShortTextSchema,
  startedAt: InstantSchema,
  recoveredAt: v.nullable(InstantSchema),
  closedAt: v.nullable(InstantSchema),
  declaredBy: ShortTextSchema,
  deviceLabel: ShortTextSchema,
  createdAt: InstantSchema,
  purgedAt: v.nullable(InstantSchema),
  clinicId: v.optional(ShortTextSchema),
  deviceId: v.optional(ShortTextSchema),
  sameAs: Links,
  notSameAs: Links
};

export const OutageSessionSchema = v.strictObject(outageSessionEntries);

schemaMatches<SameType<v.InferOutput<typeof TimelineEventSchema>, TimelineEvent>>();
schemaMatches<SameType<v.InferOutput<typeof OutageSessionSchema>, OutageSession>>();
