// How soon a device tries the hub again after a failed request.
import type { HubPhase } from './hub-state.svelte';

const REFUSED_RETRY_MS = 60_000;

/**
 * The wait before the next try. Quickly on a LAN: a hub back after a restart is found within seconds, not
 * PouchDB's 10 minutes. A hub that refused this device's credentials (removed, or its password changed)
 * will not change its mind within seconds: once a minute then, not every 4 s for the rest of the day.
 */
export const retryDelay = (delay: number, phase: HubPhase) =>
  phase === 'refused' ? REFUSED_RETRY_MS : delay === 0 ? 500 : Math.min(delay * 2, 4_000);
