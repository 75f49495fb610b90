// The journal worker: writes each keystroke's sealed entry to a file of the origin-private file system as it arrives.
//
// Only a dedicated worker may hold a file for synchronous writes (FileSystemSyncAccessHandle); the page
// posts the entry from its input handler and this worker writes it microseconds later, on its own thread,
// with nothing else queued in front. Messages are handled strictly in order.
import { JournalFiles, type JournalDir, type SyncFile } from './draft-journal-file';
import type { JournalReply, JournalRequest } from './draft-journal';

const FOLDER = 'tebikae-journal';
const FLUSH_AFTER_MS = 1_000;
/** A write that reached the disk later than this after the page posted it is reported (a diagnosis, not a limit). */
const SLOW_MS = 20;

interface Scope {
  postMessage(message: JournalReply): void;
  onmessage: ((event: MessageEvent<JournalRequest>) => void) | null;
}
const scope = self as unknown as Scope;

type SyncFileHandle = FileSystemFileHandle & { createSyncAccessHandle(): Promise<SyncFile> };
type ListedDirectory = FileSystemDirectoryHandle & { keys(): AsyncIterable<string> };

function supported(): boolean {
  return (
    typeof navigator !== 'undefined' &&
    typeof navigator.storage?.getDirectory === 'function' &&
    typeof FileSystemFileHandle !== 'undefined' &&
    'createSyncAccessHandle' in FileSystemFileHandle.prototype
  );
}

function journalDir(folder: ListedDirectory): JournalDir {
  return {
    async open(name) {
      const handle = (await folder.getFileHandle(name, { create: true })) as SyncFileHandle;
      return handle.createSyncAccessHandle();
    },
    async readClosed(name) {
      try {
        const file = await (await folder.getFileHandle(name)).getFile();
        return new Uint8Array(await file.arrayBuffer());
      } catch {
        return null; // Held open by another page (its own live entry) or already gone.
      }
    },
    async list() {
      const names: string[] = [];
      for await (const name of folder.keys()) names.push(name);
      return names;
    },
    async remove(name) {
      try {
        await folder.removeEntry(name);
      } catch {
        // Gone already, or held by another page, which removes it itself.
      }
    }
  };
}

async function start(): Promise<JournalFiles | null> {
  if (!supported()) return null;
  try {
    const root = await navigator.storage.getDirectory();
    const folder = (await root.getDirectoryHandle(FOLDER, { create: true })) as ListedDirectory;
    return new JournalFiles(journalDir(folder));
  } catch {
    return null; // No origin-private file system here (a private window, a policy): the page falls back.
  }
}

let queue: Promise<JournalFiles | null> = start().then((files) => {
  scope.postMessage({ op: files ? 'ready' : 'unavailable' });
  return files;
});
let flushTimer: ReturnType<typeof setTimeout> | null = null;

async function handle(files: JournalFiles, request: JournalRequest): Promise<void> {
  switch (request.op) {
    case 'prepare':
      await files.prepare(request.name);
      return;
    case 'write':
      // Not kept (the file could not be opened): the page is told, and journals this form elsewhere too.
      if (!(await files.write(request.name, request.sealed)))
        scope.postMessage({ op: 'failed', name: request.name });
      else {
        const ms = performance.timeOrigin + performance.now() - request.posted;
        if (ms > SLOW_MS) scope.postMessage({ op: 'slow', name: request.name, ms });
      }
      if (flushTimer) clearTimeout(flushTimer);
      flushTimer = setTimeout(() => {
        queue = queue.then((f) => {
          try {
            f?.flush();
          } catch {
            // Flushing is for a power cut; the written entry is already safe from a killed browser.
          }
          return f;
        });
      }, FLUSH_AFTER_MS);
      return;
    case 'empty':
      return files.empty(request.name);
    case 'close':
      return files.close(request.name);
    case 'read':
      scope.postMessage({ op: 'read', id: request.id, entries: await files.read(request.prefix) });
      return;
    case 'removeAll':
      return files.removeAll();
  }
}

scope.onmessage = (event) => {
  const request = event.data;
  queue = queue.then(async (files) => {
    let done = false;
    try {
      if (files) {
        await handle(files, request);
        done = true;
      }
    } catch {
      // A file that cannot be written: the IndexedDB write of the same input still runs, and the page is
      // told, so it keeps this form's entries in localStorage too.
      if (request.op === 'write') scope.postMessage({ op: 'failed', name: request.name });
    }
    // A read is always answered, so the page never waits on it.
    if (!done && request.op === 'read') scope.postMessage({ op: 'read', id: request.id, entries: [] });
    return files;
  });
};
