// Reads and writes of the clinical snapshot: sealed blocks of patients, replaced whole on each import, deleted on demand.
import * as v from 'valibot';
import { readTransaction, settings, table, transaction, write, type Actor } from '../../store';
import { actorOf, auditEntry, type AuditEntry } from '../../store/audit';
import { fail, type Result } from '../../result';
import {
  ClinicalSnapshotSchema,
  itemCount,
  type ClinicalSnapshot,
  type PatientClinical,
  type SnapshotRowProblem
} from './model';

/** The settings row describing the snapshot on this device (dates and counts only, no patient content). */
export const CLINICAL_SETTING = 'clinicalSnapshot';
/** The settings row with the last import's rows left out (row numbers and reasons, no cell content). */
export const CLINICAL_REPORT_SETTING = 'clinicalReport';
/** Patients per sealed block, as for the roster (store/migrations/v4.ts). */
export const CLINICAL_CHUNK = 1000;
const REPORT_LIMIT = 1000;

export interface ClinicalBlock {
  id: number;
  patients: PatientClinical[];
}

export interface ClinicalReport {
  rejected: SnapshotRowProblem[];
  rejectedCount: number;
}

const blocks = () => table<ClinicalBlock, number>('clinicalBlocks');

export type ClinicalSnapshotInput = Omit<ClinicalSnapshot, 'patientCount' | 'itemCount'>;

export const clinicalRepo = {
  /** The snapshot now on this device, or null. */
  snapshot: (): Promise<ClinicalSnapshot | null> =>
    settings.get<ClinicalSnapshot | null>(CLINICAL_SETTING, null),
  report: (): Promise<ClinicalReport | null> =>
    settings.get<ClinicalReport | null>(CLINICAL_REPORT_SETTING, null),

  /** One patient's summary with the snapshot it belongs to, read together; null items when none. */
  forPatient(
    patientNo: string
  ): Promise<{ snapshot: ClinicalSnapshot | null; patient: PatientClinical | null }> {
    return readTransaction(['clinicalBlocks', 'settings'], async () => {
      const snapshot = await clinicalRepo.snapshot();
      let patient: PatientClinical | null = null;
      if (snapshot && patientNo)
        await blocks().each((block) => {
          patient ??= block.patients.find((p) => p.patientNo === patientNo) ?? null;
        });
      return { snapshot, patient };
    });
  },

  /** Replace the whole snapshot in one transaction (all or nothing), with one audit line naming the importer. */
  replace(
    list: readonly PatientClinical[],
    meta: ClinicalSnapshotInput,
    rejected: readonly SnapshotRowProblem[],
    by: Actor
  ): Promise<Result<ClinicalSnapshot>> {
    const snapshot: ClinicalSnapshot = { ...meta, patientCount: list.length, itemCount: itemCount(list) };
    const checked = v.safeParse(ClinicalSnapshotSchema, snapshot);
    if (!checked.success) {
      const path = checked.issues[0]?.path?.map((item) => String(item.key)).join('.') ?? '';
      return Promise.resolve(fail({ key: 'patients.error.invalidRecord', values: { path } }));
    }
    const report: ClinicalReport = {
      rejected: rejected.slice(0, REPORT_LIMIT).map((r) => ({ rowNumber: r.rowNumber, reason: r.reason })),
      rejectedCount: rejected.length
    };
    return write(() =>
      transaction(['clinicalBlocks', 'settings', 'audit'], async () => {
        await blocks().clear();
        const rows: ClinicalBlock[] = [];
        for (let at = 0; at < list.length; at += CLINICAL_CHUNK)
          rows.push({ id: rows.length, patients: list.slice(at, at + CLINICAL_CHUNK) });
        await blocks().bulkPut(rows);
        await table('settings').bulkPut([
          { key: CLINICAL_SETTING, value: snapshot },
          { key: CLINICAL_REPORT_SETTING, value: report }
        ]);
        await table<AuditEntry>('audit').add(
          auditEntry(
            // Like the roster, the snapshot belongs to the device, not to an outage session.
            {
              action: 'import',
              table: 'clinicalBlocks',
              count: list.length,
              detail: 'clinical',
              sessionId: ''
            },
            new Date(),
            actorOf(by)
          )
        );
        return snapshot;
      })
    );
  },

  /** Remove the snapshot from this device (blocks, meta and report), in one transaction. */
  remove(by: Actor): Promise<Result<void>> {
    return write(() =>
      transaction(['clinicalBlocks', 'settings', 'audit'], async () => {
        const count = (await blocks().toArray()).reduce((n, b) => n + b.patients.length, 0);
        await blocks().clear();
        await table('settings').bulkDelete([CLINICAL_SETTING, CLINICAL_REPORT_SETTING]);
        await table<AuditEntry>('audit').add(
          auditEntry(
            { action: 'purge', table: 'clinicalBlocks', count, detail: 'clinical', sessionId: '' },
            new Date(),
            actorOf(by)
          )
        );
      })
    );
  }
};
