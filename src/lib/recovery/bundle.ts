// The session bundle: one device's whole session in one file, with a checksum, to merge on another tablet (sealed with a password in sealed-bundle.ts).
import * as v from 'valibot';
import { fail, ok, type Result } from '../result';
import { SCHEMA_VERSION } from '../store/migrations';
import { canonicalJson, sha256Hex } from './canonical';
import { bundleUpgrades, migrateBundle, type BundleUpgrade, type RawBundle } from './bundle-upgrades';
import {
  SESSION_TABLES,
  isDrill,
  sessionDay,
  type RecoverySession,
  type SessionData,
  type SessionTable,
  type StoredRecord
} from './model';

export const BUNDLE_FORMAT = 'tebikae.session-bundle';
/** A bundle file as exported now: the bundle's JSON sealed with a password (see sealed-bundle.ts). */
export const BUNDLE_EXTENSION = '.tebikae.tbk';

export interface Bundle {
  /** Always BUNDLE_FORMAT: tells a bundle from any other JSON file. */
  format: typeof BUNDLE_FORMAT;
  /** The app's database schema version the records follow (SCHEMA_VERSION of the exporting app). */
  schemaVersion: number;
  deviceLabel: string;
  exportedAt: string;
  exportedBy: string;
  /** A drill (訓練) session: marked in the file name and on every screen that shows it. */
  drill: boolean;
  session: RecoverySession;
  /** Every record of the session, per store, sorted by id. */
  records: Record<SessionTable, StoredRecord[]>;
  /** SHA-256 over canonicalJson({ session, records }). */
  checksum: { algorithm: 'SHA-256'; value: string };
}

export interface ExportMeta {
  deviceLabel: string;
  exportedBy: string;
  now: Date;
}

/** The checksummed payload: the session row and the records, keys sorted at every depth. */
function payloadText(session: unknown, records: unknown): string {
  return canonicalJson({ session, records });
}

export async function createBundle(data: SessionData, meta: ExportMeta): Promise<Bundle> {
  const records = {} as Record<SessionTable, StoredRecord[]>;
  for (const table of SESSION_TABLES) {
    const rows = (data[table] as unknown as StoredRecord[]).map((r) => ({ ...r }));
    records[table] = rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  const session = { ...data.session };
  return {
    format: BUNDLE_FORMAT,
    schemaVersion: SCHEMA_VERSION,
    deviceLabel: meta.deviceLabel,
    exportedAt: meta.now.toISOString(),
    exportedBy: meta.exportedBy,
    drill: isDrill(session),
    session,
    records,
    checksum: { algorithm: 'SHA-256', value: await sha256Hex(payloadText(session, records)) }
  };
}

/** '2025-11-15_手控え_端末A.tebikae.tbk'; a drill: '2025-11-15_手控え_訓練_端末A.tebikae.tbk'. */
export function bundleFileName(
  session: Pick<RecoverySession, 'startedAt' | 'kind'>,
  deviceLabel: string
): string {
  const label = deviceLabel.replace(/[\\/:*?"<>|\s]/g, '') || 'X';
  const drill = isDrill(session) ? '訓練_' : '';
  return `${sessionDay(session)}_手控え_${drill}端末${label}${BUNDLE_EXTENSION}`;
}

export type ChecksumState = 'ok' | 'mismatch' | 'missing';

/** A bundle read from a file, checked at the envelope level; its records are checked one by one when merged. */
export interface OpenedBundle {
  bundle: Bundle;
  checksum: ChecksumState;
  /** The schema version the file was written with, when older than this app's (it was upgraded). */
  migratedFrom: number | null;
}

const Envelope = v.looseObject({
  format: v.literal(BUNDLE_FORMAT),
  schemaVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  deviceLabel: v.string(),
  exportedAt: v.string(),
  exportedBy: v.optional(v.string(), ''),
  drill: v.optional(v.boolean(), false),
  session: v.looseObject({
    id: v.pipe(v.string(), v.minLength(1)),
    kind: v.picklist(['real', 'drill']),
    startedAt: v.string(),
    reason: v.optional(v.string(), ''),
    recoveredAt: v.optional(v.nullable(v.string()), null),
    closedAt: v.optional(v.nullable(v.string()), null),
    declaredBy: v.optional(v.string(), ''),
    deviceLabel: v.optional(v.string(), ''),
    createdAt: v.optional(v.string(), ''),
    purgedAt: v.optional(v.nullable(v.string()), null)
  }),
  records: v.record(v.string(), v.unknown()),
  checksum: v.optional(v.looseObject({ algorithm: v.string(), value: v.string() }))
});

export interface ReadOptions {
  /** This app's schema version. */
  current?: number;
  upgrades?: readonly BundleUpgrade[];
}

/**
 * Read a bundle file's text. Refused (with a reason) when it is not JSON, not a tebikae bundle, or written
 * by a newer app; upgraded when written by an older one. A bad checksum is reported, not refused: the
 * user decides after a warning.
 */
export async function readBundle(text: string, options: ReadOptions = {}): Promise<Result<OpenedBundle>> {
  const current = options.current ?? SCHEMA_VERSION;
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return fail({ key: 'recovery.bundle.error.notJson' });
  }
  if (raw === null || typeof raw !== 'object' || (raw as RawBundle).format !== BUNDLE_FORMAT)
    return fail({ key: 'recovery.bundle.error.notBundle' });
  const version = (raw as RawBundle).schemaVersion;
  if (typeof version === 'number' && version > current)
    return fail({ key: 'recovery.bundle.error.newer', values: { version, current } });
  const parsed = v.safeParse(Envelope, raw);
  if (!parsed.success) {
    const path = v.getDotPath(parsed.issues[0]) ?? '';
    return fail({ key: 'recovery.bundle.error.envelope', values: { field: path || '—' } });
  }
  const envelope = parsed.output;
  let checksum: ChecksumState = 'missing';
  if (envelope.checksum) {
    const actual = await sha256Hex(payloadText((raw as RawBundle).session, (raw as RawBundle).records));
    checksum =
      envelope.checksum.algorithm === 'SHA-256' && actual === envelope.checksum.value ? 'ok' : 'mismatch';
  }
  const from = envelope.schemaVersion;
  const upgraded =
    from < current ? migrateBundle(envelope, from, current, options.upgrades ?? bundleUpgrades) : envelope;
  return ok({
    bundle: upgraded as unknown as Bundle,
    checksum,
    migratedFrom: from < current ? from : null
  });
}

/** How many records of each store a bundle holds (for the preview before importing). */
export function bundleCounts(bundle: Bundle): Record<SessionTable, number> {
  const out = {} as Record<SessionTable, number>;
  for (const table of SESSION_TABLES) {
    const rows = (bundle.records as Record<string, unknown>)[table];
    out[table] = Array.isArray(rows) ? rows.length : 0;
  }
  return out;
}
