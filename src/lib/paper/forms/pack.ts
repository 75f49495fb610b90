// Packs of blank forms printed ahead of time: N pages from a start number, each with its own serial and QR code.
import { Paper } from '../engine';
import { TITLES } from '../form-text';
import type { Clinic, FontBytes, FormKind, FormPackInput, PdfResult } from '../model';
import { formSerial, MAX_SERIAL } from '../serial';
import { arrivalSlipForm } from './arrival-slip';
import { depositSlipForm } from './deposit-slip';
import { eligibilityForm } from './eligibility';
import { intakeForm } from './intake';
import { visitMemoForm } from './visit-memo';

/** A pack larger than this is a typo, not a plan (and would take long to print). */
export const MAX_PACK = 500;

export const FORM_LAYOUTS: Record<FormKind, (doc: Paper, clinic: Clinic, serial: string) => void> = {
  arrivalSlip: arrivalSlipForm,
  intake: intakeForm,
  visitMemo: visitMemoForm,
  depositSlip: depositSlipForm,
  eligibility: eligibilityForm
};

/** One page per form. Throws RangeError on a count or start the UI should not have let through. */
export function formPack(input: FormPackInput, font: FontBytes): PdfResult {
  const { kind, clinic, drill, start, count } = input;
  if (!Number.isInteger(count) || count < 1 || count > MAX_PACK)
    throw new RangeError(`Pack size out of range: ${count}`);
  if (!Number.isInteger(start) || start < 1 || start + count - 1 > MAX_SERIAL)
    throw new RangeError(`Start out of range: ${start}`);
  const first = formSerial(kind, start);
  const last = formSerial(kind, start + count - 1);
  const doc = new Paper({ font, clinic, drill, title: `${TITLES[kind]} ${first}〜${last}` });
  for (let i = 0; i < count; i++) {
    if (i > 0) doc.newPage();
    FORM_LAYOUTS[kind](doc, clinic, formSerial(kind, start + i));
  }
  return doc.finish();
}
