// The purge through the hub, as pure rules: which hub document belongs to which outage session, which to erase, what is left, which purge marks to share, and which notices to show.
import { groupOutages, type OutageSession } from '../outage/model';
import { PURGE_MARK, type HubKind } from './hub-doc';

/**
 * What a device shares when it purged an outage: the outage's session ids (random ids), when, and which
 * device. Sealed like every hub document; it carries no patient data.
 */
export interface PurgeMark {
  /** The outage's id (its first session's) as the purging device saw it. */
  id: string;
  rev: 0;
  sessionIds: string[];
  at: string;
  deviceLabel: string;
}

/** The outage session a hub document's record belongs to; none for a purge mark. */
export function ownerOf(kind: HubKind, record: Record<string, unknown>): string | null {
  if (kind === PURGE_MARK) return null;
  if (kind === 'sessions') return typeof record.id === 'string' ? record.id : null;
  return typeof record.sessionId === 'string' ? record.sessionId : null;
}

/** A purge mark as opened from the hub, or null when the record is not one. */
export function readMark(record: Record<string, unknown>): PurgeMark | null {
  const { id, sessionIds, at, deviceLabel } = record;
  if (typeof id !== 'string' || typeof at !== 'string' || typeof deviceLabel !== 'string') return null;
  if (!Array.isArray(sessionIds) || !sessionIds.every((s) => typeof s === 'string')) return null;
  return { id, rev: 0, sessionIds: [...(sessionIds as string[])], at, deviceLabel };
}

/** Every session some device purged, as the marks on the hub say. */
export function purgedOnHub(marks: Iterable<PurgeMark>): Set<string> {
  const out = new Set<string>();
  for (const m of marks) for (const id of m.sessionIds) out.add(id);
  return out;
}

/** The hub documents (by id) whose owner session is purged: erased from the replica, so from the hub. */
export function docsToErase(owners: ReadonlyMap<string, string>, purged: ReadonlySet<string>): string[] {
  return [...owners].filter(([, session]) => purged.has(session)).map(([id]) => id);
}

/** How many documents of these sessions remain, given each document's owner (purge marks never count). */
export function countLeft(owners: Iterable<string | null>, sessionIds: ReadonlySet<string>): number {
  let n = 0;
  for (const owner of owners) if (owner !== null && sessionIds.has(owner)) n += 1;
  return n;
}

/**
 * The marks this device must share: one per outage purged here (every session of it purged) that the hub
 * does not already know as purged, with all its session ids.
 */
export function marksToShare(
  sessions: readonly OutageSession[],
  known: ReadonlySet<string>,
  deviceLabel: string
): PurgeMark[] {
  return groupOutages(sessions)
    .filter((o) => o.purgedAt && o.sessionIds.some((id) => !known.has(id)))
    .map((o) => ({
      id: o.id,
      rev: 0 as const,
      sessionIds: [...o.sessionIds].sort(),
      at: o.purgedAt!,
      deviceLabel
    }));
}

/** A purge done on another device, for an outage this device still holds. */
export interface PurgeNotice {
  /** This device's outage (its id: any session of it opens its purge page). */
  outageId: string;
  startedAt: string;
  reason: string;
  /** Devices that purged it, as their marks name them. */
  devices: string[];
}

/**
 * One notice per outage of this device that another device purged (any of its sessions named by a mark
 * of another device) and that is not purged here yet: two marks for one outage make one notice.
 */
export function purgeNotices(
  sessions: readonly OutageSession[],
  marks: readonly PurgeMark[],
  deviceLabel: string
): PurgeNotice[] {
  const notices: PurgeNotice[] = [];
  for (const outage of groupOutages(sessions)) {
    if (outage.purgedAt) continue;
    const by = marks.filter(
      (m) => m.deviceLabel !== deviceLabel && m.sessionIds.some((id) => outage.sessionIds.includes(id))
    );
    if (by.length === 0) continue;
    notices.push({
      outageId: outage.id,
      startedAt: outage.startedAt,
      reason: outage.reason,
      devices: [...new Set(by.map((m) => m.deviceLabel))].sort()
    });
  }
  return notices;
}
