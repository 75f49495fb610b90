import { beforeEach, describe, expect, it } from 'vitest';
import { deleteDataDb, table, type WriteContext } from '../store';
import { recoveryRepo } from '../recovery/repo';
import { outageRepo } from '../outage/repo';
import {
  SAMPLE_SESSION_ID,
  sampleArrival,
  sampleContent,
  sampleMemo,
  sampleSession
} from '../recovery/sample';
import { memosRepo } from '../visits/repo';
import type { StoredRecord } from '../recovery/model';
import { applyHubDocs, type ApplyDeps } from './hub-apply';
import { deriveHubKeys, sealHubDoc } from './hub-doc';

const keys = deriveHubKeys(new Uint8Array(32).fill(3));
const S = SAMPLE_SESSION_ID;
let ids = 0;
const ctx = (): WriteContext => ({
  actor: { staffId: 's', staffName: '医師 一郎', deviceLabel: 'B' },
  now: new Date('2025-11-15T02:00:00.000Z'),
  newId: () => `b-id-${++ids}`
});
/** Device B of the clinic, on which A's documents arrive. */
const deps: ApplyDeps = {
  context: ctx,
  joiner: () => ({ clinicId: 'clinic-1', deviceId: 'device-B', label: 'B' }),
  staffNames: () => ['医師 一郎', '受付 花子']
};
const session = sampleSession({ recoveredAt: null, clinicId: 'clinic-1', deviceId: 'device-A' });
const arrivals = () => table<StoredRecord>('arrivals');

beforeEach(async () => {
  await deleteDataDb();
});

describe('documents from the hub', () => {
  it("bring A's outage and arrival to B, and B joins the clinic's outage", async () => {
    const arrival = sampleArrival('A', 1);
    const left = await applyHubDocs(
      keys,
      [sealHubDoc(keys, 'sessions', session), sealHubDoc(keys, 'arrivals', arrival)],
      [],
      deps
    );
    expect(left).toEqual([]);
    expect(await arrivals().get(arrival.id)).toEqual(arrival);
    const current = await outageRepo.current(deps.joiner());
    expect(current?.sessionIds).toContain(S);
    expect(current?.own.deviceLabel).toBe('B');
  });

  it('keep a record whose session has not arrived yet, and store it once the session comes', async () => {
    const arrival = sampleArrival('A', 2);
    const left = await applyHubDocs(keys, [sealHubDoc(keys, 'arrivals', arrival)], [], deps);
    expect(left).toHaveLength(1);
    expect(await arrivals().get(arrival.id)).toBeUndefined();
    const after = await applyHubDocs(keys, [sealHubDoc(keys, 'sessions', session)], left, deps);
    expect(after).toEqual([]);
    expect(await arrivals().get(arrival.id)).toEqual(arrival);
  });

  it('never let a lower rev overwrite, take a higher one, and keep an equal rev with other content as a conflict', async () => {
    const v1 = sampleArrival('A', 3);
    const v2 = { ...v1, rev: 2, status: 'inConsult', updatedAt: '2025-11-15T01:00:00.000Z' };
    await applyHubDocs(
      keys,
      [sealHubDoc(keys, 'sessions', session), sealHubDoc(keys, 'arrivals', v2)],
      [],
      deps
    );
    await applyHubDocs(keys, [sealHubDoc(keys, 'arrivals', v1)], [], deps);
    expect(await arrivals().get(v1.id)).toEqual(v2);
    const v3 = { ...v2, rev: 3, status: 'paid' };
    await applyHubDocs(keys, [sealHubDoc(keys, 'arrivals', v3)], [], deps);
    expect(await arrivals().get(v1.id)).toEqual(v3);
    // The same rev 3 changed on device C meanwhile: kept for the user, B's version stays.
    const other = { ...v2, rev: 3, status: 'awaitingPayment', updatedDevice: 'C' };
    await applyHubDocs(keys, [sealHubDoc(keys, 'arrivals', other)], [], deps);
    expect(await arrivals().get(v1.id)).toEqual(v3);
    const pending = await recoveryRepo.pendingConflicts({ sessionIds: [S] });
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ table: 'arrivals', id: v1.id, fromDevice: 'C' });
    expect(pending[0]!.fields).toContain('status');
    // The same document again changes nothing and adds no second conflict.
    await applyHubDocs(keys, [sealHubDoc(keys, 'arrivals', other)], [], deps);
    expect(await recoveryRepo.pendingConflicts({ sessionIds: [S] })).toHaveLength(1);
  });

  it('store nothing that does not open under the clinic key or fails the strict schema', async () => {
    const otherClinic = deriveHubKeys(new Uint8Array(32).fill(9));
    const foreign = sampleArrival('A', 4);
    const unknownField = { ...sampleArrival('A', 5), note: 'extra' };
    await applyHubDocs(
      keys,
      [
        sealHubDoc(keys, 'sessions', session),
        sealHubDoc(otherClinic, 'arrivals', foreign),
        sealHubDoc(keys, 'arrivals', unknownField)
      ],
      [],
      deps
    );
    expect(await arrivals().get(foreign.id)).toBeUndefined();
    expect(await arrivals().get(unknownField.id)).toBeUndefined();
  });

  it('do not bring back an outage purged on this device', async () => {
    const arrival = sampleArrival('A', 6);
    await applyHubDocs(
      keys,
      [sealHubDoc(keys, 'sessions', session), sealHubDoc(keys, 'arrivals', arrival)],
      [],
      deps
    );
    const outage = (await outageRepo.outageOf(S))!;
    const purged = await recoveryRepo.purge(outage, ctx());
    expect(purged.ok).toBe(true);
    const left = await applyHubDocs(
      keys,
      [sealHubDoc(keys, 'sessions', session), sealHubDoc(keys, 'arrivals', arrival)],
      [],
      deps
    );
    expect(left).toEqual([]);
    expect(await arrivals().get(arrival.id)).toBeUndefined();
    expect((await outageRepo.get(S))?.purgedAt).toBeTruthy();
  });
});

describe('the same record changed on two devices while the hub was down', () => {
  it('is kept as a pending conflict on the device that edited it too, seen in its own outage', async () => {
    const arrival = sampleArrival('A', 7);
    const memo = sampleMemo(arrival);
    await applyHubDocs(
      keys,
      [
        sealHubDoc(keys, 'sessions', session),
        sealHubDoc(keys, 'arrivals', arrival),
        sealHubDoc(keys, 'memos', memo)
      ],
      [],
      deps
    );
    // B edits rev 1 → 2 here; A did the same meanwhile with other findings.
    const mine = await memosRepo.update(memo.id, 1, sampleContent({ findings: 'B の所見' }), ctx());
    expect(mine.ok).toBe(true);
    const theirs = {
      ...memo,
      rev: 2,
      updatedAt: '2025-11-15T01:50:00.000Z',
      content: sampleContent({ findings: 'A の所見' })
    };
    await applyHubDocs(keys, [sealHubDoc(keys, 'memos', theirs)], [], deps);
    expect((await table<StoredRecord>('memos').get(memo.id))?.content).toMatchObject({
      findings: 'B の所見'
    });
    const current = await outageRepo.current(deps.joiner());
    const pending = await recoveryRepo.pendingConflicts(current!);
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ table: 'memos', id: memo.id, fromDevice: 'A' });
    expect(pending[0]!.fields).toContain('content.findings');
    // The choice made on A (its version as rev 3) arrives: taken, and the conflict here is settled by it.
    const chosen = { ...theirs, rev: 3, updatedAt: '2025-11-15T02:10:00.000Z' };
    await applyHubDocs(keys, [sealHubDoc(keys, 'memos', chosen)], [], deps);
    expect(await table<StoredRecord>('memos').get(memo.id)).toEqual(chosen);
    expect(await recoveryRepo.pendingConflicts(current!)).toEqual([]);
  });
});

describe('documents of an outage purged on another device', () => {
  it('are not stored, nor handed back to wait, and the sync is told every owner', async () => {
    const arrival = sampleArrival('A', 8);
    const seen: [string, string | null][] = [];
    const left = await applyHubDocs(
      keys,
      [sealHubDoc(keys, 'sessions', session), sealHubDoc(keys, 'arrivals', arrival)],
      [{ table: 'arrivals', record: { ...sampleArrival('A', 9) } }],
      { ...deps, purged: () => new Set([S]), opened: (id, owner) => seen.push([id, owner]) }
    );
    expect(left).toEqual([]);
    expect(await arrivals().get(arrival.id)).toBeUndefined();
    expect(await outageRepo.get(S)).toBeUndefined();
    expect(seen.map(([, owner]) => owner)).toEqual([S, S]);
  });
});
