import { afterEach, describe, expect, it } from 'vitest';
import { deleteDataDb, table, type WriteContext } from '../store';
import type { TimelineEvent } from '../outage/model';
import { emptyArrivalForm, readArrivalForm } from './arrival-form';
import {
  arrivalFieldsOf,
  emptyIntakeFields,
  intakeLastFilledBy,
  type ArrivalFields,
  type ArrivalSession
} from './model';
import { arrivalsRepo, intakesRepo } from './repo';
import { memosRepo } from '../visits/repo';
import { billsRepo } from '../billing/repo';

afterEach(async () => {
  await deleteDataDb();
});

let ids = 0;
function ctx(deviceLabel = 'A', staffName = '受付 花子', at = '2025-11-15T09:00:00.000Z'): WriteContext {
  return {
    actor: { staffId: 's1', staffName, deviceLabel },
    now: new Date(at),
    newId: () => `id-${++ids}`
  };
}

const real: ArrivalSession = { id: 'sess-1', kind: 'real' };
const drill: ArrivalSession = { id: 'sess-2', kind: 'drill' };

function fields(name = '新井 花子'): ArrivalFields {
  const r = readArrivalForm(
    {
      ...emptyArrivalForm(['内科']),
      name,
      kana: 'アライ ハナコ',
      birthDate: '1990-04-05',
      visitType: 'first',
      eligibilityMethod: 'unconfirmed'
    },
    { today: '2025-11-15', departments: ['内科'] }
  );
  if (!r.ok) throw new Error('fixture');
  return r.value;
}

async function create(session = real, c = ctx()) {
  const r = await arrivalsRepo.create(fields(), session, c);
  if (!r.ok) throw new Error(r.error.key);
  return r.value;
}

describe('queue numbers', () => {
  it('count per device and per session, padded with the device label', async () => {
    const a1 = await create(real, ctx('A'));
    const a2 = await create(real, ctx('A'));
    const b1 = await create(real, ctx('B'));
    const other = await create(drill, ctx('A'));
    expect([a1.queueNo, a2.queueNo, b1.queueNo, other.queueNo]).toEqual(['A-001', 'A-002', 'B-001', 'A-001']);
    expect(other.drill).toBe(true);
    expect(a1).toMatchObject({
      status: 'waiting',
      arrivedAt: '2025-11-15T09:00:00.000Z',
      rev: 1,
      createdBy: '受付 花子'
    });
  });

  it('never reuse a number already on a stored arrival (one merged in from elsewhere)', async () => {
    const first = await create();
    await table('arrivals').put({ ...first, id: 'merged', seq: 2, queueNo: 'A-002' });
    const next = await create();
    expect(next.queueNo).toBe('A-003');
  });

  it('are given concurrently without a clash', async () => {
    const all = await Promise.all([create(), create(), create(), create()]);
    expect(new Set(all.map((a) => a.queueNo)).size).toBe(4);
  });

  it('need a device label and a staff member', async () => {
    expect(await arrivalsRepo.create(fields(), real, ctx(''))).toMatchObject({
      ok: false,
      error: { key: 'reception.error.noDevice' }
    });
    expect(await arrivalsRepo.create(fields(), real, ctx('A', ''))).toMatchObject({
      ok: false,
      error: { key: 'reception.error.noStaff' }
    });
    expect(await table('arrivals').count()).toBe(0);
  });

  it('log the first patient of a session in the timeline once', async () => {
    await create();
    await create();
    await create(drill);
    const events = await table<TimelineEvent>('events').toArray();
    expect(
      events
        .filter((e) => e.kind === 'firstPatient')
        .map((e) => e.sessionId)
        .sort()
    ).toEqual(['sess-1', 'sess-2']);
  });
});

describe('arrivals', () => {
  it('list a session in arrival order', async () => {
    const later = await create(real, ctx('A', 'x', '2025-11-15T10:00:00.000Z'));
    const earlier = await create(real, ctx('B', 'x', '2025-11-15T09:30:00.000Z'));
    await create(drill);
    expect((await arrivalsRepo.list({ sessionIds: ['sess-1'] })).map((a) => a.id)).toEqual([
      earlier.id,
      later.id
    ]);
  });

  it('move along the queue, keeping who changed them', async () => {
    const a = await create();
    const r = await arrivalsRepo.setStatus(
      a.id,
      'inConsult',
      ctx('B', '医師 一郎', '2025-11-15T09:10:00.000Z')
    );
    expect(r.ok && r.value).toMatchObject({
      status: 'inConsult',
      rev: 2,
      updatedBy: '医師 一郎',
      updatedDevice: 'B',
      statusChangedAt: '2025-11-15T09:10:00.000Z'
    });
    const same = await arrivalsRepo.setStatus(a.id, 'inConsult', ctx());
    expect(same.ok && same.value.rev).toBe(2);
  });

  it('refuse a status change against a version that moved on, and an unknown arrival', async () => {
    const a = await create();
    await arrivalsRepo.setStatus(a.id, 'inConsult', ctx());
    expect(await arrivalsRepo.setStatus(a.id, 'left', ctx(), 1)).toEqual({
      ok: false,
      error: { key: 'store.error.conflict' }
    });
    expect((await arrivalsRepo.get(a.id))?.status).toBe('inConsult');
    expect((await arrivalsRepo.setStatus('nope', 'left', ctx())).ok).toBe(false);
  });

  it('edits check the version the form loaded; a queue move meanwhile is not a conflict', async () => {
    const a = await create();
    const loaded = { rev: 1, fields: arrivalFieldsOf(a) };
    await arrivalsRepo.setStatus(a.id, 'inConsult', ctx());
    const r = await arrivalsRepo.update(a.id, loaded, fields('新井 華子'), ctx('B', '事務 次郎'));
    expect(r.ok && r.value).toMatchObject({
      name: '新井　華子',
      rev: 3,
      updatedBy: '事務 次郎',
      queueNo: 'A-001',
      status: 'inConsult',
      createdBy: '受付 花子'
    });
    // An edit that changes nothing writes nothing.
    const stored = (await arrivalsRepo.get(a.id))!;
    const same = await arrivalsRepo.update(
      a.id,
      { rev: 3, fields: arrivalFieldsOf(stored) },
      arrivalFieldsOf(stored),
      ctx()
    );
    expect(same.ok && same.value.rev).toBe(3);
    expect((await arrivalsRepo.update('nope', loaded, fields(), ctx())).ok).toBe(false);
  });

  it('merge edits of different fields from two screens; the same field changed on both is a conflict', async () => {
    const a = await create();
    const loaded = { rev: 1, fields: arrivalFieldsOf(a) };
    const phone = await arrivalsRepo.update(
      a.id,
      loaded,
      { ...loaded.fields, phone: '090-1111-2222' },
      ctx()
    );
    expect(phone.ok).toBe(true);
    const complaint = await arrivalsRepo.update(
      a.id,
      loaded,
      { ...loaded.fields, complaint: 'めまい' },
      ctx()
    );
    expect(complaint.ok && complaint.value).toMatchObject({
      phone: '090-1111-2222',
      complaint: 'めまい',
      rev: 3
    });
    const stale = await arrivalsRepo.update(a.id, loaded, { ...loaded.fields, complaint: 'ふらつき' }, ctx());
    expect(stale).toEqual({ ok: false, error: { key: 'store.error.conflict' } });
    expect((await arrivalsRepo.get(a.id))?.complaint).toBe('めまい');
  });

  it('cancel (受付取消) with a reason, keeping the record; a cancelled arrival does not move until undone', async () => {
    const a = await create();
    await arrivalsRepo.setStatus(a.id, 'inConsult', ctx());
    expect(await arrivalsRepo.cancel(a.id, 2, '  ', ctx())).toMatchObject({
      ok: false,
      error: { key: 'reception.error.cancelReason' }
    });
    expect(await arrivalsRepo.cancel(a.id, 1, '二重登録', ctx())).toEqual({
      ok: false,
      error: { key: 'store.error.conflict' }
    });
    const r = await arrivalsRepo.cancel(
      a.id,
      2,
      ' 二重登録 ',
      ctx('B', '受付 次郎', '2025-11-15T09:20:00.000Z')
    );
    expect(r.ok && r.value).toMatchObject({
      status: 'cancelled',
      rev: 3,
      statusChangedAt: '2025-11-15T09:20:00.000Z',
      cancellation: {
        reason: '二重登録',
        by: '受付 次郎',
        at: '2025-11-15T09:20:00.000Z',
        previousStatus: 'inConsult'
      }
    });
    expect(await table('arrivals').count()).toBe(1);
    // Only with a reason: setStatus never cancels, and never moves a cancelled arrival.
    expect(await arrivalsRepo.setStatus(a.id, 'cancelled', ctx())).toMatchObject({
      ok: false,
      error: { key: 'reception.error.cancelNeedsReason' }
    });
    expect(await arrivalsRepo.setStatus(a.id, 'awaitingPayment', ctx())).toEqual({
      ok: false,
      error: { key: 'reception.error.isCancelled' }
    });
    expect((await arrivalsRepo.get(a.id))?.rev).toBe(3);
    // Undone: back where it was, the cancel kept on the record as undone.
    const back = await arrivalsRepo.undoCancel(a.id, 3, ctx('A', '受付 花子', '2025-11-15T09:25:00.000Z'));
    expect(back.ok && back.value).toMatchObject({
      status: 'inConsult',
      rev: 4,
      cancellation: { reason: '二重登録', undoneBy: '受付 花子', undoneAt: '2025-11-15T09:25:00.000Z' }
    });
    expect((await arrivalsRepo.undoCancel(a.id, 3, ctx())).ok).toBe(false);
  });

  it('record the eligibility result after recovery', async () => {
    const a = await create();
    const r = await arrivalsRepo.setEligibilityStatus(a.id, 1, 'confirmed', ctx());
    expect(r.ok && r.value).toMatchObject({ eligibilityStatus: 'confirmed', rev: 2 });
    expect((await arrivalsRepo.setEligibilityStatus(a.id, 1, 'selfPay', ctx())).ok).toBe(false);
  });

  it('the queue’s marks: which arrivals have an intake, a memo (or a memo draft) and a bill not voided', async () => {
    const a = await create();
    const b = await create();
    await intakesRepo.save(a, { ...emptyIntakeFields, symptoms: '咳' }, 0, 'staff', ctx());
    await table('memos').put({ id: 'm1', sessionId: 'sess-1', arrivalId: b.id });
    await table('bills').put({ id: 'b1', sessionId: 'sess-1', arrivalId: a.id, voided: null });
    await table('bills').put({
      id: 'b2',
      sessionId: 'sess-1',
      arrivalId: b.id,
      voided: { at: '', by: '', reason: 'x' }
    });
    const scope = { sessionIds: ['sess-1'] };
    expect([...(await arrivalsRepo.withIntake(scope))]).toEqual([a.id]);
    expect([...(await memosRepo.arrivalsWithMemo(scope))]).toEqual([b.id]);
    expect([...(await billsRepo.arrivalsWithBill(scope))]).toEqual([a.id]);
    expect((await memosRepo.arrivalsWithDraft()).size).toBe(0);
    // A memo half-written for a: the queue can say so before it is lost.
    await table('drafts').put({
      key: `visits.memo:${a.id}`,
      value: {},
      updatedAt: '',
      tabId: 't',
      sessionId: 'sess-1'
    });
    expect([...(await memosRepo.arrivalsWithDraft())]).toEqual([a.id]);
  });
});

describe('intakes', () => {
  it('one per arrival; a save against an older version is a conflict', async () => {
    const a = await create();
    const first = await intakesRepo.save(a, { ...emptyIntakeFields, symptoms: '頭痛' }, 0, 'patient', ctx());
    expect(first.ok && first.value).toMatchObject({
      arrivalId: a.id,
      filledBy: 'patient',
      rev: 1,
      sessionId: 'sess-1'
    });
    const twice = await intakesRepo.save(a, { ...emptyIntakeFields, symptoms: '咳' }, 0, 'staff', ctx());
    expect(twice).toEqual({ ok: false, error: { key: 'store.error.conflict' } });
    const edit = await intakesRepo.save(
      a,
      { ...emptyIntakeFields, symptoms: '頭痛と咳' },
      1,
      'staff',
      ctx('A', '看護 三郎')
    );
    expect(edit.ok && edit.value).toMatchObject({
      symptoms: '頭痛と咳',
      rev: 2,
      filledBy: 'patient',
      updatedBy: '看護 三郎'
    });
    expect((await intakesRepo.byArrival(a.id))?.rev).toBe(2);
    expect(await table('intakes').count()).toBe(1);
  });

  it('keep who saved the latest version: the patient’s answers are not credited to staff', async () => {
    const a = await create();
    await intakesRepo.save(a, { ...emptyIntakeFields, symptoms: '頭痛' }, 0, 'staff', ctx());
    const again = await intakesRepo.save(
      a,
      { ...emptyIntakeFields, symptoms: '頭痛と咳' },
      1,
      'patient',
      ctx()
    );
    expect(again.ok && again.value).toMatchObject({ filledBy: 'staff', lastFilledBy: 'patient', rev: 2 });
    expect(again.ok && intakeLastFilledBy(again.value)).toBe('patient');
    expect(intakeLastFilledBy({ filledBy: 'patient' })).toBe('patient');
  });
});
