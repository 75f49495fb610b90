// The journal's files (kept by the journal worker): one file per form and page, holding its newest sealed entry.
//
// Each file holds one record, [4-byte length][sealed entry], written in place at offset 0 by one
// synchronous write; an older, longer record's tail stays behind it and the length skips it, so a keystroke
// costs one write, not a write and a cut (a cut is a further call the input handler would wait for: 1.6 ms
// against 0.6 ms a keystroke, measured in Chromium on a regular profile). The file is cut to its record when
// the form leaves. No fsync per write (that queues writes behind the disk and a killed browser takes the
// queue with it); a write is in the kernel once it returns, which a killed browser cannot undo. Files are
// flushed (fsync) once typing pauses, for a power cut.
//
// Room is asked for when a file is opened, not at the first keystroke: Chromium lets a file grow only
// within capacity its renderer asked the browser process for (blink's FileSystemAccessCapacityTracker:
// at least 1 MiB at a time, by a synchronous call), so the first write that grows a newly opened file
// waits on the browser process, which was seen taking 20–43 ms on a loaded machine. Growing the file by
// a byte and cutting it back when it opens takes that wait there, before anyone types.

/** The synchronous access handle of one file (FileSystemSyncAccessHandle). */
export interface SyncFile {
  getSize(): number;
  write(buffer: Uint8Array, options: { at: number }): number;
  truncate(size: number): void;
  flush(): void;
  close(): void;
}

/** The folder the files live in (a directory of the origin-private file system). */
export interface JournalDir {
  /** Open (creating) a file for synchronous access; throws when it cannot (another page holds it). */
  open(name: string): Promise<SyncFile>;
  /** A file's bytes when nobody holds it open; null when it is held or gone. */
  readClosed(name: string): Promise<Uint8Array | null>;
  list(): Promise<string[]>;
  /** Remove a file; a missing or held file is left as it is. */
  remove(name: string): Promise<void>;
}

const HEADER = 4;

export function frame(sealed: Uint8Array): Uint8Array {
  const record = new Uint8Array(HEADER + sealed.length);
  new DataView(record.buffer).setUint32(0, sealed.length);
  record.set(sealed, HEADER);
  return record;
}

/** The sealed entry a file holds, or null when it is empty or cut short. */
export function unframe(bytes: Uint8Array): Uint8Array | null {
  if (bytes.length < HEADER) return null;
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  if (length === 0 || HEADER + length > bytes.length) return null;
  return bytes.slice(HEADER, HEADER + length);
}

export class JournalFiles {
  #dir: JournalDir;
  #open = new Map<string, SyncFile>();
  #opening = new Map<string, Promise<SyncFile | null>>();
  #unflushed = new Set<string>();
  /** The length of each open file's newest record (the file may be longer: an older record's tail). */
  #length = new Map<string, number>();

  constructor(dir: JournalDir) {
    this.#dir = dir;
  }

  /** Open a form's file ahead of its first keystroke, so that keystroke is written at once. */
  async prepare(name: string): Promise<boolean> {
    return (await this.#file(name)) !== null;
  }

  /** Replace the file's entry, opening the file first if it is not open. */
  async write(name: string, sealed: Uint8Array): Promise<boolean> {
    if (this.writeOpen(name, sealed)) return true;
    return (await this.#file(name)) !== null && this.writeOpen(name, sealed);
  }

  /** Whether this file is held open (a write to it needs no wait). */
  isOpen(name: string): boolean {
    return this.#open.has(name);
  }

  /** Replace the entry of a file that is open, synchronously; false when it is not open. */
  writeOpen(name: string, sealed: Uint8Array): boolean {
    const file = this.#open.get(name);
    if (!file) return false;
    const record = frame(sealed);
    file.write(record, { at: 0 });
    this.#length.set(name, record.length);
    this.#unflushed.add(name);
    return true;
  }

  /** The entry is in IndexedDB now: empty the file (kept open for the next keystroke), or remove it. */
  async empty(name: string): Promise<void> {
    const file = this.#open.get(name);
    if (!file) return this.#dir.remove(name);
    file.truncate(0);
    this.#length.set(name, 0);
    this.#unflushed.add(name);
  }

  /** The form is gone from the page: let the file go, and remove it when it holds nothing. */
  async close(name: string): Promise<void> {
    const file = this.#open.get(name);
    if (!file) return;
    this.#open.delete(name);
    this.#unflushed.delete(name);
    // Cut to the newest record (the tail of a longer, older one goes).
    const length = this.#length.get(name);
    this.#length.delete(name);
    if (length !== undefined && length < file.getSize()) file.truncate(length);
    const empty = file.getSize() === 0;
    file.flush();
    file.close();
    if (empty) await this.#dir.remove(name);
  }

  /**
   * Every file whose name starts with `prefix` that holds an entry, of pages and forms that ended: a file open
   * here belongs to a form still on this page, one another page holds to a form still on that page (a form
   * leaving closes its file), and those entries are theirs, not to be merged and emptied by another.
   */
  async read(prefix: string): Promise<{ name: string; sealed: Uint8Array }[]> {
    const found: { name: string; sealed: Uint8Array }[] = [];
    for (const name of await this.#dir.list()) {
      if (!name.startsWith(prefix) || this.#open.has(name)) continue;
      const bytes = await this.#dir.readClosed(name);
      const sealed = bytes && unframe(bytes);
      if (sealed) found.push({ name, sealed });
    }
    return found;
  }

  /** Remove every file (purge, erase). */
  async removeAll(): Promise<void> {
    for (const name of [...this.#open.keys()]) {
      this.#open.get(name)?.close();
      this.#open.delete(name);
    }
    this.#length.clear();
    this.#unflushed.clear();
    for (const name of await this.#dir.list()) await this.#dir.remove(name);
  }

  /** fsync what was written since the last time (called once typing pauses). */
  flush(): void {
    for (const name of this.#unflushed) this.#open.get(name)?.flush();
    this.#unflushed.clear();
  }

  async #file(name: string): Promise<SyncFile | null> {
    const open = this.#open.get(name);
    if (open) return open;
    let opening = this.#opening.get(name);
    if (!opening) {
      opening = this.#dir.open(name).then(
        (file) => {
          try {
            const size = file.getSize();
            file.truncate(size + 1);
            file.truncate(size);
          } catch {
            // No room (a full disk): the first write asks again, and says so if it cannot.
          }
          this.#open.set(name, file);
          return file;
        },
        () => null
      );
      this.#opening.set(name, opening);
      void opening.finally(() => this.#opening.delete(name));
    }
    return opening;
  }
}
