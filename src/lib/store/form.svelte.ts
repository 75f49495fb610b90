// One form's lifecycle, the same for every form screen: load what the form edits, create its autosaved
// Draft and dispose of it with the screen, save against the revision it was loaded from, show a
// conflict instead of overwriting, and say "no staff chosen" in one message. The screen keeps only
// its fields, its checks and its layout.
import { untrack } from 'svelte';
import type { Problem, Result } from '../result';
import { onStoreChange } from './changes';
import { Draft } from './draft.svelte';

/** What a form edits, once loaded: its draft key, its starting value, and the outage session it is for. */
export interface FormStart<F> {
  key: string;
  initial: F;
  sessionId?: string;
  /** The stored version the form starts from (a revision): with `follows`, a newer one is taken in. */
  version?: string | number;
}

/** The outcome of a save the screen carried out: the value the form holds from now on (what was stored). */
export type Saved<F> = Result<F>;

export interface FormOptions<F, C> {
  /** Load what the form edits; null when it does not exist (a deleted or unknown record). */
  load: () => Promise<FormStart<F> | null>;
  /** The message when loading failed (its `detail` value is the error's name). */
  loadFailed: Problem['key'];
  /** Read what another screen stored meanwhile, to show it beside the user's own input. */
  conflict?: (mine: F) => Promise<C | null>;
  /**
   * Tables whose writes may bring a newer version of what the form edits (another device's save arriving
   * through the hub, another tab): while nothing is typed, the form shows the newer version; once something
   * is typed it stays, and a save shows the conflict.
   */
  follows?: readonly string[];
}

/** The message every form shows when nobody is chosen as the person working (担当). */
export const NO_STAFF: Problem = { key: 'outage.error.noStaff' };

const CONFLICT = 'store.error.conflict';

export class FormController<F extends object, C = never> {
  /** The autosaved value being edited; null until loaded. */
  draft = $state<Draft<F> | null>(null);
  /** What the form edits does not exist. */
  missing = $state(false);
  loadProblem = $state<Problem | null>(null);
  saving = $state(false);
  saveProblem = $state<Problem | null>(null);
  /** Another screen saved first: what it stored, until the user chooses. */
  conflict = $state<C | null>(null);

  #options: FormOptions<F, C>;

  /** Create during the screen's initialisation: the draft lives and is disposed with the screen. */
  constructor(options: FormOptions<F, C>) {
    this.#options = options;
    $effect(() => untrack(() => this.open()));
  }

  /** Load and start the draft; the returned function disposes of it. The screen's effect calls both. */
  open(): () => void {
    let gone = false;
    let made: Draft<F> | null = null;
    let stopFollowing: (() => void) | null = null;
    void (async () => {
      try {
        const start = await this.#options.load();
        if (gone) return;
        if (!start) {
          this.missing = true;
          return;
        }
        made = new Draft<F>(start.key, start.initial, { sessionId: start.sessionId ?? '' });
        await made.start();
        if (gone) made.dispose();
        else {
          this.draft = made;
          stopFollowing = this.#follow(made, start);
        }
      } catch (error) {
        if (!gone)
          this.loadProblem = {
            key: this.#options.loadFailed,
            values: { detail: error instanceof Error ? error.name : 'error' }
          };
      }
    })();
    return () => {
      gone = true;
      stopFollowing?.();
      made?.dispose();
    };
  }

  /** Take in a newer stored version while the user has typed nothing (see `follows`). */
  #follow(draft: Draft<F>, start: FormStart<F>): (() => void) | null {
    const tables = this.#options.follows;
    if (!tables?.length || start.version === undefined) return null;
    let version = start.version;
    let checking = false;
    let again = false;
    const check = async () => {
      if (checking) {
        again = true;
        return;
      }
      checking = true;
      try {
        do {
          again = false;
          // Typed into (or saving): the input stays whatever was stored, so nothing is read.
          if (draft.dirty || this.saving) continue;
          const fresh = await this.#options.load();
          if (!fresh || fresh.key !== start.key || fresh.version === undefined || fresh.version === version)
            continue;
          if (draft.dirty || this.saving || this.conflict || this.draft !== draft) continue;
          version = fresh.version;
          if (JSON.stringify(fresh.initial) !== JSON.stringify(draft.snapshot()))
            await draft.clear(fresh.initial);
        } while (again);
      } finally {
        checking = false;
      }
    };
    return onStoreChange((stores) => {
      if (tables.some((t) => stores.has(t))) void check().catch(() => undefined);
    });
  }

  /** Call on every input. */
  changed = (): void => {
    this.draft?.changed();
  };

  /**
   * Save, in this order: `check` (the screen's own checks: it returns what it read from the form, or
   * null to stop, having said why), then the person working (`staff` given but empty: NO_STAFF), then
   * `work`, which gets the form and what `check` read, writes, and returns the value the form holds
   * afterwards (what was stored) or a problem; a conflict is looked up and shown. Whatever was typed
   * while the save was in flight stays on top of the stored value. Returns whether it saved.
   */
  async save<V = F>(
    work: (form: F, checked: V) => Promise<Saved<F> | null>,
    options: { check?: (form: F) => V | null | Promise<V | null>; staff?: unknown } = {}
  ): Promise<boolean> {
    const draft = this.draft;
    if (!draft || this.saving) return false;
    this.saveProblem = null;
    const form = draft.snapshot();
    const checked = options.check ? await options.check(form) : (form as unknown as V);
    if (checked === null) return false;
    if ('staff' in options && !options.staff) {
      this.saveProblem = NO_STAFF;
      return false;
    }
    this.saving = true;
    try {
      const result = await work(form, checked);
      if (!result) return false; // the screen stopped (it said why)
      if (!result.ok) {
        await this.#failed(result.error, form);
        return false;
      }
      await this.settle(form, result.value);
      return true;
    } finally {
      this.saving = false;
    }
  }

  /** Start clean from what was stored; anything typed since `sent` was read stays on top. */
  async settle(sent: F, stored: F): Promise<void> {
    const draft = this.draft;
    if (!draft) return;
    const now = draft.snapshot();
    const typedSince = JSON.stringify(now) !== JSON.stringify(sent) ? now : null;
    await draft.clear(stored);
    this.conflict = null;
    if (typedSince) {
      draft.value = typedSince;
      draft.changed();
    }
  }

  async #failed(problem: Problem, mine: F): Promise<void> {
    const found =
      problem.key === CONFLICT && this.#options.conflict ? await this.#options.conflict(mine) : null;
    if (found) this.conflict = found;
    else this.saveProblem = problem;
  }

  /** Drop the user's input and take what the other screen stored. */
  async takeStored(stored: F): Promise<void> {
    await this.draft?.clear(stored);
    this.conflict = null;
  }

  /** Keep the user's input over what was stored: `rebase` moves the form onto the stored revision. */
  keepMine(rebase: (form: F) => void): void {
    const draft = this.draft;
    if (!draft) return;
    rebase(draft.value);
    draft.changed();
    this.conflict = null;
  }
}
