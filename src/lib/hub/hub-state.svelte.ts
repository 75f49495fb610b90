// The hub's state as the status bar shows it: off, locked, connecting, connected, unreachable, refused, removed; and what is not yet sent.
/** `removed`: a per-device hub user refused (its user deleted by the managing device); the device goes on alone. */
export type HubPhase = 'off' | 'locked' | 'connecting' | 'connected' | 'unreachable' | 'refused' | 'removed';

class HubState {
  phase = $state<HubPhase>('off');
  /** Record versions written here that the hub has not confirmed yet. */
  unsent = $state(0);
  /** Set by the controller (hub-controller.ts): read the settings again and restart or stop. */
  restart: () => Promise<void> = () => Promise.resolve();
}

/** One per tab, like the service worker's state: the shell shows it, the controller and the sync set it. */
export const hubState = new HubState();
