// The journal worker's handling of the page's messages (draft-journal.worker.ts is its thin shell), kept apart
// from the worker's global scope so a test drives the very code the worker runs.
//
// Messages are handled in order, file by file. A keystroke's write to a file already open, with nothing of
// that file and no purge queued before it, is written the moment it arrives: not behind another form's open,
// read or removal, which wait on the browser (a 38 ms wait was seen under load, long enough for a browser
// killed then to take the keystroke with it). Everything else waits its turn in one queue.
import type { JournalFiles } from './draft-journal-file';
import { AckSlots } from './draft-journal-acks';
import type { JournalReply, JournalRequest } from './draft-journal';

/** fsync once typing pauses this long (for a power cut; a killed browser cannot undo a write that returned). */
const FLUSH_AFTER_MS = 1_000;
/** A write that reached the disk later than this after the page posted it is reported (a diagnosis, not a limit). */
const SLOW_MS = 20;

type Write = Extract<JournalRequest, { op: 'write' }>;

export class JournalQueue {
  /** The files once started (null until then, or where there are none). */
  #ready: JournalFiles | null = null;
  #queue: Promise<JournalFiles | null>;
  #post: (reply: JournalReply) => void;
  #flushTimer: ReturnType<typeof setTimeout> | null = null;
  /** Requests in the queue per file, and purges (removeAll) in it: a write skips the queue only past neither. */
  #waiting = new Map<string, number>();
  #purges = 0;
  /** The page's acknowledgement slots (shared memory), when it waits for them. */
  #acks: AckSlots | null = null;

  constructor(files: Promise<JournalFiles | null>, post: (reply: JournalReply) => void) {
    this.#post = post;
    this.#queue = files.then((started) => {
      this.#ready = started;
      post({ op: started ? 'ready' : 'unavailable' });
      return started;
    });
  }

  /** One message from the page. */
  receive(request: JournalRequest): void {
    if (request.op === 'acks') {
      this.#acks = new AckSlots(request.acks);
      return;
    }
    const ready = this.#ready;
    if (
      request.op === 'write' &&
      ready?.isOpen(request.name) &&
      !this.#waiting.has(request.name) &&
      this.#purges === 0
    ) {
      const began = performance.now();
      let written = false;
      try {
        written = ready.writeOpen(request.name, request.sealed);
      } catch {
        // Said to the page in #writeDone.
      }
      this.#writeDone(request, written, began);
      return;
    }
    this.#track(request, 1);
    this.#queue = this.#queue.then(async (files) => {
      if (request.op === 'write') {
        const began = performance.now();
        let written = false;
        try {
          // Not kept (the file could not be opened or written): the page is told in #writeDone.
          written = files !== null && (await files.write(request.name, request.sealed));
        } catch {
          // As above.
        }
        // Without files the page has been told the worker is unavailable: only the mark is owed.
        if (files) this.#writeDone(request, written, began);
        else this.#mark(request, false);
      } else {
        let done = false;
        try {
          if (files) {
            await this.#handle(files, request);
            done = true;
          }
        } catch {
          // A request on a file that cannot be had: the form's IndexedDB writes still run.
        }
        // A read is always answered, so the page never waits on it.
        if (!done && request.op === 'read') this.#post({ op: 'read', id: request.id, entries: [] });
      }
      this.#track(request, -1);
      return files;
    });
  }

  /** Resolves once everything queued so far is handled. */
  idle(): Promise<unknown> {
    return this.#queue;
  }

  /** Handle one queued request other than a write. */
  async #handle(files: JournalFiles, request: Exclude<JournalRequest, Write>): Promise<void> {
    switch (request.op) {
      case 'prepare':
        await files.prepare(request.name);
        return;
      case 'empty':
        return files.empty(request.name);
      case 'close':
        return files.close(request.name);
      case 'read':
        this.#post({ op: 'read', id: request.id, entries: await files.read(request.prefix) });
        return;
      case 'removeAll':
        return files.removeAll();
    }
  }

  /**
   * A keystroke's write is over, on either path: said when it came late, or that it failed (an entry that
   * cannot be written: the IndexedDB write of the same input still runs, and the page keeps this form's
   * entries in localStorage too), then marked done for the page waiting in its input handler.
   */
  #writeDone(request: Write, written: boolean, began: number): void {
    if (written) this.#written(request, performance.now() - began);
    else this.#post({ op: 'failed', name: request.name });
    this.#mark(request, written);
  }

  #mark(request: Write, written: boolean): void {
    if (request.seq) this.#acks?.mark(request.seq, written);
  }

  #track(request: JournalRequest, step: 1 | -1): void {
    if (request.op === 'removeAll') this.#purges += step;
    else if ('name' in request) {
      const n = (this.#waiting.get(request.name) ?? 0) + step;
      if (n > 0) this.#waiting.set(request.name, n);
      else this.#waiting.delete(request.name);
    }
  }

  /** After a keystroke's entry is written: say when it came late, and fsync once typing pauses. */
  #written(request: Write, writeMs: number): void {
    const ms = performance.timeOrigin + performance.now() - request.posted;
    if (ms > SLOW_MS) this.#post({ op: 'slow', name: request.name, ms, writeMs });
    if (this.#flushTimer) clearTimeout(this.#flushTimer);
    this.#flushTimer = setTimeout(() => {
      this.#queue = this.#queue.then((files) => {
        try {
          files?.flush();
        } catch {
          // Flushing is for a power cut; the written entry is already safe from a killed browser.
        }
        return files;
      });
    }, FLUSH_AFTER_MS);
  }
}
