// Public face of i18n: t() for components, translate() for pure code, types for keys.
// The shared words (app shell, buttons, storage) are on every screen: their catalogue always loads.
import './messages/common';

export { t, tp, locale } from './locale.svelte';
export { translate, type MessageValues } from './translate';
export type { MessageKey, Locale } from './keys';
