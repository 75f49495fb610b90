// Registers the service worker with workbox-window and tracks: offline-ready, update waiting, online now.
import { Workbox } from 'workbox-window';
import { base } from '$app/paths';

type Readiness = 'checking' | 'ready' | 'notReady' | 'unsupported';

class PwaState {
  online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);
  readiness = $state<Readiness>('checking');
  updateWaiting = $state(false);
  #wb: Workbox | null = null;

  async start(): Promise<void> {
    window.addEventListener('online', () => (this.online = true));
    window.addEventListener('offline', () => (this.online = false));
    if (!('serviceWorker' in navigator)) {
      this.readiness = 'unsupported';
      return;
    }
    // Dev server has no built service worker; only the built app registers one.
    if (import.meta.env.DEV) {
      this.readiness = 'notReady';
      return;
    }
    const wb = new Workbox(`${base}/service-worker.js`, { scope: `${base}/` });
    this.#wb = wb;
    wb.addEventListener('waiting', () => (this.updateWaiting = true));
    wb.addEventListener('activated', () => void this.#checkReady());
    wb.addEventListener('controlling', (event) => {
      // Only an update the user accepted swaps the controller under an open page: reload once into it.
      if (event.isUpdate) window.location.reload();
    });
    navigator.serviceWorker.addEventListener('controllerchange', () => void this.#checkReady());
    try {
      const registration = await wb.register();
      if (registration?.waiting && navigator.serviceWorker.controller) this.updateWaiting = true;
    } catch {
      this.readiness = 'notReady';
    }
    await this.#checkReady();
  }

  async #checkReady(): Promise<void> {
    const registration = await navigator.serviceWorker.getRegistration(`${base}/`);
    // An active worker has finished precaching every file of the build (install fails otherwise).
    this.readiness = registration?.active && navigator.serviceWorker.controller ? 'ready' : 'notReady';
  }

  /** Look for a newer deploy (called at safe moments, e.g. when the home screen opens). */
  async checkForUpdate(): Promise<void> {
    try {
      await this.#wb?.update();
    } catch {
      // Offline: nothing to check; try again next time.
    }
  }

  /** The user accepted the update and no form holds unsaved input. */
  applyUpdate(): void {
    this.#wb?.messageSkipWaiting();
  }
}

export const pwa = new PwaState();
