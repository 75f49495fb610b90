// Upgrades for bundles written by older app versions: one function per schema version, applied in order.
import { SESSION_TABLES, withBackEntryDefaults, type SessionTable } from '../model';

export type RawBundle = Record<string, unknown>;

export interface BundleUpgrade {
  /** The schema version this step brings a bundle to. */
  version: number;
  upgrade: (bundle: RawBundle) => RawBundle;
}

/**
 * Version 1 is the first bundle format. Its step only makes sure every store the app knows has a list,
 * so a bundle hand-made or cut short before a store existed still merges. When schema version 2 adds a
 * field or a store, add `{ version: 2, upgrade: … }` here, written against what a v1 bundle holds.
 */
function toV1(bundle: RawBundle): RawBundle {
  const records = { ...((bundle.records as Record<string, unknown> | undefined) ?? {}) };
  for (const table of SESSION_TABLES) if (!(table in records)) records[table] = [];
  return { ...bundle, records };
}

/** Version 3 added the drawer's floats and counts (cashCounts): a bundle from before has none. */
function toV3(bundle: RawBundle): RawBundle {
  const records = { ...((bundle.records as Record<string, unknown> | undefined) ?? {}) };
  if (!('cashCounts' in records)) records.cashCounts = [];
  return { ...bundle, records };
}

export const bundleUpgrades: readonly BundleUpgrade[] = [
  { version: 1, upgrade: toV1 },
  { version: 3, upgrade: toV3 }
];

/** A field added inside one kind of record: `fill` adds it to a row that lacks it, and leaves any other row as it is. */
export interface RecordFill {
  table: SessionTable;
  fill: <T>(row: T) => T;
}

/**
 * Fields added inside records without a new schema version (no store changed, so no Dexie version):
 * a bundle of this very version may still come from an app before them, so these run on every bundle
 * read, whatever its version, after the upgrades above.
 */
export const recordFills: readonly RecordFill[] = [
  // Back-entry ticks gained the 確定者 and the version entered (入力した版) while the schema stayed at 3.
  { table: 'backEntries', fill: withBackEntryDefaults }
];

export function fillRecords(bundle: RawBundle, fills: readonly RecordFill[] = recordFills): RawBundle {
  const records = bundle.records;
  if (records === null || typeof records !== 'object' || Array.isArray(records)) return bundle;
  const out: Record<string, unknown> = { ...(records as Record<string, unknown>) };
  for (const { table, fill } of fills) {
    const rows = out[table];
    if (Array.isArray(rows)) out[table] = rows.map((row: unknown) => fill(row));
  }
  return { ...bundle, records: out };
}

/** Apply every upgrade above `from` up to `to`, oldest first. Versions without a step needed no change. */
export function migrateBundle(
  bundle: RawBundle,
  from: number,
  to: number,
  upgrades: readonly BundleUpgrade[] = bundleUpgrades
): RawBundle {
  let out = bundle;
  for (const step of [...upgrades].sort((a, b) => a.version - b.version)) {
    if (step.version <= from || step.version > to) continue;
    out = { ...step.upgrade(out), schemaVersion: step.version };
  }
  return { ...out, schemaVersion: to };
}
