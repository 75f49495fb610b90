// Every schema version in order. Never edit a released version; add the next file and list it here.
import type { Dexie } from 'dexie';
import { v1 } from './v1';
import { v2 } from './v2';
import { v3 } from './v3';
import { v4 } from './v4';

export const SCHEMA_VERSION = 4;

export function applyMigrations(db: Dexie): void {
  v1(db);
  v2(db);
  v3(db);
  v4(db);
}
