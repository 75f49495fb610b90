import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Draft } from './draft.svelte';
import { getDraft, putDraft } from './drafts';
import { deleteDataDb } from './db';
import { clearAllJournals, journalCount, journalDraft, readJournal } from './draft-journal';
import { forgetKeys, unlockForTests } from '../vault/session-key';

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

describe('draft journal (write-ahead before IndexedDB commits)', () => {
  it('journals each change synchronously, sealed: no name in clear', async () => {
    const d = new Draft('form:j1', { name: '' });
    await d.start();
    d.value.name = '山田花子';
    d.changed();
    // Before any await: the journal already holds it.
    expect(readJournal<{ name: string }>('form:j1')?.value).toEqual({ name: '山田花子' });
    expect(storage.dump()).not.toContain('山田');
    expect(storage.dump()).not.toContain(btoa(encodeURIComponent('山田')));
    await d.flush();
    // Committed to IndexedDB: the journal entry is gone.
    expect(journalCount()).toBe(0);
    d.dispose();
  });

  it('a change journalled but never committed (page ended) is restored and written on the next start', async () => {
    await putDraft({
      key: 'form:j2',
      value: { name: '山田' },
      updatedAt: '2026-11-25T10:00:00.000Z',
      tabId: 'x',
      sessionId: ''
    });
    journalDraft('form:j2', { name: '山田 太郎' }, '2026-11-25T10:00:01.000Z');
    const d = new Draft('form:j2', { name: '' });
    await d.start();
    expect(d.value).toEqual({ name: '山田 太郎' });
    expect(d.restored).toBe(true);
    await d.flush();
    expect((await getDraft<{ name: string }>('form:j2'))?.value).toEqual({ name: '山田 太郎' });
    expect(journalCount()).toBe(0);
    d.dispose();
  });

  it('an older journal entry than the stored draft is dropped', async () => {
    journalDraft('form:j3', { name: 'old' }, '2026-11-25T09:00:00.000Z');
    await putDraft({
      key: 'form:j3',
      value: { name: 'new' },
      updatedAt: '2026-11-25T10:00:00.000Z',
      tabId: 'x',
      sessionId: ''
    });
    const d = new Draft('form:j3', { name: '' });
    await d.start();
    expect(d.value).toEqual({ name: 'new' });
    expect(journalCount()).toBe(0);
    d.dispose();
  });

  it('nothing is journalled while the vault is locked, and an entry from another key does not open', async () => {
    forgetKeys();
    expect(journalDraft('form:j4', { name: 'x' }, '2026-11-25T10:00:00.000Z')).toBe(false);
    expect(journalCount()).toBe(0);
    unlockForTests();
    journalDraft('form:j4', { name: 'x' }, '2026-11-25T10:00:00.000Z');
    unlockForTests(); // a different data key
    expect(readJournal('form:j4')).toBeNull();
    clearAllJournals();
    expect(journalCount()).toBe(0);
  });
});
