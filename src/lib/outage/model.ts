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
  /** The clinic it belongs to (Clinic.clinicId); absent on sessions recorded before clinics had an id. */
  clinicId?: string;
  /** The device that declared it or joined with it (DeviceSettings.deviceId); absent on older sessions. */
  deviceId?: string;
  /** Sessions of other devices recorded as the same clinic outage (a merge of bundles, a join by QR). */
  sameAs?: string[];
  /** Sessions the user said are a different outage, so the question is not asked again. */
  notSameAs?: string[];
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
  | 'joined'
  | 'merged'
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

/**
 * One outage of the clinic (障害): the sessions of every device that took part, linked by sameAs. Its id is
 * the first session's (earliest start); its times are the clinic's: the earliest start, and recovered or
 * closed as soon as any device recorded it (recording it on a device updates every session that device holds).
 */
export type Outage<S extends OutageSession = OutageSession> = S & {
  members: S[];
  sessionIds: string[];
};

/** The records of an outage are those whose sessionId is one of these. */
export interface OutageScope {
  sessionIds: readonly string[];
}

/** This device, as sessions name it. */
export interface DeviceIdentity {
  deviceId: string;
  label: string;
}

/** Whether this device declared (or joined with) the session: by device id, or by label on older sessions. */
export function isOwnSession(session: OutageSession, me: DeviceIdentity): boolean {
  if (session.deviceId) return session.deviceId === me.deviceId;
  return Boolean(me.label) && session.deviceLabel === me.label;
}

/** Earliest start first; a device that joined takes the declarer's start, so the one created first (the declarer) leads. */
const byStart = (a: OutageSession, b: OutageSession) =>
  a.startedAt.localeCompare(b.startedAt) ||
  a.createdAt.localeCompare(b.createdAt) ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const earliest = (values: (string | null)[]): string | null =>
  values.filter((x): x is string => Boolean(x)).sort()[0] ?? null;

/** Build the outage of linked sessions (at least one). */
export function outageOf<S extends OutageSession>(members: S[]): Outage<S> {
  const sorted = [...members].sort(byStart);
  const first = sorted[0]!;
  return {
    ...first,
    reason: first.reason || (sorted.find((s) => s.reason)?.reason ?? ''),
    recoveredAt: earliest(sorted.map((s) => s.recoveredAt)),
    closedAt: earliest(sorted.map((s) => s.closedAt)),
    purgedAt: sorted.every((s) => s.purgedAt)
      ? ([...sorted.map((s) => s.purgedAt!)].sort().at(-1) ?? null)
      : null,
    members: sorted,
    sessionIds: sorted.map((s) => s.id)
  };
}

/**
 * Group sessions into outages: the connected sets of sameAs links (followed both ways, so two devices that
 * linked each other's sessions at once still meet). A link never joins a drill (訓練) with a real outage.
 * Newest outage first.
 */
export function groupOutages<S extends OutageSession>(sessions: readonly S[]): Outage<S>[] {
  const byId = new Map(sessions.map((s) => [s.id, s]));
  const parent = new Map<string, string>(sessions.map((s) => [s.id, s.id]));
  const root = (id: string): string => {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(id, r);
    return r;
  };
  for (const s of sessions)
    for (const other of s.sameAs ?? []) {
      const o = byId.get(other);
      if (!o || o.kind !== s.kind) continue;
      parent.set(root(s.id), root(o.id));
    }
  const groups = new Map<string, S[]>();
  for (const s of sessions) {
    const r = root(s.id);
    groups.set(r, [...(groups.get(r) ?? []), s]);
  }
  return [...groups.values()]
    .map((members) => outageOf(members))
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}

/** The outage a session belongs to, among all sessions on this device. */
export function outageContaining<S extends OutageSession>(
  sessions: readonly S[],
  sessionId: string
): Outage<S> | null {
  return groupOutages(sessions).find((o) => o.sessionIds.includes(sessionId)) ?? null;
}

/** The outage this device works in now, and its own session in it (where its new records go). */
export interface CurrentOutage extends Outage {
  own: OutageSession;
}

/**
 * The outage staff work in now: the newest one not closed that this device declared or joined. An outage
 * known only from another device's file never becomes this device's current one by itself.
 */
export function currentOutage(sessions: readonly OutageSession[], me: DeviceIdentity): CurrentOutage | null {
  let best: CurrentOutage | null = null;
  for (const outage of groupOutages(sessions)) {
    if (outage.closedAt || outage.purgedAt) continue;
    const own = outage.members
      .filter((s) => isOwnSession(s, me) && !s.purgedAt)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    if (!own) continue;
    if (!best || own.createdAt > best.own.createdAt) best = { ...outage, own };
  }
  return best;
}

/** The interval an outage covers: from its start to its recovery (or its close, or still going). */
function span(s: Pick<OutageSession, 'startedAt' | 'recoveredAt' | 'closedAt'>): [number, number] {
  const end = s.recoveredAt ?? s.closedAt;
  return [Date.parse(s.startedAt), end ? Date.parse(end) : Number.POSITIVE_INFINITY];
}

/**
 * Whether two outages could be the same one of the clinic: same kind (a drill never joins a real outage),
 * times that overlap, not already one, and not already told apart by the user.
 */
export function mayBeSameOutage(a: Outage, b: Outage): boolean {
  if (a.kind !== b.kind) return false;
  if (a.sessionIds.some((id) => b.sessionIds.includes(id))) return false;
  const apart = (x: Outage, y: Outage) =>
    x.members.some((s) => (s.notSameAs ?? []).some((id) => y.sessionIds.includes(id)));
  if (apart(a, b) || apart(b, a)) return false;
  const [a0, a1] = span(a);
  const [b0, b1] = span(b);
  return a0 <= b1 && b0 <= a1;
}

/**
 * The session rows after the user said two outages are one: every member of each lists every member of
 * the other in sameAs (so any one row carried to another device brings the link along).
 */
export function linkOutages<S extends OutageSession>(a: Outage<S>, b: Outage<S>): S[] {
  const all = [...a.members, ...b.members];
  return all.map((s) => {
    const others = all.map((o) => o.id).filter((id) => id !== s.id);
    return { ...s, sameAs: [...new Set([...(s.sameAs ?? []), ...others])].sort() };
  });
}

/** The session rows after the user said two outages are different ones: not asked about again. */
export function separateOutages<S extends OutageSession>(a: Outage<S>, b: Outage<S>): S[] {
  const mark = (from: Outage<S>, to: Outage<S>) =>
    from.members.map((s) => ({
      ...s,
      notSameAs: [...new Set([...(s.notSameAs ?? []), ...to.sessionIds])].sort()
    }));
  return [...mark(a, b), ...mark(b, a)];
}
