// Every schema version in order. Never edit a released version; add the next file and list it here.
import type { Dexie } from 'dexie';
import { v1 } from './v1';

export const SCHEMA_VERSION = 1;

export function applyMigrations(db: Dexie): void {
  v1(db);
}
