import { describe, expect, it, vi } from 'vitest';
import {
  blindIndex,
  decodeRecord,
  deriveVaultKeys,
  encodeRecord,
  openBytes,
  recordAad,
  sealBytes
} from './record-cipher';

const keys = deriveVaultKeys(new Uint8Array(32).fill(1));
const plain = new TextEncoder().encode('山田 太郎');

describe('record sealing', () => {
  it('round-trips, with a fresh nonce every time', () => {
    const aad = recordAad('arrivals', 'a1');
    const a = sealBytes(keys.records, plain, aad);
    const b = sealBytes(keys.records, plain, aad);
    expect(a).not.toEqual(b);
    expect(new TextDecoder().decode(openBytes(keys.records, a, aad)!)).toBe('山田 太郎');
  });

  it('refuses a ciphertext moved to another row, changed, or opened with another key', () => {
    const sealed = sealBytes(keys.records, plain, recordAad('arrivals', 'a1'));
    expect(openBytes(keys.records, sealed, recordAad('arrivals', 'a2'))).toBeNull();
    expect(openBytes(keys.records, sealed, recordAad('memos', 'a1'))).toBeNull();
    const changed = sealed.slice();
    changed[20] = changed[20]! ^ 1;
    expect(openBytes(keys.records, changed, recordAad('arrivals', 'a1'))).toBeNull();
    expect(openBytes(keys.blind, sealed, recordAad('arrivals', 'a1'))).toBeNull();
  });

  it('seals nothing before its primitives are loaded (at unlock), and loads them once asked', async () => {
    vi.resetModules();
    const fresh = await import('./record-cipher');
    const aad = recordAad('arrivals', 'a1');
    expect(() => fresh.deriveVaultKeys(new Uint8Array(32))).toThrow(/loadRecordCipher/);
    expect(() => fresh.sealBytes(keys.records, plain, aad)).toThrow(/loadRecordCipher/);
    // Not mistaken for a tampered record (null): a missing primitive is an error.
    expect(() => fresh.openBytes(keys.records, sealBytes(keys.records, plain, aad), aad)).toThrow(
      /loadRecordCipher/
    );
    await fresh.loadRecordCipher();
    expect(fresh.openBytes(keys.records, fresh.sealBytes(keys.records, plain, aad), aad)).toEqual(plain);
  });

  it('derives separate keys for records and indexes', () => {
    expect(keys.records).not.toEqual(keys.blind);
    expect(deriveVaultKeys(new Uint8Array(32).fill(1)).records).toEqual(keys.records);
  });

  it('hashes indexed values by field and type', () => {
    const h = blindIndex(keys.blind, 'patients.patientNo', '1234567');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(blindIndex(keys.blind, 'patients.patientNo', '1234567')).toBe(h);
    expect(blindIndex(keys.blind, 'patients.patientNo', 1234567)).not.toBe(h);
    expect(blindIndex(keys.blind, 'arrivals.patientNo', '1234567')).not.toBe(h);
  });

  it('measures the cost of sealing one intake-sized record (no IndexedDB)', () => {
    const record = encodeRecord({ symptoms: '頭痛と発熱。'.repeat(60), name: '山田 太郎' });
    const aad = recordAad('intakes', 'x');
    const start = performance.now();
    for (let i = 0; i < 1000; i++) openBytes(keys.records, sealBytes(keys.records, record, aad), aad);
    const ms = (performance.now() - start) / 1000;
    console.log(
      `[vault] seal+open of a ${record.length}-byte record: ${(ms * 1000).toFixed(0)} µs (noble AES-GCM, Node)`
    );
    expect(ms).toBeGreaterThan(0);
  });
});

describe('record codec', () => {
  it('keeps dates and bytes, and refuses what JSON would lose', () => {
    const value = {
      at: new Date('2025-04-01T00:00:00Z'),
      bytes: new Uint8Array([1, 2, 3]),
      n: 1,
      s: 'あ',
      nil: null
    };
    expect(decodeRecord(encodeRecord(value))).toEqual(value);
    expect(() => encodeRecord({ m: new Map() })).toThrow(TypeError);
    expect(() => encodeRecord({ f: () => '' })).toThrow(expect.objectContaining({ name: 'DataCloneError' }));
    expect(() => encodeRecord({ b: new Blob(['x']) })).toThrow(TypeError);
  });
});
