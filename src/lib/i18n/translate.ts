// Pure translation: look a key up in a locale's messages (Japanese as the fallback) and interpolate {name}.
import { ja, type Locale, type MessageKey, type Messages } from './keys';

export type MessageValues = Record<string, string | number>;

const loaded: Partial<Record<Locale, Messages>> = { ja };

/** Make a locale's messages available (English is loaded on demand; see locale.svelte.ts). */
export function registerMessages(locale: Locale, messages: Messages): void {
  loaded[locale] = messages;
}

export function translate(locale: Locale, key: MessageKey, values?: MessageValues): string {
  const text: string = loaded[locale]?.[key] ?? ja[key] ?? key;
  if (!values) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
