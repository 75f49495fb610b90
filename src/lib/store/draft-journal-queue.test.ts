import { describe, expect, it } from 'vitest';
import { JournalFiles, unframe } from './draft-journal-file';
import { JournalQueue } from './draft-journal-queue';
import type { JournalReply } from './draft-journal';
import { MemoryJournalDir } from './memory-journal-dir';

/** A folder whose listing waits until released (the browser busy answering another form's read). */
class SlowListing extends MemoryJournalDir {
  #gate: Promise<void> = Promise.resolve();
  hold(): () => void {
    let release = () => {};
    this.#gate = new Promise<void>((resolve) => (release = resolve));
    return release;
  }
  override async list(): Promise<string[]> {
    await this.#gate;
    return super.list();
  }
}

const bytes = (text: string) => new TextEncoder().encode(text);
const now = () => performance.timeOrigin + performance.now();
const held = (dir: MemoryJournalDir, name: string) => {
  const sealed = unframe(dir.files.get(name) ?? new Uint8Array(0));
  return sealed ? new TextDecoder().decode(sealed) : null;
};

async function started() {
  const dir = new SlowListing();
  const replies: JournalReply[] = [];
  const journal = new JournalQueue(Promise.resolve(new JournalFiles(dir)), (r) => replies.push(r));
  journal.receive({ op: 'prepare', name: 'a~1' });
  await journal.idle();
  return { dir, replies, journal };
}

describe('the journal worker’s queue', () => {
  it('writes a keystroke to an open file the moment it arrives, not behind another form’s slow read', async () => {
    const { dir, replies, journal } = await started();
    const release = dir.hold();
    journal.receive({ op: 'read', id: 1, prefix: 'b~' });
    journal.receive({ op: 'write', name: 'a~1', sealed: bytes('山'), posted: now() });
    // No await: written already, while the read still waits on the folder.
    expect(held(dir, 'a~1')).toBe('山');
    expect(replies.filter((r) => r.op === 'read')).toEqual([]);
    release();
    await journal.idle();
    expect(replies.filter((r) => r.op === 'read')).toEqual([{ op: 'read', id: 1, entries: [] }]);
  });

  it('keeps a file’s own order: a write after that file’s queued empty, or after a purge, is not undone by it', async () => {
    const { dir, journal } = await started();
    let release = dir.hold();
    journal.receive({ op: 'read', id: 1, prefix: 'b~' });
    journal.receive({ op: 'empty', name: 'a~1' });
    journal.receive({ op: 'write', name: 'a~1', sealed: bytes('川'), posted: now() });
    release();
    await journal.idle();
    expect(held(dir, 'a~1')).toBe('川');

    release = dir.hold();
    journal.receive({ op: 'read', id: 2, prefix: 'b~' });
    journal.receive({ op: 'removeAll' });
    journal.receive({ op: 'write', name: 'a~1', sealed: bytes('海'), posted: now() });
    release();
    await journal.idle();
    expect(held(dir, 'a~1')).toBe('海');
  });

  it('says when a keystroke reached the file late', async () => {
    const { replies, journal } = await started();
    journal.receive({ op: 'write', name: 'a~1', sealed: bytes('x'), posted: now() });
    journal.receive({ op: 'write', name: 'a~1', sealed: bytes('y'), posted: now() - 100 });
    expect(replies.filter((r) => r.op === 'slow')).toEqual([
      { op: 'slow', name: 'a~1', ms: expect.any(Number), writeMs: expect.any(Number) }
    ]);
  });
});
