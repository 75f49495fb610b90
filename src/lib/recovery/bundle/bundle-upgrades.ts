// Upgrades for bundles written by older app versions: one function per schema version, applied in order.
import { SESSION_TABLES } from '../model';

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
