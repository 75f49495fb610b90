// Public face of the store: tables, transactions, writes that return Results and live queries. Drafts
// (draft.svelte.ts, draft-journal.ts) are imported from their own modules: only forms need them, and a
// name here would put their code into the app shell's first download.
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
export { unsavedForms } from './unsaved.svelte';
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
