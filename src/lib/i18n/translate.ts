// Pure translation: look a key up in a locale and interpolate {name} placeholders.
import { catalogue, type Locale, type MessageKey } from './keys';

export type MessageValues = Record<string, string | number>;

export function translate(locale: Locale, key: MessageKey, values?: MessageValues): string {
  const text: string = catalogue[locale][key] ?? catalogue.ja[key] ?? key;
  if (!values) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
