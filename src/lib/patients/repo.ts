// Reads and writes of the roster snapshot (名簿): the clinic's patients, replaced whole on each import.
import * as v from 'valibot';
import { readTransaction, settings, table, transaction, write, type Actor } from '../store';
import { fail, type Problem, type Result } from '../result';
import { actorOf, auditEntry, type AuditEntry } from '../store/audit';
import { RosterSnapshotSchema, type Patient, type RosterSnapshot } from './model';

/** The settings row that describes the roster now on this device. */
export const ROSTER_SETTING = 'roster';
/** The settings row that keeps the last import's rejected rows and warnings, for a later look. */
export const ROSTER_REPORT_SETTING = 'rosterReport';
/**
 * Patients per stored block (schema v2, see store/migrations/v2.ts): one sealed row per 1,000 patients
 * keeps a 50,000-patient import and the first search to 50 row writes and reads, and progress is still
 * reported often.
 */
export const ROSTER_CHUNK = 1000;
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
  /**
   * Lines of the file a runaway quoted cell swallowed (see quote-damage.ts): not rows of their own,
   * so not in `rejected`, but not imported either. Absent in reports kept before it was counted.
   */
  swallowedCount?: number;
}

export interface ReplaceOptions {
  report?: ImportReport;
  /** Called after each chunk with rows written so far (inside the transaction; keep it quick). */
  onProgress?: (written: number, total: number) => void;
  chunkSize?: number;
}

/** The snapshot as the caller describes it; count is always the number of patients written. */
export type SnapshotInput = Omit<RosterSnapshot, 'count'>;

/** One stored block of the roster: patients in file order; block ids count up from 0. */
export interface RosterBlock {
  id: number;
  patients: Patient[];
}

const blocks = () => table<RosterBlock, number>('rosterBlocks');
/** Schema v1 kept one row per patient; rows a v1 app left are moved into blocks on first use. */
const legacyPatients = () => table<Patient>('patients');

/** Cut the roster into blocks of `size` patients. */
export function toBlocks(list: readonly Patient[], size = ROSTER_CHUNK): RosterBlock[] {
  const out: RosterBlock[] = [];
  const step = Math.max(1, size);
  for (let at = 0; at < list.length; at += step)
    out.push({ id: out.length, patients: list.slice(at, at + step) });
  return out;
}

/**
 * Rows written by a v1 app (one per patient) are moved into blocks, once, in one transaction: all of
 * them or none. Runs on the first read after an update, when the vault is unlocked (reading needs it).
 */
async function moveLegacyRows(): Promise<void> {
  if ((await legacyPatients().count()) === 0) return;
  await transaction(['patients', 'rosterBlocks'], async () => {
    const old = await legacyPatients().toArray();
    if (old.length === 0) return;
    const kept = (await blocks().toArray()).flatMap((block) => block.patients);
    const known = new Set(kept.map((p) => p.id));
    await blocks().clear();
    await blocks().bulkPut(toBlocks([...kept, ...old.filter((p) => !known.has(p.id))]));
    await legacyPatients().clear();
  });
}

/** Cap a report to what is worth keeping; counts keep the whole truth. */
export function capReport(
  rejected: readonly ReportLine[],
  warnings: readonly ReportLine[],
  limit = REPORT_LIMIT,
  swallowed = 0
): ImportReport {
  const line = (l: ReportLine): ReportLine => ({ rowNumber: l.rowNumber, reason: l.reason });
  return {
    rejected: rejected.slice(0, limit).map(line),
    rejectedCount: rejected.length,
    warnings: warnings.slice(0, limit).map(line),
    warningCount: warnings.length,
    swallowedCount: swallowed
  };
}

/** Rows of the file the import left out: rejected rows and lines swallowed by a runaway quote. */
export const notImportedCount = (report: ImportReport) => report.rejectedCount + (report.swallowedCount ?? 0);

export const patientsRepo = {
  /** The roster now on this device, or null when none was imported (or it was deleted). */
  snapshot: (): Promise<RosterSnapshot | null> => settings.get<RosterSnapshot | null>(ROSTER_SETTING, null),
  /** The last import's report, or null. */
  report: (): Promise<ImportReport | null> => settings.get<ImportReport | null>(ROSTER_REPORT_SETTING, null),

  /**
   * The snapshot and its patients (in file order) read together, so they always belong to the same
   * import (a re-import in another tab between two separate reads could otherwise pair old meta with
   * new rows). It reads the whole roster: screens look patients up in roster-store's cached index.
   */
  async load(): Promise<{ snapshot: RosterSnapshot | null; patients: Patient[] }> {
    await moveLegacyRows();
    return readTransaction(['rosterBlocks', 'settings'], async () => ({
      snapshot: await patientsRepo.snapshot(),
      patients: (await blocks().toArray()).flatMap((block) => block.patients)
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
    by: Actor,
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
      transaction(['patients', 'rosterBlocks', 'settings', 'audit'], async () => {
        await legacyPatients().clear();
        await blocks().clear();
        // One block stays in flight while the next is handed over, so the browser stores block k while
        // this thread seals block k+1 rather than each waiting for the other. Progress is reported
        // block by block, once a block is written; a failed block fails the whole transaction.
        let inFlight: { done: Promise<unknown>; written: number } | null = null;
        let written = 0;
        for (const block of toBlocks(list, chunk)) {
          const done = blocks().put(block);
          done.catch(() => {}); // awaited below; meanwhile not an unhandled rejection
          if (inFlight) {
            await inFlight.done;
            options.onProgress?.(inFlight.written, list.length);
          }
          written += block.patients.length;
          inFlight = { done, written };
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
            // The roster belongs to the device, not to an outage session (its line is not purged with one).
            { action: 'import', table: 'patients', count: list.length, detail: 'roster', sessionId: '' },
            new Date(),
            actorOf(by)
          )
        );
        return snapshot;
      })
    );
  },

  /** Remove the roster from this device (patients, snapshot and report), in one transaction. */
  deleteRoster(by: Actor): Promise<Result<void>> {
    return write(() =>
      transaction(['patients', 'rosterBlocks', 'settings', 'audit'], async () => {
        const count =
          (await legacyPatients().count()) +
          (await blocks().toArray()).reduce((n, block) => n + block.patients.length, 0);
        await legacyPatients().clear();
        await blocks().clear();
        await table('settings').bulkDelete([ROSTER_SETTING, ROSTER_REPORT_SETTING]);
        await table<AuditEntry>('audit').add(
          auditEntry(
            { action: 'purge', table: 'patients', count, detail: 'roster', sessionId: '' },
            new Date(),
            actorOf(by)
          )
        );
      })
    );
  }
};
