// The shape of an audit-trail line (監査ログ) as a valibot schema, for lines that enter from outside (a bundle, the hub).
import * as v from 'valibot';
import { IdSchema, InstantSchema, ShortTextSchema } from './record-schema';
import { schemaMatches, type SameType } from './same-type';
import { AUDIT_ACTIONS, type AuditEntry } from './audit-entry';

export const AuditEntrySchema = v.strictObject({
  id: IdSchema,
  at: InstantSchema,
  sessionId: v.string(),
  who: ShortTextSchema,
  deviceLabel: ShortTextSchema,
  action: v.picklist(AUDIT_ACTIONS),
  table: ShortTextSchema,
  recordId: ShortTextSchema,
  count: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  detail: v.optional(ShortTextSchema),
  ref: v.optional(ShortTextSchema)
});

schemaMatches<SameType<v.InferOutput<typeof AuditEntrySchema>, AuditEntry>>();
