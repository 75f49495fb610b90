// Registers the service worker with workbox-window and tracks: offline-ready, update waiting, online now, reload pending.
// workbox-window loads after the first screen has mounted (start() is called from onMount): the page
// already runs under the worker, or registers it once, so nothing waits for it.
import type { Workbox } from 'workbox-window';
import { base } from '$app/paths';
import { unsavedForms } from '../store';
import { onLock } from '../store/session-key';

type Readiness = 'checking' | 'ready' | 'notReady' | 'unsupported';

class PwaState {
  online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);
  readiness = $state<Readiness>('checking');
  updateWaiting = $state(false);
  /**
   * A newer version took over while this page was open, accepted in another tab: this page still
   * runs the old code (the worker keeps the old files for it) and switches at the next safe moment.
   */
  reloadPending = $state(false);
  #wb: Workbox | null = null;
  /** The user accepted the update in this page: the switch reloads this page at once. */
  #accepted = false;
  /** Whether a worker controlled this page before: if not, the first install taking control is no update. */
  #hadController = false;
  #reloading = false;

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
    this.#hadController = Boolean(navigator.serviceWorker.controller);
    // Tell the worker this page runs now: pages that reloaded into a new version free the old files.
    navigator.serviceWorker.controller?.postMessage({ type: 'PAGE_STARTED' });
    // Listening before workbox-window loads: a takeover meanwhile (accepted in another tab) is not missed.
    navigator.serviceWorker.addEventListener('controllerchange', () => this.#controllerChanged());
    // A locked page with nothing unsaved loses nothing by reloading (it comes back locked anyway).
    onLock(() => this.reloadIfSafe());
    try {
      const { Workbox } = await import('workbox-window');
      const wb = new Workbox(`${base}/service-worker.js`, { scope: `${base}/` });
      this.#wb = wb;
      wb.addEventListener('waiting', () => (this.updateWaiting = true));
      wb.addEventListener('activated', () => void this.#checkReady());
      const registration = await wb.register();
      if (registration?.waiting && navigator.serviceWorker.controller) this.updateWaiting = true;
    } catch {
      this.readiness = 'notReady';
    }
    await this.#checkReady();
  }

  /**
   * The worker controlling this page changed. The first install taking control serves the code this
   * page already runs. An update reloads this page only if it was accepted here: every page of the
   * app gets the same event, and another tab may hold a half-typed form.
   */
  #controllerChanged(): void {
    void this.#checkReady();
    if (!this.#hadController) {
      this.#hadController = true;
      return;
    }
    this.updateWaiting = false;
    if (this.#accepted) this.#reload();
    else this.reloadPending = true;
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
    this.#accepted = true;
    this.#wb?.messageSkipWaiting();
  }

  /** At a safe moment (home screen, or locked): switch to the new version if one took over and nothing is unsaved. */
  reloadIfSafe(): void {
    if (this.reloadPending && !unsavedForms.any) this.#reload();
  }

  #reload(): void {
    if (this.#reloading) return;
    this.#reloading = true;
    window.location.reload();
  }
}

export const pwa = new PwaState();
