// The roster's "as of" time (名簿の時点) asked at import: defaulted from the file, checked before the import.
import type { Problem } from '../result';
import { parseLocalDateTime, toLocalDateTime } from '../outage/model';

/** A file's lastModified as the datetime-local default; now when the browser gives none. */
export function defaultTakenAt(lastModified: number | undefined, now: Date): string {
  const when = lastModified && lastModified > 0 ? new Date(lastModified) : now;
  return toLocalDateTime(when.getTime() > now.getTime() ? now : when);
}

/** Clock skew between the EHR's machine and this tablet that still counts as "now". */
const SKEW_MS = 5 * 60_000;

/** The typed 'YYYY-MM-DDTHH:mm' as an ISO timestamp, or the problem to show next to the field. */
export function readTakenAt(local: string, now: Date): { iso: string } | { problem: Problem } {
  const when = parseLocalDateTime(local.trim());
  if (!when) return { problem: { key: 'patients.import.error.takenAtInvalid', field: 'takenAt' } };
  if (when.getTime() > now.getTime() + SKEW_MS)
    return { problem: { key: 'patients.import.error.takenAtFuture', field: 'takenAt' } };
  return { iso: when.toISOString() };
}
