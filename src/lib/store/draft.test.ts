import { afterEach, describe, expect, it, vi } from 'vitest';
import { Draft } from './draft.svelte';
import { getDraft, putDraft } from './drafts';
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

  describe('two tabs on one nested form (a memo keeps its fields under `content`)', () => {
    const start = { content: { findings: '', nextAppointment: '', vitals: { pulse: '' } }, baseRev: 0 };
    type Memo = typeof start;
    /** Another tab's write, as its Draft would put it. */
    const otherTab = (value: Memo) =>
      putDraft({
        key: 'memo:1',
        value,
        updatedAt: new Date().toISOString(),
        tabId: 'other',
        sessionId: ''
      });

    it('takes the field the other tab typed and keeps the one typed here, both ways', async () => {
      const d = new Draft<Memo>('memo:1', structuredClone(start));
      await d.start();
      d.value.content.findings = '咽頭発赤';
      d.changed();
      await d.flush();
      // The other tab had not seen 所見 yet and typed 次回予約.
      await otherTab({ ...start, content: { ...start.content, nextAppointment: '1週間後' } });
      await vi.waitFor(() => expect(d.value.content.nextAppointment).toBe('1週間後'));
      expect(d.value.content.findings).toBe('咽頭発赤');
      expect(d.conflict).toBe(null);
      // What this tab holds now (both fields) is written back for the other tab to take.
      await vi.waitFor(async () =>
        expect((await getDraft<Memo>('memo:1'))?.value.content).toMatchObject({
          findings: '咽頭発赤',
          nextAppointment: '1週間後'
        })
      );
      d.dispose();
    });

    it('a field both tabs changed differently is asked about, and "theirs" takes only that field', async () => {
      const d = new Draft<Memo>('memo:1', structuredClone(start));
      await d.start();
      d.value.content.findings = 'A';
      d.value.content.vitals.pulse = '70';
      d.changed();
      await d.flush();
      await otherTab({ ...start, content: { ...start.content, findings: 'B' } });
      await vi.waitFor(() => expect(d.conflict).not.toBe(null));
      expect(d.value.content.findings).toBe('A');
      d.useTheirs();
      expect(d.value.content).toEqual({ findings: 'B', nextAppointment: '', vitals: { pulse: '70' } });
      d.dispose();
    });
  });
});
