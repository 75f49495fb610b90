// Public face of the store: tables, transactions, writes that return Results, drafts and live queries.
export {
  table,
  transaction,
  readTransaction,
  countAll,
  closeDataDb,
  deleteDataDb,
  openData,
  type StoreName
} from './db';
export { write } from './write';
export { ConflictError } from './errors';
export { live, Live } from './live.svelte';
export { Draft } from './draft.svelte';
export { unsavedForms } from './unsaved.svelte';
export { clearAllJournals } from './draft-journal';
export { storeHealth } from './health.svelte';
export {
  actingAs,
  newMeta,
  touchMeta,
  randomId,
  type RecordMeta,
  type WriteContext,
  type Actor
} from './record';
export { settings } from './settings';
export { nextCounter, raiseCounter } from './counters';
