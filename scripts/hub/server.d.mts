// Types of startHubServer (server.mjs) for the TypeScript tests that start the hub.
import type { ChildProcess } from 'node:child_process';
import type { X509Certificate } from 'node:crypto';

export interface HubServerOptions {
  /** The hub's folder: CA, certificate, credentials, databases (default hub-data). */
  dataDir?: string;
  buildDir?: string;
  /** Where to listen (default 0.0.0.0: every address of this PC). */
  host?: string;
  /** The HTTPS origin's port (default 8443; 0 for a free one). */
  port?: number;
  /** The plain-HTTP port of the /ca/ page (default 8080; 0 for a free one). */
  caPort?: number;
  /** pouchdb-server's loopback port (default a free one). */
  couchPort?: number;
  /** A CouchDB's http:// address: no pouchdb-server is started and /hub/ goes there. */
  couch?: string;
  db?: string;
  /** More DNS names for the certificate. */
  names?: string[];
  /** Where to say what happens after the start (pouchdb-server restarted). */
  log?: (line: string) => void;
}

export interface HubUser {
  name: string;
  password: string;
}

export interface HubServer {
  dataDir: string;
  db: string;
  port: number;
  caPort: number;
  appUrls: string[];
  caUrls: string[];
  hubUrls: string[];
  /** null when the hub is a CouchDB of the clinic's own (HUB_COUCH). */
  credentials: { path: string; db: string; admin: HubUser; clinic: HubUser } | null;
  ca: {
    x509: X509Certificate;
    pem: string;
    created: boolean;
    files: { dir: string; key: string; pem: string; crt: string; mobileconfig: string };
  };
  certificate: { x509: X509Certificate; renewed: boolean };
  couchUrl: string;
  guarded: boolean | null;
  /** The running pouchdb-server (null with HUB_COUCH). */
  readonly couchProcess: ChildProcess | null;
  stop(): Promise<void>;
}

export function certificateNames(extra?: string[]): { hostnames: string[]; ips: string[] };
export function startHubServer(options?: HubServerOptions): Promise<HubServer>;
