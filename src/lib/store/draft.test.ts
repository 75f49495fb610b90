import { afterEach, describe, expect, it } from 'vitest';
import { Draft } from './draft.svelte';
import { getDraft } from './drafts';
import { deleteDataDb } from './db';
import { unsavedForms } from './unsaved.svelte';

afterEach(async () => {
  await deleteDataDb();
});

describe('Draft', () => {
  it('writes every change and restores it in a new form instance (a reload)', async () => {
    const a = new Draft('form:1', { name: '', note: '' }, { sessionId: 's1' });
    await a.start();
    a.value.name = '山田';
    a.changed();
    a.value.note = '発熱';
    a.changed();
    await a.flush();
    a.dispose();
    const row = await getDraft<{ name: string; note: string }>('form:1');
    expect(row?.value).toEqual({ name: '山田', note: '発熱' });
    expect(row?.sessionId).toBe('s1');

    const b = new Draft('form:1', { name: '', note: '' });
    await b.start();
    expect(b.value).toEqual({ name: '山田', note: '発熱' });
    expect(b.restored).toBe(true);
    b.dispose();
  });

  it('marks the form unsaved while it differs from its start, and forgets the draft on clear', async () => {
    const d = new Draft('form:2', { name: '' });
    await d.start();
    d.value.name = 'x';
    d.changed();
    expect(unsavedForms.any).toBe(true);
    await d.flush();
    await d.clear();
    expect(unsavedForms.any).toBe(false);
    expect(await getDraft('form:2')).toBeUndefined();
    expect(d.value).toEqual({ name: '' });
    d.dispose();
  });
});
