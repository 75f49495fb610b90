import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Draft } from './draft.svelte';
import { getDraft, putDraft } from './drafts';
import { deleteDataDb } from './db';
import { clearAllJournals, journalCount, journalDraft, readJournal } from './draft-journal';
import { forgetKeys, unlockForTests } from './session-key';

class MemoryStorage {
  #items = new Map<string, string>();
  get length() {
    return this.#items.size;
  }
  key(i: number) {
    return [...this.#items.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.#items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.#items.set(k, String(v));
  }
  removeItem(k: string) {
    this.#items.delete(k);
  }
  dump() {
    return [...this.#items.values()].join('\n');
  }
}

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
  vi.stubGlobal('localStorage', storage);
});
afterEach(async () => {
  vi.unstubAllGlobals();
  unlockForTests();
  await deleteDataDb();
});

const entry = (value: object, base: object, at: string, tab = 'dead-page') => ({ value, base, at, tab });

describe('draft journal (write-ahead before IndexedDB commits)', () => {
  it('journals each change synchronously, sealed: no name in clear; kept while the form is open, gone once it leaves stored', async () => {
    const d = new Draft('form:j1', { name: '' });
    await d.start();
    d.value.name = '山田花子';
    d.changed();
    // Before any await: the journal already holds it.
    expect((await readJournal<{ name: string }>('form:j1')).map((e) => e.value)).toEqual([
      { name: '山田花子' }
    ]);
    expect(storage.dump()).not.toContain('山田');
    await d.flush();
    // IndexedDB said it committed, but a browser killed now can come back without it: the entry stays.
    expect(journalCount()).toBe(1);
    d.dispose();
    await vi.waitFor(() => expect(journalCount()).toBe(0));
  });

  it('a second draft of the same form on the same page leaving does not empty the first one’s entry', async () => {
    const first = new Draft('form:j7', { name: '' });
    await first.start();
    const second = new Draft('form:j7', { name: '' });
    await second.start();
    first.value.name = '一つ目';
    first.changed();
    await first.flush();
    second.dispose();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await readJournal<{ name: string }>('form:j7')).map((e) => e.value)).toEqual([
      { name: '一つ目' }
    ]);
    first.dispose();
  });

  it('an entry says when its value was stored: a start finding that row or a newer one drops it; an older row (the commit lost) takes it', async () => {
    const d = new Draft('form:j10', { name: '' });
    await d.start();
    d.value.name = '山田';
    d.changed();
    await d.flush();
    const row = await getDraft<{ name: string }>('form:j10');
    expect((await readJournal<{ name: string }>('form:j10')).map((e) => e.committedAt)).toEqual([
      row?.updatedAt
    ]);
    d.dispose();

    // 'abc' was stored at 10:00:01.5 by page A (its entry says so); the start finds a row stored at `storedAt`.
    const startOver = async (key: string, storedAt: string) => {
      await putDraft({ key, value: { name: 'ab' }, updatedAt: storedAt, tabId: 'B', sessionId: '' });
      journalDraft(key, {
        ...entry({ name: 'abc' }, { name: 'ab' }, '2026-11-25T10:00:01.000Z', 'A'),
        committedAt: '2026-11-25T10:00:01.500Z'
      });
      const draft = new Draft(key, { name: '' });
      await draft.start();
      return draft;
    };
    // Stored, then changed by another tab (a character deleted): the entry must not bring it back.
    const later = await startOver('form:j8', '2026-11-25T10:00:05.000Z');
    expect(later.value).toEqual({ name: 'ab' });
    expect(journalCount()).toBe(0);
    later.dispose();
    // The commit lost with the browser: the row found is older than the entry's commit.
    const lost = await startOver('form:j9', '2026-11-25T10:00:00.000Z');
    expect(lost.value).toEqual({ name: 'abc' });
    lost.dispose();
  });

  it('a change journalled but never stored (the page ended) is restored and stored on the next start', async () => {
    await putDraft({
      key: 'form:j2',
      value: { name: '山田' },
      updatedAt: '2026-11-25T10:00:00.000Z',
      tabId: 'x',
      sessionId: ''
    });
    journalDraft('form:j2', entry({ name: '山田 太郎' }, { name: '山田' }, '2026-11-25T10:00:01.000Z'));
    const d = new Draft('form:j2', { name: '' });
    await d.start();
    expect(d.value).toEqual({ name: '山田 太郎' });
    expect(d.restored).toBe(true);
    await d.flush();
    expect((await getDraft<{ name: string }>('form:j2'))?.value).toEqual({ name: '山田 太郎' });
    // The dead page's entry is gone; this draft's own entry holds the merged value until it leaves.
    expect((await readJournal<{ name: string }>('form:j2')).map((e) => [e.tab, e.value])).toEqual([
      [expect.not.stringMatching(/^dead-page$/), { name: '山田 太郎' }]
    ]);
    d.dispose();
    await vi.waitFor(() => expect(journalCount()).toBe(0));
  });

  it('a page that had not yet seen another tab’s saved field does not wipe it on restore', async () => {
    // Tab A typed and stored field1; tab B, not yet merged, typed field2 and died before storing.
    await putDraft({
      key: 'form:j3',
      value: { field1: 'A', field2: '' },
      updatedAt: '2026-11-25T10:00:00.000Z',
      tabId: 'A',
      sessionId: ''
    });
    journalDraft(
      'form:j3',
      entry({ field1: '', field2: 'B' }, { field1: '', field2: '' }, '2026-11-25T10:00:01.000Z', 'B')
    );
    const d = new Draft('form:j3', { field1: '', field2: '' });
    await d.start();
    expect(d.value).toEqual({ field1: 'A', field2: 'B' });
    await d.flush();
    expect((await getDraft<object>('form:j3'))?.value).toEqual({ field1: 'A', field2: 'B' });
    d.dispose();
    await vi.waitFor(() => expect(journalCount()).toBe(0));
  });

  it('one tab storing its value leaves another tab’s entry alone', async () => {
    const a = new Draft('form:j4', { note: '' });
    await a.start();
    journalDraft(
      'form:j4',
      entry({ note: 'B の入力' }, { note: '' }, '2026-11-25T10:00:01.000Z', 'other-tab')
    );
    a.value.note = 'A の入力';
    a.changed();
    await a.flush();
    a.dispose();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await readJournal('form:j4')).map((e) => e.tab)).toEqual(['other-tab']);
  });

  it('an entry that adds nothing to what is stored is dropped', async () => {
    await putDraft({
      key: 'form:j5',
      value: { name: 'new' },
      updatedAt: '2026-11-25T10:00:00.000Z',
      tabId: 'x',
      sessionId: ''
    });
    journalDraft('form:j5', entry({ name: 'new' }, { name: 'old' }, '2026-11-25T09:00:00.000Z'));
    const d = new Draft('form:j5', { name: '' });
    await d.start();
    expect(d.value).toEqual({ name: 'new' });
    expect(journalCount()).toBe(0);
    d.dispose();
  });

  it('nothing is journalled while the vault is locked, and an entry from another key does not open', async () => {
    forgetKeys();
    expect(journalDraft('form:j6', entry({ name: 'x' }, { name: '' }, '2026-11-25T10:00:00.000Z'))).toBe(
      false
    );
    expect(journalCount()).toBe(0);
    unlockForTests();
    journalDraft('form:j6', entry({ name: 'x' }, { name: '' }, '2026-11-25T10:00:00.000Z'));
    unlockForTests(); // a different data key
    expect(await readJournal('form:j6')).toEqual([]);
    clearAllJournals();
    expect(journalCount()).toBe(0);
  });
});
