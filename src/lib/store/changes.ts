// Which stores of the patient-data database changed, in this tab or another one: for code that mirrors them elsewhere (the hub).
import { Dexie } from 'dexie';
import { DATA_DB_NAME } from './db';

const PREFIX = `idb://${DATA_DB_NAME}/`;

/**
 * Be told the names of the stores that changed after each committed write (Dexie's storagemutated
 * event, which also carries other tabs' writes). Returns the function that stops listening.
 */
export function onStoreChange(listener: (stores: Set<string>) => void): () => void {
  const handler = (parts: Record<string, unknown>) => {
    const stores = new Set<string>();
    for (const key of Object.keys(parts))
      if (key.startsWith(PREFIX)) stores.add(key.slice(PREFIX.length).split('/')[0]!);
    if (stores.size > 0) listener(stores);
  };
  Dexie.on('storagemutated', handler);
  return () => Dexie.on('storagemutated').unsubscribe(handler);
}
