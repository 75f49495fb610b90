// Which outage the recovery screens work on: the one named in the address (by any of its sessions), else the open one, else the newest not purged.
import type { Outage } from '../outage/model';

export function pickSession<O extends Outage>(
  outages: readonly O[],
  requestedId: string | null,
  currentId: string | null
): O | null {
  const live = outages.filter((o) => !o.purgedAt);
  if (requestedId) {
    const requested = outages.find((o) => o.sessionIds.includes(requestedId));
    if (requested) return requested;
  }
  if (currentId) {
    const current = live.find((o) => o.sessionIds.includes(currentId));
    if (current) return current;
  }
  return [...live].sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0] ?? null;
}
