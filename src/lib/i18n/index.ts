// Public face of i18n: t() for components, translate() for pure code, types for keys.
export { t, tp, locale } from './locale.svelte';
export { translate, type MessageValues } from './translate';
export type { MessageKey, Locale } from './keys';
