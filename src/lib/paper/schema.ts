// The stored shape of paper links (a numbered paper form attached to a record) as a valibot schema, for records that enter from outside.
import * as v from 'valibot';
import { IdSchema, recordMetaEntries } from '../store/record-schema';
import { schemaMatches, type SameType } from '../store/same-type';
import { linkedKinds, type PaperLink } from './links';

export const PaperLinkSchema = v.strictObject({
  ...recordMetaEntries,
  serial: IdSchema,
  recordId: IdSchema,
  recordKind: v.picklist(linkedKinds)
});

schemaMatches<SameType<v.InferOutput<typeof PaperLinkSchema>, PaperLink>>();
