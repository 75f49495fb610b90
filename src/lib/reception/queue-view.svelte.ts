// How this device shows the queue (受付一覧): one line per patient (the desk's default) or a card each; kept per device, never with patient data.

export type QueueView = 'lines' | 'cards';
export const queueViews: QueueView[] = ['lines', 'cards'];

const STORAGE_KEY = 'tebikae.queue.view';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // Storage disabled by policy: the choice lasts for this page only.
  }
}

class QueueViewChoice {
  current = $state<QueueView>(storage()?.getItem(STORAGE_KEY) === 'cards' ? 'cards' : 'lines');

  set(view: QueueView): void {
    this.current = view;
    try {
      storage()?.setItem(STORAGE_KEY, view);
    } catch {
      // No room or no storage: still shown this way until the page closes.
    }
  }
}

export const queueView = new QueueViewChoice();
