// Which session the recovery screens work on: the one named in the address, else the open one, else the newest not purged.
import type { RecoverySession } from './model';

export function pickSession(
  sessions: readonly RecoverySession[],
  requestedId: string | null,
  currentId: string | null
): RecoverySession | null {
  const live = sessions.filter((s) => !s.purgedAt);
  if (requestedId) {
    const requested = sessions.find((s) => s.id === requestedId);
    if (requested) return requested;
  }
  if (currentId) {
    const current = live.find((s) => s.id === currentId);
    if (current) return current;
  }
  return [...live].sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0] ?? null;
}
