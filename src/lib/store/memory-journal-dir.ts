// An in-memory folder for the journal's files (JournalDir), for unit tests: files held open are locked as in a browser.
import type { JournalDir, SyncFile } from './draft-journal-file';

export class MemoryJournalDir implements JournalDir {
  files = new Map<string, Uint8Array>();
  held = new Set<string>();
  /** Counts fsyncs, to check they are not made per write. */
  flushes = 0;

  async open(name: string): Promise<SyncFile> {
    if (this.held.has(name)) throw new DOMException('held by another page', 'NoModificationAllowedError');
    if (!this.files.has(name)) this.files.set(name, new Uint8Array(0));
    this.held.add(name);
    const files = this.files;
    return {
      getSize: () => files.get(name)!.length,
      write: (buffer, { at }) => {
        const old = files.get(name)!;
        const next = new Uint8Array(Math.max(old.length, at + buffer.length));
        next.set(old);
        next.set(buffer, at);
        files.set(name, next);
        return buffer.length;
      },
      truncate: (size) => {
        files.set(name, files.get(name)!.slice(0, size));
      },
      flush: () => {
        this.flushes++;
      },
      close: () => {
        this.held.delete(name);
      }
    };
  }

  async readClosed(name: string): Promise<Uint8Array | null> {
    return this.held.has(name) ? null : (this.files.get(name)?.slice() ?? null);
  }

  async list(): Promise<string[]> {
    return [...this.files.keys()];
  }

  async remove(name: string): Promise<void> {
    if (!this.held.has(name)) this.files.delete(name);
  }
}
