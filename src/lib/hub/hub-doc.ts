// One version of one shared record as a hub document: its id (random ids, a rev, a keyed digest) and its sealed body.
import { canonicalJson } from '../values';
import {
  decodeRecord,
  encodeRecord,
  fromBase64,
  openBytes,
  sealBytes,
  toBase64
} from '../store/record-cipher';
import { bytesToHex, hkdf, hmac, sha256 } from '../store/record-cipher-primitives';
import { SESSION_TABLES } from '../recovery/model';

/**
 * The tables that travel through the hub: every store of an outage's records, and the outage sessions
 * themselves. The audit trail stays per device (each device's trail says what was done on it; an applied
 * hub document is audited on the receiving device as that device's import, as a bundle import is).
 */
export const HUB_TABLES = [...SESSION_TABLES.filter((t) => t !== 'audit'), 'sessions'] as const;
export type HubTable = (typeof HUB_TABLES)[number];
export type SharedTable = Exclude<HubTable, 'sessions'>;

/**
 * A document that is no record of the app: the mark a device leaves when it purged an outage (its session
 * ids, when, which device), so the other devices stop sharing and applying that outage's records.
 */
export const PURGE_MARK = 'purged';
export type HubKind = HubTable | typeof PURGE_MARK;

export function isHubKind(name: string): name is HubKind {
  return name === PURGE_MARK || isHubTable(name);
}

export function isHubTable(name: string): name is HubTable {
  return (HUB_TABLES as readonly string[]).includes(name);
}
export function isSharedTable(name: string): name is SharedTable {
  return name !== 'sessions' && isHubTable(name);
}

/** The keys a clinic key gives: one seals documents, one makes the digest in their ids. */
export interface HubKeys {
  seal: Uint8Array;
  ids: Uint8Array;
}

const encoder = new TextEncoder();

export function deriveHubKeys(clinicKey: Uint8Array): HubKeys {
  const salt = encoder.encode('tebikae-hub-v1');
  return {
    seal: hkdf(sha256, clinicKey, salt, encoder.encode('documents'), 32),
    ids: hkdf(sha256, clinicKey, salt, encoder.encode('document-ids'), 32)
  };
}

/** What the hub stores: `t` the table (a word of the app, no data), `c` the sealed record. Nothing else. */
export interface HubDoc {
  _id: string;
  _rev?: string;
  t: HubKind;
  c: string;
}

export interface DocIdParts {
  table: HubKind;
  id: string;
  rev: number;
  digest: string;
}

const DIGEST_HEX = 20;

function revOf(record: Record<string, unknown>): number {
  return typeof record.rev === 'number' ? record.rev : 0;
}

/**
 * `<table>:<record id>:<rev>:<digest>`, the digest an HMAC of the record's whole content under the clinic
 * key: the same version written on two devices is one document, another content at the same rev is
 * another document (a conflict the merge keeps for the user), and whether a version was already handed
 * to the hub is a lookup of ids, with nothing to open. Record ids are random, so the id names no one.
 */
export function hubDocId(keys: HubKeys, table: HubKind, record: { id: string }): string {
  const content = canonicalJson(record);
  const mac = bytesToHex(hmac(sha256, keys.ids, encoder.encode(`${table}\u0000${content}`)));
  return `${table}:${record.id}:${revOf(record)}:${mac.slice(0, DIGEST_HEX)}`;
}

export function parseHubDocId(docId: string): DocIdParts | null {
  const m = /^([A-Za-z]+):(.+):(\d+):([0-9a-f]+)$/.exec(docId);
  if (!m || !isHubKind(m[1]!)) return null;
  return { table: m[1], id: m[2]!, rev: Number(m[3]), digest: m[4]! };
}

/** Seal one record version; the document's id is its associated data, so a body moved to another id fails. */
export function sealHubDoc(keys: HubKeys, table: HubKind, record: { id: string }): HubDoc {
  const _id = hubDocId(keys, table, record);
  const sealed = sealBytes(keys.seal, encodeRecord(record), encoder.encode(`tebikae-hub:${_id}`));
  return { _id, t: table, c: toBase64(sealed) };
}

export type Opened =
  { ok: true; table: HubKind; record: Record<string, unknown> & { id: string } } | { ok: false };

/**
 * Open a document from the hub: it must authenticate under this clinic's key, and its content must be
 * the one its id names (table, id, rev and digest), or it is not used.
 */
export function openHubDoc(keys: HubKeys, doc: unknown): Opened {
  if (doc === null || typeof doc !== 'object') return { ok: false };
  const { _id, t, c } = doc as Partial<HubDoc>;
  if (typeof _id !== 'string' || typeof c !== 'string') return { ok: false };
  const parts = parseHubDocId(_id);
  if (!parts || parts.table !== t) return { ok: false };
  let bytes: Uint8Array | null;
  try {
    bytes = openBytes(keys.seal, fromBase64(c), encoder.encode(`tebikae-hub:${_id}`));
  } catch {
    return { ok: false };
  }
  if (!bytes) return { ok: false };
  let record: unknown;
  try {
    record = decodeRecord(bytes);
  } catch {
    return { ok: false };
  }
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return { ok: false };
  const r = record as Record<string, unknown> & { id: string };
  if (r.id !== parts.id || revOf(r) !== parts.rev || hubDocId(keys, parts.table, r) !== _id)
    return { ok: false };
  return { ok: true, table: parts.table, record: r };
}
