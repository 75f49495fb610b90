// A snapshot file of either kind (CSV or FHIR Bundle JSON), told apart by its first character.
import type { Result } from '../../result';
import { readSnapshotCsv } from './csv';
import { isJson, parseSnapshotBundle } from './fhir';
import type { ReadSnapshot } from './model';

export function readSnapshotFile(bytes: Uint8Array): Result<ReadSnapshot> {
  if (isJson(bytes)) return parseSnapshotBundle(new TextDecoder('utf-8').decode(bytes));
  return readSnapshotCsv(bytes);
}
