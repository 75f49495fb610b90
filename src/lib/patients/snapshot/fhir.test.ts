import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isJson, parseSnapshotBundle } from './fhir';
import { readSnapshotFile } from './read';

const patient = (id: string, no: string) => ({
  fullUrl: `urn:uuid:${id}`,
  resource: {
    resourceType: 'Patient',
    id,
    identifier: [{ system: 'urn:oid:1.2.392.100495.20.3.51.11311234567', value: no }]
  }
});

function bundle(entries: unknown[]) {
  return JSON.stringify({
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: '2025-11-14T18:00:00+09:00',
    entry: entries
  });
}

describe('FHIR R4 Bundle (JP Core)', () => {
  it('reads allergies, conditions and medication requests, matched to the 患者番号 identifier', () => {
    const read = parseSnapshotBundle(
      bundle([
        {
          resource: {
            resourceType: 'MedicationRequest',
            status: 'active',
            intent: 'order',
            subject: { reference: 'urn:uuid:p1' },
            authoredOn: '2025-10-20T10:00:00+09:00',
            medicationCodeableConcept: {
              coding: [
                {
                  system: 'urn:oid:1.2.392.200119.4.403.1',
                  code: '103835401',
                  display: 'ムコダイン錠２５０ｍｇ'
                }
              ]
            },
            dosageInstruction: [
              {
                extension: [
                  {
                    url: 'http://jpfhir.jp/fhir/core/Extension/StructureDefinition/JP_MedicationDosage_UsageDuration',
                    valueDuration: { value: 14, unit: '日', system: 'http://unitsofmeasure.org', code: 'd' }
                  }
                ],
                text: '内服・経口・１日３回朝昼夕食後',
                doseAndRate: [{ doseQuantity: { value: 1, unit: '錠' } }]
              }
            ]
          }
        },
        patient('p1', '0001'),
        {
          resource: {
            resourceType: 'AllergyIntolerance',
            patient: { reference: 'Patient/p1' },
            code: { text: 'ペニシリン' },
            recordedDate: '2024-05-01',
            reaction: [{ manifestation: [{ text: '蕁麻疹' }] }]
          }
        },
        {
          resource: {
            resourceType: 'Condition',
            subject: { reference: 'urn:uuid:p1' },
            code: { coding: [{ display: '高血圧症' }] },
            clinicalStatus: { coding: [{ code: 'active' }] },
            verificationStatus: { coding: [{ code: 'provisional' }] },
            onsetDateTime: '2019-04-01'
          }
        },
        { resource: { resourceType: 'Observation', status: 'final' } }
      ])
    );
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.exportedAt).toBe('2025-11-14T09:00:00.000Z');
    expect(read.value.rejected).toEqual([]);
    expect(read.value.patients).toHaveLength(1);
    const [rx, allergy, condition] = read.value.patients[0]!.items;
    expect(read.value.patients[0]!.patientNo).toBe('0001');
    expect(rx).toEqual({
      kind: 'prescription',
      name: 'ムコダイン錠２５０ｍｇ',
      strength: '',
      dose: '1錠',
      usage: '内服・経口・１日３回朝昼夕食後',
      days: '14',
      date: '2025-10-20',
      note: ''
    });
    expect(allergy).toMatchObject({
      kind: 'allergy',
      name: 'ペニシリン',
      date: '2024-05-01',
      note: '蕁麻疹'
    });
    expect(condition).toMatchObject({ kind: 'problem', name: '高血圧症', date: '2019-04-01', note: '疑い' });
  });

  it('reports entries it cannot use by entry number; refuted and entered-in-error ones are left out silently', () => {
    const read = parseSnapshotBundle(
      bundle([
        patient('p1', '0001'),
        {
          resource: {
            resourceType: 'Condition',
            subject: { reference: 'Patient/nobody' },
            code: { text: '喘息' }
          }
        },
        { resource: { resourceType: 'AllergyIntolerance', patient: { reference: 'Patient/p1' } } },
        { resource: { resourceType: 'MedicationRequest', subject: 'Patient/p1' } },
        {
          resource: {
            resourceType: 'AllergyIntolerance',
            patient: { reference: 'Patient/p1' },
            code: { text: '卵' },
            verificationStatus: { coding: [{ code: 'refuted' }] }
          }
        },
        {
          resource: {
            resourceType: 'MedicationRequest',
            status: 'entered-in-error',
            subject: { reference: 'Patient/p1' },
            medicationCodeableConcept: { text: 'X' }
          }
        }
      ])
    );
    if (!read.ok) throw new Error('parse');
    expect(read.value.rejected).toEqual([
      { rowNumber: 2, reason: { key: 'snapshot.error.patientUnknown', values: { ref: 'Patient/nobody' } } },
      { rowNumber: 3, reason: { key: 'snapshot.error.nameMissing', field: 'name' } },
      { rowNumber: 4, reason: { key: 'snapshot.error.fhirShape', values: { type: 'MedicationRequest' } } }
    ]);
    expect(read.value.patients).toEqual([]);
  });

  it('refuses what is not JSON or not a Bundle', () => {
    expect(parseSnapshotBundle('{oops')).toEqual({ ok: false, error: { key: 'snapshot.error.notJson' } });
    expect(parseSnapshotBundle('{"resourceType":"Patient"}')).toEqual({
      ok: false,
      error: { key: 'snapshot.error.notBundle' }
    });
  });

  it('tells JSON from CSV by the first character', () => {
    expect(isJson(new TextEncoder().encode('\uFEFF  {"a":1}'))).toBe(true);
    expect(isJson(new TextEncoder().encode('患者番号,種別'))).toBe(false);
  });

  it('reads the documented samples (docs/snapshot-sample.*) with nothing left out', () => {
    for (const file of ['docs/snapshot-sample.csv', 'docs/snapshot-sample.fhir.json']) {
      const read = readSnapshotFile(new Uint8Array(readFileSync(file)));
      expect(read.ok && read.value.rejected).toEqual([]);
      expect(read.ok && read.value.patients.length).toBeGreaterThan(0);
    }
  });
});
