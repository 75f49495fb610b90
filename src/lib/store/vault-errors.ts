// The vault's own failures, as errors the store layer throws and as Problems the UI shows.
import { errorNames as names } from './error-names';
import type { Problem } from '../result';

/** Thrown by the vault middleware when encrypted data is read or written while the vault is locked. */
export class VaultLockedError extends Error {
  constructor() {
    super('vault is locked');
    this.name = 'VaultLockedError';
  }
}

/** A stored record failed its integrity check (tampered, or written under another key). Never carries content. */
export class VaultIntegrityError extends Error {
  constructor(public readonly table: string) {
    super(`vault: a record in ${table} failed its integrity check`);
    this.name = 'VaultIntegrityError';
  }
}

/** A query the encrypted layout cannot answer (a range over a hashed index): a programming error. */
export class VaultQueryError extends Error {
  constructor(message: string) {
    super(`vault: ${message}`);
    this.name = 'VaultQueryError';
  }
}

/** The Problem for a vault failure, or null when the error is not the vault's. */
export function vaultProblem(error: unknown): Problem | null {
  const n = names(error);
  if (n.includes('VaultLockedError')) return { key: 'vault.error.locked' };
  if (n.includes('VaultIntegrityError')) return { key: 'vault.error.integrity' };
  return null;
}
