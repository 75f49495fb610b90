// The early lock screen: a classic script of its own (scripts/build-boot.mjs), run by every page's HTML before
// the app's modules load. On a device with a vault it draws the lock screen at once — passcode field, number
// keys, ロック解除, the language switch — so staff type while the app, Dexie and the shell load behind it.
// It checks nothing itself: the app's LockScreen takes what was typed (boot-handoff.ts) and unlocks. Plain DOM,
// no framework, only the words it shows: it must cost the first screen next to nothing.

import { ja as vaultJa } from '../i18n/messages/vault';
import { en as vaultEn } from '../i18n/messages/en/vault';
import { ja as commonJa } from '../i18n/messages/common';
import { en as commonEn } from '../i18n/messages/en/common';
import { VAULT_HINT, VAULT_HINT_KEY, type BootLock, type BootLockState } from './boot-handoff';

const LOCALE_KEY = 'tebikae.locale';
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

const STYLE = `
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

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** Draw the early lock screen if this device has a vault; returns its handle (also left on window for the app). */
function showBootLock(): BootLock | null {
  if (read(VAULT_HINT_KEY) !== VAULT_HINT) return null;
  let locale: Locale = read(LOCALE_KEY) === 'en' ? 'en' : 'ja';
  let submitted = false;
  let mode: BootLockState['mode'] = 'passcode';
  let stuckTimer: ReturnType<typeof setTimeout> | undefined;

  const dialog = el('dialog', { className: 'boot-lock' });
  dialog.dataset.testid = 'boot-lock';
  const heading = el('h1');
  const lang = el('button', { type: 'button', className: 'lang' });
  const explain = el('p');
  const label = el('label', { htmlFor: 'boot-passcode' });
  const input = el('input', {
    id: 'boot-passcode',
    type: 'password',
    autocomplete: 'current-password',
    spellcheck: false,
    autofocus: true
  });
  input.setAttribute('autocapitalize', 'off');
  const keypad = el('div', { className: 'keypad' });
  keypad.setAttribute('role', 'group');
  /** A key of the number pad; the same keys as the app's lock screen, in the same places. */
  const key = (text: string, press: (value: string) => string) => {
    const button = el('button', { type: 'button', textContent: text });
    button.addEventListener('click', () => (input.value = press(input.value)));
    return button;
  };
  const digit = (d: string) => key(d, (value) => value + d);
  const clearAll = key('', () => '');
  const backspace = key('⌫', (value) => value.slice(0, -1));
  keypad.append(...'123456789'.split('').map(digit), clearAll, digit('0'), backspace);
  const submit = el('button', { type: 'submit', className: 'primary big' });
  const stuck = el('div', { className: 'stuck', hidden: true });
  stuck.setAttribute('role', 'alert');
  const stuckText = el('p');
  const reload = el('button', { type: 'button' });
  reload.addEventListener('click', () => location.reload());
  stuck.append(stuckText, reload);
  const recovery = el('button', { type: 'button' });
  const form = el('form', {}, el('div', { className: 'field' }, label, input), keypad, submit);

  const icon = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  icon.setAttribute('viewBox', '0 0 24 24');
  icon.setAttribute('width', '1em');
  icon.setAttribute('height', '1em');
  icon.setAttribute('aria-hidden', 'true');
  icon.innerHTML =
    '<rect x="4" y="10" width="16" height="11" rx="2" fill="currentColor"/><path d="M8 10V7a4 4 0 0 1 8 0v3" fill="none" stroke="currentColor" stroke-width="2.4"/>';

  function render() {
    const w = words(locale);
    document.documentElement.lang = locale;
    dialog.setAttribute('aria-label', w.title);
    heading.replaceChildren(icon, ' ', w.title);
    lang.textContent = w.switchLanguage;
    explain.textContent = w.explain;
    label.textContent = w.passcode;
    keypad.setAttribute('aria-label', w.keypad);
    clearAll.textContent = w.clearAll;
    backspace.setAttribute('aria-label', w.backspace);
    submit.textContent = submitted ? w.working : w.unlock;
    submit.disabled = submitted;
    recovery.textContent = w.useRecovery;
    recovery.disabled = submitted;
    stuckText.textContent = w.stuck;
    reload.textContent = w.reload;
  }

  /** Wait for the app to check what was asked; if it never comes (its files missing), say so with a way out. */
  function waitForApp() {
    render();
    stuckTimer = setTimeout(() => {
      stuck.hidden = false;
    }, STUCK_AFTER_MS);
  }

  lang.addEventListener('click', () => {
    locale = locale === 'ja' ? 'en' : 'ja';
    try {
      localStorage.setItem(LOCALE_KEY, locale);
    } catch {
      // The switch still holds on this screen and is handed to the app.
    }
    render();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (submitted || input.value === '') return;
    submitted = true;
    waitForApp();
  });
  recovery.addEventListener('click', () => {
    mode = 'recovery';
    submitted = true;
    waitForApp();
  });

  const style = el('style', { textContent: STYLE });
  dialog.append(
    style,
    el(
      'div',
      { className: 'inner' },
      el('div', { className: 'top' }, heading, lang),
      stuck,
      explain,
      form,
      el('div', { className: 'other' }, recovery)
    )
  );
  // Escape must not close it (the app's own cover refuses it the same way).
  dialog.addEventListener('cancel', (event) => event.preventDefault());
  render();
  // Shown open, then made modal after its first frame: showModal() lays the page out at once, which on a
  // slow tablet holds the field back by a tenth of a second; nothing is under it yet (the app renders
  // nothing before it is unlocked), and by the time the app's shell mounts it is modal (inert beneath).
  dialog.open = true;
  document.body.append(dialog);
  input.focus();
  requestAnimationFrame(() =>
    setTimeout(() => {
      if (!dialog.isConnected || !dialog.open) return;
      const { selectionStart, selectionEnd } = input;
      const focused = document.activeElement;
      dialog.close();
      dialog.showModal();
      if (focused instanceof HTMLElement && dialog.contains(focused)) focused.focus();
      if (focused === input) input.setSelectionRange(selectionStart, selectionEnd);
    })
  );

  const remove = () => {
    clearTimeout(stuckTimer);
    dialog.remove();
  };
  return {
    take() {
      const state: BootLockState = { passcode: input.value, submitted, mode, locale };
      remove();
      return state;
    },
    drop: remove
  };
}

const boot = typeof document !== 'undefined' ? showBootLock() : null;
if (boot) {
  window.__tebikaeBootLock = boot;
  // The benchmark's "interactive" point for a locked device: the passcode field takes input now.
  performance.mark('tebikae:interactive');
}
