// The current UI language as shared reactive state; components call t() and re-render on a switch.
import { registerMessages, translate, type MessageValues } from './translate';
import { LOCALE_STORAGE_KEY as STORAGE_KEY, type Locale, type MessageKey } from './keys';
import type { Problem } from '../result';

/** English is a separate chunk (kept out of the first view); the service worker precaches it for offline use. */
async function loadEnglish(): Promise<void> {
  const { en } = await import('./messages/en/index');
  registerMessages('en', en);
}

class LocaleState {
  current = $state<Locale>('ja');
  /** Whether English messages are loaded (error messages show both languages once they are). */
  englishReady = $state(false);

  constructor() {
    if (typeof localStorage !== 'undefined' && localStorage.getItem(STORAGE_KEY) === 'en')
      void this.set('en');
  }

  async ensureEnglish(): Promise<void> {
    if (this.englishReady) return;
    await loadEnglish();
    this.englishReady = true;
  }

  /** Counts calls to set(), so the last choice wins even if an earlier one is still loading English. */
  #choices = 0;

  async set(locale: Locale): Promise<void> {
    const choice = ++this.#choices;
    if (locale === 'en') await this.ensureEnglish();
    if (choice !== this.#choices) return;
    this.current = locale;
    if (typeof localStorage !== 'undefined') localStorage.setItem(STORAGE_KEY, locale);
    if (typeof document !== 'undefined') document.documentElement.lang = locale;
  }

  toggle(): Promise<void> {
    return this.set(this.current === 'ja' ? 'en' : 'ja');
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
