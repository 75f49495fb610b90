// An in-memory folder for the journal's files (JournalDir), for unit tests: files held open are locked as in a browser.
import type { JournalDir, SyncFile } from './draft-journal-file';

const MIB = 1024 * 1024;

export class MemoryJournalDir implements JournalDir {
  files = new Map<string, Uint8Array>();
  held = new Set<string>();
  /** Counts fsyncs, to check they are not made per write. */
  flushes = 0;
  /**
   * Counts waits for room, as Chromium makes them: a handle starts with room for the file's size, and a
   * write or truncate beyond it asks the browser for at least 1 MiB more, synchronously.
   */
  roomRequests = 0;

  async open(name: string): Promise<SyncFile> {
    if (this.held.has(name)) throw new DOMException('held by another page', 'NoModificationAllowedError');
    if (!this.files.has(name)) this.files.set(name, new Uint8Array(0));
    this.held.add(name);
    const files = this.files;
    let room = files.get(name)!.length;
    const grow = (size: number) => {
      if (size <= room) return;
      this.roomRequests++;
      room = Math.max(size, room + MIB);
    };
    return {
      getSize: () => files.get(name)!.length,
      write: (buffer, { at }) => {
        grow(at + buffer.length);
        const old = files.get(name)!;
        const next = new Uint8Array(Math.max(old.length, at + buffer.length));
        next.set(old);
        next.set(buffer, at);
        files.set(name, next);
        return buffer.length;
      },
      truncate: (size) => {
        grow(size);
        const old = files.get(name)!;
        const next = new Uint8Array(size);
        next.set(old.subarray(0, size));
        files.set(name, next);
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
