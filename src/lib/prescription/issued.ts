// A printed 処方箋 as the outage's timeline keeps it ('printed' event): its number and the memo it was made
// from (an opaque id, never whose), so the checklist and the CSVs list it on every device the timeline reaches.
import type { RxPaper } from './model';

const ISSUED = /^prescription (\S+) (\S+) (a4|a5)$/;

export interface IssuedRx {
  serial: string;
  memoId: string;
  paper: RxPaper;
}

/** The event detail: 'prescription RA-0003 <memo id> a5'. */
export function issuedDetail({ serial, memoId, paper }: IssuedRx): string {
  return `prescription ${serial} ${memoId} ${paper}`;
}

/** The issue a detail records, or null for any other print. */
export function parseIssued(detail: string): IssuedRx | null {
  const m = ISSUED.exec(detail.trim());
  return m ? { serial: m[1] ?? '', memoId: m[2] ?? '', paper: m[3] as RxPaper } : null;
}

/** Every 処方箋 printed from each memo, in the order printed (a reprint is a new number). */
export function issuedByMemo(
  events: readonly { kind: string; at: string; detail: string }[]
): Map<string, IssuedRx[]> {
  const out = new Map<string, IssuedRx[]>();
  for (const e of [...events].sort((a, b) => a.at.localeCompare(b.at))) {
    if (e.kind !== 'printed') continue;
    const issued = parseIssued(e.detail);
    if (issued) out.set(issued.memoId, [...(out.get(issued.memoId) ?? []), issued]);
  }
  return out;
}
