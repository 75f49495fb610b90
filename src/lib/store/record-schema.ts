// The shape every stored record shares (RecordMeta) as a valibot schema, and the small value schemas the domains build theirs from.
import * as v from 'valibot';

/** The most a record's rev may reach: far above any real edit count, a guard against a forged or looping value. */
export const MAX_REV = 10_000;

/** Ids, keys and labels: never empty, never long. */
export const IdSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(120));
/** Names, numbers, short codes typed at the desk ('' allowed). */
export const ShortTextSchema = v.pipe(v.string(), v.maxLength(1_000));
/** Free text of a memo or an intake. */
export const LongTextSchema = v.pipe(v.string(), v.maxLength(20_000));

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An instant as the app stores it: toISOString(). */
export const InstantSchema = v.pipe(
  v.string(),
  v.regex(ISO_INSTANT),
  v.check((s) => !Number.isNaN(Date.parse(s)))
);
/** An instant, or '' while the thing has not happened. */
export const OptionalInstantSchema = v.union([v.literal(''), InstantSchema]);

export const recordMetaEntries = {
  id: IdSchema,
  sessionId: IdSchema,
  createdAt: InstantSchema,
  createdBy: ShortTextSchema,
  createdDevice: ShortTextSchema,
  updatedAt: InstantSchema,
  updatedBy: ShortTextSchema,
  updatedDevice: ShortTextSchema,
  rev: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_REV)),
  drill: v.boolean()
};

export const RecordMetaSchema = v.strictObject(recordMetaEntries);
