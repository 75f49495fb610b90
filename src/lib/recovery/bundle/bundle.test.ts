import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../store/migrations';
import { canonicalJson } from './canonical';
import { BUNDLE_FORMAT, bundleCounts, bundleFileName, createBundle, readBundle } from './bundle';
import { migrateBundle } from './bundle-upgrades';
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
});
