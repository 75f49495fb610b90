// Asks the browser to keep our storage (persist) and reports usage; notices if earlier data was evicted; erases it on purpose.
import { settings } from './settings';
import { deleteDataDb } from './db';

export interface StorageReport {
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

export async function requestPersistence(): Promise<StorageReport> {
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!storage) return { persisted: null, usage: null, quota: null };
  let persisted = (await storage.persisted?.()) ?? null;
  if (persisted === false && storage.persist) persisted = await storage.persist();
  const estimate = (await storage.estimate?.()) ?? {};
  return { persisted, usage: estimate.usage ?? null, quota: estimate.quota ?? null };
}

const MARK = 'tebikae.installId';

type Eviction = 'fresh' | 'intact' | 'evicted';
let checked: Promise<Eviction> | null = null;

/**
 * Eviction check: an install id is written both to IndexedDB and to localStorage. If localStorage
 * remembers an id that IndexedDB no longer has, the browser cleared our database. Once per page: the
 * shell and the first-use screen both ask, and two checks at once would each write a new id.
 */
export function checkEviction(newId: () => string): Promise<Eviction> {
  checked ??= compareInstallMarks(newId).catch((error: unknown) => {
    checked = null;
    throw error;
  });
  return checked;
}

async function compareInstallMarks(newId: () => string): Promise<Eviction> {
  const remembered = localStorage.getItem(MARK);
  const stored = await settings.get<string | null>('installId', null);
  if (stored && remembered === stored) return 'intact';
  if (!stored) {
    const id = newId();
    await settings.put('installId', id);
    localStorage.setItem(MARK, id);
    return remembered ? 'evicted' : 'fresh';
  }
  localStorage.setItem(MARK, stored);
  return 'intact';
}

/**
 * Erase everything this device keeps of patient data on purpose (the vault's last resort): the
 * database, the forms' journal, and the install mark — or the next start would take the deliberate
 * erase for the browser evicting our data.
 */
export async function eraseDeviceData(): Promise<void> {
  await deleteDataDb();
  localStorage.removeItem(MARK);
  checked = null;
  // Loaded here, not with the app shell: the journal's code belongs to the forms.
  const { clearAllJournals } = await import('./draft-journal');
  clearAllJournals();
}
