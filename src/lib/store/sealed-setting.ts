// A secret kept in a settings row (the hub's password and clinic key, the hub admin): sealed with the vault's
// record key and bound to its row's name, stored as base64; only the vault can open it.
import * as v from 'valibot';
import { heldKeys } from './session-key';
import {
  decodeRecord,
  encodeRecord,
  fromBase64,
  openBytes,
  recordAad,
  sealBytes,
  toBase64
} from './record-cipher';

/** `value` sealed for the settings row `row`; null while the vault is locked. */
export function sealSetting(row: string, value: unknown): string | null {
  const keys = heldKeys();
  if (!keys) return null;
  return toBase64(sealBytes(keys.records, encodeRecord(value), recordAad('settings', row)));
}

/** What `sealSetting` sealed for `row`, checked by `schema`; null when locked, tampered with or of another shape. */
export function openSetting<T>(row: string, sealed: string, schema: v.GenericSchema<unknown, T>): T | null {
  const keys = heldKeys();
  if (!keys) return null;
  const bytes = openBytes(keys.records, fromBase64(sealed), recordAad('settings', row));
  if (!bytes) return null;
  const parsed = v.safeParse(schema, decodeRecord(bytes));
  return parsed.success ? parsed.output : null;
}
