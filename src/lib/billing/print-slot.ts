// The 預り証 button is the paper domain's (paper depends on billing, never the other way): the page that
// shows bills provides it here, and the billing screens render whatever they were given.
import { getContext, setContext, type Component } from 'svelte';
import type { Arrival } from '../reception/model';
import type { Bill } from './model';

export type SlipPrinter = Component<{ bill: Bill; arrival: Arrival | undefined }>;

const key = Symbol('slip-printer');

/** Called by the page (a composition root) during its own initialisation. */
export function provideSlipPrinter(printer: SlipPrinter): void {
  setContext(key, printer);
}

/** The 預り証 button for a bill, or undefined where no page provided one. */
export function slipPrinter(): SlipPrinter | undefined {
  return getContext<SlipPrinter | undefined>(key);
}
