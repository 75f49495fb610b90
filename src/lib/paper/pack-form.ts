// The blank-form pack chooser as rules: which form, from which number, how many — read from what was typed.
import { fail, ok, type FieldProblems, type Result } from '../result';
import type { FormKind } from './model';
import { MAX_SERIAL } from './serial';

/** Same as forms/pack's MAX_PACK (a test holds them equal): kept here so the screen does not load jsPDF to check a number. */
export const PACK_LIMIT = 500;
export const DEFAULT_PACK = 20;

export const formKinds: FormKind[] = ['arrivalSlip', 'intake', 'visitMemo', 'depositSlip', 'eligibility'];

/** The settings row remembering the next unused serial number of a blank form. */
export function nextNumberKey(kind: FormKind): string {
  return `paper.next.${kind}`;
}

export interface PackForm {
  kind: FormKind;
  startText: string;
  countText: string;
}

export interface Pack {
  kind: FormKind;
  start: number;
  count: number;
}

export type PackField = 'start' | 'count';

/** A whole number as typed on a Japanese keyboard (全角 digits, commas, spaces); null when it is not one. */
export function readWholeNumber(text: string): number | null {
  const s = text.normalize('NFKC').replace(/[\s,、]/g, '');
  return /^\d{1,9}$/.test(s) ? Number(s) : null;
}

export function readPackForm(form: PackForm): Result<Pack, FieldProblems<PackField>> {
  const problems: FieldProblems<PackField> = {};
  const count = readWholeNumber(form.countText);
  if (count === null || count < 1 || count > PACK_LIMIT)
    problems.count = { key: 'paper.pack.error.count', field: 'count', values: { max: PACK_LIMIT } };
  const start = readWholeNumber(form.startText);
  const room = MAX_SERIAL - (count ?? 1) + 1;
  if (start === null || start < 1 || start > room)
    problems.start = { key: 'paper.pack.error.start', field: 'start', values: { max: room } };
  if (Object.keys(problems).length > 0 || count === null || start === null) return fail(problems);
  return ok({ kind: form.kind, start, count });
}

/** The number to remember after printing a pack: never moves back when an older range is printed again. */
export function nextAfter(pack: Pick<Pack, 'start' | 'count'>, remembered: number): number {
  return Math.max(remembered, pack.start + pack.count);
}

/** Whether the pack repeats serials already printed (the remembered next number is past its start). */
export function repeatsPrinted(pack: Pick<Pack, 'start'>, remembered: number): boolean {
  return pack.start < remembered;
}
