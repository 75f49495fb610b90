// A saved memo as the paper domain's visit-memo printout wants it: plain Japanese text, local times, no records.
import { memoToPrintout } from './map-records';
import type { Arrival } from '../reception/model';
import type { Clinic, LocalDateTime, VisitMemo, VisitMemosInput } from './model';
import { localDate, localTime, type Memo } from '../visits/model';

/** Local wall-clock 'YYYY-MM-DDTHH:mm' of a stored ISO instant. */
export function toLocalDateTime(iso: string): LocalDateTime {
  const d = new Date(iso);
  return `${localDate(d)}T${localTime(d)}`;
}

/** One memo laid out for print: the paper domain's own mapping (one rule for every memo printout). */
export function printableMemo(memo: Memo, arrival: Arrival): VisitMemo {
  // Each save of a memo writes one revision row, so the stored count equals its rev.
  return memoToPrintout(memo, arrival, memo.rev);
}

export function printInput(memo: Memo, arrival: Arrival, clinic: Clinic, now: Date): VisitMemosInput {
  return {
    clinic,
    drill: memo.drill,
    printedAt: toLocalDateTime(now.toISOString()),
    memos: [printableMemo(memo, arrival)]
  };
}
