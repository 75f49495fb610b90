// The journal worker: writes each keystroke's sealed entry to a file of the origin-private file system as it arrives.
//
// Only a dedicated worker may hold a file for synchronous writes (FileSystemSyncAccessHandle); the page
// posts the entry from its input handler and this worker writes it microseconds later, on its own thread.
// How messages are taken (in order, file by file) is draft-journal-queue.ts.
import { JournalFiles, type JournalDir, type SyncFile } from './draft-journal-file';
import { JournalQueue } from './draft-journal-queue';
import type { JournalReply, JournalRequest } from './draft-journal';

const FOLDER = 'tebikae-journal';

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

const journal = new JournalQueue(start(), (reply) => scope.postMessage(reply));
scope.onmessage = (event) => journal.receive(event.data);
