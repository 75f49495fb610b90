import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { countAll, deleteDataDb, table } from './db';
import { eraseDeviceData } from './persistence';
import { journalCount, journalDraft } from './draft-journal';

let items: Map<string, string>;
beforeEach(() => {
  items = new Map();
  vi.stubGlobal('localStorage', {
    get length() {
      return items.size;
    },
    key: (i: number) => [...items.keys()][i] ?? null,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k)
  });
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await deleteDataDb();
});

describe('eraseDeviceData (passcode and recovery code both lost)', () => {
  it('leaves no database rows, no journalled input and no install mark behind', async () => {
    await table('arrivals').put({ id: 'a1', sessionId: 's1', deviceLabel: 'A', seq: 1, name: '山田' });
    localStorage.setItem('tebikae.installId', 'install-1');
    journalDraft('form:x', {
      value: { name: '山田' },
      base: { name: '' },
      at: '2026-11-25T10:00:00.000Z',
      tab: 't'
    });
    expect(journalCount()).toBe(1);
    await eraseDeviceData();
    expect(Object.values(await countAll()).every((n) => n === 0)).toBe(true);
    expect(journalCount()).toBe(0);
    expect(localStorage.getItem('tebikae.installId')).toBeNull();
  });
});
