import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deleteDataDb, table, type WriteContext } from '../store';
import { ok } from '../result';
import { emptyInsurance, type Arrival, type QueueStatus } from '../reception/model';
import { putDraft } from '../store/drafts';
import { emptyContent, memoDraftKey, newPrescription, type MemoContent } from './model';
import { memosRepo } from './repo';

// The visits repo asks reception to move the arrival on; here reception is the bare arrivals table.
vi.mock('../reception/repo', () => ({
  arrivalsRepo: {
    get: (id: string) => table<Arrival>('arrivals').get(id),
    setStatus: vi.fn(async (id: string, status: QueueStatus) => {
      await table<Arrival>('arrivals').update(id, { status });
      return ok(undefined);
    })
  }
}));

let ids = 0;
function ctx(name = '山田 太郎', at = '2025-11-15T01:00:00.000Z', label = 'A'): WriteContext {
  return {
    actor: { staffId: 's1', staffName: name, deviceLabel: label },
    now: new Date(at),
    newId: () => `id-${++ids}`
  };
}

function arrival(status: QueueStatus = 'waiting'): Arrival {
  return {
    id: 'arr-1',
    sessionId: 'ses-1',
    createdAt: '',
    createdBy: '',
    createdDevice: 'A',
    updatedAt: '',
    updatedBy: '',
    updatedDevice: 'A',
    rev: 1,
    drill: true,
    deviceLabel: 'A',
    seq: 1,
    queueNo: 'A-001',
    arrivedAt: '2025-11-15T00:30:00.000Z',
    patientId: null,
    patientNo: '',
    isNew: true,
    name: '手控 花子',
    kana: 'テビカエ ハナコ',
    birthDate: '1980-04-01',
    sex: 'F',
    phone: '',
    visitType: 'first',
    department: '内科',
    doctor: '',
    complaint: '咳',
    brought: [],
    eligibilityMethod: 'unconfirmed',
    insurance: emptyInsurance,
    declaration: null,
    eligibilityStatus: 'unconfirmed',
    status,
    statusChangedAt: '',
    paperSerial: ''
  };
}

const content = (c: Partial<MemoContent> = {}): MemoContent => ({
  ...structuredClone(emptyContent),
  date: '2025-11-15',
  doctor: '山田 太郎',
  complaint: '咳',
  ...c
});

beforeEach(async () => {
  await deleteDataDb();
  ids = 0;
});
afterEach(async () => {
  await deleteDataDb();
});

describe('memosRepo.create', () => {
  it('stores the memo with its author and a first revision, and moves a waiting patient to 会計待ち', async () => {
    const a = arrival('waiting');
    await table('arrivals').add(a);
    const result = await memosRepo.create(
      a,
      content({
        vitals: { ...emptyContent.vitals, temperature: '３７．５' },
        prescriptions: [{ ...newPrescription('r1'), drug: 'カロナール' }]
      }),
      ctx()
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { memo, moved } = result.value;
    expect(moved).toBe(true);
    expect(memo).toMatchObject({
      arrivalId: 'arr-1',
      sessionId: 'ses-1',
      drill: true,
      rev: 1,
      authorName: '山田 太郎',
      writtenAt: '2025-11-15T01:00:00.000Z',
      createdDevice: 'A'
    });
    // Stored normalised: 全角 digits half-width.
    expect(memo.content.vitals.temperature).toBe('37.5');
    expect(await memosRepo.byArrival('arr-1')).toEqual(memo);
    const revisions = await memosRepo.revisions(memo.id);
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({
      recordId: memo.id,
      rev: 1,
      by: '山田 太郎',
      deviceLabel: 'A',
      snapshot: memo.content
    });
    expect(revisions[0]?.changes.map((c) => c.field)).toContain('prescriptions.0.drug');
    expect((await table<Arrival>('arrivals').get('arr-1'))?.status).toBe('awaitingPayment');
  });

  it('moves a patient in consultation on too, but leaves a paid one where it is', async () => {
    const inConsult = arrival('inConsult');
    await table('arrivals').add(inConsult);
    const r1 = await memosRepo.create(inConsult, content(), ctx());
    expect(r1.ok && r1.value.moved).toBe(true);
    expect((await table<Arrival>('arrivals').get('arr-1'))?.status).toBe('awaitingPayment');

    await deleteDataDb();
    const paid = arrival('paid');
    await table('arrivals').add(paid);
    const r2 = await memosRepo.create(paid, content(), ctx());
    expect(r2.ok && r2.value.moved).toBe(false);
    expect((await table<Arrival>('arrivals').get('arr-1'))?.status).toBe('paid');
  });

  it('refuses a second first memo for the same arrival (another tab was first): a conflict', async () => {
    const a = arrival();
    await table('arrivals').add(a);
    expect((await memosRepo.create(a, content(), ctx())).ok).toBe(true);
    const again = await memosRepo.create(a, content({ complaint: '別の内容' }), ctx('佐藤'));
    expect(again).toEqual({ ok: false, error: { key: 'store.error.conflict' } });
    expect((await memosRepo.byArrival('arr-1'))?.content.complaint).toBe('咳');
    expect(await table('memos').count()).toBe(1);
  });
});

describe('memosRepo.update', () => {
  async function created() {
    const a = arrival();
    await table('arrivals').add(a);
    const result = await memosRepo.create(
      a,
      content({ prescriptions: [{ ...newPrescription('r1'), drug: 'カロナール', dose: '1錠' }] }),
      ctx()
    );
    if (!result.ok) throw new Error('create failed');
    return result.value.memo;
  }

  it('writes the new version and a revision with who, when and what changed', async () => {
    const memo = await created();
    const edited = content({
      complaint: '咳と発熱',
      vitals: { ...emptyContent.vitals, temperature: '38.4' },
      prescriptions: [{ ...newPrescription('r1'), drug: 'カロナール', dose: '2錠' }]
    });
    const result = await memosRepo.update(
      memo.id,
      1,
      edited,
      ctx('鈴木 一郎', '2025-11-15T02:00:00.000Z', 'B')
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      rev: 2,
      updatedBy: '鈴木 一郎',
      updatedDevice: 'B',
      updatedAt: '2025-11-15T02:00:00.000Z',
      // The first author stays the author.
      authorName: '山田 太郎',
      createdAt: memo.createdAt
    });
    const revisions = await memosRepo.revisions(memo.id);
    expect(revisions.map((r) => r.rev)).toEqual([1, 2]);
    expect(revisions[1]).toMatchObject({ by: '鈴木 一郎', deviceLabel: 'B', at: '2025-11-15T02:00:00.000Z' });
    expect(revisions[1]?.changes).toEqual([
      { field: 'complaint', before: '咳', after: '咳と発熱' },
      { field: 'vitals.temperature', before: '', after: '38.4' },
      { field: 'prescriptions.0.dose', before: '1錠', after: '2錠' }
    ]);
    // Nothing is overwritten: the first version is still there in its revision.
    expect(revisions[0]?.snapshot.complaint).toBe('咳');
    expect(revisions[1]?.snapshot).toEqual(result.value.content);
  });

  it('refuses a save from a stale version: a conflict, and nothing is written', async () => {
    const memo = await created();
    expect((await memosRepo.update(memo.id, 1, content({ complaint: '一つ目の変更' }), ctx())).ok).toBe(true);
    const stale = await memosRepo.update(
      memo.id,
      1,
      content({ complaint: '古い画面からの変更' }),
      ctx('佐藤')
    );
    expect(stale).toEqual({ ok: false, error: { key: 'store.error.conflict' } });
    const stored = await memosRepo.get(memo.id);
    expect(stored?.rev).toBe(2);
    expect(stored?.content.complaint).toBe('一つ目の変更');
    expect(await memosRepo.revisions(memo.id)).toHaveLength(2);
  });

  it('writes nothing when nothing changed', async () => {
    const memo = await created();
    const result = await memosRepo.update(memo.id, 1, structuredClone(memo.content), ctx());
    expect(result.ok && result.value.rev).toBe(1);
    expect(await memosRepo.revisions(memo.id)).toHaveLength(1);
  });

  it('treats a memo that is gone as a conflict', async () => {
    expect(await memosRepo.update('nope', 1, content(), ctx())).toEqual({
      ok: false,
      error: { key: 'store.error.conflict' }
    });
  });
});

describe('memosRepo.draftArrivalIds', () => {
  it('lists the arrivals of a session whose memo is only typed so far (a draft), not other forms’ drafts', async () => {
    const row = (key: string, sessionId: string) =>
      putDraft({ key, value: {}, updatedAt: '', tabId: 't', sessionId });
    await row(memoDraftKey('arr-1'), 'ses-1');
    await row(memoDraftKey('arr-2'), 'ses-2');
    await row('reception.arrival:arr-3', 'ses-1');
    expect([...(await memosRepo.draftArrivalIds({ sessionIds: ['ses-1'] }))]).toEqual(['arr-1']);
  });
});

describe('memosRepo.previousOfPatient', () => {
  it('finds the same roster patient’s saved memos from other arrivals, newest first, never this one, another patient’s or another kind of outage’s (drill or real)', async () => {
    const visit = (id: string, patientId: string | null) => ({ ...arrival('waiting'), id, patientId });
    const rows = [
      visit('old', 'p:1'),
      visit('newer', 'p:1'),
      visit('today', 'p:1'),
      visit('other', 'p:2'),
      visit('unlinked', null),
      { ...visit('real', 'p:1'), drill: false }
    ];
    await table('arrivals').bulkAdd(rows);
    const rx = (drug: string) => [{ ...newPrescription(drug), drug }];
    await memosRepo.create(rows[0]!, content({ date: '2025-09-01', prescriptions: rx('古い薬') }), ctx());
    await memosRepo.create(rows[1]!, content({ date: '2025-10-20', prescriptions: rx('新しい薬') }), ctx());
    await memosRepo.create(rows[2]!, content({ date: '2025-11-15' }), ctx());
    await memosRepo.create(rows[3]!, content({ date: '2025-11-01', prescriptions: rx('他人の薬') }), ctx());
    await memosRepo.create(rows[4]!, content({ date: '2025-11-02', prescriptions: rx('不明') }), ctx());
    // A memo of a real outage is not offered to a drill's memo (the arrivals above are drills).
    await memosRepo.create(rows[5]!, content({ date: '2025-11-03', prescriptions: rx('本番の薬') }), ctx());
    const found = await memosRepo.previousOfPatient('p:1', 'today');
    expect(found.map((m) => m.arrivalId)).toEqual(['newer', 'old']);
    expect(found[0]!.content.prescriptions[0]!.drug).toBe('新しい薬');
    expect(await memosRepo.previousOfPatient('', 'today')).toEqual([]);
  });
});
