// Whether a new roster file may replace the roster on this device straight away, or must be confirmed a second time.
import type { Problem } from '../result';
import { quoteDamageProblem, type QuoteDamage } from './quote-damage';

/**
 * A new file with fewer patients than this share of the roster it replaces is a sudden drop. A
 * clinic's patient list changes by a few percent between two exports (new patients, a yearly
 * clear-out of long-inactive ones takes well under half); a file with less than half of them is
 * an export cut short, one filtered by mistake (one department, one day's patients) or a broken
 * file — and once it has replaced the good roster, the good one is gone for the whole outage.
 * Half keeps a routine re-import (even of a small roster: 40 → 25) free of the extra step.
 */
export const DROP_SHARE = 0.5;

export interface ReplaceCheck {
  /** Patients in the roster now on the device (0 when there is none). */
  current: number;
  /** Patients the new file will give. */
  next: number;
  /** Why the file looks damaged, in words; empty for a sound file. */
  reasons: Problem[];
  /** Replacing needs a second, explicit confirmation that shows both counts. */
  confirm: boolean;
}

/**
 * Check a replacement before it is written. Broken quoting and a sudden drop are each a reason;
 * with no roster on the device there is nothing to lose, so nothing to confirm (the damage is
 * still shown on the file and in the report).
 */
export function checkReplacement(
  current: number,
  next: number,
  damage: readonly QuoteDamage[]
): ReplaceCheck {
  const reasons = damage.map(quoteDamageProblem);
  if (current > 0 && next < current * DROP_SHARE)
    reasons.push({
      key: 'patients.import.confirm.dropped',
      values: { current: current.toLocaleString('ja-JP'), next: next.toLocaleString('ja-JP') }
    });
  return { current, next, reasons, confirm: current > 0 && reasons.length > 0 };
}
