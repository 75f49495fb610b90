// Maps what IndexedDB throws to a Problem the user can read; unknown failures are reported, never swallowed.
import { errorNames as names } from './error-names';
import type { Problem } from '../result';
import { vaultProblem } from './vault-errors';

export type StoreErrorKind =
  'quota' | 'privateMode' | 'blocked' | 'versionChange' | 'closed' | 'conflict' | 'unknown';

/** Thrown by repos for an optimistic-concurrency miss; caught by write() and turned into a Problem. */
export class ConflictError extends Error {
  constructor(public readonly recordId: string) {
    super(`conflict on ${recordId}`);
    this.name = 'ConflictError';
  }
}

export function classify(error: unknown): StoreErrorKind {
  const n = names(error);
  if (n.includes('ConflictError')) return 'conflict';
  if (n.includes('QuotaExceededError')) return 'quota';
  if (n.includes('VersionError') || n.includes('VersionChangeError')) return 'versionChange';
  if (n.includes('DatabaseClosedError') || n.includes('InvalidStateError') || n.includes('UnknownError'))
    return 'closed';
  if (n.includes('MissingAPIError') || n.includes('SecurityError') || n.includes('InvalidAccessError'))
    return 'privateMode';
  if (n.includes('BlockedError')) return 'blocked';
  return 'unknown';
}

export function toProblem(error: unknown): Problem {
  const vault = vaultProblem(error);
  if (vault) return vault;
  const kind = classify(error);
  if (kind === 'unknown') {
    const detail = error instanceof Error ? error.name : 'error';
    return { key: 'store.error.unknown', values: { detail } };
  }
  return { key: `store.error.${kind}` };
}
