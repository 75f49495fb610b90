import { describe, expect, it } from 'vitest';
import { mergeDraft, takeFields } from './draft-merge';

describe('mergeDraft', () => {
  const base = { name: '', address: '', phone: '' };
  it('takes their change to a field I did not touch', () => {
    const r = mergeDraft(base, { ...base, address: 'mine' }, { ...base, phone: 'theirs' });
    expect(r.merged).toEqual({ name: '', address: 'mine', phone: 'theirs' });
    expect(r.conflicts).toEqual([]);
  });
  it('keeps my change when theirs did not touch the field', () => {
    const r = mergeDraft(base, { ...base, name: 'mine' }, base);
    expect(r.merged.name).toBe('mine');
  });
  it('reports a field both changed differently and keeps mine', () => {
    const r = mergeDraft(base, { ...base, name: 'A' }, { ...base, name: 'B' });
    expect(r.conflicts).toEqual(['name']);
    expect(r.merged.name).toBe('A');
    expect(takeFields(r.merged, { ...base, name: 'B' }, r.conflicts).name).toBe('B');
  });
  it('treats equal edits as no conflict', () => {
    const r = mergeDraft(base, { ...base, name: 'X' }, { ...base, name: 'X' });
    expect(r.conflicts).toEqual([]);
  });
  it('compares nested values (arrays) by content', () => {
    const b = { staff: [{ id: '1' }] };
    const r = mergeDraft(b, { staff: [{ id: '1' }] }, { staff: [{ id: '1' }, { id: '2' }] });
    expect(r.merged.staff).toHaveLength(2);
  });
});
