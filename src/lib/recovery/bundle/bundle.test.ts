import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../store/migrations';
import { canonicalJson } from './canonical';
import { BUNDLE_FORMAT, bundleCounts, bundleFileName, createBundle, readBundle } from './bundle';
import * as v from 'valibot';
import { migrateBundle } from './bundle-upgrades';
import { mergeRecords } from './merge';
import { BackEntrySchema } from './schema';
import { buildChecklist } from '../checklist/checklist';
import { tickEntry } from '../checklist/back-entry';
import type { SessionData } from '../model';
import { sampleData, sampleSession } from '../sample';

const meta = {
  deviceLabel: 'A',
  deviceId: 'device-a',
  exportedBy: '受付 花子',
  clinic: { clinicId: 'clinic-1', medicalInstitutionCode: '1312345678', name: 'てびかえ内科クリニック' },
  now: new Date('2025-11-15T04:00:00.000Z')
};

describe('bundle', () => {
  it('holds the format, version, device, session, every store and a SHA-256 checksum', async () => {
    const bundle = await createBundle(sampleData(2), meta);
    expect(bundle.format).toBe(BUNDLE_FORMAT);
    expect(bundle.schemaVersion).toBe(SCHEMA_VERSION);
    expect(bundle.deviceLabel).toBe('A');
    expect(bundle.exportedAt).toBe('2025-11-15T04:00:00.000Z');
    expect(bundle.drill).toBe(false);
    expect(Object.keys(bundle.records)).toEqual([
      'events',
      'arrivals',
      'intakes',
      'memos',
      'revisions',
      'bills',
      'settlements',
      'cashCounts',
      'backEntries',
      'paperLinks',
      'audit'
    ]);
    expect(bundleCounts(bundle)).toMatchObject({ arrivals: 2, memos: 2, bills: 2, events: 1 });
    expect(bundle.checksum.value).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads back what it wrote, checksum ok', async () => {
    const bundle = await createBundle(sampleData(2), meta);
    const opened = await readBundle(JSON.stringify(bundle));
    expect(opened.ok && opened.value.checksum).toBe('ok');
    expect(opened.ok && opened.value.migratedFrom).toBeNull();
    expect(opened.ok && canonicalJson(opened.value.bundle.records)).toBe(canonicalJson(bundle.records));
  });

  it('the checksum does not depend on key order but catches a changed value', async () => {
    const bundle = await createBundle(sampleData(1), meta);
    const reordered = { ...bundle, records: Object.fromEntries(Object.entries(bundle.records).reverse()) };
    const r1 = await readBundle(JSON.stringify(reordered));
    expect(r1.ok && r1.value.checksum).toBe('ok');
    const tampered = structuredClone(bundle);
    tampered.records.bills[0]!.amount = 30000;
    const r2 = await readBundle(JSON.stringify(tampered));
    expect(r2.ok && r2.value.checksum).toBe('mismatch');
    const { checksum: _c, ...bare } = bundle;
    const r3 = await readBundle(JSON.stringify(bare));
    expect(r3.ok && r3.value.checksum).toBe('missing');
  });

  it('refuses a file that is not JSON, not a bundle, or from a newer app', async () => {
    expect(await readBundle('{"format":')).toEqual({
      ok: false,
      error: { key: 'recovery.bundle.error.notJson' }
    });
    expect(await readBundle('{"hello":1}')).toEqual({
      ok: false,
      error: { key: 'recovery.bundle.error.notBundle' }
    });
    const bundle = await createBundle(sampleData(1), meta);
    const newer = await readBundle(JSON.stringify({ ...bundle, schemaVersion: SCHEMA_VERSION + 1 }));
    expect(newer).toEqual({
      ok: false,
      error: {
        key: 'recovery.bundle.error.newer',
        values: { version: SCHEMA_VERSION + 1, current: SCHEMA_VERSION }
      }
    });
    const broken = await readBundle(JSON.stringify({ ...bundle, session: { id: 5 } }));
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.error.key).toBe('recovery.bundle.error.envelope');
  });

  it('upgrades a bundle from an older version through each step in order', async () => {
    const bundle = await createBundle(sampleData(1), meta);
    const steps = [
      {
        version: 3,
        upgrade: (b: Record<string, unknown>) => ({ ...b, trail: [...((b.trail as string[]) ?? []), 'v3'] })
      },
      {
        version: 2,
        upgrade: (b: Record<string, unknown>) => ({ ...b, trail: [...((b.trail as string[]) ?? []), 'v2'] })
      },
      { version: 1, upgrade: (b: Record<string, unknown>) => ({ ...b, trail: ['v1'] }) }
    ];
    const opened = await readBundle(JSON.stringify({ ...bundle, schemaVersion: 1 }), {
      current: 3,
      upgrades: steps
    });
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.value.migratedFrom).toBe(1);
    expect((opened.value.bundle as unknown as { trail: string[] }).trail).toEqual(['v2', 'v3']);
    expect(opened.value.bundle.schemaVersion).toBe(3);
  });

  it('the v1 step fills stores missing from a hand-cut bundle', () => {
    const out = migrateBundle({ records: { arrivals: [] } }, 0, 1);
    expect(Object.keys(out.records as object)).toContain('backEntries');
    expect(out.schemaVersion).toBe(1);
  });

  it('a bundle from the app before till counts (schema 2) opens with no counts, checksum ok', async () => {
    const bundle = await createBundle(sampleData(1), meta);
    const records: Record<string, unknown> = { ...bundle.records };
    delete records.cashCounts;
    const old = { ...bundle, schemaVersion: 2, records };
    const { canonicalJson, sha256Hex } = await import('./canonical');
    old.checksum = {
      algorithm: 'SHA-256',
      value: await sha256Hex(canonicalJson({ clinic: old.clinic, sessions: old.sessions, records }))
    };
    const opened = await readBundle(JSON.stringify(old));
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.value.checksum).toBe('ok');
    expect(opened.value.migratedFrom).toBe(2);
    expect(opened.value.bundle.records.cashCounts).toEqual([]);
  });

  it('names the file by day, device and drill', () => {
    expect(bundleFileName(sampleSession(), 'A')).toBe('2025-11-15_手控え_端末A.tebikae.tbk');
    expect(bundleFileName(sampleSession({ kind: 'drill' }), 'B')).toBe(
      '2025-11-15_手控え_訓練_端末B.tebikae.tbk'
    );
  });

  describe('ticks written before 確定者 and versions (入力した版)', () => {
    const office = {
      actor: { staffId: 's', staffName: '事務 三郎', deviceLabel: 'C' },
      now: new Date('2025-11-15T03:50:00.000Z'),
      newId: () => 'x'
    };
    /** A session whose memo and visit were ticked by the office, as the app before these fields stored it. */
    function withOldTicks(): SessionData {
      const data = sampleData(1);
      data.backEntries = buildChecklist(data)
        .filter((i) => i.kind !== 'bill')
        .map((i) => {
          const tick = tickEntry(
            i,
            null,
            { enteredBy: '事務 三郎', ehrPatientNo: '' },
            data.session.id,
            false,
            office
          );
          const {
            confirmedBy: _by,
            confirmedAt: _at,
            recordRev: _rev,
            recordUpdatedAt: _updated,
            recordDigest: _digest,
            ...old
          } = tick;
          return old as typeof tick;
        });
      return data;
    }

    for (const schemaVersion of [2, 3]) {
      it(`a schema ${schemaVersion} bundle's old ticks are filled on reading and merge without damage`, async () => {
        const bundle = await createBundle(withOldTicks(), meta);
        const opened = await readBundle(JSON.stringify({ ...bundle, schemaVersion }));
        expect(opened.ok).toBe(true);
        if (!opened.ok) return;
        expect(opened.value.checksum).toBe('ok');
        const ticks = opened.value.bundle.records.backEntries;
        expect(ticks.map((t) => [t.itemKind, t.confirmedBy, t.recordRev])).toEqual([
          ['arrival', '事務 三郎', 0],
          ['memo', '', 0]
        ]);
        const merged = mergeRecords(
          [bundle.session.id],
          {},
          opened.value.bundle.records as Record<string, unknown>,
          {
            fromDevice: 'A',
            exportedAt: bundle.exportedAt,
            exportedBy: bundle.exportedBy,
            sessionDevices: ['A'],
            staffNames: [],
            evidence: false
          }
        );
        expect(merged.damaged).toEqual([]);
        expect(merged.writes.backEntries).toHaveLength(2);
        // Read back: the visit stands as entered; the memo waits for a doctor.
        const data = { ...sampleData(1), backEntries: merged.writes.backEntries } as unknown as SessionData;
        const states = buildChecklist(data).map((i) => [i.kind, i.state]);
        expect(states).toEqual([
          ['arrival', 'done'],
          ['memo', 'awaitingConfirmation'],
          ['bill', 'notEntered']
        ]);
      });
    }

    it('the strict schema takes the new fields and refuses unknown ones, as before', () => {
      const data = sampleData(1);
      const item = buildChecklist(data).find((i) => i.kind === 'memo')!;
      const tick = tickEntry(
        item,
        null,
        { enteredBy: '事務 三郎', ehrPatientNo: '' },
        data.session.id,
        false,
        office
      );
      expect(v.safeParse(BackEntrySchema, tick).success).toBe(true);
      const confirmed = {
        ...tick,
        confirmedBy: '医師 一郎',
        confirmedAt: '2025-11-15T04:00:00.000Z',
        history: [
          ...tick.history,
          { action: 'confirmed', by: '医師 一郎', at: '2025-11-15T04:00:00.000Z', deviceLabel: 'C' }
        ]
      };
      expect(v.safeParse(BackEntrySchema, confirmed).success).toBe(true);
      expect(v.safeParse(BackEntrySchema, { ...tick, approvedBy: '医師 一郎' }).success).toBe(false);
      expect(v.safeParse(BackEntrySchema, { ...tick, recordRev: -1 }).success).toBe(false);
      expect(v.safeParse(BackEntrySchema, { ...tick, confirmedAt: 'yesterday' }).success).toBe(false);
      expect(
        v.safeParse(BackEntrySchema, { ...tick, history: [{ ...tick.history[0]!, action: 'approved' }] })
          .success
      ).toBe(false);
      // Unfilled, an old tick is not a tick of this version: the fill on reading is what lets it in.
      const { recordDigest: _digest, ...unfilled } = tick;
      expect(v.safeParse(BackEntrySchema, unfilled).success).toBe(false);
    });
  });
});
