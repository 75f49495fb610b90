// The 預り証 for one deposit, filled in: patient's part and clinic stub with the same serial.
import { Paper } from '../engine';
import { TITLES } from '../form-text';
import { depositSlipForm } from '../forms/deposit-slip';
import type { DepositSlipInput, FontBytes, PdfResult } from '../model';
import { parseSerial } from '../serial';

export function depositSlip(input: DepositSlipInput, font: FontBytes): PdfResult {
  const parsed = parseSerial(input.serial);
  const serial = parsed.ok ? parsed.value.text : input.serial;
  const doc = new Paper({
    font,
    clinic: input.clinic,
    drill: input.drill,
    title: `${input.kind === 'selfPay' ? TITLES.selfPaySlip : TITLES.depositSlip} ${serial}`,
    printedAt: input.printedAt
  });
  depositSlipForm(doc, input.clinic, serial, input);
  return doc.finish();
}
