// Keeps typed text out of the browser's own form-state save, which session restore writes to the profile in clear.
//
// Blink records the value of every edited <input>, <textarea> and <select> in the page's history state, and
// Chromium writes that state into the profile's Sessions/ files (Session_*, Tabs_*) for session restore:
// outside the vault, unsealed, still there after a lock, a restart and a purge. Blink skips a control whose
// own autocomplete attribute is "off" (HTMLFormControlElementWithState::ShouldSaveAndRestoreFormControlState),
// whatever its form says, and never saves a password input (PasswordInputType). So every control carries
// autocomplete="off"; only password inputs may keep a password manager's hint. form-state.test.ts holds
// every template in src/ to this.

import type { HTMLInputAttributes } from 'svelte/elements';

/** The autocomplete attribute an input must carry: "off", except a password input may keep the one asked for. */
export function controlAutocomplete(
  type: HTMLInputAttributes['type'],
  asked: HTMLInputAttributes['autocomplete']
): HTMLInputAttributes['autocomplete'] {
  return type === 'password' && asked ? asked : 'off';
}
