// Reactive health of the store: the last storage failure and connection events, shown in the shell's banner.
import type { Problem } from '../result';
import { onConnectionEvent } from './db';

class StoreHealth {
  problem = $state<Problem | null>(null);
  /** Another tab opened a newer schema: this tab must reload once its input is saved. */
  versionChanged = $state(false);

  writeSucceeded() {
    if (this.problem && this.problem.key !== 'store.error.versionChange') this.problem = null;
  }

  writeFailed(problem: Problem) {
    this.problem = problem;
  }

  watch(): () => void {
    return onConnectionEvent((event) => {
      if (event === 'versionchange') {
        this.versionChanged = true;
        this.problem = { key: 'store.error.versionChange' };
      } else if (event === 'blocked') {
        this.problem = { key: 'store.error.blocked' };
      }
    });
  }
}

export const storeHealth = new StoreHealth();
