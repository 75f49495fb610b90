import { describe, expect, it } from 'vitest';
import { emptyContent, newPrescription, newTestItem, type MemoContent, type Prescription } from './model';
import { diffContent, fieldName } from './revisions';

const content = (c: Partial<MemoContent> = {}): MemoContent => ({ ...structuredClone(emptyContent), ...c });
const rx = (id: string, p: Partial<Prescription> = {}): Prescription => ({ ...newPrescription(id), ...p });

describe('diffContent', () => {
  it('finds nothing between equal versions', () => {
    const c = content({ complaint: '咳', prescriptions: [rx('a', { drug: 'カロナール' })] });
    expect(diffContent(c, structuredClone(c))).toEqual([]);
  });

  it('lists changed plain fields with their text before and after', () => {
    const before = content({ complaint: '咳', assessment: '感冒', suspected: false });
    const after = content({ complaint: '咳と発熱', assessment: '感冒', suspected: true });
    expect(diffContent(before, after)).toEqual([
      { field: 'complaint', before: '咳', after: '咳と発熱' },
      { field: 'suspected', before: 'false', after: 'true' }
    ]);
  });

  it('names vital changes by the vital', () => {
    const before = content({ vitals: { ...emptyContent.vitals, temperature: '37.2', pulse: '80' } });
    const after = content({
      vitals: { ...emptyContent.vitals, temperature: '38.4', pulse: '80', spo2: '97' }
    });
    expect(diffContent(before, after)).toEqual([
      { field: 'vitals.temperature', before: '37.2', after: '38.4' },
      { field: 'vitals.spo2', before: '', after: '97' }
    ]);
  });

  it('shows an edited prescription row as that row’s changed fields', () => {
    const before = content({
      prescriptions: [rx('a', { drug: 'カロナール', dose: '1錠' }), rx('b', { drug: 'ムコダイン' })]
    });
    const after = content({
      prescriptions: [
        rx('a', { drug: 'カロナール', dose: '2錠' }),
        rx('b', { drug: 'ムコダイン', dispensing: 'inHouse' })
      ]
    });
    expect(diffContent(before, after)).toEqual([
      { field: 'prescriptions.0.dose', before: '1錠', after: '2錠' },
      { field: 'prescriptions.1.dispensing', before: 'outside', after: 'inHouse' }
    ]);
  });

  it('shows an added row as its filled fields and a removed row as its fields emptied, matched by id', () => {
    const before = content({
      prescriptions: [rx('a', { drug: 'カロナール', days: '3' }), rx('b', { drug: 'ムコダイン' })]
    });
    const after = content({
      prescriptions: [rx('b', { drug: 'ムコダイン' }), rx('c', { drug: 'トラネキサム酸', days: '5' })]
    });
    expect(diffContent(before, after)).toEqual([
      // b moved from row 2 to row 1 unchanged: no change. c is new in row 2.
      { field: 'prescriptions.1.drug', before: '', after: 'トラネキサム酸' },
      { field: 'prescriptions.1.days', before: '', after: '5' },
      { field: 'prescriptions.1.dispensing', before: '', after: 'outside' },
      // a was row 1 and is gone.
      { field: 'prescriptions.0.drug', before: 'カロナール', after: '' },
      { field: 'prescriptions.0.days', before: '3', after: '' },
      { field: 'prescriptions.0.dispensing', before: 'outside', after: '' }
    ]);
  });

  it('diffs tests and issued documents', () => {
    const before = content({
      tests: [{ ...newTestItem('t'), name: 'インフルエンザ迅速', state: 'ordered' }],
      documents: ['prescription']
    });
    const after = content({
      tests: [{ ...newTestItem('t'), name: 'インフルエンザ迅速', state: 'deferred' }],
      documents: ['certificate', 'prescription']
    });
    expect(diffContent(before, after)).toEqual([
      { field: 'tests.0.state', before: 'ordered', after: 'deferred' },
      { field: 'documents', before: 'prescription', after: 'prescription,certificate' }
    ]);
  });

  it('from an empty memo, lists every filled field (the first version)', () => {
    const c = content({
      date: '2025-11-15',
      doctor: '山田',
      prescriptions: [rx('a', { drug: 'カロナール' })]
    });
    expect(diffContent(emptyContent, c).map((x) => x.field)).toEqual([
      'date',
      'doctor',
      'prescriptions.0.drug',
      'prescriptions.0.dispensing'
    ]);
  });
});

describe('fieldName', () => {
  it('splits a change’s field into section, name and 1-based row', () => {
    expect(fieldName('complaint')).toEqual({ group: 'memo', name: 'complaint' });
    expect(fieldName('vitals.spo2')).toEqual({ group: 'vitals', name: 'spo2' });
    expect(fieldName('prescriptions.0.drug')).toEqual({ group: 'prescriptions', name: 'drug', row: 1 });
    expect(fieldName('tests.2.state')).toEqual({ group: 'tests', name: 'state', row: 3 });
  });
});
