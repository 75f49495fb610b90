// Which forms on this page hold input that is not yet submitted: the update banner waits until none does.
import { SvelteSet } from 'svelte/reactivity';

class UnsavedForms {
  keys = new SvelteSet<string>();
  mark(key: string, dirty: boolean) {
    if (dirty) this.keys.add(key);
    else this.keys.delete(key);
  }
  get any(): boolean {
    return this.keys.size > 0;
  }
}

export const unsavedForms = new UnsavedForms();
