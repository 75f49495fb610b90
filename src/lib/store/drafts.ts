// Drafts: what a user has typed into a form but not yet submitted, kept in IndexedDB keystroke by keystroke.
import { table } from './db';
import { write } from './write';
import type { Result } from '../result';

export interface DraftRow<T = unknown> {
  key: string;
  value: T;
  updatedAt: string;
  /** Which tab wrote it last, so a tab can tell its own echo from another tab's edit. */
  tabId: string;
  /** Session this draft belongs to (for purge); '' for drafts outside a session. */
  sessionId: string;
}

const drafts = () => table<DraftRow>('drafts');

export function getDraft<T>(key: string): Promise<DraftRow<T> | undefined> {
  return drafts().get(key) as Promise<DraftRow<T> | undefined>;
}

export function putDraft<T>(row: DraftRow<T>): Promise<Result<string>> {
  return write(() => drafts().put(row));
}

export function deleteDraft(key: string): Promise<Result<void>> {
  return write(() => drafts().delete(key));
}

export function listDrafts(): Promise<DraftRow[]> {
  return drafts().toArray();
}
