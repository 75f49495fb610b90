// A saved memo and its arrival as the 院外処方箋 wants them: the 院外 lines, the patient's insurance and 公費,
// the clinic from settings; and the sheet's number, one per print, from this device's counter.
import type { Arrival } from '../reception/model';
import type { Clinic } from '../settings/model';
import type { Memo } from '../visits/model';
import { localDate } from '../visits/model';
import type { InsuranceType, RxLine, RxPaper, RxSheet } from '../prescription/model';
import { formatSerial } from './serial';

/** What the doctor chooses for this print. */
export interface RxChoices {
  paper: RxPaper;
  validUntil: string;
  refills: number;
  splitParts: number;
  remarks: string;
}

export const defaultRxChoices: RxChoices = {
  paper: 'a5',
  validUntil: '',
  refills: 0,
  splitParts: 0,
  remarks: ''
};

const INSURANCE_TYPES: Partial<Record<string, InsuranceType>> = {
  shaho: 'shaho',
  kokuho: 'kokuho',
  kouki: 'kouki'
};

/** The 院外 lines with a drug written: 院内 lines are dispensed here and never go on the sheet. */
export function outsideLines(memo: Pick<Memo, 'content'>): RxLine[] {
  return memo.content.prescriptions
    .filter((p) => p.dispensing === 'outside' && p.drug.trim() !== '')
    .map((p) => ({
      drug: p.drug,
      strength: p.strength,
      dose: p.dose,
      usage: p.usage,
      days: p.days,
      noChange: p.marks?.includes('noChange') ?? false,
      patientWish: p.marks?.includes('patientWish') ?? false
    }));
}

/** The sheet without its number (given when it is printed). */
export function prescriptionSheet(
  memo: Memo,
  arrival: Arrival,
  clinic: Pick<Clinic, 'name' | 'address' | 'phone' | 'medicalInstitutionCode'>,
  choices: RxChoices,
  now: Date
): Omit<RxSheet, 'serial'> {
  const ins = arrival.insurance;
  const publics = [
    { payerNo: ins.publicPayerNo, recipientNo: ins.publicRecipientNo },
    ...(arrival.rececon?.morePublics ?? []).map((p) => ({ payerNo: p.payerNo, recipientNo: p.recipientNo }))
  ].filter((p) => p.payerNo.trim() !== '');
  return {
    paper: choices.paper,
    drill: memo.drill,
    clinic: {
      name: clinic.name,
      address: clinic.address,
      phone: clinic.phone,
      code: clinic.medicalInstitutionCode.replace(/\D/g, '')
    },
    doctor: memo.content.doctor.trim() || arrival.doctor.trim(),
    department: memo.content.department.trim() || arrival.department.trim(),
    patient: {
      id: arrival.patientNo,
      name: arrival.name,
      kana: arrival.kana,
      birthDate: arrival.birthDate,
      sex: arrival.sex
    },
    insurance: {
      type: INSURANCE_TYPES[arrival.rececon?.insuranceKind ?? ''] ?? '',
      insurerNo: ins.insurerNo.replace(/\s/g, ''),
      symbol: ins.symbol,
      number: ins.number,
      branch: ins.branch,
      relation: ins.relation === 'self' ? 'insured' : ins.relation === 'family' ? 'dependent' : '',
      copay: ins.copay === '1' || ins.copay === '2' || ins.copay === '3' ? ins.copay : '',
      publics
    },
    issuedOn: localDate(now),
    validUntil: choices.validUntil,
    refills: choices.refills,
    splitParts: choices.splitParts,
    remarks: choices.remarks,
    lines: outsideLines(memo)
  };
}

/**
 * 処方箋 numbers: 'R' and this device's one-letter label ('RA-0001'), so two tablets never print the same
 * number; a label that is not one letter gives plain 'R'.
 */
export function prescriptionSerialPrefix(deviceLabel: string): string {
  return /^[A-Z]$/.test(deviceLabel) ? `R${deviceLabel}` : 'R';
}

export function prescriptionSerial(deviceLabel: string, number: number): string {
  return formatSerial(prescriptionSerialPrefix(deviceLabel), number);
}

/** The counter the numbers come from (per device label, as deposit serials are). */
export const prescriptionCounterKey = (deviceLabel: string) => `prescription:${deviceLabel}`;
