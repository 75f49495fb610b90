import { describe, expect, it } from 'vitest';
import { JournalFiles, unframe } from './draft-journal-file';
import { JournalQueue } from './draft-journal-queue';
import { awaitAck, type JournalReply } from './draft-journal';
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

  it('acknowledges each write in the shared slots once it is done with: at once, after its file opens, or failed', async () => {
    const { dir, replies, journal } = await started();
    const acks = new Int32Array(new SharedArrayBuffer(4 * 8));
    journal.receive({ op: 'acks', acks });
    // The open file: written and acknowledged before receive returns.
    journal.receive({ op: 'write', name: 'a~1', sealed: bytes('山'), posted: now(), seq: 1 });
    expect(Atomics.load(acks, 1)).toBe(1);
    // A file not open yet: acknowledged once opened and written, not before.
    journal.receive({ op: 'write', name: 'b~1', sealed: bytes('川'), posted: now(), seq: 2 });
    expect(Atomics.load(acks, 2)).toBe(0);
    await journal.idle();
    expect(Atomics.load(acks, 2)).toBe(2);
    expect(held(dir, 'b~1')).toBe('川');
    // A file another page holds cannot be opened: failed, said, and still acknowledged (nobody waits forever).
    dir.held.add('c~1');
    journal.receive({ op: 'write', name: 'c~1', sealed: bytes('海'), posted: now(), seq: 3 });
    await journal.idle();
    expect(replies).toContainEqual({ op: 'failed', name: 'c~1' });
    expect(Atomics.load(acks, 3)).toBe(3);
    // Slots are reused (seq % 8) and only move forward: a late older write does not undo a newer mark.
    journal.receive({ op: 'write', name: 'a~1', sealed: bytes('空'), posted: now(), seq: 9 });
    expect(Atomics.load(acks, 1)).toBe(9);
  });
});

describe('the input handler’s wait for its write', () => {
  it('returns as soon as the slot says written, and gives up after the time allowed', () => {
    const acks = new Int32Array(new SharedArrayBuffer(4 * 8));
    let clock = 0;
    const tick = () => clock++;
    Atomics.store(acks, 3, 3);
    expect(awaitAck(acks, 3, 300, tick)).toBe(true);
    // Slot 3 holding 3 does not answer for write 11 (the same slot, one round later).
    clock = 0;
    expect(awaitAck(acks, 11, 300, tick)).toBe(false);
    expect(clock).toBeGreaterThanOrEqual(300);
    // Written meanwhile by the worker (here: as the clock passes 50).
    clock = 0;
    expect(
      awaitAck(acks, 12, 300, () => {
        if (clock === 50) Atomics.store(acks, 4, 12);
        return clock++;
      })
    ).toBe(true);
    expect(clock).toBeLessThan(60);
  });
});
