// The memo screen's print button is the paper domain's (paper depends on visits, never the other way):
// the page that shows the memo screen provides it here, and the screen renders whatever it was given.
import { getContext, setContext, type Component } from 'svelte';
import type { Arrival } from '../reception/model';
import type { Memo } from './model';

export type MemoPrinter = Component<{ memo: Memo; arrival: Arrival; dirty: boolean }>;

const key = Symbol('memo-printer');

/** Called by the page (a composition root) during its own initialisation. */
export function provideMemoPrinter(printer: MemoPrinter): void {
  setContext(key, printer);
}

/** The print button for a saved memo, or undefined where no page provided one (the screen shows none). */
export function memoPrinter(): MemoPrinter | undefined {
  return getContext<MemoPrinter | undefined>(key);
}
