// Reads and writes of outage sessions and their timeline, through the store.
import { table, transaction, write, type WriteContext } from '../store';
import type { Result } from '../result';
import { auditEntry, type AuditAction, type AuditEntry } from '../store/audit';
import {
  currentSession,
  parseLocalDateTime,
  type DeclareInput,
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

export const outageRepo = {
  list: () => sessions().orderBy('startedAt').reverse().toArray(),
  get: (id: string) => sessions().get(id),
  async current(): Promise<OutageSession | null> {
    return currentSession(await sessions().toArray());
  },
  timeline: (sessionId: string) => events().where('sessionId').equals(sessionId).sortBy('at'),

  declare(input: DeclareInput, ctx: WriteContext): Promise<Result<OutageSession>> {
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
      purgedAt: null
    };
    return write(() =>
      transaction(['sessions', 'events'], async () => {
        await sessions().add(session);
        await events().add(event(ctx, session.id, 'declared', input.kind, new Date(startedAt)));
        return session;
      })
    );
  },

  /** Adopt a session declared on another tablet (its id comes on a printed slip or a bundle). */
  adopt(session: OutageSession): Promise<Result<string>> {
    return write(() => sessions().put(session));
  },

  recover(sessionId: string, recoveredAt: Date, ctx: WriteContext): Promise<Result<void>> {
    return write(() =>
      transaction(['sessions', 'events'], async () => {
        await sessions().update(sessionId, { recoveredAt: recoveredAt.toISOString() });
        await events().add(event(ctx, sessionId, 'recovered', '', recoveredAt));
      })
    );
  },

  /** Undo a recovery declared by mistake: the outage goes on. */
  resume(sessionId: string, ctx: WriteContext): Promise<Result<void>> {
    return write(() =>
      transaction(['sessions', 'events'], async () => {
        await sessions().update(sessionId, { recoveredAt: null });
        await events().add(event(ctx, sessionId, 'note', 'resumed'));
      })
    );
  },

  close(sessionId: string, ctx: WriteContext): Promise<Result<void>> {
    return write(() =>
      transaction(['sessions', 'events'], async () => {
        await sessions().update(sessionId, { closedAt: ctx.now.toISOString() });
        await events().add(event(ctx, sessionId, 'closed'));
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
