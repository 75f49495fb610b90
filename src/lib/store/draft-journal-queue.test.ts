import { describe, expect, it } from 'vitest';
import { JournalFiles, unframe } from './draft-journal-file';
import { JournalQueue } from './draft-journal-queue';
import type { JournalReply } from './draft-journal';
import { AckSlots, AckWaiter } from './draft-journal-acks';
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

  it('marks each write done in the shared slots: at once, after its file opens, or failed', async () => {
    const { dir, replies, journal } = await started();
    const view = new Int32Array(new SharedArrayBuffer(4 * 2048));
    const slots = new AckSlots(view);
    journal.receive({ op: 'acks', acks: view });
    // The open file: written and marked before receive returns.
    journal.receive({ op: 'write', name: 'a~1', sealed: bytes('山'), posted: now(), seq: 1 });
    expect([slots.done(1), slots.failed(1)]).toEqual([true, false]);
    // A file not open yet: marked once opened and written, not before.
    journal.receive({ op: 'write', name: 'b~1', sealed: bytes('川'), posted: now(), seq: 2 });
    expect(slots.done(2)).toBe(false);
    await journal.idle();
    expect([slots.done(2), slots.failed(2)]).toEqual([true, false]);
    expect(held(dir, 'b~1')).toBe('川');
    // A file another page holds cannot be opened: said, and marked failed (the page keeps it elsewhere at once).
    dir.held.add('c~1');
    journal.receive({ op: 'write', name: 'c~1', sealed: bytes('海'), posted: now(), seq: 3 });
    await journal.idle();
    expect(replies).toContainEqual({ op: 'failed', name: 'c~1' });
    expect([slots.done(3), slots.failed(3)]).toEqual([true, true]);
    // Behind a purge: the file is reopened, written and marked.
    journal.receive({ op: 'removeAll' });
    journal.receive({ op: 'write', name: 'a~1', sealed: bytes('空'), posted: now(), seq: 4 });
    await journal.idle();
    expect([slots.done(4), slots.failed(4), held(dir, 'a~1')]).toEqual([true, false, '空']);
  });

  it('marks writes even where the worker has no files (nobody waits forever)', async () => {
    const view = new Int32Array(new SharedArrayBuffer(4 * 2048));
    const journal = new JournalQueue(Promise.resolve(null), () => {});
    journal.receive({ op: 'acks', acks: view });
    journal.receive({ op: 'write', name: 'a~1', sealed: bytes('山'), posted: now(), seq: 7 });
    await journal.idle();
    expect(new AckSlots(view).done(7)).toBe(true);
  });
});

describe('the shared slots and the input handler’s wait', () => {
  const slots = () => new AckSlots(new Int32Array(new SharedArrayBuffer(4 * 2048)));

  it('a slot only moves forward: an older write finishing late does not undo a newer mark', () => {
    const s = slots();
    s.mark(1025, true); // slot 1, one round later
    s.mark(1, false);
    expect(s.done(1025)).toBe(true);
    expect(s.failed(1025)).toBe(false);
    // Slot 1 holding 1025 does not answer for a write two rounds later.
    expect(s.done(2049)).toBe(false);
  });

  it('returns as soon as the write is done, says whether it failed, and gives up after the time allowed', () => {
    const s = slots();
    let clock = 0;
    const waiter = new AckWaiter(s, 300, () => clock++);
    s.mark(1, true);
    expect(waiter.wait(1)).toBe('written');
    s.mark(2, false);
    expect(waiter.wait(2)).toBe('failed');
    // Done meanwhile by the worker (here: as the clock passes 50).
    clock = 0;
    const during = new AckWaiter(s, 300, () => {
      if (clock === 50) s.mark(3, true);
      return clock++;
    });
    expect(during.wait(3)).toBe('written');
    expect(clock).toBeLessThan(60);
    // Never done: gives up after 300.
    clock = 0;
    expect(waiter.wait(4)).toBe('late');
    expect(clock).toBeGreaterThanOrEqual(300);
  });

  it('does not wait again while a write it gave up on is still not done; waits again once it is', () => {
    const s = slots();
    let clock = 0;
    const waiter = new AckWaiter(s, 300, () => clock++);
    expect(waiter.wait(1)).toBe('late');
    clock = 0;
    s.mark(2, true);
    expect(waiter.wait(2)).toBe('unwaited');
    expect(waiter.wait(3)).toBe('unwaited');
    expect(clock).toBe(0);
    s.mark(1, true);
    s.mark(4, true);
    expect(waiter.wait(4)).toBe('written');
  });
});
