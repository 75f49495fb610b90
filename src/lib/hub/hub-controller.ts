// Starts and stops the hub with the vault and the settings: the sync code (PouchDB) is loaded only when a hub is switched on.
import { isUnlocked, onLock, onUnlock } from '../store/session-key';
import type { WriteContext } from '../store';
import type { Joiner } from '../outage/repo';
import { hubEnabled, isDeviceUser } from './hub-row';
import { hubState } from './hub-state.svelte';
import type { HubSync } from './hub-sync';

export interface HubWorkspace {
  writeContext: () => WriteContext;
  joiner: () => Joiner;
  staffNames: () => readonly string[];
}

/** Follow the vault (the hub runs only while unlocked: it needs the keys) and the hub settings. */
export function followHub(ws: HubWorkspace): () => void {
  let running: HubSync | null = null;
  let chain: Promise<void> = Promise.resolve();

  async function refresh(): Promise<void> {
    const was = running;
    running = null;
    hubState.checkHub = () => Promise.resolve(null);
    await was?.stop();
    if (!isUnlocked()) {
      hubState.phase = (await hubEnabled()) ? 'locked' : 'off';
      return;
    }
    if (!(await hubEnabled())) {
      hubState.phase = 'off';
      hubState.unsent = 0;
      return;
    }
    hubState.phase = 'connecting';
    // The sync code (PouchDB, the merge) comes only now, from the precache like every file.
    const { readHubConfig, startHubSync } = await import('./hub-sync');
    const config = await readHubConfig();
    if (!config?.enabled) {
      hubState.phase = 'off';
      return;
    }
    running = await startHubSync({
      config,
      context: () => ws.writeContext(),
      joiner: () => ws.joiner(),
      staffNames: () => ws.staffNames(),
      report: (phase, unsent) => {
        // A device's own hub user refused: the managing device removed it (hub-admin.ts).
        hubState.phase = phase === 'refused' && isDeviceUser(config.user) ? 'removed' : phase;
        hubState.unsent = unsent;
      },
      notices: (list) => (hubState.purgeNotices = list),
      conflicts: (n, sessionId) => {
        hubState.conflicts = n;
        hubState.conflictSession = sessionId;
      }
    });
    const sync = running;
    hubState.checkHub = (ids) => sync.checkHub(ids);
  }

  const again = () => {
    chain = chain.then(refresh).catch((error: unknown) => {
      console.error('hub:', error);
      hubState.phase = 'unreachable';
    });
    return chain;
  };
  hubState.restart = again;
  const stopUnlock = onUnlock(() => void again());
  const stopLock = onLock(() => void again());
  // Back on a network (Wi-Fi again, back in range): the sync starts again at once instead of waiting on a
  // request the lost network left hanging, so what was written meanwhile goes out within seconds.
  const online = () => {
    if (running) void again();
  };
  if (typeof window !== 'undefined') window.addEventListener('online', online);
  void again();
  return () => {
    stopUnlock();
    stopLock();
    if (typeof window !== 'undefined') window.removeEventListener('online', online);
    hubState.restart = () => Promise.resolve();
    const was = running;
    running = null;
    void was?.stop();
  };
}
