// The form controller: loads, owns and disposes its draft, saves against what was loaded, shows a
// conflict instead of overwriting, keeps what was typed during a save, and says "no staff" in one message.
import { afterEach, describe, expect, it } from 'vitest';
import { deleteDataDb } from './db';
import { table } from './index';
import { FormController, NO_STAFF } from './form.svelte';

interface Form {
  note: string;
  rev: number;
}

afterEach(async () => {
  await deleteDataDb();
});

/** A controller opened and closed as a screen's effect does (unit tests run without a component). */
function screen(options: ConstructorParameters<typeof FormController<Form, string>>[0]) {
  const form = new FormController<Form, string>(options);
  const destroy = form.open();
  return { form, destroy };
}

async function loaded(form: FormController<Form, string>) {
  await expect.poll(() => form.draft !== null || form.missing || form.loadProblem !== null).toBe(true);
}

describe('FormController', () => {
  it('loads the form’s draft, saves it, and starts clean from what was stored', async () => {
    const { form, destroy } = screen({
      loadFailed: 'visits.loadFailed',
      load: async () => ({ key: 'test.form:1', initial: { note: '', rev: 0 } })
    });
    await loaded(form);
    form.draft!.value.note = '咳';
    form.changed();
    const saved = await form.save(async (typed) => ({ ok: true, value: { ...typed, rev: typed.rev + 1 } }), {
      staff: { name: '受付 花子' }
    });
    expect(saved).toBe(true);
    expect(form.draft!.snapshot()).toEqual({ note: '咳', rev: 1 });
    expect(form.draft!.dirty).toBe(false);
    destroy();
  });

  it('the save gets what the check read, once; a check that returns null stops before anything is written', async () => {
    const { form, destroy } = screen({
      loadFailed: 'visits.loadFailed',
      load: async () => ({ key: 'test.form:5', initial: { note: ' 咳 ', rev: 0 } })
    });
    await loaded(form);
    let reads = 0;
    const check = (typed: Form) => {
      reads++;
      return typed.note.trim() || null;
    };
    let got = '';
    const saved = await form.save(
      async (typed, note: string) => {
        got = note;
        return { ok: true, value: { note, rev: typed.rev + 1 } };
      },
      { check }
    );
    expect([saved, got, reads]).toEqual([true, '咳', 1]);
    form.draft!.value.note = '  ';
    let called = false;
    expect(
      await form.save(
        async () => {
          called = true;
          return null;
        },
        { check }
      )
    ).toBe(false);
    expect(called).toBe(false);
    destroy();
  });

  it('refuses to save with nobody chosen, in the one message every form uses', async () => {
    const { form, destroy } = screen({
      loadFailed: 'visits.loadFailed',
      load: async () => ({ key: 'test.form:2', initial: { note: '', rev: 0 } })
    });
    await loaded(form);
    let called = false;
    expect(
      await form.save(
        async () => {
          called = true;
          return null;
        },
        { staff: null }
      )
    ).toBe(false);
    expect(called).toBe(false);
    expect(form.saveProblem).toEqual(NO_STAFF);
    destroy();
  });

  it('a conflict is looked up and shown, never written over; keeping mine rebases the form', async () => {
    const { form, destroy } = screen({
      loadFailed: 'visits.loadFailed',
      load: async () => ({ key: 'test.form:3', initial: { note: 'a', rev: 1 } }),
      conflict: async (mine) => `stored differs from ${mine.note}`
    });
    await loaded(form);
    form.draft!.value.note = 'b';
    form.changed();
    expect(await form.save(async () => ({ ok: false, error: { key: 'store.error.conflict' } }))).toBe(false);
    expect(form.conflict).toBe('stored differs from b');
    expect(form.saveProblem).toBeNull();
    form.keepMine((f) => (f.rev = 2));
    expect(form.conflict).toBeNull();
    expect(form.draft!.snapshot()).toEqual({ note: 'b', rev: 2 });
    destroy();
  });

  it('what is typed while the save is in flight stays on top of the stored value', async () => {
    const { form, destroy } = screen({
      loadFailed: 'visits.loadFailed',
      load: async () => ({ key: 'test.form:4', initial: { note: '', rev: 0 } })
    });
    await loaded(form);
    form.draft!.value.note = '頭痛';
    const saving = form.save(async (typed) => {
      form.draft!.value.note = '頭痛と発熱';
      return { ok: true, value: { ...typed, rev: 1 } };
    });
    expect(await saving).toBe(true);
    expect(form.draft!.snapshot()).toEqual({ note: '頭痛と発熱', rev: 0 });
    expect(form.draft!.dirty).toBe(true);
    destroy();
  });

  it('a record that does not exist says so; a failed load names the error', async () => {
    const gone = screen({ loadFailed: 'visits.loadFailed', load: async () => null });
    await loaded(gone.form);
    expect(gone.form.missing).toBe(true);
    gone.destroy();
    const broken = screen({
      loadFailed: 'visits.loadFailed',
      load: async () => {
        throw new TypeError('x');
      }
    });
    await loaded(broken.form);
    expect(broken.form.loadProblem).toEqual({ key: 'visits.loadFailed', values: { detail: 'TypeError' } });
    broken.destroy();
  });

  it('follows a newer stored version while nothing is typed, and keeps what was typed once something is', async () => {
    let stored: Form = { note: '', rev: 1 };
    const touch = (id: string) => table('memos').put({ id, note: 'x' });
    const { form, destroy } = screen({
      loadFailed: 'visits.loadFailed',
      load: async () => ({ key: 'test.form:follow', initial: { ...stored }, version: stored.rev }),
      follows: ['memos']
    });
    await loaded(form);
    // Another device's save arrives (through the hub): the untouched form shows it.
    stored = { note: '咽頭発赤あり', rev: 2 };
    await touch('a');
    await expect.poll(() => form.draft!.snapshot()).toEqual({ note: '咽頭発赤あり', rev: 2 });
    expect(form.draft!.dirty).toBe(false);
    // A write that brings no newer version changes nothing.
    await touch('b');
    // Once the user types, a newer version does not replace the input (the save will show the conflict).
    form.draft!.value.note = '咽頭発赤あり。扁桃腫大なし';
    form.changed();
    stored = { note: '別の端末の追記', rev: 3 };
    await touch('c');
    await new Promise((r) => setTimeout(r, 200));
    expect(form.draft!.snapshot()).toEqual({ note: '咽頭発赤あり。扁桃腫大なし', rev: 2 });
    destroy();
  });
});
