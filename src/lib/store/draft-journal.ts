// A write-ahead copy of each form's newest value, handed to durable storage from the input handler itself.
//
// An IndexedDB write is asynchronous and takes a round trip and a disk flush: a browser killed (power cut,
// crash, SIGKILL) right after a keystroke can end before it commits. Measured in Chromium, SIGKILL at 0 ms
// after typing: the IndexedDB draft lacked the last characters in 12 of 12 rounds, and the localStorage
// journal this module used to write held nothing, because Chromium commits localStorage to disk about
// five seconds later (a probe kept 0 of 4 values at 1 s and 3 s, 4 of 4 at 6 s). So each input event
// posts its sealed entry to a dedicated worker (draft-journal.worker.ts) that holds the form's file of
// the origin-private file system open for synchronous writes and writes it at once (30 of 30 rounds
// kept). A page cannot write a file itself without waiting; posting is the synchronous part, and the
// worker's write follows within microseconds, on its own thread, with nothing queued in front of it.
// Where the worker or those files are missing (older browsers, a private window), localStorage is the
// journal, as before: it still covers a reload or a closed tab, not a killed browser.
//
// Entries are sealed with the vault's record key (synchronous AES-GCM), never in clear; while the vault
// is locked nothing is journalled. Each tab (page load) keeps its own entry per form, with the value it
// started from (its base), so a restore is a three-way merge onto what IndexedDB holds: a tab that had not
// yet seen another tab's saved field cannot wipe it, and one tab finishing a save never removes another
// tab's entry.
import { heldKeys } from './session-key';
import { ACK_WAIT_MS, AckSlots, AckWaiter, type HandOver } from './draft-journal-acks';
import {
  decodeRecord,
  encodeRecord,
  fromBase64,
  openBytes,
  recordAad,
  sealBytes,
  toBase64
} from './record-cipher';

const PREFIX = 'tebikae.journal.';
/** How long a start waits for the worker's list of entries before going on without them. */
const READ_TIMEOUT_MS = 3_000;

export interface JournalEntry<T> {
  value: T;
  /** What the tab knew IndexedDB to hold when it typed this: the base of the merge on restore. */
  base: T;
  at: string;
  /** The draft (page load and form) that wrote it. */
  tab: string;
  /**
   * When IndexedDB reported this value stored (the draft row's updatedAt): a start that finds that row, or a
   * newer one, drops the entry; one that finds an older row (the commit lost with the browser) merges it.
   */
  committedAt?: string;
}

/** An entry as found, with where it is kept (to clear it once merged). */
export interface FoundEntry<T> extends JournalEntry<T> {
  slot: string;
}

/** Messages to the journal worker. */
export type JournalRequest =
  | { op: 'prepare' | 'empty' | 'close'; name: string }
  /** `posted`: when the page handed it over (ms since the epoch, sub-ms), to tell how long it waited. */
  | {
      op: 'write';
      name: string;
      sealed: Uint8Array;
      posted: number;
      /** Its number, stored in the page's acknowledgement slots once written (see `acks`). */
      seq?: number;
    }
  /** Where the worker marks each write done (shared memory: the page waits for it in its input handler). */
  | { op: 'acks'; acks: Int32Array }
  | { op: 'read'; id: number; prefix: string }
  | { op: 'removeAll' };

/** Messages from the journal worker. */
export type JournalReply =
  | { op: 'ready' | 'unavailable' }
  /** A form's file could not be opened or written: that form journals to localStorage too from now on. */
  | { op: 'failed'; name: string }
  /** A keystroke's entry reached the disk this long after the page posted it (said when it is long). */
  | { op: 'slow'; name: string; ms: number; /** Of which the file write itself took. */ writeMs: number }
  | { op: 'read'; id: number; entries: { name: string; sealed: Uint8Array }[] };

const slotOf = (key: string, tab: string) => `${PREFIX}${key}\u0000${tab}`;
/** A file name for a form's entry of one tab: no "/" or "\", and the form key readable back from its prefix. */
const fileOf = (key: string, tab: string) => `${filePrefix(key)}${encodeURIComponent(tab)}`;
const filePrefix = (key: string) => `${encodeURIComponent(key)}~`;
const FILE_SLOT = 'file:';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // Storage disabled by policy.
  }
}

const epochMs = () => performance.timeOrigin + performance.now();

function aad(key: string): Uint8Array {
  return recordAad('draft-journal', key);
}

/** The page's journal worker, started on first use; 'unavailable' where it cannot run. */
class FileJournal {
  state: 'starting' | 'ready' | 'unavailable' = 'unavailable';
  #worker: Worker | null = null;
  #reads = new Map<number, (entries: { name: string; sealed: Uint8Array }[]) => void>();
  #nextId = 1;
  #failed = new Set<string>();
  #waiter: AckWaiter | null = null;
  #seq = 0;

  constructor() {
    if (typeof Worker === 'undefined') return;
    try {
      this.#worker = new Worker(new URL('./draft-journal.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      return;
    }
    this.state = 'starting';
    this.#worker.onmessage = (event: MessageEvent<JournalReply>) => {
      const reply = event.data;
      if (reply.op === 'read') {
        this.#reads.get(reply.id)?.(reply.entries);
        this.#reads.delete(reply.id);
      } else if (reply.op === 'slow') {
        // A browser killed meanwhile would have lost that keystroke: said so a fault test can show why.
        console.warn(
          `journal: an entry of ${reply.name} was written ${reply.ms.toFixed(0)} ms after it was posted (the write itself: ${reply.writeMs.toFixed(1)} ms)`
        );
      } else if (reply.op === 'failed') {
        // Said on the console so a fault test shows it: this form's keystrokes now rely on IndexedDB.
        console.warn(`journal: the file of ${reply.name} could not be kept; localStorage from now on`);
        this.#failed.add(reply.name);
      } else this.#settle(reply.op);
    };
    this.#worker.onerror = () => this.#settle('unavailable');
    const slots = AckSlots.shared();
    try {
      if (slots) this.#worker.postMessage({ op: 'acks', acks: slots.view } satisfies JournalRequest);
      this.#waiter = slots && new AckWaiter(slots);
    } catch {
      this.#waiter = null; // Memory that cannot be shared after all: entries are posted, not waited for.
    }
  }

  /**
   * Hand a keystroke's entry to the worker and, where memory is shared and `wait` is asked, wait until the
   * worker is done with it (see draft-journal-acks.ts): a browser killed once the handler returned then
   * finds it in the file. 'posted' where nothing could be waited for, false where nothing could be posted.
   */
  write(name: string, sealed: Uint8Array, wait: boolean): HandOver | 'posted' | false {
    const seq = ++this.#seq;
    if (!this.post({ op: 'write', name, sealed, posted: epochMs(), seq })) return false;
    if (!wait || !this.#waiter || this.state !== 'ready') return 'posted';
    const outcome = this.#waiter.wait(seq);
    if (outcome === 'late')
      console.warn(`journal: an entry of ${name} was not written within ${ACK_WAIT_MS} ms; typing goes on`);
    return outcome;
  }

  #settle(state: 'ready' | 'unavailable') {
    this.state = state;
    if (state === 'unavailable') {
      this.#worker?.terminate();
      this.#worker = null;
      for (const answer of this.#reads.values()) answer([]);
      this.#reads.clear();
    }
  }

  /** Whether the worker could not keep this file (its writes are not to be relied on). */
  failed(name: string): boolean {
    return this.#failed.has(name);
  }

  post(request: JournalRequest): boolean {
    if (!this.#worker) return false;
    this.#worker.postMessage(request);
    return true;
  }

  /**
   * The files under `prefix`. A worker that has not answered within READ_TIMEOUT_MS (a cold start on a busy
   * tablet) does not hold the form up: it opens without them, and `late` gets them when the answer comes.
   */
  read(
    prefix: string,
    late?: (entries: { name: string; sealed: Uint8Array }[]) => void
  ): Promise<{ name: string; sealed: Uint8Array }[]> {
    const id = this.#nextId++;
    if (!this.post({ op: 'read', id, prefix })) return Promise.resolve([]);
    return new Promise((resolve) => {
      let waiting = true;
      const timer = setTimeout(() => {
        waiting = false;
        console.warn(
          `journal: no answer in ${READ_TIMEOUT_MS} ms; the form opens and takes it in when it comes`
        );
        resolve([]);
      }, READ_TIMEOUT_MS);
      this.#reads.set(id, (entries) => {
        clearTimeout(timer);
        if (waiting) resolve(entries);
        else if (entries.length > 0) late?.(entries);
      });
    });
  }
}

let fileJournal: FileJournal | null = null;
const files = () => (fileJournal ??= new FileJournal());

/**
 * A form is on screen: have its file open before the first keystroke, so that keystroke is written at
 * once. Harmless where there is no worker.
 */
export function prepareJournal(key: string, tab: string): void {
  files().post({ op: 'prepare', name: fileOf(key, tab) });
}

/** The form left the screen: its file is let go (and removed when empty). */
export function closeJournal(key: string, tab: string): void {
  files().post({ op: 'close', name: fileOf(key, tab) });
}

/**
 * Journal a form's value now, from the input handler: sealed here, synchronously, and handed to the
 * worker (and, until the worker is known to work, to localStorage too). Returns false when it could not
 * be (locked, no room). `wait: false` for a rewrite that is not a keystroke (IndexedDB holds the value).
 */
export function journalDraft<T>(key: string, entry: JournalEntry<T>, { wait = true } = {}): boolean {
  const keys = heldKeys();
  if (!keys) return false;
  let sealed: Uint8Array;
  try {
    sealed = sealBytes(keys.records, encodeRecord(entry), aad(key));
  } catch {
    return false; // A value the codec refuses: the IndexedDB write still runs and reports its own error.
  }
  const journal = files();
  const file = fileOf(key, entry.tab);
  const handed = journal.write(file, sealed, wait);
  let kept = handed !== false && handed !== 'failed';
  // Until the worker is known to work, or once it said it cannot keep this form's file (it could not open
  // or write it, said at once where the handler waited), localStorage holds the entry as well: it covers a
  // reload, if not a killed browser.
  if (journal.state !== 'ready' || journal.failed(file) || handed === 'failed') {
    const store = storage();
    try {
      store?.setItem(slotOf(key, entry.tab), toBase64(sealed));
      kept ||= !!store;
    } catch {
      // Quota: the worker's copy (if any) and the IndexedDB write remain.
    }
  }
  return kept;
}

function open<T>(key: string, sealed: Uint8Array): JournalEntry<T> | null {
  const keys = heldKeys();
  if (!keys) return null;
  try {
    const plain = openBytes(keys.records, sealed, aad(key));
    return plain ? (decodeRecord(plain) as JournalEntry<T>) : null;
  } catch {
    return null; // Damaged or from another vault: not restorable; left for purge or erase to remove.
  }
}

/**
 * Every tab's journalled entry for a form that opens under this vault's key, oldest first: from the
 * worker's files and from localStorage, the newer of the two where a tab left both. Files the worker
 * reports only after the read gave up waiting go to `late`.
 */
export async function readJournal<T>(
  key: string,
  late?: (entries: FoundEntry<T>[]) => void
): Promise<FoundEntry<T>[]> {
  if (!heldKeys()) return [];
  const fromFiles = (files: { name: string; sealed: Uint8Array }[]) =>
    files.flatMap((file) => {
      const entry = open<T>(key, file.sealed);
      return entry ? [{ ...entry, slot: FILE_SLOT + file.name }] : [];
    });
  const found = new Map<string, FoundEntry<T>>();
  const add = (entry: JournalEntry<T> | null, slot: string) => {
    if (!entry) return;
    const other = found.get(entry.tab);
    if (other && other.at > entry.at) return;
    found.set(entry.tab, { ...entry, slot });
  };
  const store = storage();
  if (store) {
    const prefix = `${PREFIX}${key}\u0000`;
    for (const slot of slots(store)) {
      const text = slot.startsWith(prefix) ? store.getItem(slot) : null;
      if (text) add(open<T>(key, fromBase64(text)), slot);
    }
  }
  const answered = await files().read(filePrefix(key), late && ((files) => late(byTime(fromFiles(files)))));
  for (const entry of fromFiles(answered)) add(entry, entry.slot);
  return byTime([...found.values()]);
}

/** This tab's entry for the form is done with: IndexedDB holds the value, or the form was submitted. */
export function clearJournal(key: string, tab: string): void {
  storage()?.removeItem(slotOf(key, tab));
  files().post({ op: 'empty', name: fileOf(key, tab) });
}

/** Remove one found entry (merged into the draft on start). */
export function dropEntry(slot: string): void {
  if (slot.startsWith(FILE_SLOT)) files().post({ op: 'empty', name: slot.slice(FILE_SLOT.length) });
  else storage()?.removeItem(slot);
}

const byTime = <T>(entries: FoundEntry<T>[]) => entries.sort((a, b) => a.at.localeCompare(b.at));

function slots(store: Storage): string[] {
  const out: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const k = store.key(i);
    if (k?.startsWith(PREFIX)) out.push(k);
  }
  return out;
}

/** Remove every journal entry (purge, erase); the worker removes its files next, before anything else. */
export function clearAllJournals(): void {
  const store = storage();
  if (store) for (const k of slots(store)) store.removeItem(k);
  files().post({ op: 'removeAll' });
}

/** How many forms have an entry in the localStorage journal (the fallback where the worker cannot run). */
export function journalCount(): number {
  const store = storage();
  return store ? slots(store).length : 0;
}
