// Paper linked back to records: a printed form's serial attached to an arrival, a memo or a bill — types and pure rules.
import type { RecordMeta } from '../store/record';
import type { Serial } from './serial';

/** Which kind of record a paper form is attached to. */
export type LinkedKind = 'arrival' | 'memo' | 'bill';
export const linkedKinds: LinkedKind[] = ['arrival', 'memo', 'bill'];

/** One paper form (by its serial, canonical 'U-0003') attached to one record. */
export interface PaperLink extends RecordMeta {
  serial: string;
  recordId: string;
  recordKind: LinkedKind;
}

/** What the user asks to link: the serial as read (canonical) and the record chosen. */
export interface LinkRequest {
  serial: string;
  recordId: string;
  recordKind: LinkedKind;
}

/**
 * Linking either happened, was there already, or needs the user's answer first: the serial is
 * attached to another record (`existing`), and only an explicit "relink" moves it.
 */
export type LinkOutcome =
  | { status: 'linked'; link: PaperLink }
  | { status: 'already'; link: PaperLink }
  | { status: 'taken'; existing: PaperLink[] };

/**
 * The record a form is usually attached to, from its serial's prefix: 受付票, 問診票 and 資格申立書 go with
 * the arrival, 診療メモ with the memo, 預り証 (blank 'D-' or the app's device-labelled ones) with the bill.
 */
export function defaultLinkedKind(serial: Pick<Serial, 'form'>): LinkedKind {
  switch (serial.form) {
    case 'visitMemo':
      return 'memo';
    case 'depositSlip':
    case undefined:
      return 'bill';
    default:
      return 'arrival';
  }
}

/** Links sorted by serial: prefix, then number ('U-0002' before 'U-0010'). */
export function bySerial<L extends Pick<PaperLink, 'serial'>>(links: readonly L[]): L[] {
  const key = (s: string) => {
    const m = /^([A-Z]+)-(\d+)$/.exec(s);
    return m ? [m[1] ?? '', Number(m[2])] : [s, 0];
  };
  return [...links].sort((a, b) => {
    const [pa, na] = key(a.serial) as [string, number];
    const [pb, nb] = key(b.serial) as [string, number];
    return pa.localeCompare(pb) || na - nb;
  });
}

/** Serials grouped by the record they are attached to, records in first-linked order. */
export function serialsByRecord<L extends Pick<PaperLink, 'serial' | 'recordId' | 'createdAt'>>(
  links: readonly L[]
): Map<string, L[]> {
  const out = new Map<string, L[]>();
  for (const link of [...links].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    const list = out.get(link.recordId) ?? [];
    list.push(link);
    out.set(link.recordId, list);
  }
  for (const [id, list] of out) out.set(id, bySerial(list));
  return out;
}
