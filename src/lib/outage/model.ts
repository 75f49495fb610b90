// Outage sessions (障害セッション): declared, recovered, closed; real or drill (訓練); and their timeline of events.
import type { FieldProblems } from '../result';

export type SessionKind = 'real' | 'drill';

export interface OutageSession {
  id: string;
  kind: SessionKind;
  reason: string;
  /** When the outage began (editable: staff may declare it after the fact). */
  startedAt: string;
  /** When staff declared the EHR back (recovery); null while the outage lasts. */
  recoveredAt: string | null;
  /** When all follow-up work was done and the session closed. */
  closedAt: string | null;
  declaredBy: string;
  deviceLabel: string;
  createdAt: string;
  purgedAt: string | null;
}

/** prepared: no session open; outage: in progress; recovering: EHR back, follow-up open; closed. */
export type OutagePhase = 'prepared' | 'outage' | 'recovering' | 'closed';

export function phaseOf(session: OutageSession | null | undefined): OutagePhase {
  if (!session) return 'prepared';
  if (session.closedAt) return 'closed';
  if (session.recoveredAt) return 'recovering';
  return 'outage';
}

export type TimelineKind =
  | 'declared'
  | 'firstPatient'
  | 'recovered'
  | 'closed'
  | 'exported'
  | 'imported'
  | 'printed'
  | 'purged'
  | 'note';

export interface TimelineEvent {
  id: string;
  sessionId: string;
  kind: TimelineKind;
  at: string;
  by: string;
  deviceLabel: string;
  /** A short description without patient content (e.g. file kind, counts). */
  detail: string;
}

export interface DeclareInput {
  kind: SessionKind;
  reason: string;
  /** Local date-time from the form, 'YYYY-MM-DDTHH:mm'. */
  startedAtLocal: string;
}

/** Parse a local 'YYYY-MM-DDTHH:mm' (as typed in a datetime-local field) into a Date. */
export function parseLocalDateTime(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const date = new Date(y, mo - 1, d, h, mi);
  return date.getMonth() === mo - 1 ? date : null;
}

/** Format a Date as local 'YYYY-MM-DDTHH:mm' for a datetime-local field. */
export function toLocalDateTime(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}T${p(date.getHours())}:${p(date.getMinutes())}`;
}

export function checkDeclare(input: DeclareInput, now: Date): FieldProblems<'startedAt' | 'reason'> {
  const problems: FieldProblems<'startedAt' | 'reason'> = {};
  const start = parseLocalDateTime(input.startedAtLocal);
  if (!start) problems.startedAt = { key: 'outage.error.startInvalid', field: 'startedAt' };
  else if (start.getTime() > now.getTime() + 5 * 60_000)
    problems.startedAt = { key: 'outage.error.startFuture', field: 'startedAt' };
  else if (now.getTime() - start.getTime() > 7 * 24 * 3600_000)
    problems.startedAt = { key: 'outage.error.startTooOld', field: 'startedAt' };
  if (input.reason.length > 200) problems.reason = { key: 'outage.error.reasonLong', field: 'reason' };
  return problems;
}

export function checkRecovery(
  session: OutageSession,
  recoveredAt: Date,
  now: Date
): FieldProblems<'recoveredAt'> {
  if (recoveredAt.getTime() < new Date(session.startedAt).getTime())
    return { recoveredAt: { key: 'outage.error.recoveryBeforeStart', field: 'recoveredAt' } };
  if (recoveredAt.getTime() > now.getTime() + 5 * 60_000)
    return { recoveredAt: { key: 'outage.error.startFuture', field: 'recoveredAt' } };
  return {};
}

/** Elapsed whole minutes between two instants, for the "outage in progress" clock. */
export function elapsedMinutes(from: string, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - new Date(from).getTime()) / 60_000));
}

export function formatDuration(minutes: number): { h: number; m: number } {
  return { h: Math.floor(minutes / 60), m: minutes % 60 };
}

/** The session staff work in now: the newest one not yet closed, else none. */
export function currentSession(sessions: OutageSession[]): OutageSession | null {
  const open = sessions.filter((s) => !s.closedAt && !s.purgedAt);
  open.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return open[0] ?? null;
}
