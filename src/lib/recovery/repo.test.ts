import { beforeEach, describe, expect, it } from 'vitest';
import { deleteDataDb, table, type WriteContext } from '../store';
import { putDraft } from '../store/drafts';
import { queueCounterKey } from '../reception/model';
import { createBundle, readBundle, type OpenedBundle } from './bundle';
import { buildChecklist } from './checklist';
import { recoveryRepo } from './repo';
import { SESSION_TABLES, type SessionData } from './model';
import { SAMPLE_SESSION_ID, sampleArrival, sampleBill, sampleData, sampleMemo } from './sample';

const S = SAMPLE_SESSION_ID;
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

async function open(data: SessionData, label: string): Promise<OpenedBundle> {
  const bundle = await createBundle(data, {
    deviceLabel: label,
    exportedBy: label,
    now: new Date('2025-11-15T05:00:00Z')
  });
  const opened = await readBundle(JSON.stringify(bundle));
  if (!opened.ok) throw new Error('unreadable');
  return opened.value;
}

async function counts() {
  return recoveryRepo.countBySession(S);
}

beforeEach(async () => {
  await deleteDataDb();
});

describe('import', () => {
  it('adopts the session, merges two tablets, logs it; the same bundle twice changes nothing', async () => {
    const a = await open(tablet('A', 3), 'A');
    const b = await open(tablet('B', 2), 'B');
    const first = await recoveryRepo.importBundle(a, ctx());
    expect(first.ok && first.value.adopted).toBe(true);
    expect(first.ok && first.value.changed).toBe(true);
    const second = await recoveryRepo.importBundle(b, ctx());
    expect(second.ok && second.value.tally.arrivals.added).toBe(2);
    const afterBoth = await counts();
    expect(afterBoth).toMatchObject({ arrivals: 5, memos: 5, bills: 5 });
    const again = await recoveryRepo.importBundle(b, ctx());
    expect(again.ok && again.value.changed).toBe(false);
    expect(await counts()).toEqual(afterBoth);
    const timeline = (await recoveryRepo.load(S))!.events.filter((e) => e.kind === 'imported');
    expect(timeline.map((e) => e.detail)).toEqual([
      '端末Aから 追加10 更新0 競合0 破損0',
      '端末Bから 追加6 更新0 競合0 破損0'
    ]);
  });

  it('keeps a conflict for the user across reloads, and resolving it sticks', async () => {
    const a = tablet('A', 1);
    await recoveryRepo.importBundle(await open(a, 'A'), ctx());
    const memo = a.memos[0]!;
    const edited = {
      ...a,
      memos: [{ ...memo, content: { ...memo.content, findings: '端末Bで追記' }, updatedDevice: 'B' }]
    };
    const b = await open(edited, 'B');
    const result = await recoveryRepo.importBundle(b, ctx());
    expect(result.ok && result.value.conflicts).toHaveLength(1);
    expect(result.ok && result.value.pending).toBe(1);
    expect((await table<typeof memo>('memos').get(memo.id))!.content.findings).toBe(memo.content.findings);
    // Importing it again does not add a second copy of the same conflict.
    await recoveryRepo.importBundle(b, ctx());
    const pending = await recoveryRepo.pendingConflicts(S);
    expect(pending).toHaveLength(1);
    const shown = await recoveryRepo.storedRecord('memos', memo.id);
    const resolved = await recoveryRepo.resolveConflict(S, pending[0]!, 'incoming', shown, ctx());
    expect(resolved.ok).toBe(true);
    const stored = (await table<typeof memo>('memos').get(memo.id))!;
    expect(stored.content.findings).toBe('端末Bで追記');
    expect(stored.rev).toBe(2);
    expect(await recoveryRepo.pendingConflicts(S)).toEqual([]);
    const later = await recoveryRepo.importBundle(b, ctx());
    expect(later.ok && later.value.changed).toBe(false);
    expect(later.ok && later.value.tally.memos.keptLocal).toBe(1);
  });

  it('refuses to resolve against a version the user did not see', async () => {
    const a = tablet('A', 1);
    await recoveryRepo.importBundle(await open(a, 'A'), ctx());
    const memo = a.memos[0]!;
    await recoveryRepo.importBundle(
      await open({ ...a, memos: [{ ...memo, content: { ...memo.content, findings: 'x' } }] }, 'B'),
      ctx()
    );
    const [conflict] = await recoveryRepo.pendingConflicts(S);
    const stale = { ...memo, content: { ...memo.content, findings: 'old view' } };
    const r = await recoveryRepo.resolveConflict(S, conflict!, 'local', stale as never, ctx());
    expect(!r.ok && r.error.key).toBe('store.error.conflict');
    expect(await recoveryRepo.pendingConflicts(S)).toHaveLength(1);
  });

  it('imports the rest when some records are damaged, and reports them', async () => {
    const opened = await open(tablet('B', 2), 'B');
    (opened.bundle.records.arrivals[1] as Record<string, unknown>).rev = null;
    const r = await recoveryRepo.importBundle(opened, ctx());
    expect(r.ok && r.value.damaged).toEqual([
      { table: 'arrivals', index: 1, id: 'arr-B-2', reason: 'schema', field: 'rev' }
    ]);
    expect((await counts()).arrivals).toBe(1);
  });

  it('raises this device’s own counters after importing its own records back', async () => {
    await recoveryRepo.importBundle(await open(tablet('C', 4), 'C'), ctx('C'));
    const counter = await table<{ key: string; value: number }>('counters').get(queueCounterKey(S, 'C'));
    expect(counter?.value).toBe(4);
    expect((await table<{ key: string; value: number }>('counters').get('deposit:C'))?.value).toBe(4);
  });
});

describe('checklist ticks', () => {
  it('ticks with the rev the screen saw; a second tick from a stale screen is a conflict', async () => {
    await recoveryRepo.importBundle(await open(tablet('A', 1), 'A'), ctx());
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

describe('the EHR number of a new patient', () => {
  it('is required for the tick (unless ticked explicitly without it) and can be corrected afterwards', async () => {
    const data = tablet('A', 1);
    data.arrivals[0] = { ...data.arrivals[0]!, isNew: true };
    await recoveryRepo.importBundle(await open(data, 'A'), ctx());
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
    const list = await recoveryRepo.draftsOf(S);
    expect(list.sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { key: `recovery.conflicts.${S}`, items: 3 },
      { key: 'visits.memo:arr-A-1', items: 1 }
    ]);
  });

  it('deletes every record and draft of the session, keeps a tombstone, and leaves zero rows', async () => {
    await recoveryRepo.importBundle(await open(tablet('A', 3), 'A'), ctx('A'));
    await recoveryRepo.importBundle(await open(tablet('B', 2), 'B'), ctx('A'));
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
    const result = await recoveryRepo.purge(S, ctx('A', '院長'));
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
    await recoveryRepo.importBundle(opened, ctx());
    await recoveryRepo.purge(S, ctx());
    const refused = await recoveryRepo.importBundle(opened, ctx());
    expect(!refused.ok && refused.error.key).toBe('recovery.import.error.purged');
    const revived = await recoveryRepo.importBundle(opened, ctx(), true);
    expect(revived.ok).toBe(true);
    expect((await recoveryRepo.getSession(S))?.purgedAt).toBeNull();
    expect((await counts()).arrivals).toBe(1);
  });
});
