// The roster's search index, built once per page load per import and shared by every picker on the page.
//
// Why a module-level cache is fine here: the roster is the clinic's snapshot, the same for every
// user, session and screen of this device — not per-session or per-user state. The app runs only in
// the browser (ssr off), so the cache never outlives the page or leaks between people on a server.
// It is keyed by the snapshot's importedAt, so a re-import or a deletion (here or in another tab,
// which the live snapshot query notices) builds a fresh index on the next call; a stale index is
// never served for a new roster. Building costs a few hundred milliseconds for 50,000 patients on a
// tablet; doing it once per import instead of once per screen or keystroke keeps typing instant.
import { live } from '../store';
// Loaded at unlock, apart from any page (roster-warmup.ts): it brings the words of what it reads.
import '../i18n/messages/patients';
import { RosterIndex } from './search';
import type { Patient, RosterSnapshot } from './model';
import { patientsRepo } from './repo';

interface Cached {
  /** importedAt of the snapshot the index was built from; '' for "no roster". */
  key: string;
  index: Promise<RosterIndex>;
}

let cached: Cached | null = null;

const keyOf = (snapshot: RosterSnapshot | null) => snapshot?.importedAt ?? '';

async function build(): Promise<{ key: string; index: RosterIndex }> {
  const { snapshot, patients } = await patientsRepo.load();
  return { key: keyOf(snapshot), index: new RosterIndex(patients) };
}

/**
 * The index over the roster now stored. Cheap when the roster has not changed since the last call
 * (one settings read); otherwise reads all patients and builds it once, whoever asks first.
 */
export async function getRosterIndex(): Promise<RosterIndex> {
  const key = keyOf(await patientsRepo.snapshot());
  if (cached && cached.key === key) return cached.index;
  const pending = build();
  const entry: Cached = { key, index: pending.then((built) => built.index) };
  cached = entry;
  try {
    const built = await pending;
    // The roster changed between the two reads: keep the index under the key it really belongs to.
    if (built.key !== key && cached === entry) cached = { key: built.key, index: entry.index };
    return built.index;
  } catch (error) {
    if (cached === entry) cached = null;
    throw error;
  }
}

/**
 * Just imported: index the patients already in memory instead of reading 50,000 rows back. They
 * are the rows the import wrote, under the snapshot it wrote, so the cache stays true to the store.
 */
export function rememberImported(snapshot: RosterSnapshot, patients: readonly Patient[]): void {
  cached = { key: keyOf(snapshot), index: Promise.resolve().then(() => new RosterIndex(patients)) };
}

/** Drop the cached index (after deleting the roster, so no patient stays in memory). */
export function forgetRosterIndex(): void {
  cached = null;
}

/**
 * Reactive view of the roster for a component: the snapshot (live, so an import in another tab is
 * seen) and the index for it. Create it during component initialisation.
 */
export class RosterState {
  #snapshot = live(() => patientsRepo.snapshot());
  index = $state.raw<RosterIndex | null>(null);
  error = $state<unknown>(null);

  /** importedAt of the snapshot `index` was built for. */
  #builtKey: string | null = null;

  constructor() {
    $effect(() => {
      if (!this.#snapshot.loaded) return;
      const key = keyOf(this.#snapshot.current ?? null);
      if (key === this.#builtKey) return;
      let stale = false;
      getRosterIndex().then(
        (index) => {
          if (stale) return;
          this.#builtKey = key;
          this.index = index;
          this.error = null;
        },
        (error: unknown) => {
          if (stale) return;
          this.error = error;
        }
      );
      return () => {
        stale = true;
      };
    });
  }

  /** The snapshot meta: undefined while loading, null when no roster is on this device. */
  get snapshot(): RosterSnapshot | null | undefined {
    const current = this.#snapshot.current;
    return this.#snapshot.loaded ? (current ?? null) : undefined;
  }
}
