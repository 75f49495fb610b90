// Unit-test setup: an in-memory IndexedDB so the store code runs unchanged in Node.
import 'fake-indexeddb/auto';
import { unlockForTests } from './lib/store/session-key';
import { loadRecordCipher } from './lib/store/record-cipher';
// Code under test shows messages of any domain: load every catalogue (the app loads them per page).
import './lib/i18n/messages/all';

// The store is encrypted: repos under test work on an unlocked vault with a throwaway key (the app
// loads the cipher at unlock; here it is loaded once, so tests may hold a key synchronously).
await loadRecordCipher();
unlockForTests();
