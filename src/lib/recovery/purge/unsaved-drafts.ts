// A session's unsaved form input (drafts) named by what it is and whose it is, so a purge can say what would be lost.
import type { SessionData } from '../model';

/** What a draft holds, read from its key (the forms' own naming: reception, visits, billing, paper, recovery). */
export type DraftKind =
  | 'arrivalNew'
  | 'arrivalEdit'
  | 'intake'
  | 'memo'
  | 'bill'
  | 'settlement'
  | 'void'
  | 'paperLink'
  | 'ehrNo'
  | 'conflicts'
  | 'other';

/** A draft row of the session as the purge sees it: its key, and how many items it holds (1 for a form). */
export interface SessionDraft {
  key: string;
  items: number;
}

/** Draft keys as the forms write them; the id after the prefix is an arrival's or a bill's. */
const KEY_FORMS: { pattern: RegExp; kind: DraftKind; id: 'arrival' | 'bill' | null }[] = [
  { pattern: /^reception\.arrival\.new:/, kind: 'arrivalNew', id: null },
  { pattern: /^reception\.arrival:(.+)$/, kind: 'arrivalEdit', id: 'arrival' },
  { pattern: /^reception\.intake:(.+)$/, kind: 'intake', id: 'arrival' },
  { pattern: /^visits\.memo:(.+)$/, kind: 'memo', id: 'arrival' },
  { pattern: /^billing\.bill\.(.+)$/, kind: 'bill', id: 'arrival' },
  { pattern: /^billing\.settle\.(.+)$/, kind: 'settlement', id: 'bill' },
  { pattern: /^billing\.void\.(.+)$/, kind: 'void', id: 'bill' },
  { pattern: /^paper\.link:/, kind: 'paperLink', id: null },
  { pattern: /^recovery\.ehrNo\.(.+)$/, kind: 'ehrNo', id: 'arrival' },
  { pattern: /^recovery\.conflicts\./, kind: 'conflicts', id: null }
];

export interface UnsavedGroup {
  kind: DraftKind;
  /** Drafts of this kind (for conflicts: the differences waiting for a choice). */
  count: number;
  /** Queue numbers of the patients they belong to, sorted, without repeats. */
  queueNos: string[];
}

/** Group the session's drafts by kind, in the order of KEY_FORMS (unknown keys last), with their patients. */
export function unsavedDrafts(
  drafts: readonly SessionDraft[],
  data: Pick<SessionData, 'arrivals' | 'bills'>
): UnsavedGroup[] {
  const arrivals = new Map(data.arrivals.map((a) => [a.id, a]));
  const bills = new Map(data.bills.map((b) => [b.id, b]));
  const groups = new Map<DraftKind, { count: number; queueNos: Set<string> }>();
  for (const draft of drafts) {
    if (draft.items <= 0) continue;
    let kind: DraftKind = 'other';
    let queueNo: string | undefined;
    for (const form of KEY_FORMS) {
      const m = form.pattern.exec(draft.key);
      if (!m) continue;
      kind = form.kind;
      const id = m[1] ?? '';
      const arrivalId =
        form.id === 'bill' ? bills.get(id)?.arrivalId : form.id === 'arrival' ? id : undefined;
      queueNo = arrivalId ? arrivals.get(arrivalId)?.queueNo : undefined;
      break;
    }
    const group = groups.get(kind) ?? { count: 0, queueNos: new Set<string>() };
    group.count += draft.items;
    if (queueNo) group.queueNos.add(queueNo);
    groups.set(kind, group);
  }
  const order: DraftKind[] = [...KEY_FORMS.map((f) => f.kind), 'other'];
  return order
    .filter((kind) => groups.has(kind))
    .map((kind) => {
      const g = groups.get(kind)!;
      return { kind, count: g.count, queueNos: [...g.queueNos].sort() };
    });
}
