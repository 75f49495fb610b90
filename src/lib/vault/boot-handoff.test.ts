// The early lock screen's hand-over: taken once, dropped once, and the hint kept in step with the vault.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  VAULT_HINT,
  VAULT_HINT_KEY,
  dropBootLock,
  rememberVault,
  takeBootLock,
  type BootLock
} from './boot-handoff';

const state = { passcode: '246', submitted: true, mode: 'passcode', locale: 'en' } as const;

describe('boot hand-off', () => {
  let store: Map<string, string>;
  beforeEach(() => {
    store = new Map();
    vi.stubGlobal('window', {});
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k)
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('hands over what was typed once; a second take finds nothing', () => {
    const boot: BootLock = { take: vi.fn(() => ({ ...state })), drop: vi.fn(() => 'ja' as const) };
    window.__tebikaeBootLock = boot;
    expect(takeBootLock()).toEqual(state);
    expect(takeBootLock()).toBeNull();
    expect(boot.take).toHaveBeenCalledTimes(1);
    expect(boot.drop).not.toHaveBeenCalled();
  });

  it('drops the early screen without taking it, keeping its language; nothing is handed over afterwards', () => {
    const boot: BootLock = { take: vi.fn(() => ({ ...state })), drop: vi.fn(() => 'en' as const) };
    window.__tebikaeBootLock = boot;
    expect(dropBootLock()).toBe('en');
    expect(dropBootLock()).toBeNull();
    expect(boot.drop).toHaveBeenCalledTimes(1);
    expect(takeBootLock()).toBeNull();
    expect(boot.take).not.toHaveBeenCalled();
  });

  it('keeps the hint only while there is a vault, and survives a storage that refuses', () => {
    rememberVault(true);
    expect(store.get(VAULT_HINT_KEY)).toBe(VAULT_HINT);
    rememberVault(false);
    expect(store.has(VAULT_HINT_KEY)).toBe(false);
    vi.stubGlobal('localStorage', {
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      }
    });
    expect(() => rememberVault(true)).not.toThrow();
  });
});
