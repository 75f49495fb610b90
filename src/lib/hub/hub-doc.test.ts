import { describe, expect, it } from 'vitest';
import { deriveHubKeys, hubDocId, openHubDoc, parseHubDocId, sealHubDoc, HUB_TABLES } from './hub-doc';
import { sampleArrival } from '../recovery/sample';

const keys = deriveHubKeys(new Uint8Array(32).fill(7));
const other = deriveHubKeys(new Uint8Array(32).fill(8));
const arrival = sampleArrival('A', 1);

describe('hub documents', () => {
  it('share every store of an outage and its sessions, but not the audit trail', () => {
    expect(HUB_TABLES).toContain('arrivals');
    expect(HUB_TABLES).toContain('sessions');
    expect(HUB_TABLES).not.toContain('audit');
  });

  it('are named by table, random record id, rev and a keyed digest: nothing of the patient', () => {
    const doc = sealHubDoc(keys, 'arrivals', arrival);
    expect(doc._id).toMatch(/^arrivals:arr-A-1:1:[0-9a-f]{20}$/);
    expect(Object.keys(doc).sort()).toEqual(['_id', 'c', 't']);
    const text = JSON.stringify(doc);
    for (const clear of [
      arrival.name,
      arrival.kana,
      arrival.birthDate,
      arrival.complaint,
      arrival.insurance.insurerNo
    ])
      expect(text).not.toContain(clear);
    expect(parseHubDocId(doc._id)).toMatchObject({ table: 'arrivals', id: 'arr-A-1', rev: 1 });
  });

  it('give one id to one version wherever it is sealed, and another id to other content at the same rev', () => {
    const a = sealHubDoc(keys, 'arrivals', arrival);
    const b = sealHubDoc(keys, 'arrivals', { ...arrival });
    expect(a._id).toBe(b._id);
    expect(a.c).not.toBe(b.c); // a fresh nonce each time
    const cough: typeof arrival = { ...arrival, complaint: '咳' };
    const changed = hubDocId(keys, 'arrivals', cough);
    expect(changed).not.toBe(a._id);
    expect(parseHubDocId(changed)?.rev).toBe(1);
    // Another clinic's key gives other ids: the digest says nothing across clinics.
    expect(hubDocId(other, 'arrivals', arrival)).not.toBe(a._id);
  });

  it('open to the record sealed, and refuse another key, an altered body or a body moved to another id', () => {
    const doc = sealHubDoc(keys, 'arrivals', arrival);
    const opened = openHubDoc(keys, doc);
    expect(opened.ok && opened.record).toEqual(arrival);
    expect(openHubDoc(other, doc).ok).toBe(false);
    const bytes = atob(doc.c);
    const flipped = btoa(
      bytes.slice(0, 30) + String.fromCharCode(bytes.charCodeAt(30) ^ 1) + bytes.slice(31)
    );
    expect(openHubDoc(keys, { ...doc, c: flipped }).ok).toBe(false);
    const second = sealHubDoc(keys, 'arrivals', sampleArrival('A', 2));
    expect(openHubDoc(keys, { ...second, c: doc.c }).ok).toBe(false);
    expect(openHubDoc(keys, { ...doc, t: 'memos' }).ok).toBe(false);
    expect(openHubDoc(keys, { _id: 'x', t: 'arrivals', c: 'AAAA' }).ok).toBe(false);
    expect(openHubDoc(keys, null).ok).toBe(false);
  });
});
