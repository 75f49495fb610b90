// The stored shape of back-entry ticks (代行入力) and every session table's schema, for records that enter from outside (a bundle, the hub).
import * as v from 'valibot';
import {
  IdSchema,
  MAX_REV,
  OptionalInstantSchema,
  InstantSchema,
  ShortTextSchema,
  recordMetaEntries
} from '../../store/record-schema';
import { schemaMatches, type SameType } from '../../store/same-type';
import { AuditEntrySchema } from '../../store/audit-schema';
import { TimelineEventSchema, outageSessionEntries } from '../../outage/schema';
import { ArrivalSchema, IntakeSchema } from '../../reception/schema';
import { MemoSchema, RevisionSchema } from '../../visits/schema';
import { BillSchema, CashCountSchema, SettlementSchema } from '../../billing/schema';
import { PaperLinkSchema } from '../../paper/schema';
import { itemKinds, type BackEntry, type RecoverySession, type SessionTable } from '../model';

export const BackEntrySchema = v.strictObject({
  ...recordMetaEntries,
  recordId: IdSchema,
  itemKind: v.picklist(itemKinds),
  target: v.picklist(['ehr', 'rececon']),
  entered: v.boolean(),
  enteredBy: ShortTextSchema,
  enteredAt: OptionalInstantSchema,
  confirmedBy: ShortTextSchema,
  confirmedAt: OptionalInstantSchema,
  // 0: not entered, or ticked before versions were kept.
  recordRev: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_REV)),
  recordUpdatedAt: OptionalInstantSchema,
  recordDigest: v.pipe(v.string(), v.maxLength(64)),
  ehrPatientNo: ShortTextSchema,
  history: v.array(
    v.strictObject({
      action: v.picklist(['entered', 'undone', 'numbered', 'confirmed']),
      by: ShortTextSchema,
      at: InstantSchema,
      deviceLabel: ShortTextSchema
    })
  )
});

/** A session row as a bundle carries it: the outage session, with the counts a purge left (a tombstone). */
export const RecoverySessionSchema = v.strictObject({
  ...outageSessionEntries,
  purgeSummary: v.optional(
    v.strictObject({
      at: InstantSchema,
      by: ShortTextSchema,
      deviceLabel: ShortTextSchema,
      counts: v.record(v.string(), v.pipe(v.number(), v.integer(), v.minValue(0)))
    })
  )
});

/** Every store of a session and the exact shape its records must have: unknown fields are refused. */
export const recordSchemas: Record<SessionTable, v.GenericSchema<unknown, unknown>> = {
  events: TimelineEventSchema,
  arrivals: ArrivalSchema,
  intakes: IntakeSchema,
  memos: MemoSchema,
  revisions: RevisionSchema,
  bills: BillSchema,
  settlements: SettlementSchema,
  cashCounts: CashCountSchema,
  backEntries: BackEntrySchema,
  paperLinks: PaperLinkSchema,
  audit: AuditEntrySchema
};

schemaMatches<SameType<v.InferOutput<typeof BackEntrySchema>, BackEntry>>();
schemaMatches<SameType<v.InferOutput<typeof RecoverySessionSchema>, RecoverySession>>();
