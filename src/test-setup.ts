// Unit-test setup: an in-memory IndexedDB so the store code runs unchanged in Node.
import 'fake-indexeddb/auto';
