import { afterEach, describe, expect, it } from 'vitest';
import { deleteDataDb, table } from '../store';
import { generatePatients } from '../fixtures/synthetic';
import type { Patient } from './model';
import { capReport, notImportedCount, patientsRepo, type SnapshotInput } from './repo';
import { forgetRosterIndex, getRosterIndex, rememberImported } from './roster-store.svelte';
import { followVault } from './roster-warmup';
import { forgetKeys, holdDataKey, unlockForTests } from '../store/session-key';

const BY = { staffId: 's1', staffName: '受付 花子', deviceLabel: 'A' };

afterEach(async () => {
  forgetRosterIndex();
  await deleteDataDb();
});

/** The roster as stored: what a reload or an unlock reads back. */
async function stored(): Promise<Patient[]> {
  return (await patientsRepo.load()).patients;
}

function meta(overrides: Partial<SnapshotInput> = {}): SnapshotInput {
  return {
    takenAt: '2025-11-14T09:00:00.000Z',
    importedAt: '2025-11-15T00:30:00.000Z',
    sourceFileName: 'roster.csv',
    encoding: 'SJIS',
    ...overrides
  };
}

describe('patientsRepo.replaceSnapshot', () => {
  it('stores the patients and the snapshot meta, with the count taken from the rows', async () => {
    const patients = generatePatients(120, 7);
    const result = await patientsRepo.replaceSnapshot(patients, meta(), BY);
    expect(result).toEqual({ ok: true, value: { ...meta(), count: 120 } });
    expect((await stored()).length).toBe(120);
    expect(await patientsRepo.snapshot()).toEqual({ ...meta(), count: 120 });
    expect((await stored()).find((p) => p.id === patients[5]!.id)).toEqual(patients[5]);
    expect((await stored()).find((p) => p.patientNo === patients[9]!.patientNo)).toEqual(patients[9]);
    const all = await stored();
    expect(all.map((p) => p.id).sort()).toEqual(patients.map((p) => p.id).sort());
  });

  it('a re-import replaces the roster: patients missing from the new file are gone', async () => {
    const first = generatePatients(50, 1);
    await patientsRepo.replaceSnapshot(first, meta(), BY);
    const second = generatePatients(20, 2, { firstPatientNo: 9001 });
    const result = await patientsRepo.replaceSnapshot(
      second,
      meta({ importedAt: '2025-11-16T00:00:00.000Z', sourceFileName: 'new.csv', encoding: 'UTF-8-BOM' }),
      BY
    );
    expect(result.ok).toBe(true);
    expect((await stored()).length).toBe(20);
    expect((await stored()).find((p) => p.id === first[0]!.id)).toBeUndefined();
    expect(await patientsRepo.snapshot()).toMatchObject({ sourceFileName: 'new.csv', count: 20 });
  });

  it('is all or nothing: a row that cannot be stored leaves the previous roster as it was', async () => {
    const before = generatePatients(30, 3);
    await patientsRepo.replaceSnapshot(before, meta(), BY);
    const next = generatePatients(10, 4, { firstPatientNo: 5001 });
    // A function cannot be cloned into IndexedDB: the fourth chunk fails after three were written.
    const broken = [...next.slice(0, 6), { ...next[6]!, allergies: (() => '') as unknown as string }];
    const progress: number[] = [];
    const result = await patientsRepo.replaceSnapshot(
      broken,
      meta({ importedAt: '2025-11-16T00:00:00.000Z' }),
      BY,
      {
        chunkSize: 2,
        onProgress: (done) => progress.push(done)
      }
    );
    expect(result.ok).toBe(false);
    expect(progress).toEqual([2, 4, 6]);
    expect((await stored()).length).toBe(30);
    expect(await patientsRepo.snapshot()).toEqual({ ...meta(), count: 30 });
    expect((await stored()).find((p) => p.id === before[0]!.id)).toEqual(before[0]);
    expect((await stored()).find((p) => p.id === next[0]!.id)).toBeUndefined();
  });

  it('a chunk that fails while the next one is already on its way still leaves the old roster', async () => {
    const before = generatePatients(30, 3);
    await patientsRepo.replaceSnapshot(before, meta(), BY);
    const next = generatePatients(12, 4, { firstPatientNo: 5001 });
    // The second chunk (rows 3–5) cannot be cloned; the third is handed over before that is seen.
    const broken = next.map((p, i) => (i === 3 ? { ...p, allergies: (() => '') as unknown as string } : p));
    const progress: number[] = [];
    const result = await patientsRepo.replaceSnapshot(
      broken,
      meta({ importedAt: '2025-11-16T00:00:00.000Z' }),
      BY,
      {
        chunkSize: 3,
        onProgress: (done) => progress.push(done)
      }
    );
    expect(result.ok).toBe(false);
    expect(progress).toEqual([3]);
    expect((await stored()).length).toBe(30);
    expect(await patientsRepo.snapshot()).toEqual({ ...meta(), count: 30 });
    expect((await stored()).find((p) => p.id === next[0]!.id)).toBeUndefined();
    expect((await stored()).find((p) => p.id === next[6]!.id)).toBeUndefined(); // from the chunk in flight
  });

  it('refuses a malformed snapshot without touching the store', async () => {
    await patientsRepo.replaceSnapshot(generatePatients(5, 5), meta(), BY);
    const result = await patientsRepo.replaceSnapshot(
      generatePatients(3, 6),
      meta({ takenAt: 'yesterday' }),
      BY
    );
    expect(result).toEqual({
      ok: false,
      error: { key: 'patients.error.invalidRecord', values: { path: 'takenAt' } }
    });
    expect((await stored()).length).toBe(5);
  });

  it('keeps the import report with the snapshot, capped, and counts everything', async () => {
    const rejected = Array.from({ length: 5 }, (_, i) => ({
      rowNumber: i + 2,
      reason: { key: 'patients.error.nameMissing' as const, values: { patientNo: String(i) } },
      raw: ['x']
    }));
    const report = capReport(rejected, [], 3);
    expect(report.rejected).toHaveLength(3);
    expect(report.rejected[0]).toEqual({ rowNumber: 2, reason: rejected[0]!.reason });
    expect(report.rejectedCount).toBe(5);
    await patientsRepo.replaceSnapshot(generatePatients(2, 8), meta(), BY, { report });
    expect(await patientsRepo.report()).toEqual(report);
  });

  it('counts the lines a runaway quote swallowed among the rows not imported', () => {
    const rejected = [{ rowNumber: 501, reason: { key: 'patients.import.quote.unclosed' as const } }];
    const report = capReport(rejected, [], 10, 500);
    expect(report).toMatchObject({ rejectedCount: 1, swallowedCount: 500 });
    expect(notImportedCount(report)).toBe(501);
    // A report kept before swallowed lines were counted has none.
    expect(notImportedCount({ rejected: [], rejectedCount: 2, warnings: [], warningCount: 0 })).toBe(2);
  });

  it('writes 50,000 patients in one go and reports progress chunk by chunk', async () => {
    const patients = generatePatients(50_000, 42);
    const progress: number[] = [];
    const result = await patientsRepo.replaceSnapshot(patients, meta(), BY, {
      onProgress: (done, total) => {
        expect(total).toBe(50_000);
        progress.push(done);
      }
    });
    expect(result.ok).toBe(true);
    expect((await stored()).length).toBe(50_000);
    expect(progress.at(-1)).toBe(50_000);
    expect(progress.length).toBe(50);
    // On disk: one row per 1,000 patients, not one per patient.
    expect(await table('rosterBlocks').count()).toBe(50);
    expect(await table('patients').count()).toBe(0);
  }, 120_000);
});

describe('roster blocks (schema v2)', () => {
  it('rows a v1 app left, one per patient, move into blocks on the first read, all of them', async () => {
    const old = generatePatients(2_500, 11);
    await table<Patient>('patients').bulkPut(old);
    const all = await stored();
    expect(all.map((p) => p.id).sort()).toEqual(old.map((p) => p.id).sort());
    expect(await table('patients').count()).toBe(0);
    expect(await table('rosterBlocks').count()).toBe(3);
    // Read again: the same roster, nothing moved twice.
    expect((await stored()).length).toBe(2_500);
  });

  it('a re-import leaves no block of the old roster behind', async () => {
    await patientsRepo.replaceSnapshot(generatePatients(3_000, 1), meta(), BY);
    await patientsRepo.replaceSnapshot(generatePatients(10, 2), meta(), BY);
    expect(await table('rosterBlocks').count()).toBe(1);
    expect((await stored()).length).toBe(10);
  });

  it('deleting the roster empties both the blocks and any v1 rows', async () => {
    await patientsRepo.replaceSnapshot(generatePatients(1_500, 1), meta(), BY);
    const result = await patientsRepo.deleteRoster(BY);
    expect(result.ok).toBe(true);
    expect(await table('rosterBlocks').count()).toBe(0);
    expect(await table('patients').count()).toBe(0);
  });
});

describe('patientsRepo.deleteRoster', () => {
  it('removes the patients, the snapshot and the report, and nothing else', async () => {
    await table<{ key: string; value: unknown }>('settings').put({ key: 'clinic', value: { name: 'x' } });
    await patientsRepo.replaceSnapshot(generatePatients(10, 9), meta(), BY, { report: capReport([], []) });
    const result = await patientsRepo.deleteRoster(BY);
    expect(result.ok).toBe(true);
    expect((await stored()).length).toBe(0);
    expect(await patientsRepo.snapshot()).toBeNull();
    expect(await patientsRepo.report()).toBeNull();
    expect(await table('settings').get('clinic')).toEqual({ key: 'clinic', value: { name: 'x' } });
  });
});

describe('getRosterIndex', () => {
  const find = async (patient: Patient) =>
    (await getRosterIndex()).search(patient.patientNo).map((hit) => hit.patient.id);

  it('builds once per import and rebuilds when the snapshot changes', async () => {
    const empty = await getRosterIndex();
    expect(empty.size).toBe(0);
    const first = generatePatients(40, 11);
    await patientsRepo.replaceSnapshot(first, meta(), BY);
    const index = await getRosterIndex();
    expect(index.size).toBe(40);
    expect(await getRosterIndex()).toBe(index);
    expect(await find(first[3]!)).toContain(first[3]!.id);

    const second = generatePatients(15, 12, { firstPatientNo: 7001 });
    await patientsRepo.replaceSnapshot(second, meta({ importedAt: '2025-11-16T00:00:00.000Z' }), BY);
    const rebuilt = await getRosterIndex();
    expect(rebuilt).not.toBe(index);
    expect(rebuilt.size).toBe(15);
    expect(rebuilt.get(first[0]!.id)).toBeUndefined();

    await patientsRepo.deleteRoster(BY);
    expect((await getRosterIndex()).size).toBe(0);
  });

  it('takes the patients just imported without reading them back', async () => {
    const patients = generatePatients(12, 14);
    const saved = await patientsRepo.replaceSnapshot(patients, meta(), BY);
    if (!saved.ok) throw new Error('fixture');
    rememberImported(saved.value, patients);
    const index = await getRosterIndex();
    expect(index.size).toBe(12);
    expect(index.get(patients[2]!.id)).toBe(patients[2]);
  });

  it('callers asking at the same time share one build', async () => {
    await patientsRepo.replaceSnapshot(generatePatients(10, 13), meta(), BY);
    const [a, b] = await Promise.all([getRosterIndex(), getRosterIndex()]);
    expect(a).toBe(b);
  });
});

describe('the roster index follows the vault', () => {
  it('is built soon after an unlock and dropped on lock', async () => {
    const dataKey = crypto.getRandomValues(new Uint8Array(32));
    holdDataKey(dataKey);
    await patientsRepo.replaceSnapshot(generatePatients(30, 4), meta(), BY);
    forgetKeys();
    forgetRosterIndex();
    const stop = followVault();
    try {
      holdDataKey(dataKey); // unlock
      await new Promise((r) => setTimeout(r, 400));
      const warm = await getRosterIndex();
      // Built by the unlock already: the same instance comes back without a new read.
      expect(await getRosterIndex()).toBe(warm);
      expect(warm.size).toBe(30);
      forgetKeys(); // lock
      await new Promise((r) => setTimeout(r, 50)); // the forget runs after the module's dynamic import
      holdDataKey(dataKey);
      // Dropped on lock: the next call builds a new one.
      expect(await getRosterIndex()).not.toBe(warm);
    } finally {
      stop();
      unlockForTests();
    }
  });
});
