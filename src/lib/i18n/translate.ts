// Pure translation: look a key up in a locale's messages (Japanese as the fallback) and interpolate {name}.
import type { Locale, MessageKey, Messages } from './keys';

export type MessageValues = Record<string, string | number>;

/**
 * What is loaded so far. Japanese comes a domain at a time: each catalogue file registers itself when
 * imported, and a page imports the catalogues it shows, so they load with its code and before it
 * renders (scripts/catalogues.mjs checks that every page and lazily loaded module does). English comes
 * whole, on demand (see locale.svelte.ts).
 */
const loaded: Record<Locale, Partial<Messages>> = { ja: {}, en: {} };

/** Make messages available: a Japanese domain catalogue as it loads, or all of English. */
export function registerMessages(locale: Locale, messages: Partial<Messages>): void {
  Object.assign(loaded[locale], messages);
}

export function translate(locale: Locale, key: MessageKey, values?: MessageValues): string {
  const text: string = loaded[locale][key] ?? loaded.ja[key] ?? key;
  if (!values) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
