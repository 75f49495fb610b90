// Autosave for a form: reactive value; every change journalled at once (sealed, before the handler returns),
// then written to IndexedDB coalesced (one write in flight, the newest next; a delay only if a caller asks
// for one); flush on blur/hide/pagehide, restore, two-tab safety. The journal keeps the form's newest value
// for as long as the form is on screen, not only until IndexedDB says it committed: a browser killed just
// after a commit can come back without it (see "Never losing an entry" in the README).
import { liveQuery } from 'dexie';
import type { Problem } from '../result';
import { deleteDraft, getDraft, putDraft, type DraftRow } from './drafts';
import { table } from './db';
import { mergeDraft, takeFields, type Path } from './draft-merge';
import { unsavedForms } from './unsaved.svelte';
import {
  clearJournal,
  closeJournal,
  dropEntry,
  journalDraft,
  type FoundEntry,
  type JournalEntry,
  prepareJournal,
  readJournal
} from './draft-journal';
import { onUnlock } from './session-key';

const TAB_ID = typeof crypto !== 'undefined' ? crypto.randomUUID() : 'tab';
/** Drafts made by this page so far: each has its own journal entry, so one leaving never empties another's. */
let made = 0;

export interface DraftOptions {
  /** Wait this long after the last change before writing to IndexedDB (0, the default: write at once). */
  debounceMs?: number;
  sessionId?: string;
  now?: () => Date;
}

type Status = 'loading' | 'clean' | 'pending' | 'saving' | 'saved' | 'error';

export class Draft<T extends object> {
  value: T = $state() as T;
  status = $state<Status>('loading');
  problem = $state<Problem | null>(null);
  /** True when the form was filled from a draft left by an earlier page or tab. */
  restored = $state(false);
  /** Another tab changed the same fields differently: its version, until the user chooses. */
  conflict = $state<T | null>(null);
  #conflictFields: Path[] = [];
  /** The last version both tabs are known to share: the base of the three-way merge. */
  #base = '';

  readonly key: string;
  #initial: string;
  #lastSaved: string;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #debounceMs: number;
  #sessionId: string;
  #now: () => Date;
  #cleanup: (() => void)[] = [];
  #disposed = false;
  #inFlight = false;
  /** Journal entries of ended pages merged into this form, dropped once the merged value is stored. */
  #merged: string[] = [];
  #again = false;
  /** When the stored draft was written, and when this page last typed (to merge a late journal answer). */
  #storedAt = '';
  #typedAt = '';
  /** This draft's journal entry (the page and the draft): a later draft of the same form gets its own. */
  readonly #journalId = `${TAB_ID}.${++made}`;
  /** The entry this draft last handed to the journal (rewritten with committedAt once stored). */
  #entry: JournalEntry<T> | null = null;

  constructor(key: string, initial: T, options: DraftOptions = {}) {
    this.key = key;
    this.value = JSON.parse(JSON.stringify(initial)) as T;
    this.#initial = JSON.stringify(initial);
    this.#lastSaved = this.#initial;
    this.#base = this.#initial;
    this.#debounceMs = options.debounceMs ?? 0;
    this.#sessionId = options.sessionId ?? '';
    this.#now = options.now ?? (() => new Date());
  }

  /** Restore a saved draft (if any), then start watching for edits and for other tabs. Call once on mount. */
  async start(): Promise<void> {
    prepareJournal(this.key, this.#journalId);
    const row = await getDraft<T>(this.key);
    if (this.#disposed) return;
    if (row) {
      this.value = row.value;
      this.#lastSaved = JSON.stringify(row.value);
      this.#base = this.#lastSaved;
      this.restored = this.#lastSaved !== this.#initial;
    }
    this.#storedAt = row?.updatedAt ?? '';
    await this.#restoreJournal();
    if (this.#disposed) return;
    if (this.status === 'loading') this.status = 'clean';
    unsavedForms.mark(this.key, this.dirty);
    this.#watchOtherTabs();
    this.#watchPageLifecycle();
    // A write refused while the vault was locked is written as soon as it unlocks.
    this.#cleanup.push(onUnlock(() => void this.flush()));
  }

  /** A plain copy of the value as typed (no reactive proxies), e.g. to save or compare. */
  snapshot(): T {
    return $state.snapshot(this.value) as T;
  }

  /** Whether the form differs from its starting value (a draft exists that is not yet submitted). */
  get dirty(): boolean {
    return JSON.stringify(this.value) !== this.#initial;
  }

  /**
   * Call on every input. Writes are coalesced: at most one is in flight, and the newest value is
   * always written next, so a reload or a closed tab right after a keystroke loses nothing.
   */
  changed(): void {
    if (this.status === 'loading') return;
    unsavedForms.mark(this.key, this.dirty);
    this.#typedAt = this.#now().toISOString();
    // Synchronously, before any await: survives a reload that ends the page before IndexedDB commits.
    this.#journal($state.snapshot(this.value) as T, this.#typedAt);
    this.status = 'pending';
    if (this.#inFlight) {
      this.#again = true;
      return;
    }
    if (this.#debounceMs === 0) {
      void this.flush();
      return;
    }
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), this.#debounceMs);
  }

  /** Write now (on blur, visibilitychange, pagehide, before submit). */
  async flush(): Promise<boolean> {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    if (this.status === 'loading') return true;
    const snapshot = $state.snapshot(this.value) as T;
    const text = JSON.stringify(snapshot);
    if (text === this.#lastSaved) {
      if (this.status === 'pending') this.status = 'saved';
      return true;
    }
    this.status = 'saving';
    this.#inFlight = true;
    const row: DraftRow<T> = {
      key: this.key,
      value: snapshot,
      updatedAt: this.#now().toISOString(),
      tabId: TAB_ID,
      sessionId: this.#sessionId
    };
    const result = await putDraft(row);
    this.#inFlight = false;
    if (this.#again) {
      this.#again = false;
      queueMicrotask(() => void this.flush());
    }
    if (!result.ok) {
      // The input stays in memory (this.value); the user sees why and can retry.
      this.status = 'error';
      this.problem = result.error;
      return false;
    }
    this.#lastSaved = text;
    this.problem = null;
    const current = JSON.stringify($state.snapshot(this.value));
    this.status = current === text ? 'saved' : 'pending';
    if (current === text) {
      // The journal entry stays (it goes when the form leaves or is submitted): a browser killed right after
      // this commit has been seen to come back without it. It says when it was stored, so a start that finds
      // this row (or a newer one) drops it instead of bringing the value back over a later change.
      const entry = this.#entry;
      if (entry && JSON.stringify(entry.value) === text)
        journalDraft(this.key, (this.#entry = { ...entry, committedAt: row.updatedAt }), { wait: false });
      // Entries of ended pages can go: this draft's own entry holds what was merged from them.
      for (const slot of this.#merged.splice(0)) dropEntry(slot);
    }
    return true;
  }

  /** Hand the value to the journal, with the stored value it was typed over as its base. */
  #journal(value: T, at: string): void {
    this.#entry = { value, base: JSON.parse(this.#lastSaved) as T, at, tab: this.#journalId };
    journalDraft(this.key, this.#entry);
  }

  /** The form was submitted: forget the draft and start clean from `next` (defaults to the initial value). */
  async clear(next?: T): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#initial = next ? JSON.stringify(next) : this.#initial;
    this.#lastSaved = this.#initial;
    this.#base = this.#initial;
    this.value = JSON.parse(this.#initial) as T;
    this.restored = false;
    this.conflict = null;
    unsavedForms.mark(this.key, false);
    clearJournal(this.key, this.#journalId);
    for (const slot of this.#merged.splice(0)) dropEntry(slot);
    await deleteDraft(this.key);
    this.status = 'clean';
  }

  /**
   * Input journalled by a page that ended before IndexedDB committed it (a reload, a closed tab, a
   * crash), merged onto what is stored: the fields that page changed since its base are applied, the
   * rest is kept, so a page that had not yet seen another tab's saved field cannot wipe it. Where both
   * changed a field, the later keystroke wins. The entries go once the merged value is stored.
   */
  async #restoreJournal(): Promise<void> {
    const entries = await readJournal<T>(this.key, (late) => this.#takeLate(late));
    if (this.#disposed) return;
    this.#merge(this.#toMerge(entries), this.#storedAt);
  }

  /**
   * The entries to merge: not those whose value was stored with the row found at start, or before a newer
   * one (they add nothing, and could bring back what another tab changed since): those are dropped. (The
   * worker does not read the files of drafts still open on this page: they are theirs.)
   */
  #toMerge(entries: FoundEntry<T>[]): FoundEntry<T>[] {
    return entries.filter((entry) => {
      const stored = !!entry.committedAt && this.#storedAt !== '' && this.#storedAt >= entry.committedAt;
      if (stored) dropEntry(entry.slot);
      return !stored;
    });
  }

  #merge(entries: FoundEntry<T>[], storedAt: string): void {
    if (entries.length === 0) return;
    let value = $state.snapshot(this.value) as T;
    for (const entry of entries) {
      const { merged, conflicts } = mergeDraft(entry.base, value, entry.value);
      value =
        conflicts.length > 0 && entry.at >= storedAt ? takeFields(merged, entry.value, conflicts) : merged;
    }
    const text = JSON.stringify(value);
    if (text === this.#lastSaved) {
      for (const entry of entries) dropEntry(entry.slot);
      return;
    }
    this.#merged.push(...entries.map((entry) => entry.slot));
    this.value = value;
    // This draft's own entry holds the merged value from now on, so the ended pages' entries can go.
    this.#journal(
      value,
      entries.reduce((at, entry) => (entry.at > at ? entry.at : at), '')
    );
    this.restored = text !== this.#initial;
    this.status = 'pending';
    unsavedForms.mark(this.key, this.dirty);
    void this.flush();
  }

  /**
   * The journal answered after the form had opened without it (a slow cold start): its entries are merged
   * in now. What was typed on this page since is newer than any of them, so it wins where both changed a field.
   */
  #takeLate(entries: FoundEntry<T>[]): void {
    if (this.#disposed) return;
    console.warn(`journal: ${entries.length} entries of ${this.key} arrived late; merged`);
    this.#merge(this.#toMerge(entries), this.#typedAt || this.#storedAt);
  }

  /** Resolve a two-tab conflict. */
  useTheirs(): void {
    if (!this.conflict) return;
    this.value = takeFields($state.snapshot(this.value) as T, this.conflict, this.#conflictFields);
    this.conflict = null;
    unsavedForms.mark(this.key, this.dirty);
    void this.flush();
  }

  async keepMine(): Promise<void> {
    this.conflict = null;
    this.#lastSaved = '';
    await this.flush();
  }

  dispose(): void {
    this.#disposed = true;
    // The form leaves the screen: once what it holds is stored, its journal entry goes too.
    void this.flush().then((ok) => {
      if (ok && JSON.stringify(this.snapshot()) === this.#lastSaved) clearJournal(this.key, this.#journalId);
    });
    closeJournal(this.key, this.#journalId);
    for (const stop of this.#cleanup) stop();
    this.#cleanup = [];
    unsavedForms.mark(this.key, false);
  }

  #watchOtherTabs() {
    const sub = liveQuery(() => table<DraftRow<T>>('drafts').get(this.key)).subscribe({
      next: (row) => {
        if (!row || row.tabId === TAB_ID) return;
        const theirs = JSON.stringify(row.value);
        if (theirs === this.#lastSaved) return;
        const mine = $state.snapshot(this.value) as T;
        const base = JSON.parse(this.#base) as T;
        // Fields only the other tab changed are taken; fields only this tab changed are kept;
        // a field both changed differently is asked about, never silently overwritten.
        const { merged, conflicts } = mergeDraft(base, mine, row.value);
        this.#base = theirs;
        this.#lastSaved = theirs;
        if (JSON.stringify(merged) !== JSON.stringify(mine)) this.value = merged;
        if (conflicts.length > 0) {
          this.#conflictFields = conflicts;
          this.conflict = row.value;
        }
        unsavedForms.mark(this.key, this.dirty);
        // Our own edits the other tab has not seen yet go out now.
        if (JSON.stringify(merged) !== theirs) void this.flush();
      },
      error: () => {}
    });
    this.#cleanup.push(() => sub.unsubscribe());
  }

  #watchPageLifecycle() {
    if (typeof window === 'undefined') return;
    const flush = () => void this.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    // focusout also fires while Svelte removes a focused element mid-update; changing state then is
    // not allowed, so the blur flush waits for the update to finish (a microtask later).
    const onBlur = () => queueMicrotask(flush);
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    document.addEventListener('focusout', onBlur);
    this.#cleanup.push(() => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      document.removeEventListener('focusout', onBlur);
    });
  }
}
