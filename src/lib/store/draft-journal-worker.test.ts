import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Draft } from './draft.svelte';
import { getDraft } from './drafts';
import { deleteDataDb } from './db';
import { JournalFiles, unframe } from './draft-journal-file';
import { JournalQueue } from './draft-journal-queue';
import type { JournalReply, JournalRequest } from './draft-journal';
import { MemoryJournalDir } from './memory-journal-dir';
import { heldKeys } from './session-key';
import { openBytes, recordAad } from './record-cipher';

/**
 * The journal worker as the page sees it (postMessage in, replies out): the worker's own message handling
 * (JournalQueue) on an in-memory folder, each message arriving a moment after it is posted, like a real
 * worker's; `stall` holds the messages back, as a worker thread not yet scheduled would.
 */
class FakeWorker {
  static dir = new MemoryJournalDir();
  static posted: JournalRequest[] = [];
  static last: FakeWorker | null = null;
  onmessage: ((event: MessageEvent<JournalReply>) => void) | null = null;
  onerror: (() => void) | null = null;
  #files = new JournalFiles(FakeWorker.dir);
  #journal: JournalQueue;
  /** Messages on their way to the worker (held back by `stall`). */
  #arriving: Promise<void> = Promise.resolve();

  constructor() {
    FakeWorker.last = this;
    this.#journal = new JournalQueue(
      Promise.resolve().then(() => this.#files),
      (reply) => this.#reply(reply)
    );
  }

  postMessage(request: JournalRequest) {
    FakeWorker.posted.push(request);
    this.#arriving = this.#arriving.then(() => this.#journal.receive(request));
  }

  async idle() {
    await this.#arriving;
    await this.#journal.idle();
  }

  /** The worker stops answering (a cold start on a busy tablet) until the returned function is called. */
  stall(): () => void {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    this.#arriving = this.#arriving.then(() => gate);
    return release;
  }

  /** The page ended (killed, reloaded): its worker is gone, and the files it held are let go. */
  async endPage() {
    await this.idle();
    for (const name of [...FakeWorker.dir.held]) await this.#files.close(name);
  }

  /** The form's file is let go and can no longer be opened (held elsewhere). */
  closeAndHold(name: string) {
    this.#arriving = this.#arriving.then(async () => {
      await this.#journal.idle();
      await this.#files.close(name);
      FakeWorker.dir.held.add(name);
    });
    return this.#arriving;
  }

  terminate() {}

  #reply(reply: JournalReply) {
    this.onmessage?.({ data: reply } as MessageEvent<JournalReply>);
  }
}

const localItems = new Map<string, string>();

beforeAll(() => {
  vi.stubGlobal('Worker', FakeWorker);
  vi.stubGlobal('localStorage', {
    get length() {
      return localItems.size;
    },
    key: (i: number) => [...localItems.keys()][i] ?? null,
    getItem: (k: string) => localItems.get(k) ?? null,
    setItem: (k: string, v: string) => localItems.set(k, v),
    removeItem: (k: string) => localItems.delete(k)
  });
});
afterAll(async () => {
  vi.unstubAllGlobals();
  await deleteDataDb();
});

const entryIn = (name: string, key: string) => {
  const sealed = unframe(FakeWorker.dir.files.get(name) ?? new Uint8Array(0));
  const plain = sealed && openBytes(heldKeys()!.records, sealed, recordAad('draft-journal', key));
  return plain ? (JSON.parse(new TextDecoder().decode(plain)) as { value: { note: string } }) : null;
};

describe('draft journal through the worker (survives a killed browser)', () => {
  it('hands every input to the worker from the handler itself, sealed; nothing in localStorage once it runs', async () => {
    const d = new Draft('form:w1', { note: '' }, { debounceMs: 60_000 });
    await d.start();
    await FakeWorker.last!.idle();
    localItems.clear();
    for (const typed of ['ア', 'アレ', 'アレルギー']) {
      d.value.note = typed;
      d.changed();
      // No await between the input and this line: the entry is already on its way.
      const write = FakeWorker.posted.at(-1);
      expect(write).toMatchObject({ op: 'write' });
      if (write?.op !== 'write') throw new Error('no write');
      expect(new TextDecoder().decode(write.sealed)).not.toContain(typed);
      expect(
        JSON.parse(
          new TextDecoder().decode(
            openBytes(heldKeys()!.records, write.sealed, recordAad('draft-journal', 'form:w1'))!
          )
        ).value
      ).toEqual({ note: typed });
    }
    expect(localItems.size).toBe(0);
    await FakeWorker.last!.idle();
    const name = (FakeWorker.posted.at(-1) as { name: string }).name;
    expect(entryIn(name, 'form:w1')?.value).toEqual({ note: 'アレルギー' });
    // Stored in IndexedDB: the entry stays in the file while the form is open (a browser killed right after
    // a commit has come back without it); the form leaving with its value stored removes the file.
    await d.flush();
    await FakeWorker.last!.idle();
    expect(entryIn(name, 'form:w1')?.value).toEqual({ note: 'アレルギー' });
    d.dispose();
    await vi.waitFor(async () => {
      await FakeWorker.last!.idle();
      expect(FakeWorker.dir.files.has(name)).toBe(false);
    });
  });

  it('a second draft of the same form on the page neither merges nor empties the first one’s entry', async () => {
    const first = new Draft('form:w5', { note: '' });
    await first.start();
    first.value.note = '卵アレルギー';
    first.changed();
    await first.flush();
    await FakeWorker.last!.idle();
    const name = (FakeWorker.posted.filter((r) => r.op === 'prepare').at(-1) as { name: string }).name;
    const second = new Draft('form:w5', { note: '' });
    await second.start();
    await FakeWorker.last!.idle();
    expect(entryIn(name, 'form:w5')?.value).toEqual({ note: '卵アレルギー' });
    second.dispose();
    first.dispose();
  });

  it('a form whose file cannot be opened is told so, and its entries go to localStorage as well', async () => {
    const d = new Draft('form:w3', { note: '' }, { debounceMs: 60_000 });
    await d.start();
    await FakeWorker.last!.idle();
    const file = (FakeWorker.posted.filter((r) => r.op === 'prepare').at(-1) as { name: string }).name;
    // The browser will no longer open the form's file (a storage fault, another holder).
    await FakeWorker.last!.closeAndHold(file);
    localItems.clear();
    d.value.note = '卵';
    d.changed();
    await FakeWorker.last!.idle();
    expect(localItems.size).toBe(0);
    // The worker said it could not keep it: from the next keystroke on, localStorage keeps it as well.
    d.value.note = '卵アレルギー';
    d.changed();
    expect([...localItems.keys()].some((k) => k.includes('form:w3'))).toBe(true);
    FakeWorker.dir.held.delete(file);
    d.dispose();
    await FakeWorker.last!.idle();
  });

  it('input the page never stored in IndexedDB comes back from the file on the next start', async () => {
    const first = new Draft('form:w2', { note: '' }, { debounceMs: 60_000 });
    await first.start();
    first.value.note = 'ペニシリンで発疹';
    first.changed();
    // The page ends here: no flush, no dispose. The next start finds the entry.
    await FakeWorker.last!.endPage();
    expect(await getDraft('form:w2')).toBeUndefined();
    const next = new Draft('form:w2', { note: '' });
    await next.start();
    expect(next.value).toEqual({ note: 'ペニシリンで発疹' });
    expect(next.restored).toBe(true);
    await next.flush();
    expect((await getDraft<{ note: string }>('form:w2'))?.value).toEqual({ note: 'ペニシリンで発疹' });
    next.dispose();
  });

  it('a journal that answers after the form opened is merged in then: nothing the dead page typed is lost, nothing typed since is undone', async () => {
    const first = new Draft('form:w4', { note: '', other: '' }, { debounceMs: 60_000 });
    await first.start();
    first.value.note = '造影剤で蕁麻疹';
    first.changed();
    // The page ends here. The next page's worker is slow to answer.
    await FakeWorker.last!.endPage();
    const release = FakeWorker.last!.stall();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const next = new Draft('form:w4', { note: '', other: '' }, { debounceMs: 60_000 });
      const started = next.start();
      await vi.advanceTimersByTimeAsync(3_000);
      await started;
      // The form opened without the journal, and the user types into another field meanwhile.
      expect(next.value).toEqual({ note: '', other: '' });
      next.value.other = '眠気';
      next.changed();
      release();
      await FakeWorker.last!.idle();
      expect(next.value).toEqual({ note: '造影剤で蕁麻疹', other: '眠気' });
      await next.flush();
      expect((await getDraft<{ note: string; other: string }>('form:w4'))?.value).toEqual({
        note: '造影剤で蕁麻疹',
        other: '眠気'
      });
      expect(warn.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(/arrived late/);
      next.dispose();
    } finally {
      vi.useRealTimers();
      warn.mockRestore();
    }
  });
});
