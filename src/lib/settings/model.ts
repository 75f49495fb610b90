// Clinic settings, staff list and this device's label: their types, defaults and the rules that check them.
// Their valibot schemas (for a clinic code read from a QR) are in schema.ts: the app shell reads settings
// at every start, and valibot stays out of that first screen's code.
import type { FieldProblems } from '../result';
import { isPhoneNumber } from '../values';

export const staffRoles = ['reception', 'doctor', 'nurse', 'cashier', 'manager'] as const;
export type StaffRole = (typeof staffRoles)[number];

export interface Staff {
  id: string;
  name: string;
  role: StaffRole;
}

/** A レセコン code for a name the desk records: a 診療科 (ORCA's Department_Code) or a doctor (Physician_Code). */
export interface CodeEntry {
  name: string;
  code: string;
}

/**
 * The clinic's レセコン codes, set once in 設定 and written beside the names in the reconciliation CSV, so
 * the office enters each visit without looking them up. Keyed by the name an arrival records.
 */
export interface RececonCodes {
  departments: CodeEntry[]; // 診療科コード
  doctors: CodeEntry[]; // ドクターコード
}

export interface Clinic {
  /**
   * Made once when the clinic is first set up and copied to the clinic's other devices (設定のQR): with the
   * 医療機関コード it tells this clinic's files from another's.
   */
  clinicId: string;
  name: string;
  address: string;
  phone: string;
  /** 医療機関コード (10 digits: 都道府県2 + 点数表1 + 機関7) */
  medicalInstitutionCode: string;
  departments: string[];
  /** Deposit (預り金) presets in yen shown as one-tap buttons at the cashier. */
  depositPresets: number[];
  /** Minutes of no touch before the app locks. */
  idleLockMinutes: number;
  /** 診療科 and doctor codes of the レセコン (settings stored before they existed read as none). */
  receconCodes: RececonCodes;
}

export const defaultClinic: Clinic = {
  clinicId: '',
  name: '',
  address: '',
  phone: '',
  medicalInstitutionCode: '',
  departments: ['内科'],
  depositPresets: [3000, 5000, 10000],
  idleLockMinutes: 5,
  receconCodes: { departments: [], doctors: [] }
};

/** A name as compared for its code: trimmed, spaces of either width (U+3000 too) folded into one. */
const nameKey = (name: string) => name.normalize('NFKC').replace(/\s+/g, ' ').trim();

/** The code set for a name ('' when none: the CSV then says which name still needs one). */
export function codeFor(entries: readonly CodeEntry[] | undefined, name: string): string {
  const key = nameKey(name);
  if (!key) return '';
  return entries?.find((e) => nameKey(e.name) === key)?.code ?? '';
}

/** A code as typed: 半角, no spaces. */
export function cleanRececonCode(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '');
}

/** A code the レセコン can take: half-width letters and digits, at most 10 (ORCA's examples: 01, 10001). */
export function isRececonCode(code: string): boolean {
  return /^[0-9A-Za-z]{1,10}$/.test(code);
}

/**
 * The code table from the codes typed beside each current name: one entry per name with a code, in the
 * order of the names; a code that is not one is reported under the name's index.
 */
export function readCodeTable(
  names: readonly string[],
  typed: Readonly<Record<string, string>> | undefined
): { entries: CodeEntry[]; bad: number[] } {
  const entries: CodeEntry[] = [];
  const bad: number[] = [];
  names.forEach((name, i) => {
    const code = cleanRececonCode(typed?.[name] ?? '');
    if (!code) return;
    if (isRececonCode(code)) entries.push({ name, code });
    else bad.push(i);
  });
  return { entries, bad };
}

/** This device: its short label (A, B, C…) and who is working on it now. */
export interface DeviceSettings {
  /** Made once on this device: the sessions it declares or joins carry it. */
  deviceId: string;
  label: string;
  currentStaffId: string | null;
}

export const defaultDevice: DeviceSettings = { deviceId: '', label: '', currentStaffId: null };

/** What this device accepts from files (バンドル). */
export interface ImportPolicy {
  /** Bundles exported unsealed by versions before sealing existed: refused unless allowed here. */
  allowPlainBundles: boolean;
}

export const defaultImportPolicy: ImportPolicy = { allowPlainBundles: false };

/** Letters that prefix the serials of blank paper forms (受付票 U, 問診票 Q, 診療メモ M, 預り証 D, 申立書 S). */
export const reservedDeviceLabels = ['D', 'M', 'Q', 'S', 'U'];

export function checkDeviceLabel(label: string): FieldProblems<'label'> {
  const l = label.trim().toUpperCase();
  if (!/^[A-Z]{1,2}$/.test(l)) return { label: { key: 'settings.error.deviceLabel', field: 'label' } };
  // A deposit serial (device label + number) must never read as a blank form's serial.
  if (reservedDeviceLabels.includes(l))
    return {
      label: {
        key: 'settings.error.deviceLabelReserved',
        field: 'label',
        values: { letters: reservedDeviceLabels.join(', ') }
      }
    };
  return {};
}

export function checkClinic(clinic: Clinic): FieldProblems<'name' | 'medicalInstitutionCode' | 'phone'> {
  const problems: FieldProblems<'name' | 'medicalInstitutionCode' | 'phone'> = {};
  if (!clinic.name.trim()) problems.name = { key: 'settings.error.clinicName', field: 'name' };
  const code = clinic.medicalInstitutionCode.replace(/[\s-]/g, '');
  if (code && !/^\d{7}$|^\d{10}$/.test(code))
    problems.medicalInstitutionCode = {
      key: 'settings.error.institutionCode',
      field: 'medicalInstitutionCode'
    };
  if (clinic.phone && !isPhoneNumber(clinic.phone))
    problems.phone = { key: 'settings.error.phone', field: 'phone' };
  return problems;
}

export function checkStaffName(name: string): FieldProblems<'name'> {
  return name.trim() ? {} : { name: { key: 'settings.error.staffName', field: 'name' } };
}

/** A 医療機関コード as compared: digits only ('' when not set). */
export function institutionCodeOf(clinic: Pick<Clinic, 'medicalInstitutionCode'>): string {
  return clinic.medicalInstitutionCode.replace(/\D/g, '');
}

/** What a file or another device says about the clinic it comes from. */
export interface ClinicIdentity {
  clinicId: string;
  medicalInstitutionCode: string;
  name: string;
}

export function identityOf(clinic: Clinic): ClinicIdentity {
  return {
    clinicId: clinic.clinicId,
    medicalInstitutionCode: institutionCodeOf(clinic),
    name: clinic.name
  };
}

/**
 * same: the same clinic (the same 医療機関コード, or, where a code is missing, the same clinic id);
 * other: another clinic; unknown: nothing to compare (a file from before clinics had an id).
 */
export type ClinicMatch = 'same' | 'other' | 'unknown';

export function matchClinic(mine: ClinicIdentity, theirs: Partial<ClinicIdentity> | null): ClinicMatch {
  if (!theirs) return 'unknown';
  const a = mine.medicalInstitutionCode.replace(/\D/g, '');
  const b = (theirs.medicalInstitutionCode ?? '').replace(/\D/g, '');
  if (a && b) return a === b ? 'same' : 'other';
  if (mine.clinicId && theirs.clinicId) return mine.clinicId === theirs.clinicId ? 'same' : 'other';
  return 'unknown';
}
