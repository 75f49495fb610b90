import { afterEach, describe, expect, it } from 'vitest';
import { deleteDataDb, openData, table } from '../../store';
import type { AuditEntry } from '../../store/audit';
import { clinicalRepo, type ClinicalSnapshotInput } from './repo';
import type { PatientClinical } from './model';

const BY = { staffId: 's1', staffName: '受付 花子', deviceLabel: 'A' };

afterEach(async () => {
  await deleteDataDb();
});

const meta = (o: Partial<ClinicalSnapshotInput> = {}): ClinicalSnapshotInput => ({
  takenAt: '2025-11-14T09:00:00.000Z',
  importedAt: '2025-11-15T00:30:00.000Z',
  sourceFileName: 'summary.csv',
  format: 'csv',
  encoding: 'SJIS',
  ...o
});

const item = (name: string) => ({
  kind: 'allergy' as const,
  name,
  strength: '',
  dose: '',
  usage: '',
  days: '',
  date: '',
  note: ''
});

function patients(n: number, prefix = 'a'): PatientClinical[] {
  return Array.from({ length: n }, (_, i) => ({ patientNo: String(i + 1), items: [item(`${prefix}${i}`)] }));
}

describe('clinicalRepo', () => {
  it('stores the snapshot sealed in blocks, with its "as of" date and counts', async () => {
    const result = await clinicalRepo.replace(patients(2500), meta(), [], BY);
    expect(result).toEqual({ ok: true, value: { ...meta(), patientCount: 2500, itemCount: 2500 } });
    expect(await table('clinicalBlocks').count()).toBe(3);
    expect((await clinicalRepo.forPatient('2001')).patient).toEqual({
      patientNo: '2001',
      items: [item('a2000')]
    });
    expect((await clinicalRepo.forPatient('9999')).patient).toBeNull();
    // On disk, only the block number is in clear: no 患者番号 or name.
    const raw = await openData().backendDB().transaction('clinicalBlocks').objectStore('clinicalBlocks');
    const row = await new Promise<Record<string, unknown>>((resolve) => {
      const req = raw.get(0);
      req.onsuccess = () => resolve(req.result as Record<string, unknown>);
    });
    expect(Object.keys(row).sort()).toEqual(['_enc', 'id']);
    expect(JSON.stringify(row)).not.toContain('"a0"');
  });

  it('replaces the previous snapshot on re-import and keeps the report of rows left out', async () => {
    await clinicalRepo.replace(patients(3, 'old'), meta(), [], BY);
    const reason = { key: 'snapshot.error.nameMissing' as const };
    await clinicalRepo.replace(
      patients(1, 'new'),
      meta({ takenAt: '2025-11-20T09:00:00.000Z' }),
      [{ rowNumber: 4, reason }],
      BY
    );
    expect((await clinicalRepo.snapshot())?.takenAt).toBe('2025-11-20T09:00:00.000Z');
    expect((await clinicalRepo.forPatient('1')).patient?.items[0]?.name).toBe('new0');
    expect((await clinicalRepo.forPatient('2')).patient).toBeNull();
    expect(await clinicalRepo.report()).toEqual({ rejected: [{ rowNumber: 4, reason }], rejectedCount: 1 });
  });

  it('refuses an "as of" that is not a timestamp, storing nothing', async () => {
    const result = await clinicalRepo.replace(patients(1), meta({ takenAt: 'yesterday' }), [], BY);
    expect(result.ok).toBe(false);
    expect(await clinicalRepo.snapshot()).toBeNull();
  });

  it('deletes everything of the snapshot, and audits import and delete without content', async () => {
    await clinicalRepo.replace(patients(5), meta(), [], BY);
    expect((await clinicalRepo.remove(BY)).ok).toBe(true);
    expect(await clinicalRepo.snapshot()).toBeNull();
    expect(await clinicalRepo.report()).toBeNull();
    expect(await table('clinicalBlocks').count()).toBe(0);
    const audit = await table<AuditEntry>('audit').toArray();
    expect(audit.map((a) => [a.action, a.table, a.count]).sort()).toEqual([
      ['import', 'clinicalBlocks', 5],
      ['purge', 'clinicalBlocks', 5]
    ]);
    expect(JSON.stringify(audit)).not.toContain('"a0"');
  });
});
