// The audit trail (監査ログ): append-only, who did what to which record on this device, with no patient content.
// Creates and changes are written by the vault middleware in the same transaction as the record;
// exports, prints, imports and purges are appended here by the domains that do them.
import { table } from './db';
import { write } from './write';
import type { Result } from '../result';
import {
  auditEntry,
  type AuditAction,
  type AuditActor,
  type AuditEntry,
  type AuditInput
} from './audit-entry';

export {
  AUDIT_ACTIONS,
  auditEntry,
  actorOf,
  type AuditAction,
  type AuditActor,
  type AuditEntry,
  type AuditInput
} from './audit-entry';

const entries = () => table<AuditEntry>('audit');

export interface AuditQuery {
  action?: AuditAction | null;
  /** At most this many entries, newest first. */
  limit?: number;
}

export const audit = {
  /** Append one entry (export, print, import, purge…), naming who did it on which device. */
  append(input: AuditInput, by: AuditActor, now: Date = new Date()): Promise<Result<AuditEntry>> {
    const entry = auditEntry(input, now, by);
    return write(async () => {
      await entries().add(entry);
      return entry;
    });
  },

  /** Newest first, optionally one kind of action only. */
  async list(query: AuditQuery = {}): Promise<AuditEntry[]> {
    const limit = query.limit ?? 200;
    const action = query.action ?? null;
    let collection = entries().orderBy('at').reverse();
    if (action) collection = collection.filter((e) => e.action === action);
    return collection.limit(limit).toArray();
  },

  /** Everything recorded for one outage session, oldest first (for the recovery bundle). */
  listBySession(sessionId: string): Promise<AuditEntry[]> {
    return entries().where('sessionId').equals(sessionId).sortBy('at');
  },

  count(): Promise<number> {
    return entries().count();
  }
};
