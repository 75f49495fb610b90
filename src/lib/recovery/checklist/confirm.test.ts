import { describe, expect, it } from 'vitest';
import type { WriteContext } from '../../store/record';
import type { Intake } from '../../reception/model';
import type { MemoContent, Revision } from '../../visits/model';
import { diffContent } from '../../visits/revisions';
import { purgeWarnings } from '../purge/purge-rules';
import { buildIncidentReport } from '../report/report';
import { recoverySteps } from '../steps';
import { checkConfirm, confirmEntry, confirmedOnEntry, tickEntry, untickEntry } from './back-entry';
import { buildChecklist, checklistProgress, filterChecklist, type ChecklistItem } from './checklist';
import { changedAfterEntry, digestOf, memoVersion } from './item-version';
import { withBackEntryDefaults, type BackEntry, type SessionData } from '../model';
import { SAMPLE_SESSION_ID, sampleArrival, sampleData, sampleMeta } from '../sample';

const ctx = (name: string, at: string): WriteContext => ({
  actor: { staffId: name, staffName: name, deviceLabel: 'C' },
  now: new Date(at),
  newId: () => 'id'
});
const OFFICE = '事務 三郎';
const DOCTOR = '医師 一郎';

/** One patient: the visit, the doctor's memo, a deposit. */
function day(): SessionData {
  return sampleData(1);
}

const itemOf = (data: SessionData, kind: ChecklistItem['kind']) =>
  buildChecklist(data).find((i) => i.kind === kind)!;

/** Tick `kind` as `by` (with that role) at `at`, on the data as it stands; the tick joins the data. */
function tick(
  data: SessionData,
  kind: ChecklistItem['kind'],
  by: string,
  role: 'doctor' | 'manager' | undefined,
  at = '2025-11-16T01:00:00Z'
): BackEntry {
  const item = itemOf(data, kind);
  const entry = tickEntry(
    item,
    item.entry,
    { enteredBy: by, role, ehrPatientNo: '' },
    SAMPLE_SESSION_ID,
    false,
    ctx(by, at)
  );
  data.backEntries = [...data.backEntries.filter((e) => e.id !== entry.id), entry];
  return entry;
}

/** The doctor edits the memo after it was entered: next rev, with its revision (who, what). */
function editMemo(data: SessionData, change: Partial<MemoContent>, at = '2025-11-16T02:00:00.000Z') {
  const memo = data.memos[0]!;
  const content = { ...memo.content, ...change };
  const next = { ...memo, content, rev: memo.rev + 1, updatedAt: at, updatedBy: DOCTOR };
  const revision: Revision = {
    id: `rev-${next.rev}`,
    sessionId: SAMPLE_SESSION_ID,
    recordId: memo.id,
    rev: next.rev,
    at,
    by: DOCTOR,
    deviceLabel: 'A',
    changes: diffContent(memo.content, content),
    snapshot: content
  };
  data.memos[0] = next;
  data.revisions.push(revision);
}

/** The memo's first revision, as the memo screen writes it with the first save. */
function firstRevision(data: SessionData) {
  const memo = data.memos[0]!;
  data.revisions.push({
    id: 'rev-1',
    sessionId: SAMPLE_SESSION_ID,
    recordId: memo.id,
    rev: 1,
    at: memo.createdAt,
    by: DOCTOR,
    deviceLabel: 'A',
    changes: [],
    snapshot: memo.content
  });
}

describe('確定: who confirms what was entered', () => {
  it('a memo ticked by a non-doctor waits for a doctor and does not count until confirmed', () => {
    const data = day();
    const entry = tick(data, 'memo', OFFICE, 'manager');
    expect(entry).toMatchObject({ entered: true, enteredBy: OFFICE, confirmedBy: '', confirmedAt: '' });
    let memo = itemOf(data, 'memo');
    expect(memo.state).toBe('awaitingConfirmation');
    expect(memo.entered).toBe(false);
    expect(checklistProgress(buildChecklist(data))).toMatchObject({ entered: 0, awaitingConfirmation: 1 });
    expect(filterChecklist(buildChecklist(data), 'pending').map((i) => i.kind)).toContain('memo');
    expect(filterChecklist(buildChecklist(data), 'unconfirmed').map((i) => i.kind)).toEqual(['memo']);

    // Only a doctor may confirm it.
    expect(checkConfirm(memo, { role: 'manager' })).toEqual({ key: 'recovery.checklist.confirmNotDoctor' });
    expect(checkConfirm(memo, null)).toEqual({ key: 'recovery.checklist.confirmPick' });
    expect(checkConfirm(memo, { role: 'doctor' })).toBeNull();
    const confirmed = confirmEntry(entry, ctx(DOCTOR, '2025-11-16T03:00:00Z'));
    expect(confirmed).toMatchObject({
      enteredBy: OFFICE,
      enteredAt: '2025-11-16T01:00:00.000Z',
      confirmedBy: DOCTOR,
      confirmedAt: '2025-11-16T03:00:00.000Z',
      updatedBy: DOCTOR,
      rev: 2
    });
    expect(confirmed.history.map((h) => [h.action, h.by, h.at])).toEqual([
      ['entered', OFFICE, '2025-11-16T01:00:00.000Z'],
      ['confirmed', DOCTOR, '2025-11-16T03:00:00.000Z']
    ]);
    data.backEntries = [confirmed];
    memo = itemOf(data, 'memo');
    expect(memo.state).toBe('done');
    expect(memo.entered).toBe(true);
    expect(checkConfirm(memo, { role: 'doctor' })).toEqual({ key: 'recovery.checklist.confirmNothing' });
  });

  it("a doctor's own entering of a memo is confirmed at once", () => {
    const data = day();
    const entry = tick(data, 'memo', DOCTOR, 'doctor');
    expect(entry).toMatchObject({
      enteredBy: DOCTOR,
      confirmedBy: DOCTOR,
      confirmedAt: entry.enteredAt
    });
    expect(entry.history.map((h) => h.action)).toEqual(['entered']);
    expect(itemOf(data, 'memo').state).toBe('done');
  });

  it('visits, eligibility and money are confirmed by their entering (入力者 = 確定者), whoever enters them', () => {
    expect(confirmedOnEntry('arrival', 'reception')).toBe(true);
    expect(confirmedOnEntry('eligibility', undefined)).toBe(true);
    expect(confirmedOnEntry('bill', 'cashier')).toBe(true);
    expect(confirmedOnEntry('memo', 'nurse')).toBe(false);
    // A role not known (a caller that does not say) never confirms a memo.
    expect(confirmedOnEntry('memo', undefined)).toBe(false);
    const data = day();
    const bill = tick(data, 'bill', OFFICE, 'manager');
    expect(bill).toMatchObject({ confirmedBy: OFFICE, confirmedAt: bill.enteredAt });
    expect(itemOf(data, 'bill').state).toBe('done');
  });

  it('an untick clears who entered and confirmed it and the version; ticked again, it waits again', () => {
    const data = day();
    const entry = confirmEntry(tick(data, 'memo', OFFICE, 'manager'), ctx(DOCTOR, '2025-11-16T03:00:00Z'));
    const undone = untickEntry(entry, ctx(OFFICE, '2025-11-16T04:00:00Z'));
    expect(undone).toMatchObject({
      entered: false,
      confirmedBy: '',
      confirmedAt: '',
      recordRev: 0,
      recordDigest: ''
    });
    data.backEntries = [undone];
    expect(itemOf(data, 'memo').state).toBe('notEntered');
    tick(data, 'memo', OFFICE, 'manager', '2025-11-16T05:00:00Z');
    expect(itemOf(data, 'memo').state).toBe('awaitingConfirmation');
  });
});

describe('入力した版: the version entered, and a change after it', () => {
  it('stores the rev and updatedAt of the record at the tick', () => {
    const data = day();
    data.memos[0] = { ...data.memos[0]!, rev: 3, updatedAt: '2025-11-15T01:00:00.000Z' };
    const entry = tick(data, 'memo', DOCTOR, 'doctor');
    expect(entry).toMatchObject({ recordRev: 3, recordUpdatedAt: '2025-11-15T01:00:00.000Z' });
    expect(entry.recordDigest).toBe(memoVersion(data.memos[0]).digest);
  });

  it('a memo changed after its tick reopens, says what changed, and counts as not done anywhere', () => {
    const data = day();
    firstRevision(data);
    tick(data, 'memo', DOCTOR, 'doctor');
    tick(data, 'arrival', OFFICE, 'manager');
    tick(data, 'bill', OFFICE, 'manager');
    data.settlements = [];
    expect(checklistProgress(buildChecklist(data))).toMatchObject({ entered: 3, total: 3 });

    editMemo(data, { findings: '咽頭発赤・扁桃腫大' });
    const memo = itemOf(data, 'memo');
    expect(memo.state).toBe('changed');
    expect(memo.entered).toBe(false);
    expect(memo.version.rev).toBe(2);
    expect(memo.changes).toEqual([{ field: 'findings', before: '咽頭発赤', after: '咽頭発赤・扁桃腫大' }]);
    const items = buildChecklist(data);
    expect(checklistProgress(items)).toEqual({
      entered: 2,
      total: 3,
      awaitingConfirmation: 0,
      changed: 1
    });
    expect(filterChecklist(items, 'pending').map((i) => i.kind)).toEqual(['memo']);
    // The purge warning, the incident report and the hub count it as not entered.
    expect(purgeWarnings(data, items, 'C').notEntered).toBe(1);
    expect(buildIncidentReport(data, items, new Date('2025-11-16T05:00:00Z')).backEntry).toEqual({
      entered: 2,
      total: 3,
      notEntered: 1
    });
    const step = recoverySteps(data, items, 0, 'C').checklist;
    expect(step).toMatchObject({ done: false, warn: true });
    expect(step.lines[1]).toEqual({
      key: 'recovery.status.progressOpen',
      values: { awaiting: 0, changed: 1 }
    });
    // Nothing to confirm on a reopened line: it is entered again first.
    expect(checkConfirm(memo, { role: 'doctor' })).toEqual({ key: 'recovery.checklist.confirmChanged' });
    tick(data, 'memo', DOCTOR, 'doctor', '2025-11-16T06:00:00Z');
    expect(itemOf(data, 'memo')).toMatchObject({ state: 'done', changes: [] });
    expect(data.backEntries.find((e) => e.itemKind === 'memo')).toMatchObject({ recordRev: 2 });
  });

  it('a memo changed after a doctor confirmed it reopens too; ticked again by staff, it waits for a doctor', () => {
    const data = day();
    const entry = tick(data, 'memo', OFFICE, 'manager');
    data.backEntries = [confirmEntry(entry, ctx(DOCTOR, '2025-11-16T01:30:00Z'))];
    expect(itemOf(data, 'memo').state).toBe('done');
    editMemo(data, { assessment: '急性扁桃炎' });
    expect(itemOf(data, 'memo').state).toBe('changed');
    tick(data, 'memo', OFFICE, 'manager', '2025-11-16T03:00:00Z');
    expect(itemOf(data, 'memo').state).toBe('awaitingConfirmation');
  });

  it('without the entered revision, the later revisions say what changed (first before, last after)', () => {
    const data = day();
    tick(data, 'memo', DOCTOR, 'doctor');
    editMemo(data, { findings: '一' }, '2025-11-16T02:00:00.000Z');
    editMemo(data, { findings: '二', guidance: '安静' }, '2025-11-16T02:10:00.000Z');
    expect(itemOf(data, 'memo').changes).toEqual([
      { field: 'findings', before: '咽頭発赤', after: '二' },
      { field: 'guidance', before: '水分をとる', after: '安静' }
    ]);
  });

  it('a memo edited and edited back to what was entered is not a change', () => {
    const data = day();
    tick(data, 'memo', DOCTOR, 'doctor');
    const entered = data.memos[0]!.content;
    editMemo(data, { findings: '書き間違い' });
    expect(itemOf(data, 'memo').state).toBe('changed');
    editMemo(data, { findings: entered.findings });
    expect(itemOf(data, 'memo')).toMatchObject({ state: 'done', version: { rev: 3 } });
  });

  it('a visit moving along the queue after its tick is no change; a corrected name, a later 問診 or a cancel is', () => {
    const data = day();
    tick(data, 'arrival', OFFICE, 'manager');
    const arrival = data.arrivals[0]!;
    const moved = { ...arrival, status: 'left' as const, rev: 2, updatedAt: '2025-11-16T02:00:00.000Z' };
    data.arrivals[0] = moved;
    expect(itemOf(data, 'arrival').state).toBe('done');

    data.arrivals[0] = { ...moved, name: '患者 A1 改', rev: 3 };
    expect(itemOf(data, 'arrival').state).toBe('changed');
    data.arrivals[0] = moved;

    const intake: Intake = {
      ...sampleMeta('in-1', '2025-11-16T02:30:00.000Z', 'A', { updatedBy: '看護 次郎' }),
      arrivalId: arrival.id,
      symptoms: '咳',
      since: '',
      temperature: '',
      allergies: 'ペニシリン',
      medications: '',
      pregnancy: '',
      pastIllnesses: '',
      message: '',
      filledBy: 'staff'
    };
    data.intakes = [intake];
    const withIntake = itemOf(data, 'arrival');
    expect(withIntake.state).toBe('changed');
    expect(withIntake.version).toMatchObject({
      updatedAt: '2025-11-16T02:30:00.000Z',
      updatedBy: '看護 次郎'
    });
    data.intakes = [];

    data.arrivals[0] = { ...moved, status: 'cancelled', rev: 4 };
    // Cancelled with a memo and a bill standing: still listed, and its registration needs undoing.
    expect(itemOf(data, 'arrival').state).toBe('changed');
  });

  it('the eligibility line changes with the 資格 result, not with the queue', () => {
    const data = day();
    data.arrivals[0] = sampleArrival('A', 1, {
      eligibilityMethod: 'declaration',
      eligibilityStatus: 'unconfirmed'
    });
    tick(data, 'eligibility', OFFICE, 'manager');
    data.arrivals[0] = { ...data.arrivals[0]!, status: 'left', rev: 2 };
    expect(itemOf(data, 'eligibility').state).toBe('done');
    data.arrivals[0] = { ...data.arrivals[0]!, eligibilityStatus: 'unknownClaim', rev: 3 };
    expect(itemOf(data, 'eligibility').state).toBe('changed');
  });

  it('the digest follows content, not key order or a copy', () => {
    expect(digestOf({ a: 1, b: [1, 2] })).toBe(digestOf({ b: [1, 2], a: 1 }));
    expect(digestOf({ a: 1 })).not.toBe(digestOf({ a: 2 }));
    expect(digestOf('医師')).toMatch(/^v1:[0-9a-f]{16}$/);
  });
});

describe('ticks from an app before 確定者 and versions', () => {
  /** A tick as the previous app version stored it. */
  function legacy(kind: 'memo' | 'arrival', data: SessionData, at = '2025-11-16T01:00:00.000Z') {
    const item = itemOf(data, kind);
    return {
      ...sampleMeta(item.id, at, 'C', { createdBy: OFFICE, updatedBy: OFFICE }),
      recordId: item.recordId,
      itemKind: kind,
      target: item.target,
      entered: true,
      enteredBy: OFFICE,
      enteredAt: at,
      ehrPatientNo: '',
      history: [{ action: 'entered', by: OFFICE, at, deviceLabel: 'C' }]
    };
  }

  it('read with defaults: a memo waits for a doctor, anything else was confirmed by its entering', () => {
    const data = day();
    const memo = withBackEntryDefaults(legacy('memo', data)) as unknown as BackEntry;
    const arrival = withBackEntryDefaults(legacy('arrival', data)) as unknown as BackEntry;
    expect(memo).toMatchObject({ confirmedBy: '', confirmedAt: '', recordRev: 0, recordDigest: '' });
    expect(arrival).toMatchObject({
      confirmedBy: OFFICE,
      confirmedAt: '2025-11-16T01:00:00.000Z',
      recordRev: 0,
      recordUpdatedAt: ''
    });
    // A row that has the fields is left as it is.
    expect(withBackEntryDefaults(memo)).toBe(memo);
    data.backEntries = [memo, arrival];
    expect(itemOf(data, 'memo').state).toBe('awaitingConfirmation');
    expect(itemOf(data, 'arrival').state).toBe('done');
  });

  it('without a digest, only a memo saved after the tick counts as changed', () => {
    const entry = { entered: true, enteredAt: '2025-11-16T01:00:00.000Z', recordDigest: '' };
    const at = (updatedAt: string) => ({ rev: 2, updatedAt, updatedBy: DOCTOR, digest: 'v1:x' });
    expect(changedAfterEntry(entry, at('2025-11-16T00:59:00.000Z'), 'memo')).toBe(false);
    expect(changedAfterEntry(entry, at('2025-11-16T01:00:00.000Z'), 'memo')).toBe(false);
    expect(changedAfterEntry(entry, at('2025-11-16T01:00:01.000Z'), 'memo')).toBe(true);
    expect(changedAfterEntry(entry, at('2025-11-16T09:00:00.000Z'), 'arrival')).toBe(false);
    expect(changedAfterEntry({ ...entry, entered: false }, at('2025-11-17T00:00:00.000Z'), 'memo')).toBe(
      false
    );
  });
});
