// Reads and writes of outage sessions, the clinic outages they form, and their timeline, through the store.
import { table, transaction, write, type WriteContext } from '../store';
import type { Result } from '../result';
import { auditEntry, type AuditAction, type AuditEntry } from '../store/audit';
import {
  currentOutage,
  groupOutages,
  linkOutages,
  mayBeSameOutage,
  outageContaining,
  parseLocalDateTime,
  separateOutages,
  type CurrentOutage,
  type DeclareInput,
  type DeviceIdentity,
  type Outage,
  type OutageScope,
  type OutageSession,
  type TimelineEvent,
  type TimelineKind
} from './model';

const sessions = () => table<OutageSession>('sessions');

/** Timeline lines that are also audit-trail entries (監査ログ). */
const AUDITED: Partial<Record<TimelineKind, AuditAction>> = {
  exported: 'export',
  imported: 'import',
  printed: 'print',
  purged: 'purge'
};
const events = () => table<TimelineEvent>('events');

function event(
  ctx: WriteContext,
  sessionId: string,
  kind: TimelineKind,
  detail = '',
  at?: Date
): TimelineEvent {
  return {
    id: ctx.newId(),
    sessionId,
    kind,
    at: (at ?? ctx.now).toISOString(),
    by: ctx.actor.staffName,
    deviceLabel: ctx.actor.deviceLabel,
    detail
  };
}

/** Where an outage's own lines go: this device's session in it, else its first session. */
export function logSessionOf(outage: Outage & { own?: OutageSession }): string {
  return outage.own?.id ?? outage.id;
}

/** Who is declaring or joining: the clinic and the device the new session belongs to. */
export interface Joiner extends DeviceIdentity {
  clinicId: string;
}

/** What a device knows of an outage declared elsewhere (from a QR code): its session row. */
export type SharedSession = Pick<
  OutageSession,
  'id' | 'kind' | 'reason' | 'startedAt' | 'declaredBy' | 'deviceLabel' | 'createdAt'
> &
  Partial<Pick<OutageSession, 'clinicId' | 'deviceId' | 'recoveredAt'>>;

export const outageRepo = {
  /** Every session on this device, newest first. */
  list: () => sessions().orderBy('startedAt').reverse().toArray(),
  get: (id: string) => sessions().get(id),
  /** Every outage on this device (linked sessions together), newest first. */
  async outages(): Promise<Outage[]> {
    return groupOutages(await sessions().toArray());
  },
  /** The outage a session (any of its devices' sessions) belongs to. */
  async outageOf(sessionId: string): Promise<Outage | null> {
    return outageContaining(await sessions().toArray(), sessionId);
  },
  async current(me: DeviceIdentity): Promise<CurrentOutage | null> {
    return currentOutage(await sessions().toArray(), me);
  },
  /** Every device's timeline of the outage, in time order. */
  timeline: (scope: OutageScope) => events().where('sessionId').anyOf(scope.sessionIds).sortBy('at'),

  declare(input: DeclareInput, me: Joiner, ctx: WriteContext): Promise<Result<OutageSession>> {
    const startedAt = (parseLocalDateTime(input.startedAtLocal) ?? ctx.now).toISOString();
    const session: OutageSession = {
      id: ctx.newId(),
      kind: input.kind,
      reason: input.reason.trim(),
      startedAt,
      recoveredAt: null,
      closedAt: null,
      declaredBy: ctx.actor.staffName,
      deviceLabel: ctx.actor.deviceLabel,
      createdAt: ctx.now.toISOString(),
      purgedAt: null,
      clinicId: me.clinicId,
      deviceId: me.deviceId
    };
    return write(() =>
      transaction(['sessions', 'events'], async () => {
        await sessions().add(session);
        await events().add(event(ctx, session.id, 'declared', input.kind, new Date(startedAt)));
        return session;
      })
    );
  },

  /**
   * Join an outage declared on another device (its session came in a QR code): keep that session, and
   * start this device's own session linked to it, so this device's records are the clinic outage's.
   */
  join(shared: SharedSession, me: Joiner, ctx: WriteContext): Promise<Result<OutageSession>> {
    return write(() =>
      transaction(['sessions', 'events'], async () => {
        const known = await sessions().get(shared.id);
        if (!known)
          await sessions().add({
            ...shared,
            recoveredAt: shared.recoveredAt ?? null,
            closedAt: null,
            purgedAt: null
          });
        const everything = await sessions().toArray();
        const outage = outageContaining(everything, shared.id)!;
        const own = currentOutage(everything, me);
        if (own && own.sessionIds.includes(shared.id)) return own.own;
        const mine: OutageSession = {
          id: ctx.newId(),
          kind: shared.kind,
          reason: shared.reason,
          startedAt: outage.startedAt,
          recoveredAt: null,
          closedAt: null,
          declaredBy: ctx.actor.staffName,
          deviceLabel: ctx.actor.deviceLabel,
          createdAt: ctx.now.toISOString(),
          purgedAt: null,
          clinicId: me.clinicId,
          deviceId: me.deviceId,
          sameAs: [...outage.sessionIds].sort()
        };
        await sessions().add(mine);
        await events().add(event(ctx, mine.id, 'joined', shared.deviceLabel));
        return mine;
      })
    );
  },

  /**
   * Outages on this device that may be the same one of the clinic as the outage of `sessionId` (the same
   * kind, overlapping times, not yet linked or told apart): the question an import asks.
   * Ones this device took part in come first.
   */
  async candidates(sessionId: string): Promise<Outage[]> {
    const all = groupOutages(await sessions().toArray());
    const arrived = all.find((o) => o.sessionIds.includes(sessionId));
    if (!arrived || arrived.purgedAt) return [];
    // Only this clinic's outages reach a device (an import refuses another clinic's file), and devices set
    // up apart carry different clinic ids for one clinic: the clinic is not compared again here.
    return all.filter((o) => o !== arrived && !o.purgedAt && mayBeSameOutage(arrived, o));
  },

  /** The user said two outages are the same one of the clinic: link every session of both. */
  link(a: Outage, b: Outage, ctx: WriteContext): Promise<Result<void>> {
    return write(() =>
      transaction(['sessions', 'events'], async () => {
        await sessions().bulkPut(linkOutages(a, b));
        // The line goes with the first outage (this device's, where the screen asked from).
        await events().add(event(ctx, logSessionOf(a), 'merged', b.deviceLabel));
      })
    );
  },

  /** The user said two outages are different ones: remember it, so the question is not asked again. */
  separate(a: Outage, b: Outage): Promise<Result<void>> {
    return write(async () => {
      await sessions().bulkPut(separateOutages(a, b));
    });
  },

  /** Record the EHR back (復旧) for the whole outage: every session of it this device holds. */
  recover(outage: Outage, recoveredAt: Date, ctx: WriteContext): Promise<Result<void>> {
    return write(() =>
      transaction(['sessions', 'events'], async () => {
        for (const id of outage.sessionIds)
          await sessions().update(id, { recoveredAt: recoveredAt.toISOString() });
        await events().add(event(ctx, logSessionOf(outage), 'recovered', '', recoveredAt));
      })
    );
  },

  /** Undo a recovery declared by mistake: the outage goes on. */
  resume(outage: Outage, ctx: WriteContext): Promise<Result<void>> {
    return write(() =>
      transaction(['sessions', 'events'], async () => {
        for (const id of outage.sessionIds)
          await sessions().update(id, { recoveredAt: null, closedAt: null });
        await events().add(event(ctx, logSessionOf(outage), 'note', 'resumed'));
      })
    );
  },

  /** 終了: the follow-up is done on this device; the outage leaves the home screen (its records stay until purged). */
  close(outage: Outage, ctx: WriteContext): Promise<Result<void>> {
    return write(() =>
      transaction(['sessions', 'events'], async () => {
        for (const id of outage.sessionIds) await sessions().update(id, { closedAt: ctx.now.toISOString() });
        await events().add(event(ctx, logSessionOf(outage), 'closed'));
      })
    );
  },

  /** Append to the timeline (first patient, exports, prints, imports, purge). */
  log(sessionId: string, kind: TimelineKind, detail: string, ctx: WriteContext): Promise<Result<string>> {
    const action = AUDITED[kind];
    if (!action) return write(() => events().add(event(ctx, sessionId, kind, detail)));
    // Exports, imports, prints and purges also go to the audit trail, in the same transaction.
    const by = { staffName: ctx.actor.staffName, deviceLabel: ctx.actor.deviceLabel, sessionId };
    return write(() =>
      transaction(['events', 'audit'], async () => {
        const id = await events().add(event(ctx, sessionId, kind, detail));
        await table<AuditEntry>('audit').add(auditEntry({ action, detail }, ctx.now, by, ctx.newId));
        return id;
      })
    );
  },

  /** Record the first patient once per session. */
  async logFirstPatient(sessionId: string, ctx: WriteContext): Promise<void> {
    const already = await events()
      .where('sessionId')
      .equals(sessionId)
      .filter((e) => e.kind === 'firstPatient')
      .count();
    if (already === 0) await outageRepo.log(sessionId, 'firstPatient', '', ctx);
  }
};
