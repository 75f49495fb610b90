// The session bundle: the clinic outage as one device holds it, in one file with a checksum, to merge on another device (sealed with a password in sealed-bundle.ts).
import * as v from 'valibot';
import { fail, ok, type Result } from '../../result';
import { SCHEMA_VERSION } from '../../store/migrations';
import type { ClinicIdentity } from '../../settings/model';
import { RecoverySessionSchema } from './schema';
import { canonicalJson, sha256Hex } from './canonical';
import {
  bundleUpgrades,
  fillRecords,
  migrateBundle,
  type BundleUpgrade,
  type RawBundle
} from './bundle-upgrades';
import {
  SESSION_TABLES,
  isDrill,
  sessionDay,
  type RecoverySession,
  type SessionData,
  type SessionTable,
  type StoredRecord
} from '../model';

export const BUNDLE_FORMAT = 'tebikae.session-bundle';
/** A bundle file as exported now: the bundle's JSON sealed with a password (see sealed-bundle.ts). */
export const BUNDLE_EXTENSION = '.tebikae.tbk';

/**
 * The bundle's layout: 1, one device's session (files written before outages belonged to the clinic);
 * 2, every session of the clinic outage this device holds, with the clinic's identity.
 */
export const BUNDLE_FORMAT_VERSION = 2;

export interface Bundle {
  /** Always BUNDLE_FORMAT: tells a bundle from any other JSON file. */
  format: typeof BUNDLE_FORMAT;
  formatVersion: number;
  /** The app's database schema version the records follow (SCHEMA_VERSION of the exporting app). */
  schemaVersion: number;
  deviceLabel: string;
  /** The exporting device's id ('' in files from before devices had one). */
  deviceId: string;
  exportedAt: string;
  exportedBy: string;
  /** The clinic the outage belongs to; null in files from before bundles carried it. */
  clinic: ClinicIdentity | null;
  /** A drill (訓練) session: marked in the file name and on every screen that shows it. */
  drill: boolean;
  /** The outage's first session (the outage's id). */
  session: RecoverySession;
  /** Every session of the outage the exporting device held (each device's part), the first one included. */
  sessions: RecoverySession[];
  /** Every record of those sessions, per store, sorted by id. */
  records: Record<SessionTable, StoredRecord[]>;
  /** SHA-256 over canonicalJson of the clinic, the sessions and the records (version 1: session and records). */
  checksum: { algorithm: 'SHA-256'; value: string };
}

export interface ExportMeta {
  deviceLabel: string;
  deviceId: string;
  exportedBy: string;
  clinic: ClinicIdentity;
  now: Date;
}

/** The checksummed payload, keys sorted at every depth. */
function payloadText(bundle: {
  formatVersion?: unknown;
  clinic?: unknown;
  session?: unknown;
  sessions?: unknown;
  records?: unknown;
}): string {
  if (bundle.formatVersion === undefined)
    return canonicalJson({ session: bundle.session, records: bundle.records });
  return canonicalJson({ clinic: bundle.clinic, sessions: bundle.sessions, records: bundle.records });
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export async function createBundle(data: SessionData, meta: ExportMeta): Promise<Bundle> {
  const records = {} as Record<SessionTable, StoredRecord[]>;
  for (const table of SESSION_TABLES) {
    const rows = (data[table] as unknown as StoredRecord[]).map((r) => ({ ...r }));
    records[table] = rows.sort(byId);
  }
  const sessions = data.session.members.map((s) => ({ ...s })).sort(byId);
  const first = sessions.find((s) => s.id === data.session.id) ?? sessions[0]!;
  const unsigned = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    schemaVersion: SCHEMA_VERSION,
    deviceLabel: meta.deviceLabel,
    deviceId: meta.deviceId,
    exportedAt: meta.now.toISOString(),
    exportedBy: meta.exportedBy,
    clinic: { ...meta.clinic },
    drill: isDrill(first),
    session: first,
    sessions,
    records
  } satisfies Omit<Bundle, 'checksum'>;
  return {
    ...unsigned,
    checksum: { algorithm: 'SHA-256', value: await sha256Hex(payloadText(unsigned)) }
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
  /**
   * It came sealed with a password (AES-GCM: nobody without the password made or changed it). A plain
   * JSON file proves nothing about where it comes from.
   */
  sealed: boolean;
}

const Session = RecoverySessionSchema;

/** The envelope, field by field: an unknown field is refused (records are checked when merged). */
const Envelope = v.strictObject({
  format: v.literal(BUNDLE_FORMAT),
  formatVersion: v.optional(
    v.pipe(v.number(), v.integer(), v.minValue(2), v.maxValue(BUNDLE_FORMAT_VERSION))
  ),
  schemaVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  deviceLabel: v.pipe(v.string(), v.maxLength(40)),
  deviceId: v.optional(v.pipe(v.string(), v.maxLength(120)), ''),
  exportedAt: v.string(),
  exportedBy: v.optional(v.pipe(v.string(), v.maxLength(200)), ''),
  clinic: v.optional(
    v.nullable(
      v.strictObject({
        clinicId: v.pipe(v.string(), v.maxLength(120)),
        medicalInstitutionCode: v.pipe(v.string(), v.maxLength(20)),
        name: v.pipe(v.string(), v.maxLength(200))
      })
    ),
    null
  ),
  drill: v.optional(v.boolean(), false),
  session: Session,
  sessions: v.optional(v.pipe(v.array(Session), v.minLength(1), v.maxLength(100))),
  records: v.record(v.string(), v.unknown()),
  checksum: v.optional(v.strictObject({ algorithm: v.string(), value: v.string() }))
});

export interface ReadOptions {
  /** This app's schema version. */
  current?: number;
  upgrades?: readonly BundleUpgrade[];
  /** The text came out of a sealed file (set by sealed-bundle.ts). */
  sealed?: boolean;
}

/**
 * Read a bundle file's text. Refused (with a reason) when it is not JSON, not a tebikae bundle, written
 * by a newer app, or has fields a bundle never has; upgraded when written by an older one (and fields added
 * inside records since filled, see recordFills). A bad checksum
 * is reported, not refused: the user decides after a warning.
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
  const layout = (raw as RawBundle).formatVersion;
  if (typeof layout === 'number' && layout > BUNDLE_FORMAT_VERSION)
    return fail({ key: 'recovery.bundle.error.newer', values: { version: layout, current } });
  const parsed = v.safeParse(Envelope, raw);
  if (!parsed.success) {
    const path = v.getDotPath(parsed.issues[0]) ?? '';
    return fail({ key: 'recovery.bundle.error.envelope', values: { field: path || '—' } });
  }
  const envelope = parsed.output;
  let checksum: ChecksumState = 'missing';
  if (envelope.checksum) {
    const actual = await sha256Hex(payloadText(raw as RawBundle));
    checksum =
      envelope.checksum.algorithm === 'SHA-256' && actual === envelope.checksum.value ? 'ok' : 'mismatch';
  }
  const from = envelope.schemaVersion;
  const upgraded = fillRecords(
    from < current ? migrateBundle(envelope, from, current, options.upgrades ?? bundleUpgrades) : envelope
  );
  const sessions = envelope.sessions ?? [envelope.session];
  if (!sessions.some((s) => s.id === envelope.session.id))
    return fail({ key: 'recovery.bundle.error.envelope', values: { field: 'sessions' } });
  const bundle = {
    ...(upgraded as unknown as Bundle),
    formatVersion: envelope.formatVersion ?? 1,
    deviceId: envelope.deviceId,
    clinic: envelope.clinic,
    sessions
  };
  return ok({
    bundle,
    checksum,
    migratedFrom: from < current ? from : null,
    sealed: options.sealed ?? false
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
