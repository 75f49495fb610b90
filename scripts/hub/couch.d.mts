// Types of couch.mjs for the TypeScript tests that start a hub database.
import type { ChildProcess } from 'node:child_process';

export interface CouchUser {
  name: string;
  password: string;
}
export interface HubCredentials {
  db: string;
  admin: CouchUser;
  clinic: CouchUser;
}
export interface PouchServer {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export function freePort(): Promise<number>;
export function loadOrCreateCredentials(dataDir: string, db: string): HubCredentials & { path: string };
export function startPouchServer(dir: string, port: number): Promise<PouchServer>;
export function setUpClinicDatabase(url: string, credentials: HubCredentials): Promise<void>;
export function refusesAnonymous(url: string, db: string): Promise<boolean>;
