// The early lock screen: a classic script of its own (scripts/build-boot.mjs), run by every page's HTML before
// the app's modules load. On a device with a vault it draws the lock screen at once — passcode field, number
// keys, ロック解除, the language switch — so staff type while the app, Dexie and the shell load behind it.
// It checks nothing itself: the app's LockScreen takes what was typed (boot-handoff.ts) and unlocks. Plain DOM,
// no framework, only the words it shows: it must cost the first screen next to nothing.

import { ja as vaultJa } from '../i18n/messages/vault';
import { en as vaultEn } from '../i18n/messages/en/vault';
import { ja as commonJa } from '../i18n/messages/common';
import { en as commonEn } from '../i18n/messages/en/common';
import { LOCALE_STORAGE_KEY } from '../i18n/keys';
import { VAULT_HINT, VAULT_HINT_KEY, type BootLock, type BootLockState } from './boot-handoff';

/** After ロック解除, how long the app may take to arrive before the screen says it did not. */
const STUCK_AFTER_MS = 20_000;

type Locale = BootLockState['locale'];

const words = (locale: Locale) => {
  const v = locale === 'en' ? vaultEn : vaultJa;
  return {
    title: v['vault.lock.title'],
    explain: v['vault.lock.explain'],
    passcode: v['vault.field.passcode'],
    keypad: v['vault.lock.keypad'],
    clearAll: v['vault.lock.clearAll'],
    backspace: v['vault.lock.backspace'],
    unlock: v['vault.lock.unlock'],
    working: v['vault.lock.working'],
    useRecovery: v['vault.lock.useRecovery'],
    stuck: v['vault.boot.stuck'],
    reload: v['vault.boot.reload'],
    switchLanguage: (locale === 'en' ? commonEn : commonJa)['locale.switch']
  };
};

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/**
 * The app's own base rules (src/app.css: colours, type, buttons, fields), put here at build time by
 * scripts/build-boot.mjs: the app's stylesheets load after this screen is drawn, and change nothing on it.
 */
declare const __BOOT_BASE_CSS__: string;

const STYLE = `${__BOOT_BASE_CSS__}
.boot-lock{position:fixed;inset:0;z-index:2147483647;width:100vw;height:100dvh;max-width:none;max-height:none;margin:0;padding:0;border:none;background:var(--bg,#f7f5ef);color:var(--ink,#1d1d1b);overflow:auto}
.boot-lock::backdrop{background:var(--bg,#f7f5ef)}
.boot-lock .inner{max-width:34rem;margin:0 auto;padding:1.5rem 1rem 3rem}
.boot-lock .top{display:flex;align-items:center;justify-content:space-between;gap:1rem}
.boot-lock .lang{min-height:48px}
.boot-lock svg{vertical-align:-0.12em}
.boot-lock input{font-size:1.6rem;letter-spacing:.3em;min-height:64px;width:100%;box-sizing:border-box}
.boot-lock .keypad{display:grid;grid-template-columns:repeat(3,1fr);gap:.6rem;margin:0 0 1rem}
.boot-lock .keypad button{min-height:72px;font-size:1.6rem}
.boot-lock .keypad button:nth-child(10){font-size:1rem}
.boot-lock .big{width:100%;min-height:64px;font-size:1.25rem}
.boot-lock .other{display:flex;flex-direction:column;gap:.75rem;margin-top:1.5rem}
.boot-lock .stuck{border:2px solid var(--danger,#b3261e);background:var(--danger-bg,#fdecea);border-radius:var(--radius,.5rem);padding:.5rem 1rem;margin:0 0 1rem}
`;

/**
 * The screen's markup, words left out (render() fills every [data-w] with its word, [data-w-label] names an
 * element): one parse of one string, cheaper on a slow tablet than building the nodes one call at a time.
 * The same parts in the same places as the app's LockScreen.
 */
const MARKUP = `<div class="inner">
<div class="top"><h1><svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true"><rect x="4" y="10" width="16" height="11" rx="2" fill="currentColor"/><path d="M8 10V7a4 4 0 0 1 8 0v3" fill="none" stroke="currentColor" stroke-width="2.4"/></svg> <span data-w="title"></span></h1><button type="button" class="lang" data-w="switchLanguage"></button></div>
<div class="stuck" role="alert" hidden><p data-w="stuck"></p><button type="button" data-w="reload"></button></div>
<p data-w="explain"></p>
<form><div class="field"><label for="boot-passcode" data-w="passcode"></label><input id="boot-passcode" type="password" autocomplete="current-password" autocapitalize="off" spellcheck="false" autofocus></div>
<div class="keypad" role="group" data-w-label="keypad">${[1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => `<button type="button" data-key="${d}">${d}</button>`).join('')}<button type="button" data-key="clear" data-w="clearAll"></button><button type="button" data-key="0">0</button><button type="button" data-key="back" data-w-label="backspace">⌫</button></div>
<button type="submit" class="primary big" data-w="unlock"></button></form>
<div class="other"><button type="button" data-w="useRecovery"></button></div>
</div>`;

/** Draw the early lock screen if this device has a vault; returns its handle (also left on window for the app). */
function showBootLock(): BootLock | null {
  if (read(VAULT_HINT_KEY) !== VAULT_HINT) return null;
  let locale: Locale = read(LOCALE_STORAGE_KEY) === 'en' ? 'en' : 'ja';
  let submitted = false;
  let mode: BootLockState['mode'] = 'passcode';
  let stuckTimer: ReturnType<typeof setTimeout> | undefined;

  const dialog = document.createElement('dialog');
  dialog.className = 'boot-lock';
  dialog.dataset.testid = 'boot-lock';
  dialog.innerHTML = `<style>${STYLE}</style>${MARKUP}`;
  const find = <E extends Element>(selector: string) => dialog.querySelector<E>(selector)!;
  const input = find<HTMLInputElement>('input');
  const form = find<HTMLFormElement>('form');
  const submit = find<HTMLButtonElement>('[type=submit]');
  const recovery = find<HTMLButtonElement>('[data-w=useRecovery]');
  const stuck = find<HTMLElement>('.stuck');

  function render() {
    const w = words(locale);
    document.documentElement.lang = locale;
    dialog.setAttribute('aria-label', w.title);
    for (const node of dialog.querySelectorAll<HTMLElement>('[data-w]'))
      node.textContent = w[node.dataset.w as keyof typeof w];
    for (const node of dialog.querySelectorAll<HTMLElement>('[data-w-label]'))
      node.setAttribute('aria-label', w[node.dataset.wLabel as keyof typeof w]);
    // "Checking…" on what was tapped: ロック解除, or the recovery-code way in.
    if (submitted) (mode === 'recovery' ? recovery : submit).textContent = w.working;
    submit.disabled = submitted;
    recovery.disabled = submitted;
  }

  /** Wait for the app to check what was asked; if it never comes (its files missing), say so with a way out. */
  function waitForApp() {
    render();
    stuckTimer = setTimeout(() => {
      stuck.hidden = false;
    }, STUCK_AFTER_MS);
  }

  dialog.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[type=button]');
    const key = button?.dataset.key;
    if (key)
      input.value = key === 'back' ? input.value.slice(0, -1) : key === 'clear' ? '' : input.value + key;
    else if (button?.classList.contains('lang')) {
      locale = locale === 'ja' ? 'en' : 'ja';
      try {
        localStorage.setItem(LOCALE_STORAGE_KEY, locale);
      } catch {
        // The switch still holds on this screen and is handed to the app.
      }
      render();
    } else if (button === recovery) {
      mode = 'recovery';
      submitted = true;
      waitForApp();
    } else if (button?.dataset.w === 'reload') location.reload();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (submitted || input.value === '') return;
    submitted = true;
    waitForApp();
  });
  // Escape or a back gesture must not close it: refused, and if the browser closes it anyway (a second Escape
  // without a tap in between is not refusable) it opens again, as the app's own cover does. (The close event
  // comes a task later: by then the modal upgrade below has reopened it, and a removed one is not connected.)
  dialog.addEventListener('cancel', (event) => event.preventDefault());
  dialog.addEventListener('close', () => {
    if (dialog.isConnected && !dialog.open) dialog.showModal();
  });
  render();
  // Shown open, then made modal after its first frame; the field takes the focus by its autofocus, at that
  // frame. showModal() or focus() now would lay the page out at once, which on a slow tablet holds the screen
  // back by a tenth of a second. Nothing is under it yet (the app renders nothing before it is unlocked), and
  // it is modal (all beneath inert) long before the app's shell mounts.
  dialog.open = true;
  document.body.append(dialog);
  requestAnimationFrame(() =>
    setTimeout(() => {
      if (!dialog.isConnected || !dialog.open || dialog.matches(':modal')) return;
      const { selectionStart, selectionEnd } = input;
      const focused = document.activeElement;
      dialog.close();
      dialog.showModal();
      if (focused instanceof HTMLElement && dialog.contains(focused)) focused.focus();
      if (focused === input) input.setSelectionRange(selectionStart, selectionEnd);
    })
  );

  /** Gone from the page, the passcode with it (not left in a detached field until collected). */
  const remove = () => {
    clearTimeout(stuckTimer);
    dialog.remove();
    input.value = '';
  };
  return {
    take() {
      const state: BootLockState = { passcode: input.value, submitted, mode, locale };
      remove();
      return state;
    },
    drop() {
      remove();
      return locale;
    }
  };
}

const boot = typeof document !== 'undefined' ? showBootLock() : null;
if (boot) {
  window.__tebikaeBootLock = boot;
  // The benchmark's "interactive" point for a locked device: the screen's handlers are live (the number keys,
  // ロック解除); the keyboard's focus comes with its first frame (autofocus), which the bench's paint figure shows.
  performance.mark('tebikae:interactive');
}
