// The pre-outage clinical snapshot (診療サマリー): per-patient allergies, 病名 and last prescriptions, as of a date.
import * as v from 'valibot';
import type { Problem } from '../../result';
import { isRealIsoDate } from '../wareki';

/** 種別: アレルギー, 病名 (problem) or 処方 (a prescription line). */
export const CLINICAL_KINDS = ['allergy', 'problem', 'prescription'] as const;
export const ClinicalKindSchema = v.picklist(CLINICAL_KINDS);
export type ClinicalKind = v.InferOutput<typeof ClinicalKindSchema>;

const DateOrEmpty = v.pipe(
  v.string(),
  v.check((s) => s === '' || isRealIsoDate(s), 'yyyy-mm-dd or empty')
);

export const ClinicalItemSchema = v.object({
  kind: ClinicalKindSchema,
  name: v.pipe(v.string(), v.minLength(1)), // 名称: allergen, 病名 or 薬剤名
  strength: v.string(), // 規格
  dose: v.string(), // 用量
  usage: v.string(), // 用法
  days: v.string(), // 日数
  date: DateOrEmpty, // 日付: recorded, diagnosed or prescribed
  note: v.string() // 備考
});
export type ClinicalItem = v.InferOutput<typeof ClinicalItemSchema>;

export const PatientClinicalSchema = v.object({
  patientNo: v.pipe(v.string(), v.minLength(1)), // 患者番号, as in the roster
  items: v.array(ClinicalItemSchema)
});
export type PatientClinical = v.InferOutput<typeof PatientClinicalSchema>;

export const SnapshotFormatSchema = v.picklist(['csv', 'fhir']);
export type SnapshotFormat = v.InferOutput<typeof SnapshotFormatSchema>;

const IsoTimestamp = v.pipe(v.string(), v.isoTimestamp());

export const ClinicalSnapshotSchema = v.object({
  /** "As of": when the EHR exported it; what the doctor is told it is current to. */
  takenAt: IsoTimestamp,
  importedAt: IsoTimestamp,
  sourceFileName: v.string(),
  format: SnapshotFormatSchema,
  /** 'UTF-8', 'UTF-8-BOM' or 'SJIS' for a CSV; 'UTF-8' for FHIR JSON. */
  encoding: v.string(),
  patientCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  itemCount: v.pipe(v.number(), v.integer(), v.minValue(0))
});
export type ClinicalSnapshot = v.InferOutput<typeof ClinicalSnapshotSchema>;

/** A row (CSV) or entry (FHIR Bundle) left out, and why. */
export interface SnapshotRowProblem {
  rowNumber: number;
  reason: Problem;
}

/** What a file read into: patients with their items, rows left out, and the export's own date if it says one. */
export interface ReadSnapshot {
  patients: PatientClinical[];
  rejected: SnapshotRowProblem[];
  format: SnapshotFormat;
  encoding: string;
  /** Bundle.timestamp for FHIR; null for CSV (the user gives the "as of"). */
  exportedAt: string | null;
}

/** Group items by patient in the order patients first appear; items keep file order. */
export function groupByPatient(
  rows: readonly { patientNo: string; item: ClinicalItem }[]
): PatientClinical[] {
  const byNo = new Map<string, PatientClinical>();
  for (const { patientNo, item } of rows) {
    let p = byNo.get(patientNo);
    if (!p) byNo.set(patientNo, (p = { patientNo, items: [] }));
    p.items.push(item);
  }
  return [...byNo.values()];
}

export const itemCount = (patients: readonly PatientClinical[]) =>
  patients.reduce((n, p) => n + p.items.length, 0);

/** Newest first; undated items last, in file order. */
export function newestFirst(items: readonly ClinicalItem[]): ClinicalItem[] {
  return items
    .map((item, at) => ({ item, at }))
    .sort((a, b) => {
      if (a.item.date !== b.item.date) {
        if (!a.item.date) return 1;
        if (!b.item.date) return -1;
        return a.item.date < b.item.date ? 1 : -1;
      }
      return a.at - b.at;
    })
    .map((x) => x.item);
}

/**
 * The last prescription: every 処方 line with the newest date (the whole Rp. of that day, as a Do copies it).
 * Undated lines count as one prescription only when no line is dated.
 */
export function lastPrescription(items: readonly ClinicalItem[]): ClinicalItem[] {
  const rx = items.filter((i) => i.kind === 'prescription');
  const dated = rx.filter((i) => i.date !== '');
  if (dated.length === 0) return rx;
  const newest = dated.reduce((d, i) => (i.date > d ? i.date : d), '');
  return dated.filter((i) => i.date === newest);
}

/** Flexible date cells: 2025-11-01, 2025/11/1, 20251101, 2025.11.1. '' stays ''. Null when not a real day. */
export function readDate(cell: string): string | null {
  const s = cell.normalize('NFKC').trim();
  if (s === '') return '';
  const m = /^(\d{4})[-/.]?(\d{1,2})[-/.]?(\d{1,2})(?:[T ].*)?$/.exec(s);
  if (!m || (!/[-/.]/.test(s.slice(0, 10)) && s.length < 8)) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isRealIsoDate(iso) ? iso : null;
}
