// Addresses of the recovery screens, each carrying the session it works on (an id, never patient data).
import { resolve } from '$app/paths';

export type RecoveryPath =
  | '/recovery/'
  | '/recovery/export/'
  | '/recovery/import/'
  | '/recovery/checklist/'
  | '/recovery/csv/'
  | '/recovery/report/'
  | '/recovery/purge/';

export function recoveryHref(path: RecoveryPath, sessionId: string): string {
  return `${resolve(path)}?session=${encodeURIComponent(sessionId)}`;
}

/** Billing's settlement screen (精算), built by the billing domain. */
export function settleHref(): string {
  return resolve('/settle/');
}
