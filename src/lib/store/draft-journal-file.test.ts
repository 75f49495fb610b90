import { describe, expect, it } from 'vitest';
import { JournalFiles, frame, unframe } from './draft-journal-file';
import { MemoryJournalDir } from './memory-journal-dir';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (b: Uint8Array | null) => (b ? new TextDecoder().decode(b) : null);

describe('journal file records', () => {
  it('frames an entry with its length; a cut-short or empty file holds none', () => {
    const record = frame(bytes('sealed entry'));
    expect(text(unframe(record))).toBe('sealed entry');
    expect(unframe(record.subarray(0, record.length - 1))).toBeNull();
    expect(unframe(new Uint8Array(0))).toBeNull();
    expect(unframe(frame(new Uint8Array(0)))).toBeNull();
  });

  it('a process killed between writing a shorter entry and cutting the file still reads the new entry', () => {
    const long = frame(bytes('the longer older entry'));
    const short = frame(bytes('newer'));
    const file = new Uint8Array(long);
    file.set(short, 0); // written in place, not yet cut to length
    expect(text(unframe(file))).toBe('newer');
  });
});

describe('JournalFiles', () => {
  it('keeps the newest entry per file, written in place, without an fsync per write', async () => {
    const dir = new MemoryJournalDir();
    const files = new JournalFiles(dir);
    expect(await files.prepare('form~tab')).toBe(true);
    for (const t of ['山', '山田', '山田 花子', '山']) await files.write('form~tab', bytes(t));
    expect(text(unframe(dir.files.get('form~tab')!))).toBe('山');
    // One write per keystroke: the longer record's tail stays (the length skips it) until the form leaves.
    expect(dir.files.get('form~tab')!.length).toBe(4 + bytes('山田 花子').length);
    expect(dir.flushes).toBe(0);
    files.flush();
    expect(dir.flushes).toBe(1);
    await files.close('form~tab');
    expect(dir.files.get('form~tab')!.length).toBe(4 + bytes('山').length);
    expect(text(unframe(dir.files.get('form~tab')!))).toBe('山');
  });

  it('asks the browser for room when a file opens, so no keystroke waits for it', async () => {
    const dir = new MemoryJournalDir();
    const files = new JournalFiles(dir);
    await files.prepare('form~tab');
    expect(dir.roomRequests).toBe(1);
    expect(dir.files.get('form~tab')!.length).toBe(0);
    for (const t of ['山', '山田', '山田 花子']) expect(files.writeOpen('form~tab', bytes(t))).toBe(true);
    expect(dir.roomRequests).toBe(1);
    // A file reopened with an entry in it keeps the entry.
    await files.close('form~tab');
    await files.prepare('form~tab');
    expect(text(unframe(dir.files.get('form~tab')!))).toBe('山田 花子');
  });

  it('reads the closed files of ended pages and forms; skips files a form still open here or elsewhere holds', async () => {
    const dir = new MemoryJournalDir();
    const ended = new JournalFiles(dir);
    await ended.write('form~dead', bytes('dead page'));
    await ended.close('form~dead');
    const other = new JournalFiles(dir);
    await other.write('form~live', bytes('live page'));
    const mine = new JournalFiles(dir);
    await mine.write('form~mine', bytes('this page'));
    await mine.write('other-form~mine', bytes('another form'));
    const found = await mine.read('form~');
    expect(found.map((f) => [f.name, text(f.sealed)])).toEqual([['form~dead', 'dead page']]);
    // A form of this page that left: its file is closed, and read like an ended page's.
    await mine.close('form~mine');
    expect((await mine.read('form~')).map((f) => f.name).sort()).toEqual(['form~dead', 'form~mine']);
  });

  it('empty keeps an open file open (the next keystroke needs no open); close removes an empty file', async () => {
    const dir = new MemoryJournalDir();
    const files = new JournalFiles(dir);
    await files.write('f~t', bytes('x'));
    await files.empty('f~t');
    expect(dir.files.get('f~t')).toHaveLength(0);
    expect(dir.held.has('f~t')).toBe(true);
    await files.close('f~t');
    expect(dir.files.has('f~t')).toBe(false);
    // A file of an ended page, emptied once merged: removed.
    await files.write('g~dead', bytes('y'));
    await files.close('g~dead');
    await files.empty('g~dead');
    expect(dir.files.has('g~dead')).toBe(false);
  });

  it('removeAll lets go of every file and removes it', async () => {
    const dir = new MemoryJournalDir();
    const files = new JournalFiles(dir);
    await files.write('a~t', bytes('1'));
    await files.write('b~t', bytes('2'));
    await files.removeAll();
    expect([...dir.files.keys()]).toEqual([]);
  });
});
