// The hub's state as the status bar shows it: off, locked, connecting, connected, unreachable, refused, removed; and what is not yet sent.
import type { PurgeNotice } from './hub-purge';

/** `removed`: a per-device hub user refused (its user deleted by the managing device); the device goes on alone. */
export type HubPhase = 'off' | 'locked' | 'connecting' | 'connected' | 'unreachable' | 'refused' | 'removed';

class HubState {
  phase = $state<HubPhase>('off');
  /** Record versions written here that the hub has not confirmed yet. */
  unsent = $state(0);
  /** Conflicts waiting for a choice here, and a session of the first one (its conflict view's address). */
  conflicts = $state(0);
  conflictSession = $state<string | null>(null);
  /** Outages another device purged that this one still holds. */
  purgeNotices = $state<PurgeNotice[]>([]);
  /** Set by the controller while the hub runs: how many documents of these sessions the hub still holds. */
  checkHub: (sessionIds: readonly string[]) => Promise<number | null> = () => Promise.resolve(null);
  /** Set by the controller (hub-controller.ts): read the settings again and restart or stop. */
  restart: () => Promise<void> = () => Promise.resolve();
}

/** One per tab, like the service worker's state: the shell shows it, the controller and the sync set it. */
export const hubState = new HubState();
