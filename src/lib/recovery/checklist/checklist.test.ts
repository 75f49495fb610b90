import { describe, expect, it } from 'vitest';
import type { WriteContext } from '../../store/record';
import type { Intake } from '../../reception/model';
import { translate } from '../../i18n/translate';
import { renumberEntry, tickEntry, untickEntry } from './back-entry';
import {
  buildChecklist,
  checkTick,
  checklistProgress,
  filterChecklist,
  groupByArrival,
  intakeSummary,
  latestIntake,
  needsEhrPatientNo
} from './checklist';
import { backEntryId } from '../model';
import {
  SAMPLE_SESSION_ID,
  sampleArrival,
  sampleBill,
  sampleContent,
  sampleMemo,
  sampleMeta
} from '../sample';

const ctx = (name: string, at: string): WriteContext => ({
  actor: { staffId: name, staffName: name, deviceLabel: 'C' },
  now: new Date(at),
  newId: () => 'id'
});

function session() {
  const a1 = sampleArrival('A', 1);
  const b1 = sampleArrival('B', 1, {
    isNew: true,
    eligibilityMethod: 'declaration',
    eligibilityStatus: 'unconfirmed'
  });
  const a2 = sampleArrival('A', 2, { eligibilityMethod: 'card', eligibilityStatus: 'confirmed' });
  // B-001 arrived between.
  b1.arrivedAt = '2025-11-15T00:11:30.000Z';
  const memo = sampleMemo(a1, {
    content: sampleContent({
      tests: [
        { id: 't1', name: 'インフルエンザ迅速', state: 'done' },
        { id: 't2', name: '血液検査', state: 'deferred' }
      ]
    })
  });
  const payLater = sampleBill(b1, 1, { kind: 'payLater', amount: 0, serial: '' });
  const voided = sampleBill(a2, 2, { id: 'bill-voided', voided: { at: 'x', by: 'y', reason: '二重' } });
  return {
    arrivals: [a2, b1, a1],
    intakes: [],
    memos: [memo],
    bills: [sampleBill(a1, 1), payLater, voided],
    backEntries: []
  };
}

describe('buildChecklist', () => {
  it('names the 院外処方箋 printed from a memo by their numbers, read from the timeline', () => {
    const s = session();
    const memoId = s.memos[0]!.id;
    const items = buildChecklist({
      ...s,
      events: [
        { kind: 'printed', at: '2025-11-15T01:00:00Z', detail: `prescription RA-0001 ${memoId} a5` },
        { kind: 'printed', at: '2025-11-15T01:05:00Z', detail: `prescription RA-0002 ${memoId} a4` },
        { kind: 'printed', at: '2025-11-15T01:06:00Z', detail: 'prescription RB-0001 other-memo a5' }
      ]
    });
    const memo = items.find((i) => i.kind === 'memo' && i.recordId === memoId)!;
    const line = memo.todo.find((m) => m.key === 'recovery.todo.prescriptionIssued');
    expect(line?.values).toEqual({ serials: 'RA-0001・RA-0002', n: 2 });
    expect(translate('ja', line!.key, line!.values)).toBe('院外処方箋 2枚（RA-0001・RA-0002）');
    // Without the timeline, no line is made up.
    const plain = buildChecklist(s).find((i) => i.kind === 'memo')!;
    expect(plain.todo.some((m) => m.key === 'recovery.todo.prescriptionIssued')).toBe(false);
  });

  it('leaves out a registration cancelled at the desk, unless a memo or a bill was recorded for it', () => {
    const s = session();
    const cancelled = sampleArrival('A', 3, { status: 'cancelled' });
    const cancelledWithMemo = sampleArrival('A', 4, { status: 'cancelled' });
    s.arrivals.push(cancelled, cancelledWithMemo);
    s.memos.push(sampleMemo(cancelledWithMemo));
    const queueNos = buildChecklist(s).map((i) => `${i.arrival.queueNo} ${i.kind}`);
    expect(queueNos.filter((q) => q.startsWith('A-003'))).toEqual([]);
    expect(queueNos.filter((q) => q.startsWith('A-004'))).toEqual(['A-004 arrival', 'A-004 memo']);
  });

  it('lists every arrival, eligibility case, memo and bill in arrival order', () => {
    const items = buildChecklist(session());
    expect(items.map((i) => `${i.arrival.queueNo} ${i.kind}`)).toEqual([
      'A-001 arrival',
      'A-001 memo',
      'A-001 bill',
      'B-001 arrival',
      'B-001 eligibility',
      'B-001 bill',
      'A-002 arrival'
    ]);
    expect(items.every((i) => !i.entered)).toBe(true);
  });

  it('says what still has to be entered and keeps the original author', () => {
    const items = buildChecklist(session());
    const memo = items.find((i) => i.kind === 'memo')!;
    expect(memo.target).toBe('ehr');
    expect(memo.author).toBe('医師 一郎');
    expect(memo.todo).toEqual(
      expect.arrayContaining([
        { key: 'recovery.todo.prescriptions', values: { n: 1 } },
        { key: 'recovery.todo.tests', values: { n: 2, deferred: 1 } }
      ])
    );
    const newPatient = items.find((i) => i.kind === 'arrival' && i.arrival.isNew)!;
    expect(newPatient.todo).toContainEqual({ key: 'recovery.todo.newPatient' });
    const eligibility = items.find((i) => i.kind === 'eligibility')!;
    expect(eligibility.target).toBe('rececon');
    expect(eligibility.todo[0]).toEqual({ key: 'recovery.method.declaration' });
    const deposit = items.find((i) => i.kind === 'bill' && i.arrival.queueNo === 'A-001')!;
    expect(deposit.todo).toEqual([
      { key: 'recovery.todo.deposit', values: { amount: '3,000', serial: 'A-0001' } }
    ]);
  });

  it('filters: not yet entered, new patients, eligibility unconfirmed', () => {
    const s = session();
    const first = buildChecklist(s)[0]!;
    const tick = tickEntry(
      first,
      null,
      { enteredBy: '事務 三郎', ehrPatientNo: '' },
      SAMPLE_SESSION_ID,
      false,
      ctx('事務 三郎', '2025-11-16T01:00:00Z')
    );
    const items = buildChecklist({ ...s, backEntries: [tick] });
    expect(checklistProgress(items)).toEqual({
      entered: 1,
      total: 7,
      awaitingConfirmation: 0,
      changed: 0
    });
    expect(filterChecklist(items, 'pending')).toHaveLength(6);
    expect(filterChecklist(items, 'newPatients').map((i) => i.kind)).toEqual([
      'arrival',
      'eligibility',
      'bill'
    ]);
    expect(filterChecklist(items, 'eligibility').map((i) => i.arrival.queueNo)).toEqual(['B-001']);
    expect(groupByArrival(items).map((g) => [g.arrival.queueNo, g.items.length])).toEqual([
      ['A-001', 3],
      ['B-001', 3],
      ['A-002', 1]
    ]);
  });
});

describe('ticks', () => {
  it('a tick records the transcriber beside the author; an untick keeps the history', () => {
    const s = session();
    const item = buildChecklist(s).find((i) => i.arrival.isNew && i.kind === 'arrival')!;
    const tick = tickEntry(
      item,
      null,
      { enteredBy: '事務 三郎', ehrPatientNo: ' ０１２３４ ' },
      SAMPLE_SESSION_ID,
      false,
      ctx('事務 三郎', '2025-11-16T01:00:00Z')
    );
    expect(tick).toMatchObject({
      id: backEntryId('arrival', item.recordId),
      recordId: item.recordId,
      itemKind: 'arrival',
      target: 'ehr',
      entered: true,
      enteredBy: '事務 三郎',
      enteredAt: '2025-11-16T01:00:00.000Z',
      ehrPatientNo: '01234',
      rev: 1,
      sessionId: SAMPLE_SESSION_ID
    });
    const undone = untickEntry(tick, ctx('院長', '2025-11-16T01:05:00Z'));
    expect(undone).toMatchObject({ entered: false, enteredBy: '', rev: 2, updatedBy: '院長' });
    expect(undone.history.map((h) => [h.action, h.by])).toEqual([
      ['entered', '事務 三郎'],
      ['undone', '院長']
    ]);
    const again = tickEntry(
      item,
      undone,
      { enteredBy: '受付 花子', ehrPatientNo: '01234' },
      SAMPLE_SESSION_ID,
      false,
      ctx('受付 花子', '2025-11-16T01:10:00Z')
    );
    expect(again).toMatchObject({ entered: true, rev: 3, enteredBy: '受付 花子', createdBy: '事務 三郎' });
    expect(again.history).toHaveLength(3);
    const items = buildChecklist({ ...s, backEntries: [again] });
    expect(items.find((i) => i.id === again.id)!.entered).toBe(true);
  });
});

describe('a new patient and the EHR number', () => {
  it('needs the number to be ticked, unless staff tick explicitly without it', () => {
    const items = buildChecklist(session());
    const newcomer = items.find((i) => i.arrival.isNew && i.kind === 'arrival')!;
    const returning = items.find((i) => !i.arrival.isNew && i.kind === 'arrival')!;
    const eligibility = items.find((i) => i.arrival.isNew && i.kind === 'eligibility')!;
    expect(needsEhrPatientNo(newcomer)).toBe(true);
    expect(checkTick(newcomer, { ehrPatientNo: '' })).toEqual({
      ehrPatientNo: { key: 'recovery.checklist.ehrNoRequired', field: 'ehrPatientNo' }
    });
    expect(checkTick(newcomer, { ehrPatientNo: '　 ' }).ehrPatientNo).toBeDefined();
    expect(checkTick(newcomer, { ehrPatientNo: '００１２３' })).toEqual({});
    expect(checkTick(newcomer, { ehrPatientNo: '', withoutNumber: true })).toEqual({});
    // Only the registration line asks for it.
    expect(checkTick(returning, { ehrPatientNo: '' })).toEqual({});
    expect(checkTick(eligibility, { ehrPatientNo: '' })).toEqual({});
  });

  it('the number can be filled in or corrected after the tick; the change joins the history', () => {
    const item = buildChecklist(session()).find((i) => i.arrival.isNew && i.kind === 'arrival')!;
    const tick = tickEntry(
      item,
      null,
      { enteredBy: '事務 三郎', ehrPatientNo: '', withoutNumber: true },
      SAMPLE_SESSION_ID,
      false,
      ctx('事務 三郎', '2025-11-16T01:00:00Z')
    );
    const numbered = renumberEntry(tick, ' ００４５６ ', ctx('受付 花子', '2025-11-16T02:00:00Z'));
    expect(numbered).toMatchObject({
      entered: true,
      enteredBy: '事務 三郎',
      ehrPatientNo: '00456',
      rev: 2,
      updatedBy: '受付 花子'
    });
    expect(numbered.history.map((h) => h.action)).toEqual(['entered', 'numbered']);
  });
});

describe('the intake on the checklist', () => {
  const intake = (over: Partial<Intake> = {}): Intake => ({
    ...sampleMeta('in-1', '2025-11-15T00:12:00.000Z'),
    arrivalId: 'arr-A-1',
    symptoms: '喉の痛みと咳',
    since: '昨日の夜',
    temperature: '38.4',
    allergies: 'ペニシリン',
    medications: '',
    pregnancy: 'no',
    pastIllnesses: '喘息',
    message: '',
    filledBy: 'patient',
    ...over
  });

  it('the arrival line summarises the answers: symptoms, since, fever, allergies, pregnancy', () => {
    const s = session();
    const items = buildChecklist({ ...s, intakes: [intake({ pregnancy: 'pregnant' })] });
    const arrival = items.find((i) => i.kind === 'arrival' && i.recordId === 'arr-A-1')!;
    expect(arrival.todo.slice(1)).toEqual([
      { key: 'recovery.todo.intakeSymptoms', values: { text: '喉の痛みと咳' } },
      { key: 'recovery.todo.intakeSince', values: { text: '昨日の夜' } },
      { key: 'recovery.todo.intakeTemperature', values: { text: '38.4' } },
      { key: 'recovery.todo.intakeAllergies', values: { text: 'ペニシリン' } },
      { key: 'recovery.todo.intakePregnancy.pregnant' }
    ]);
    expect(translate('ja', arrival.todo[4]!.key, arrival.todo[4]!.values)).toBe('アレルギー：ペニシリン');
  });

  it('the newest intake counts; long answers are cut; an empty intake still shows', () => {
    const older = intake({ id: 'in-0', allergies: '古い回答', updatedAt: '2025-11-15T00:11:00.000Z' });
    const long = 'あ'.repeat(100);
    const lines = intakeSummary(latestIntake([older, intake({ symptoms: long })])!);
    expect(lines[0]!.values!.text).toHaveLength(60);
    expect(String(lines[0]!.values!.text).endsWith('…')).toBe(true);
    expect(lines).toContainEqual({ key: 'recovery.todo.intakeAllergies', values: { text: 'ペニシリン' } });
    expect(
      intakeSummary(intake({ symptoms: '', since: '', temperature: '', allergies: '', pregnancy: '' }))
    ).toEqual([{ key: 'recovery.todo.intake' }]);
  });
});
