// The part of PouchDB's API the hub uses (pouchdb-browser ships no types of its own).
declare module 'pouchdb-browser' {
  interface Doc {
    _id: string;
    _rev?: string;
    [field: string]: unknown;
  }
  interface EventSource {
    on(event: string, listener: (...args: never[]) => void): this;
    cancel(): void;
  }
  interface ChangesFeed extends EventSource {
    on(event: 'change', listener: (change: { id: string; doc?: Doc; deleted?: boolean }) => void): this;
    on(event: 'error', listener: (error: unknown) => void): this;
  }
  interface SyncInfo {
    direction: 'push' | 'pull';
    change: { docs: Doc[] };
  }
  interface Replication {
    on(event: 'paused', listener: (error?: unknown) => void): this;
    on(event: 'requestError', listener: (error: unknown) => void): this;
  }
  interface Sync extends EventSource {
    push: Replication;
    pull: Replication;
    on(event: 'change', listener: (info: SyncInfo) => void): this;
    on(event: 'paused', listener: (error?: unknown) => void): this;
    on(event: 'active', listener: () => void): this;
    on(event: 'error', listener: (error: unknown) => void): this;
    on(event: 'denied', listener: (error: unknown) => void): this;
  }
  interface Options {
    auto_compaction?: boolean;
    skip_setup?: boolean;
    auth?: { username: string; password: string };
  }
  class PouchDB {
    constructor(name: string, options?: Options);
    allDocs(options?: {
      include_docs?: boolean;
    }): Promise<{ rows: { id: string; value: { rev: string }; doc?: Doc }[] }>;
    bulkDocs(docs: Doc[]): Promise<unknown[]>;
    get(id: string): Promise<Doc>;
    put(doc: Doc): Promise<{ rev: string }>;
    changes(options: { since: 'now' | number; live: boolean; include_docs: boolean }): ChangesFeed;
    sync(
      remote: PouchDB,
      options: { live: boolean; retry: boolean; back_off_function?: (delay: number) => number }
    ): Sync;
    close(): Promise<void>;
  }
  export default PouchDB;
}
