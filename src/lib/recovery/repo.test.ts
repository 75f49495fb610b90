import { beforeEach, describe, expect, it } from 'vitest';
import { deleteDataDb, table, type WriteContext } from '../store';
import { putDraft } from '../store/drafts';
import { queueCounterKey } from '../reception/model';
import { createBundle, readBundle, type OpenedBundle } from './bundle/bundle';
import { buildChecklist } from './checklist/checklist';
import { recoveryRepo } from './repo';
import { SESSION_TABLES, type SessionData } from './model';
import {
  SAMPLE_SESSION_ID,
  sampleArrival,
  sampleBill,
  sampleCashCount,
  sampleData,
  sampleMemo,
  sampleSession
} from './sample';
import { outageOf } from '../outage/model';
import { outageRepo } from '../outage/repo';
import { checkDrawers } from '../billing/cash-count';

const S = SAMPLE_SESSION_ID;
const SCOPE = { sessionIds: [S] };
const CLINIC = { clinicId: 'clinic-1', medicalInstitutionCode: '', name: 'てびかえ内科クリニック' };
const OPTS = { clinic: CLINIC, staffNames: [] };
let ids = 0;
function ctx(label = 'C', name = '事務 三郎', at = '2025-11-16T01:00:00.000Z'): WriteContext {
  return {
    actor: { staffId: 's', staffName: name, deviceLabel: label },
    now: new Date(at),
    newId: () => `id-${++ids}`
  };
}

/** What tablet `label` holds: its own arrivals (n of them), each with a memo and a deposit. */
function tablet(label: string, n: number): SessionData {
  const data = sampleData(0);
  const arrivals = Array.from({ length: n }, (_, i) => sampleArrival(label, i + 1));
  return {
    ...data,
    arrivals,
    memos: arrivals.map((a) => sampleMemo(a)),
    bills: arrivals.map((a, i) => sampleBill(a, i + 1))
  };
}

const BUNDLE_META = (label: string) => ({
  deviceLabel: label,
  deviceId: `device-${label}`,
  exportedBy: label,
  clinic: CLINIC,
  now: new Date('2025-11-15T05:00:00Z')
});

async function open(data: SessionData, label: string): Promise<OpenedBundle> {
  const bundle = await createBundle(data, BUNDLE_META(label));
  // As it comes out of its sealed file (sealed-bundle.ts opens it with the password).
  const opened = await readBundle(JSON.stringify(bundle), { sealed: true });
  if (!opened.ok) throw new Error('unreadable');
  return opened.value;
}

async function counts() {
  return recoveryRepo.countBySession(SCOPE);
}

beforeEach(async () => {
  await deleteDataDb();
});

describe('import', () => {
  it('adopts the session, merges two tablets, logs it; the same bundle twice changes nothing', async () => {
    const a = await open(tablet('A', 3), 'A');
    const b = await open(tablet('B', 2), 'B');
    const first = await recoveryRepo.importBundle(a, ctx(), OPTS);
    expect(first.ok && first.value.adopted).toBe(true);
    expect(first.ok && first.value.changed).toBe(true);
    const second = await recoveryRepo.importBundle(b, ctx(), OPTS);
    expect(second.ok && second.value.tally.arrivals.added).toBe(2);
    const afterBoth = await counts();
    expect(afterBoth).toMatchObject({ arrivals: 5, memos: 5, bills: 5 });
    const again = await recoveryRepo.importBundle(b, ctx(), OPTS);
    expect(again.ok && again.value.changed).toBe(false);
    expect(await counts()).toEqual(afterBoth);
    const timeline = (await recoveryRepo.load(S))!.events.filter((e) => e.kind === 'imported');
    expect(timeline.map((e) => e.detail)).toEqual([
      '端末Aから 追加10 更新0 競合0 破損0',
      '端末Bから 追加6 更新0 競合0 破損0'
    ]);
  });

  it("a till count travels in its tablet's bundle and is checked with the other tablet's till", async () => {
    // Tablet A took 3 deposits of ¥3,000 and counted ¥9,000; tablet B took 2 and counted ¥5,000 (¥1,000 short).
    const a = tablet('A', 3);
    a.cashCounts = [sampleCashCount('A', 9000, '2025-11-15T08:00:00.000Z')];
    const b = tablet('B', 2);
    b.cashCounts = [sampleCashCount('B', 5000, '2025-11-15T08:00:00.000Z')];
    await recoveryRepo.importBundle(await open(a, 'A'), ctx(), OPTS);
    const second = await recoveryRepo.importBundle(await open(b, 'B'), ctx(), OPTS);
    expect(second.ok && second.value.tally.cashCounts.added).toBe(1);
    const data = (await recoveryRepo.load(S))!;
    const check = checkDrawers(data.bills, data.settlements, data.cashCounts);
    expect(check.drawers.map((d) => [d.drawer, d.expected, d.counted, d.state])).toEqual([
      ['A', 9000, 9000, 'matches'],
      ['B', 6000, 5000, 'short']
    ]);
    expect(check).toMatchObject({ expected: 15000, counted: 14000, difference: -1000, state: 'short' });
  });

  it('keeps a conflict for the user across reloads, and resolving it sticks', async () => {
    const a = tablet('A', 1);
    await recoveryRepo.importBundle(await open(a, 'A'), ctx(), OPTS);
    const memo = a.memos[0]!;
    const edited = {
      ...a,
      memos: [{ ...memo, content: { ...memo.content, findings: '端末Bで追記' }, updatedDevice: 'B' }]
    };
    const b = await open(edited, 'B');
    const result = await recoveryRepo.importBundle(b, ctx(), OPTS);
    expect(result.ok && result.value.conflicts).toHaveLength(1);
    expect(result.ok && result.value.pending).toBe(1);
    expect((await table<typeof memo>('memos').get(memo.id))!.content.findings).toBe(memo.content.findings);
    // Importing it again does not add a second copy of the same conflict.
    await recoveryRepo.importBundle(b, ctx(), OPTS);
    const pending = await recoveryRepo.pendingConflicts(SCOPE);
    expect(pending).toHaveLength(1);
    const shown = await recoveryRepo.storedRecord('memos', memo.id);
    const resolved = await recoveryRepo.resolveConflict(pending[0]!, 'incoming', shown, ctx());
    expect(resolved.ok).toBe(true);
    const stored = (await table<typeof memo>('memos').get(memo.id))!;
    expect(stored.content.findings).toBe('端末Bで追記');
    expect(stored.rev).toBe(2);
    expect(await recoveryRepo.pendingConflicts(SCOPE)).toEqual([]);
    const later = await recoveryRepo.importBundle(b, ctx(), OPTS);
    expect(later.ok && later.value.changed).toBe(false);
    expect(later.ok && later.value.tally.memos.keptLocal).toBe(1);
  });

  it('refuses to resolve against a version the user did not see', async () => {
    const a = tablet('A', 1);
    await recoveryRepo.importBundle(await open(a, 'A'), ctx(), OPTS);
    const memo = a.memos[0]!;
    await recoveryRepo.importBundle(
      await open({ ...a, memos: [{ ...memo, content: { ...memo.content, findings: 'x' } }] }, 'B'),
      ctx(),
      OPTS
    );
    const [conflict] = await recoveryRepo.pendingConflicts(SCOPE);
    const stale = { ...memo, content: { ...memo.content, findings: 'old view' } };
    const r = await recoveryRepo.resolveConflict(conflict!, 'local', stale as never, ctx());
    expect(!r.ok && r.error.key).toBe('store.error.conflict');
    expect(await recoveryRepo.pendingConflicts(SCOPE)).toHaveLength(1);
  });

  it('imports the rest when some records are damaged, and reports them', async () => {
    const opened = await open(tablet('B', 2), 'B');
    (opened.bundle.records.arrivals[1] as Record<string, unknown>).rev = null;
    const r = await recoveryRepo.importBundle(opened, ctx(), OPTS);
    expect(r.ok && r.value.damaged).toEqual([
      { table: 'arrivals', index: 1, id: 'arr-B-2', reason: 'schema', field: 'rev' }
    ]);
    expect((await counts()).arrivals).toBe(1);
  });

  it('raises this device’s own counters after importing its own records back', async () => {
    await recoveryRepo.importBundle(await open(tablet('C', 4), 'C'), ctx('C'), OPTS);
    const counter = await table<{ key: string; value: number }>('counters').get(queueCounterKey(S, 'C'));
    expect(counter?.value).toBe(4);
    expect((await table<{ key: string; value: number }>('counters').get('deposit:C'))?.value).toBe(4);
  });
});

describe('one outage per clinic', () => {
  /** What tablet `label` recorded in its own session, declared at `start` (UTC). */
  function declaredOn(label: string, n: number, start: string): SessionData {
    const own = tablet(label, n);
    const session = sampleSession({
      id: `sess-${label}`,
      deviceLabel: label,
      deviceId: `device-${label}`,
      startedAt: start,
      createdAt: start,
      clinicId: CLINIC.clinicId
    });
    const move = <T extends { sessionId: string }>(rows: T[]) =>
      rows.map((r) => ({ ...r, sessionId: session.id }));
    return {
      ...own,
      session: outageOf([session]),
      events: [],
      arrivals: move(own.arrivals),
      memos: move(own.memos),
      bills: move(own.bills)
    };
  }

  it('two tablets that each declared: imported, asked once, then one outage with both days in it', async () => {
    await recoveryRepo.importBundle(
      await open(declaredOn('A', 3, '2025-11-15T03:15:00.000Z'), 'A'),
      ctx(),
      OPTS
    );
    await recoveryRepo.importBundle(
      await open(declaredOn('B', 2, '2025-11-15T03:20:00.000Z'), 'B'),
      ctx(),
      OPTS
    );
    // Until the user says so, two outages: nothing of B shows in A's.
    expect((await recoveryRepo.load('sess-A'))!.arrivals).toHaveLength(3);
    const candidates = await outageRepo.candidates('sess-B');
    expect(candidates.map((o) => o.id)).toEqual(['sess-A']);
    const a = (await recoveryRepo.outageOf('sess-A'))!;
    const b = (await recoveryRepo.outageOf('sess-B'))!;
    expect((await outageRepo.link(a, b, ctx())).ok).toBe(true);
    const one = (await recoveryRepo.load('sess-B'))!;
    expect(one.session.id).toBe('sess-A');
    expect(one.session.sessionIds).toEqual(['sess-A', 'sess-B']);
    expect(one.arrivals.map((x) => x.queueNo)).toEqual(['A-001', 'A-002', 'A-003', 'B-001', 'B-002']);
    expect(one.bills).toHaveLength(5);
    // Asked once: linked outages are no longer candidates.
    expect(await outageRepo.candidates('sess-B')).toEqual([]);
    // A bundle of the whole outage carries both sessions and both devices' records to a third device.
    const exported = await recoveryRepo.exportBundle(
      'sess-B',
      { clinic: CLINIC, deviceId: 'device-C' },
      ctx('C')
    );
    expect(exported.ok && exported.value.bundle.sessions.map((x) => x.id)).toEqual(['sess-A', 'sess-B']);
    expect(exported.ok && exported.value.bundle.records.arrivals).toHaveLength(5);
  });

  it('a drill is never offered as the same outage as a real one', async () => {
    await recoveryRepo.importBundle(
      await open(declaredOn('A', 1, '2025-11-15T03:15:00.000Z'), 'A'),
      ctx(),
      OPTS
    );
    const drill = declaredOn('B', 1, '2025-11-15T03:20:00.000Z');
    drill.session = outageOf([{ ...drill.session.members[0]!, kind: 'drill' }]);
    await recoveryRepo.importBundle(await open(drill, 'B'), ctx(), OPTS);
    expect(await outageRepo.candidates('sess-B')).toEqual([]);
  });
});

describe('what an import trusts', () => {
  it('refuses a bundle from another clinic, by 医療機関コード or by clinic id', async () => {
    const other = await createBundle(tablet('B', 1), {
      deviceLabel: 'B',
      deviceId: 'device-B',
      exportedBy: 'B',
      clinic: { clinicId: 'clinic-2', medicalInstitutionCode: '', name: 'よその医院' },
      now: new Date('2025-11-15T05:00:00Z')
    });
    const opened = await readBundle(JSON.stringify(other), { sealed: true });
    const r = await recoveryRepo.importBundle(opened.ok ? opened.value : (null as never), ctx(), OPTS);
    expect(!r.ok && r.error).toEqual({
      key: 'recovery.import.error.otherClinic',
      values: { name: 'よその医院', code: '—' }
    });
    expect((await counts()).arrivals).toBe(0);
    const byCode = await recoveryRepo.importBundle(opened.ok ? opened.value : (null as never), ctx(), {
      ...OPTS,
      clinic: { clinicId: 'clinic-2', medicalInstitutionCode: '1312345678', name: 'x' }
    });
    expect(byCode.ok).toBe(true);
  });

  it('refuses a plain (unsealed) bundle unless this device allows them', async () => {
    const plain = await readBundle(JSON.stringify(await createBundle(tablet('B', 1), BUNDLE_META('B'))));
    const opened = plain.ok ? plain.value : (null as never);
    expect(opened.sealed).toBe(false);
    const refused = await recoveryRepo.importBundle(opened, ctx(), OPTS);
    expect(!refused.ok && refused.error.key).toBe('recovery.import.error.plainRefused');
    const allowed = await recoveryRepo.importBundle(opened, ctx(), { ...OPTS, allowPlain: true });
    expect(allowed.ok && allowed.value.sealed).toBe(false);
  });
});

describe('checklist ticks', () => {
  it('ticks with the rev the screen saw; a second tick from a stale screen is a conflict', async () => {
    await recoveryRepo.importBundle(await open(tablet('A', 1), 'A'), ctx(), OPTS);
    const data = (await recoveryRepo.load(S))!;
    const item = buildChecklist(data)[0]!;
    const first = await recoveryRepo.tick(
      data.session,
      item,
      { enteredBy: '事務 三郎', ehrPatientNo: '' },
      null,
      ctx()
    );
    expect(first.ok).toBe(true);
    const stale = await recoveryRepo.tick(
      data.session,
      item,
      { enteredBy: '受付 花子', ehrPatientNo: '' },
      null,
      ctx()
    );
    expect(!stale.ok && stale.error.key).toBe('store.error.conflict');
    const undone = await recoveryRepo.untick(first.ok ? first.value : (null as never), ctx());
    expect(undone.ok && undone.value).toMatchObject({ entered: false, rev: 2 });
    const reloaded = buildChecklist((await recoveryRepo.load(S))!);
    expect(reloaded[0]!.entered).toBe(false);
    expect(reloaded[0]!.entry?.history).toHaveLength(2);
  });
});

describe('確定 through the repo', () => {
  const doctor = { id: 'd1', name: '医師 一郎', role: 'doctor' as const };
  const office = { id: 'o1', name: '事務 三郎', role: 'manager' as const };

  it('a memo ticked by the office waits; a doctor confirms it, named on the tick and its meta; a stale screen is refused', async () => {
    await recoveryRepo.importBundle(await open(tablet('A', 1), 'A'), ctx(), OPTS);
    const data = (await recoveryRepo.load(S))!;
    const memo = buildChecklist(data).find((i) => i.kind === 'memo')!;
    const ticked = await recoveryRepo.tick(
      data.session,
      memo,
      { enteredBy: office.name, role: office.role, ehrPatientNo: '' },
      null,
      ctx()
    );
    expect(ticked.ok && ticked.value).toMatchObject({ confirmedBy: '', recordRev: 1 });
    const waiting = buildChecklist((await recoveryRepo.load(S))!).find((i) => i.kind === 'memo')!;
    expect(waiting.state).toBe('awaitingConfirmation');

    const notDoctor = await recoveryRepo.confirm(waiting, office, ctx());
    expect(!notDoctor.ok && notDoctor.error.key).toBe('recovery.checklist.confirmNotDoctor');
    const confirmed = await recoveryRepo.confirm(
      waiting,
      doctor,
      ctx('C', office.name, '2025-11-16T02:00:00.000Z')
    );
    expect(confirmed.ok && confirmed.value).toMatchObject({
      enteredBy: office.name,
      confirmedBy: doctor.name,
      confirmedAt: '2025-11-16T02:00:00.000Z',
      updatedBy: doctor.name,
      rev: 2
    });
    // The screen that still shows the waiting tick cannot confirm it twice.
    const stale = await recoveryRepo.confirm(waiting, doctor, ctx());
    expect(!stale.ok && stale.error.key).toBe('store.error.conflict');
    const done = buildChecklist((await recoveryRepo.load(S))!).find((i) => i.kind === 'memo')!;
    expect(done.state).toBe('done');
    expect(done.entry?.history.map((h) => [h.action, h.by])).toEqual([
      ['entered', office.name],
      ['confirmed', doctor.name]
    ]);
  });

  it('a tick stored by the app before 確定者 reads with defaults, and can be confirmed and unticked', async () => {
    await recoveryRepo.importBundle(await open(tablet('A', 1), 'A'), ctx(), OPTS);
    const data = (await recoveryRepo.load(S))!;
    const memo = buildChecklist(data).find((i) => i.kind === 'memo')!;
    const at = '2025-11-16T01:00:00.000Z';
    // Written as the previous version wrote it: no 確定者, no version.
    await table('backEntries').put({
      id: memo.id,
      sessionId: S,
      createdAt: at,
      createdBy: office.name,
      createdDevice: 'C',
      updatedAt: at,
      updatedBy: office.name,
      updatedDevice: 'C',
      rev: 1,
      drill: false,
      recordId: memo.recordId,
      itemKind: 'memo',
      target: 'ehr',
      entered: true,
      enteredBy: office.name,
      enteredAt: at,
      ehrPatientNo: '',
      history: [{ action: 'entered', by: office.name, at, deviceLabel: 'C' }]
    });
    const read = buildChecklist((await recoveryRepo.load(S))!).find((i) => i.kind === 'memo')!;
    expect(read.state).toBe('awaitingConfirmation');
    expect(read.entry).toMatchObject({ confirmedBy: '', recordRev: 0, recordDigest: '' });
    const confirmed = await recoveryRepo.confirm(read, doctor, ctx());
    expect(confirmed.ok && confirmed.value).toMatchObject({ confirmedBy: doctor.name, rev: 2, recordRev: 0 });
    if (!confirmed.ok) return;
    const undone = await recoveryRepo.untick(confirmed.value, ctx());
    expect(undone.ok && undone.value).toMatchObject({ entered: false, confirmedBy: '', rev: 3 });
  });
});

describe('the EHR number of a new patient', () => {
  it('is required for the tick (unless ticked explicitly without it) and can be corrected afterwards', async () => {
    const data = tablet('A', 1);
    data.arrivals[0] = { ...data.arrivals[0]!, isNew: true };
    await recoveryRepo.importBundle(await open(data, 'A'), ctx(), OPTS);
    const loaded = (await recoveryRepo.load(S))!;
    const item = buildChecklist(loaded).find((i) => i.kind === 'arrival')!;
    const refused = await recoveryRepo.tick(
      loaded.session,
      item,
      { enteredBy: '事務 三郎', ehrPatientNo: ' ' },
      null,
      ctx()
    );
    expect(!refused.ok && refused.error).toEqual({
      key: 'recovery.checklist.ehrNoRequired',
      field: 'ehrPatientNo'
    });
    expect(await table('backEntries').count()).toBe(0);
    const ticked = await recoveryRepo.tick(
      loaded.session,
      item,
      { enteredBy: '事務 三郎', ehrPatientNo: '', withoutNumber: true },
      null,
      ctx()
    );
    expect(ticked.ok && ticked.value).toMatchObject({ entered: true, ehrPatientNo: '' });
    if (!ticked.ok) return;
    const numbered = await recoveryRepo.renumber(ticked.value, '00123', ctx());
    expect(numbered.ok && numbered.value).toMatchObject({ entered: true, ehrPatientNo: '00123', rev: 2 });
    // A screen that still shows the first version cannot overwrite the number silently.
    const stale = await recoveryRepo.renumber(ticked.value, '99999', ctx());
    expect(!stale.ok && stale.error.key).toBe('store.error.conflict');
    const after = buildChecklist((await recoveryRepo.load(S))!).find((i) => i.kind === 'arrival')!;
    expect(after.entry?.ehrPatientNo).toBe('00123');
  });
});

describe('purge', () => {
  it("lists the session's drafts by key, conflicts by how many wait", async () => {
    await putDraft({ key: 'visits.memo:arr-A-1', value: {}, updatedAt: '', tabId: 't', sessionId: S });
    await putDraft({
      key: `recovery.conflicts.${S}`,
      value: [{}, {}, {}],
      updatedAt: '',
      tabId: 'recovery',
      sessionId: S
    });
    await putDraft({ key: 'settings', value: {}, updatedAt: '', tabId: 't', sessionId: '' });
    const list = await recoveryRepo.draftsOf(SCOPE);
    expect(list.sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { key: `recovery.conflicts.${S}`, items: 3 },
      { key: 'visits.memo:arr-A-1', items: 1 }
    ]);
  });

  it('deletes every record and draft of the session, keeps a tombstone, and leaves zero rows', async () => {
    await recoveryRepo.importBundle(await open(tablet('A', 3), 'A'), ctx('A'), OPTS);
    await recoveryRepo.importBundle(await open(tablet('B', 2), 'B'), ctx('A'), OPTS);
    await putDraft({
      key: 'visits.memo.arr-A-1',
      value: { findings: '書きかけ' },
      updatedAt: '',
      tabId: 't',
      sessionId: S
    });
    await putDraft({ key: 'settings.clinic', value: {}, updatedAt: '', tabId: 't', sessionId: '' });
    await recoveryRepo.logExport(S, 'バンドル', ctx('A'));
    const before = await counts();
    expect(before).toMatchObject({ arrivals: 5, memos: 5, bills: 5, drafts: 1 });
    const result = await recoveryRepo.purge((await recoveryRepo.outageOf(S))!, ctx('A', '院長'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.deleted).toEqual(before);
    for (const store of [...SESSION_TABLES, 'drafts'] as const) expect(result.value.remaining[store]).toBe(0);
    expect(result.value.kept).toEqual({ session: 1, purgedEvents: 1, purgeAudit: 1 });
    // Straight from the stores, not through the report:
    for (const t of SESSION_TABLES.filter((t) => t !== 'events' && t !== 'audit'))
      expect(await table<{ sessionId: string }>(t).where('sessionId').equals(S).count()).toBe(0);
    const events = await table<{ sessionId: string; kind: string }>('events')
      .where('sessionId')
      .equals(S)
      .toArray();
    expect(events.map((e) => e.kind)).toEqual(['purged']);
    expect(await table('drafts').count()).toBe(1);
    const tomb = await recoveryRepo.getSession(S);
    expect(tomb?.purgedAt).toBe('2025-11-16T01:00:00.000Z');
    expect(tomb?.reason).toBe('');
    expect(tomb?.purgeSummary).toMatchObject({ by: '院長', counts: { arrivals: 5 } });
    expect(await table('counters').where('key').startsWith(`queue:${S}:`).count()).toBe(0);
  });

  it('a purged session comes back only when the user accepts the warning', async () => {
    const opened = await open(tablet('A', 1), 'A');
    await recoveryRepo.importBundle(opened, ctx(), OPTS);
    await recoveryRepo.purge((await recoveryRepo.outageOf(S))!, ctx());
    const refused = await recoveryRepo.importBundle(opened, ctx(), OPTS);
    expect(!refused.ok && refused.error.key).toBe('recovery.import.error.purged');
    const revived = await recoveryRepo.importBundle(opened, ctx(), { ...OPTS, revivePurged: true });
    expect(revived.ok).toBe(true);
    expect((await recoveryRepo.getSession(S))?.purgedAt).toBeNull();
    expect((await counts()).arrivals).toBe(1);
  });
});
