// Serial numbers printed on paper ('U-0001', 'A-0003'): making them, and reading them back when typed or scanned.
import { fail, ok, type Result } from '../result';
// Read in printouts loaded lazily: it brings the words of its own errors.
import '../i18n/messages/paper';
import type { FormKind } from './model';

/**
 * Prefixes of the blank forms printed ahead of time, one letter per form so a serial says which paper it is.
 * Deposits recorded in the app carry the device label instead ('A-0003' from device A), so 預り証 printed
 * blank get 'D' (deposit); device labels should avoid these letters for serials never to collide.
 */
export const SERIAL_PREFIX: Record<FormKind, string> = {
  arrivalSlip: 'U',
  intake: 'Q',
  visitMemo: 'M',
  depositSlip: 'D',
  eligibility: 'S'
};

const FORM_OF_PREFIX = new Map(Object.entries(SERIAL_PREFIX).map(([kind, p]) => [p, kind as FormKind]));

export const MAX_SERIAL = 999_999;

export interface Serial {
  /** One or two letters: a form's prefix or a device label. */
  prefix: string;
  number: number;
  /** Canonical form, 'A-0003'. */
  text: string;
  /** The blank form the prefix stands for, when it is one. */
  form?: FormKind;
}

/** 'U-0001': the prefix, a hyphen and at least four digits. */
export function formatSerial(prefix: string, number: number): string {
  return `${prefix}-${String(number).padStart(4, '0')}`;
}

/** The serial of the `number`th blank form of a kind. */
export function formSerial(kind: FormKind, number: number): string {
  return formatSerial(SERIAL_PREFIX[kind], number);
}

/** Dashes an IME or a scanner may produce instead of '-' (ー is what typing '-' in kana mode gives). */
const DASHES = /[‐‑‒–—―−ーｰ－]/g;

/** Full-width to half-width, upper case, any dash to '-', no spaces: 'ａ－３' → 'A-3'. */
export function normaliseSerialText(input: string): string {
  return input.normalize('NFKC').replace(DASHES, '-').replace(/\s+/g, '').toUpperCase();
}

/**
 * Read a serial as typed or scanned: 'a-3', 'Ａ０００３' and 'A-0003' all give A-0003.
 * With `prefixes`, a serial starting otherwise (a 受付票 scanned where a deposit was asked for) is refused.
 */
export function parseSerial(input: string, prefixes?: readonly string[]): Result<Serial> {
  const match = /^([A-Z]{1,2})-?(\d{1,6})$/.exec(normaliseSerialText(input));
  const prefix = match?.[1] ?? '';
  const number = match ? Number(match[2]) : 0;
  if (!match || number < 1) {
    return fail({ key: 'paper.serial.invalid', values: { example: formatSerial(prefixes?.[0] ?? 'A', 3) } });
  }
  if (prefixes && !prefixes.includes(prefix)) {
    return fail({
      key: 'paper.serial.wrongKind',
      values: { expected: prefixes.map((p) => `${p}-`).join(' / ') }
    });
  }
  const form = FORM_OF_PREFIX.get(prefix);
  return ok({ prefix, number, text: formatSerial(prefix, number), ...(form ? { form } : {}) });
}
