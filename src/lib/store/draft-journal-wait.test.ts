// The input handler waits for its keystroke's write where the page shares memory with the journal worker.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { JournalFiles, unframe } from './draft-journal-file';
import { JournalQueue } from './draft-journal-queue';
import { journalDraft, prepareJournal, type JournalReply, type JournalRequest } from './draft-journal';
import { MemoryJournalDir } from './memory-journal-dir';
import { heldKeys } from './session-key';
import { openBytes, recordAad } from './record-cipher';

/**
 * The journal worker on its own thread, as far as one thread can show it: a posted message is handled
 * only while the page keeps running (each clock reading the page's wait makes lets the worker take one
 * message), or never while `stuck` (a thread not given the CPU). Replies reach the page a moment later.
 */
class ThreadWorker {
  static dir = new MemoryJournalDir();
  static last: ThreadWorker;
  stuck = false;
  onmessage: ((event: MessageEvent<JournalReply>) => void) | null = null;
  onerror: (() => void) | null = null;
  #pending: JournalRequest[] = [];
  #busy = false;
  #queue: JournalQueue;

  constructor() {
    ThreadWorker.last = this;
    this.#queue = new JournalQueue(Promise.resolve(new JournalFiles(ThreadWorker.dir)), (reply) =>
      queueMicrotask(() => this.onmessage?.({ data: reply } as MessageEvent<JournalReply>))
    );
  }
  postMessage(request: JournalRequest) {
    this.#pending.push(request);
  }
  /** The worker thread runs a moment: takes one message. */
  step() {
    // The worker reads the clock too (mocked below): one message at a time, as on its own thread.
    if (this.#busy) return;
    const next = this.stuck ? undefined : this.#pending.shift();
    this.#busy = true;
    try {
      if (next) this.#queue.receive(next);
    } finally {
      this.#busy = false;
    }
  }
  /** Everything posted so far handled. */
  async settle() {
    while (!this.stuck && this.#pending.length > 0) this.step();
    await this.#queue.idle();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  get waiting() {
    return this.#pending.length;
  }
  terminate() {}
}

let clock = 0;
let readings = 0;
beforeAll(() => {
  vi.stubGlobal('Worker', ThreadWorker);
  vi.stubGlobal('crossOriginIsolated', true);
  vi.stubGlobal('localStorage', undefined);
  // Each reading of the clock: the page spent a moment (1 ms), in which the worker thread ran too.
  vi.spyOn(performance, 'now').mockImplementation(() => {
    readings++;
    ThreadWorker.last?.step();
    return (clock += 1);
  });
});
afterAll(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const KEY = 'form:wait';
const TAB = 'tab-1';
const entry = (note: string) => ({
  value: { note },
  base: { note: '' },
  at: new Date().toISOString(),
  tab: TAB
});
const held = () => {
  const [name] = [...ThreadWorker.dir.files.keys()];
  const sealed = name ? unframe(ThreadWorker.dir.files.get(name)!) : null;
  const plain = sealed && openBytes(heldKeys()!.records, sealed, recordAad('draft-journal', KEY));
  return plain
    ? (JSON.parse(new TextDecoder().decode(plain)) as { value: { note: string } }).value.note
    : null;
};

describe('the input handler’s wait for the journal worker', () => {
  it('returns only once the worker wrote the keystroke; a stuck worker is waited for once, then not until it recovers', async () => {
    prepareJournal(KEY, TAB);
    await ThreadWorker.last.settle(); // the worker started ('ready') and opened the form's file

    // The entry is in the file the moment the handler returns: the worker wrote it while the page waited.
    expect(journalDraft(KEY, entry('ア'))).toBe(true);
    expect(ThreadWorker.last.waiting).toBe(0);
    expect(held()).toBe('ア');
    expect(journalDraft(KEY, entry('アレ'))).toBe(true);
    expect(held()).toBe('アレ');

    // A worker not given the CPU: the handler gives up after 300 ms and says so; typing is then not held up.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    ThreadWorker.last.stuck = true;
    readings = 0;
    expect(journalDraft(KEY, entry('アレル'))).toBe(true);
    expect(readings).toBeGreaterThanOrEqual(300);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('not written within 300 ms'));
    readings = 0;
    expect(journalDraft(KEY, entry('アレルギ'))).toBe(true);
    expect(readings).toBeLessThan(5);
    expect(held()).toBe('アレ');

    // Back: what waited is written in order, and the next keystroke is waited for again.
    ThreadWorker.last.stuck = false;
    await ThreadWorker.last.settle();
    expect(held()).toBe('アレルギ');
    expect(journalDraft(KEY, entry('アレルギー'))).toBe(true);
    expect(held()).toBe('アレルギー');
    warn.mockRestore();
  });
});
