// The current UI language as shared reactive state; components call t() and re-render on a switch.
import { translate, type MessageValues } from './translate';
import type { Locale, MessageKey } from './keys';
import type { Problem } from '../result';

const STORAGE_KEY = 'tebikae.locale';

class LocaleState {
  current = $state<Locale>('ja');

  constructor() {
    if (typeof localStorage !== 'undefined') {
      const saved = localStorage.getItem(STORAGE_KEY);
      if (saved === 'ja' || saved === 'en') this.current = saved;
    }
  }

  set(locale: Locale) {
    this.current = locale;
    if (typeof localStorage !== 'undefined') localStorage.setItem(STORAGE_KEY, locale);
    if (typeof document !== 'undefined') document.documentElement.lang = locale;
  }

  toggle() {
    this.set(this.current === 'ja' ? 'en' : 'ja');
  }
}

export const locale = new LocaleState();

/** Translate a key in the current locale (reactive inside components). */
export function t(key: MessageKey, values?: MessageValues): string {
  return translate(locale.current, key, values);
}

/** Translate a Problem returned by a domain rule or the store. */
export function tp(problem: Problem): string {
  return translate(locale.current, problem.key, problem.values);
}
