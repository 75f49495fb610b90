// Reads and writes of the roster snapshot (名簿): the clinic's patients, replaced whole on each import.
import * as v from 'valibot';
import { settings, table, transaction, write } from '../store';
import { fail, type Problem, type Result } from '../result';
import { auditEntry, type AuditEntry } from '../store/audit';
import { RosterSnapshotSchema, type Patient, type RosterSnapshot } from './model';

/** The settings row that describes the roster now on this device. */
export const ROSTER_SETTING = 'roster';
/** The settings row that keeps the last import's rejected rows and warnings, for a later look. */
export const ROSTER_REPORT_SETTING = 'rosterReport';
/** Rows per bulkPut: small enough to report progress often, large enough to stay fast. */
export const ROSTER_CHUNK = 2000;
/** At most this many rejected rows and warnings are kept with the snapshot (the count is always kept). */
export const REPORT_LIMIT = 1000;

/** One line of an import report: a row of the file and what was wrong with it. */
export interface ReportLine {
  rowNumber: number;
  reason: Problem;
}

/** What the last import left out or kept with a caution; kept until the next import or deletion. */
export interface ImportReport {
  rejected: ReportLine[];
  rejectedCount: number;
  warnings: ReportLine[];
  warningCount: number;
}

export interface ReplaceOptions {
  report?: ImportReport;
  /** Called after each chunk with rows written so far (inside the transaction; keep it quick). */
  onProgress?: (written: number, total: number) => void;
  chunkSize?: number;
}

/** The snapshot as the caller describes it; count is always the number of patients written. */
export type SnapshotInput = Omit<RosterSnapshot, 'count'>;

const patients = () => table<Patient>('patients');

/** Cap a report to what is worth keeping; counts keep the whole truth. */
export function capReport(
  rejected: readonly ReportLine[],
  warnings: readonly ReportLine[],
  limit = REPORT_LIMIT
): ImportReport {
  const line = (l: ReportLine): ReportLine => ({ rowNumber: l.rowNumber, reason: l.reason });
  return {
    rejected: rejected.slice(0, limit).map(line),
    rejectedCount: rejected.length,
    warnings: warnings.slice(0, limit).map(line),
    warningCount: warnings.length
  };
}

export const patientsRepo = {
  /** Every roster patient (in primary-key order). */
  all: (): Promise<Patient[]> => patients().toArray(),
  get: (id: string): Promise<Patient | undefined> => patients().get(id),
  byPatientNo: (patientNo: string): Promise<Patient | undefined> =>
    patients().where('patientNo').equals(patientNo).first(),
  count: (): Promise<number> => patients().count(),
  /** The roster now on this device, or null when none was imported (or it was deleted). */
  snapshot: (): Promise<RosterSnapshot | null> => settings.get<RosterSnapshot | null>(ROSTER_SETTING, null),
  /** The last import's report, or null. */
  report: (): Promise<ImportReport | null> => settings.get<ImportReport | null>(ROSTER_REPORT_SETTING, null),

  /**
   * The snapshot and its patients read together, so they always belong to the same import (a
   * re-import in another tab between two separate reads could otherwise pair old meta with new rows).
   */
  load(): Promise<{ snapshot: RosterSnapshot | null; patients: Patient[] }> {
    return transaction(['patients', 'settings'], async () => ({
      snapshot: await patientsRepo.snapshot(),
      patients: await patients().toArray()
    }));
  },

  /**
   * Replace the whole roster in one transaction: the old rows go, the new ones are written in
   * chunks, the snapshot meta and report are set. All or nothing — a failure (a full disk, a
   * closed tab) leaves the previous roster exactly as it was.
   */
  async replaceSnapshot(
    list: readonly Patient[],
    meta: SnapshotInput,
    options: ReplaceOptions = {}
  ): Promise<Result<RosterSnapshot>> {
    const snapshot: RosterSnapshot = {
      takenAt: meta.takenAt,
      importedAt: meta.importedAt,
      sourceFileName: meta.sourceFileName,
      encoding: meta.encoding,
      count: list.length
    };
    const checked = v.safeParse(RosterSnapshotSchema, snapshot);
    if (!checked.success) {
      const path = checked.issues[0]?.path?.map((item) => String(item.key)).join('.') ?? '';
      return fail({ key: 'patients.error.invalidRecord', values: { path } });
    }
    const chunk = Math.max(1, options.chunkSize ?? ROSTER_CHUNK);
    const report = options.report ?? capReport([], []);
    return write(() =>
      transaction(['patients', 'settings', 'audit'], async () => {
        await patients().clear();
        // One chunk stays in flight while the next is handed over, so the browser stores chunk k while
        // this thread serialises chunk k+1 rather than each waiting for the other. Progress is still
        // reported chunk by chunk, once a chunk is written; a failed chunk fails the whole transaction.
        let inFlight: { done: Promise<unknown>; written: number } | null = null;
        for (let at = 0; at < list.length; at += chunk) {
          const done = patients().bulkPut(list.slice(at, at + chunk));
          done.catch(() => {}); // awaited below; meanwhile not an unhandled rejection
          if (inFlight) {
            await inFlight.done;
            options.onProgress?.(inFlight.written, list.length);
          }
          inFlight = { done, written: Math.min(at + chunk, list.length) };
        }
        if (inFlight) {
          await inFlight.done;
          options.onProgress?.(inFlight.written, list.length);
        }
        await table('settings').bulkPut([
          { key: ROSTER_SETTING, value: snapshot },
          { key: ROSTER_REPORT_SETTING, value: report }
        ]);
        await table<AuditEntry>('audit').add(
          auditEntry(
            { action: 'import', table: 'patients', count: list.length, detail: 'roster' },
            new Date()
          )
        );
        return snapshot;
      })
    );
  },

  /** Remove the roster from this device (patients, snapshot and report), in one transaction. */
  deleteRoster(): Promise<Result<void>> {
    return write(() =>
      transaction(['patients', 'settings', 'audit'], async () => {
        const count = await patients().count();
        await patients().clear();
        await table('settings').bulkDelete([ROSTER_SETTING, ROSTER_REPORT_SETTING]);
        await table<AuditEntry>('audit').add(
          auditEntry({ action: 'purge', table: 'patients', count, detail: 'roster' }, new Date())
        );
      })
    );
  }
};
