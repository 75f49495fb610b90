// Reads and writes of the paper screen: remembered next serials, a session's records for printouts, and paper links.
import {
  ConflictError,
  newMeta,
  settings,
  table,
  touchMeta,
  transaction,
  write,
  type WriteContext
} from '../store';
import { fail, ok, type Result } from '../result';
import { groupOutages, type Outage, type OutageScope, type OutageSession } from '../outage/model';
import type { Arrival } from '../reception/model';
import { inArrivalOrder } from '../reception/queue';
import type { Memo, Revision } from '../visits/model';
import type { Bill, Settlement } from '../billing/model';
import type { FormKind } from './model';
import { nextAfter, nextNumberKey, type Pack } from './pack-form';
import { parseSerial } from './serial';
import type { LinkedKind, LinkOutcome, LinkRequest, PaperLink } from './links';

const links = () => table<PaperLink>('paperLinks');
const arrivals = () => table<Arrival>('arrivals');
const memos = () => table<Memo>('memos');
const bills = () => table<Bill>('bills');
const sessions = () => table<OutageSession>('sessions');

/** Everything of one outage the printouts and the link form read. */
export interface SessionRecordSet {
  arrivals: Arrival[];
  memos: Memo[];
  bills: Bill[];
  settlements: Settlement[];
  /** Stored revision rows per memo id. */
  revisionCounts: Map<string, number>;
  links: PaperLink[];
}

export const paperRepo = {
  /** The next unused serial number of a blank form (1 before any was printed). */
  nextNumber: (kind: FormKind): Promise<number> => settings.get(nextNumberKey(kind), 1),

  /** Remember that a pack was made: the next number moves past it (never back). Returns the new next number. */
  advanceNext(pack: Pick<Pack, 'kind' | 'start' | 'count'>): Promise<Result<number>> {
    const key = nextNumberKey(pack.kind);
    return write(() =>
      transaction(['settings'], async () => {
        const next = nextAfter(pack, await settings.get(key, 1));
        await table<{ key: string; value: number }>('settings').put({ key, value: next });
        return next;
      })
    );
  },

  /** Outages one can print from, newest first (purged ones hold no records any more). */
  async outages(): Promise<Outage[]> {
    return groupOutages(await sessions().toArray()).filter((o) => !o.purgedAt);
  },

  /** Every device's records of an outage. */
  async sessionRecords(scope: OutageScope): Promise<SessionRecordSet> {
    const of = <T>(name: Parameters<typeof table>[0]) =>
      table<T>(name).where('sessionId').anyOf(scope.sessionIds).toArray();
    const [a, m, b, s, r, l] = await Promise.all([
      of<Arrival>('arrivals'),
      of<Memo>('memos'),
      of<Bill>('bills'),
      of<Settlement>('settlements'),
      of<Revision>('revisions'),
      of<PaperLink>('paperLinks')
    ]);
    const revisionCounts = new Map<string, number>();
    for (const rev of r) revisionCounts.set(rev.recordId, (revisionCounts.get(rev.recordId) ?? 0) + 1);
    return {
      arrivals: inArrivalOrder(a),
      memos: m,
      bills: b,
      settlements: s,
      revisionCounts,
      links: l
    };
  }
};

/** A record found for a serial: through a paper link, or because the record itself carries that serial. */
export interface FoundRecord {
  kind: LinkedKind;
  recordId: string;
  /** The paper link, when found through one. */
  link?: PaperLink;
  arrival?: Arrival;
  memo?: Memo;
  bill?: Bill;
}

async function loadRecord(kind: LinkedKind, recordId: string): Promise<Omit<FoundRecord, 'link'> | null> {
  if (kind === 'arrival') {
    const arrival = await arrivals().get(recordId);
    return arrival ? { kind, recordId, arrival } : null;
  }
  if (kind === 'memo') {
    const memo = await memos().get(recordId);
    return memo ? { kind, recordId, memo, arrival: await arrivals().get(memo.arrivalId) } : null;
  }
  const bill = await bills().get(recordId);
  return bill ? { kind, recordId, bill, arrival: await arrivals().get(bill.arrivalId) } : null;
}

/** Whether a serial typed on a record (in any spelling) is this one. */
function sameSerial(typed: string, canonical: string): boolean {
  if (!typed) return false;
  const read = parseSerial(typed);
  return read.ok && read.value.text === canonical;
}

export const paperLinksRepo = {
  list: (scope: OutageScope): Promise<PaperLink[]> =>
    links().where('sessionId').anyOf(scope.sessionIds).toArray(),

  /** Links of a serial, in any session. `serial` is canonical ('U-0003'). */
  bySerial: (serial: string): Promise<PaperLink[]> => links().where('serial').equals(serial).toArray(),

  byRecord: (recordId: string): Promise<PaperLink[]> => links().where('recordId').equals(recordId).toArray(),

  /**
   * Attach a serial to a record. A serial already on another record is not moved unless `replace` names
   * those links as the user saw them (id and rev); if they changed meanwhile, the write is a conflict.
   * The link belongs to the record's own session and carries its drill mark.
   */
  link(
    request: LinkRequest,
    ctx: WriteContext,
    replace: Pick<PaperLink, 'id' | 'rev'>[] = []
  ): Promise<Result<LinkOutcome>> {
    const read = parseSerial(request.serial);
    if (!read.ok) return Promise.resolve(read);
    const serial = read.value.text;
    return write(() =>
      transaction(['paperLinks', 'arrivals', 'memos', 'bills'], async () => {
        const record = await loadRecord(request.recordKind, request.recordId);
        const owner =
          record?.arrival && record.kind === 'arrival' ? record.arrival : (record?.memo ?? record?.bill);
        if (!owner) return null;
        const existing = await links().where('serial').equals(serial).toArray();
        const same = existing.find((l) => l.recordId === request.recordId);
        if (same) return { status: 'already', link: same } as const;
        if (existing.length > 0) {
          if (replace.length === 0) return { status: 'taken', existing } as const;
          for (const l of existing) {
            const seen = replace.find((r) => r.id === l.id);
            if (!seen || seen.rev !== l.rev) throw new ConflictError(l.id);
          }
          const [first, ...rest] = existing as [PaperLink, ...PaperLink[]];
          const moved: PaperLink = {
            ...touchMeta(first, ctx),
            sessionId: owner.sessionId,
            drill: owner.drill,
            recordId: request.recordId,
            recordKind: request.recordKind
          };
          await links().put(moved);
          if (rest.length) await links().bulkDelete(rest.map((l) => l.id));
          return { status: 'linked', link: moved } as const;
        }
        const link: PaperLink = {
          ...newMeta(ctx, owner.sessionId, owner.drill),
          serial,
          recordId: request.recordId,
          recordKind: request.recordKind
        };
        await links().add(link);
        return { status: 'linked', link } as const;
      })
    ).then((result): Result<LinkOutcome> => {
      if (!result.ok) return result;
      return result.value ? ok(result.value) : fail({ key: 'paper.link.error.missingRecord' });
    });
  },

  /** Take a serial off its record (linked by mistake). `seen` is the link as shown: a changed one is a conflict. */
  unlink(seen: Pick<PaperLink, 'id' | 'rev'>): Promise<Result<void>> {
    return write(() =>
      transaction(['paperLinks'], async () => {
        const stored = await links().get(seen.id);
        if (!stored || stored.rev !== seen.rev) throw new ConflictError(seen.id);
        await links().delete(seen.id);
      })
    );
  },

  /**
   * Every record a serial leads to: paper links first, then records that carry the serial themselves
   * (a deposit's own serial 'A-0003', or a paper serial typed on an arrival, memo or bill form).
   */
  async lookup(serialText: string): Promise<Result<{ serial: string; found: FoundRecord[] }>> {
    const read = parseSerial(serialText);
    if (!read.ok) return read;
    const serial = read.value.text;
    const found: FoundRecord[] = [];
    const seen = new Set<string>();
    for (const link of await paperLinksRepo.bySerial(serial)) {
      const record = await loadRecord(link.recordKind, link.recordId);
      found.push({ ...(record ?? { kind: link.recordKind, recordId: link.recordId }), link });
      seen.add(link.recordId);
    }
    const add = async (kind: LinkedKind, recordId: string) => {
      if (seen.has(recordId)) return;
      seen.add(recordId);
      const record = await loadRecord(kind, recordId);
      if (record) found.push(record);
    };
    for (const b of await bills().where('serial').equals(serial).toArray()) await add('bill', b.id);
    for (const b of await bills()
      .filter((x) => sameSerial(x.paperSerial, serial))
      .toArray())
      await add('bill', b.id);
    for (const a of await arrivals()
      .filter((x) => sameSerial(x.paperSerial, serial))
      .toArray())
      await add('arrival', a.id);
    for (const m of await memos()
      .filter((x) => sameSerial(x.paperSerial, serial))
      .toArray())
      await add('memo', m.id);
    return ok({ serial, found });
  }
};
