// Errors as values: the typed result every import, validation and storage edge returns to the UI.
import type { MessageKey } from './i18n/keys';

/** A message the UI translates: an i18n key plus the values it interpolates. */
export interface Problem {
  key: MessageKey;
  values?: Record<string, string | number>;
  /** The form field the problem belongs to, so the UI shows it next to that field. */
  field?: string;
}

export type Result<T, E = Problem> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <E = Problem>(error: E): Result<never, E> => ({ ok: false, error });

/** Field-keyed problems from a form check; empty when the form is valid. */
export type FieldProblems<F extends string = string> = Partial<Record<F, Problem>>;
