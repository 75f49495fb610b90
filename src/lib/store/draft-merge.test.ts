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
    expect(r.conflicts).toEqual([['name']]);
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

describe('mergeDraft inside nested forms (a memo keeps everything under `content`)', () => {
  const memo = {
    content: {
      findings: '',
      nextAppointment: '',
      vitals: { temperature: '', pulse: '' },
      documents: [] as string[],
      prescriptions: [{ id: 'rx1', drug: 'A', days: '3' }]
    },
    baseRev: 0
  };
  const edit = (change: (c: typeof memo.content) => void) => {
    const copy = structuredClone(memo);
    change(copy.content);
    return copy;
  };

  it('two tabs typing into different boxes of one memo both keep both (the trial: 所見 and 次回予約)', () => {
    const tab2 = edit((c) => (c.findings = '咽頭発赤'));
    const tab1 = edit((c) => {
      c.findings = '咽頭発赤';
      c.nextAppointment = '1週間後';
    });
    // Tab 2 gets tab 1's row: tab 2 typed 所見 (already in tab 1's row), tab 1 added 次回予約.
    const r = mergeDraft(memo, tab2, tab1);
    expect(r.conflicts).toEqual([]);
    expect(r.merged.content).toMatchObject({ findings: '咽頭発赤', nextAppointment: '1週間後' });
    // And the other way round, neither having seen the other yet.
    const mine = edit((c) => (c.nextAppointment = '1週間後'));
    const r2 = mergeDraft(memo, mine, tab2);
    expect(r2.conflicts).toEqual([]);
    expect(r2.merged.content).toMatchObject({ findings: '咽頭発赤', nextAppointment: '1週間後' });
  });

  it('merges objects inside objects (vitals), and reports a nested conflict by its path', () => {
    const mine = edit((c) => (c.vitals.temperature = '37.5'));
    const theirs = edit((c) => {
      c.vitals.pulse = '80';
      c.findings = 'x';
    });
    expect(mergeDraft(memo, mine, theirs).merged.content.vitals).toEqual({
      temperature: '37.5',
      pulse: '80'
    });
    const other = edit((c) => (c.vitals.temperature = '38.0'));
    const r = mergeDraft(memo, mine, other);
    expect(r.conflicts).toEqual([['content', 'vitals', 'temperature']]);
    expect(r.merged.content.vitals.temperature).toBe('37.5');
    expect(takeFields(r.merged, other, r.conflicts).content.vitals).toEqual({
      temperature: '38.0',
      pulse: ''
    });
  });

  it('merges rows with ids row by row: both added rows are kept, an edit and a removal follow their side', () => {
    const mine = edit((c) => c.prescriptions.push({ id: 'rx2', drug: 'B', days: '5' }));
    const theirs = edit((c) => {
      c.prescriptions[0]!.days = '7';
      c.prescriptions.push({ id: 'rx3', drug: 'C', days: '1' });
    });
    const r = mergeDraft(memo, mine, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.merged.content.prescriptions).toEqual([
      { id: 'rx1', drug: 'A', days: '7' },
      { id: 'rx3', drug: 'C', days: '1' },
      { id: 'rx2', drug: 'B', days: '5' }
    ]);
    const removed = edit((c) => c.prescriptions.splice(0, 1));
    expect(mergeDraft(memo, removed, mine).merged.content.prescriptions.map((p) => p.id)).toEqual(['rx2']);
    // Removed here, changed there: asked about, the row stays removed until the user chooses.
    const r2 = mergeDraft(memo, removed, theirs);
    expect(r2.conflicts).toEqual([['content', 'prescriptions', { id: 'rx1' }]]);
    expect(takeFields(r2.merged, theirs, r2.conflicts).content.prescriptions.map((p) => p.id)).toEqual([
      'rx3',
      'rx1'
    ]);
  });

  it('merges ticked options as sets', () => {
    const start = edit((c) => (c.documents = ['prescription']));
    const mine = structuredClone(start);
    mine.content.documents = ['prescription', 'referral'];
    const theirs = structuredClone(start);
    theirs.content.documents = ['certificate'];
    expect(mergeDraft(start, mine, theirs).merged.content.documents).toEqual(['referral', 'certificate']);
  });

  it('an intake-shaped form ({ fields, baseRev }) merges field by field too', () => {
    const b = { fields: { symptoms: '', allergies: '' }, baseRev: 0 };
    const r = mergeDraft(
      b,
      { fields: { symptoms: '咳', allergies: '' }, baseRev: 0 },
      { fields: { symptoms: '', allergies: '卵' }, baseRev: 0 }
    );
    expect(r).toEqual({ merged: { fields: { symptoms: '咳', allergies: '卵' }, baseRev: 0 }, conflicts: [] });
  });
});
