import { afterEach, describe, expect, it } from 'vitest';
import { deleteDataDb, table, transaction } from './db';
import { audit } from './audit';

afterEach(async () => {
  await deleteDataDb();
});

describe('audit', () => {
  it('appends entries with who, device and session from the actor given, and lists them newest first', async () => {
    const by = { staffName: '受付 花子', deviceLabel: 'A', sessionId: 's1' };
    await audit.append(
      { action: 'export', table: 'arrivals', count: 12, detail: 'csv' },
      by,
      new Date('2025-04-01T10:00:00Z')
    );
    await audit.append(
      { action: 'print', table: 'bills', recordId: 'b1' },
      by,
      new Date('2025-04-01T11:00:00Z')
    );
    await audit.append({ action: 'purge', sessionId: 's2' }, by, new Date('2025-04-01T12:00:00Z'));
    const all = await audit.list();
    expect(all.map((e) => e.action)).toEqual(['purge', 'print', 'export']);
    expect(all[2]).toMatchObject({
      who: '受付 花子',
      deviceLabel: 'A',
      sessionId: 's1',
      count: 12,
      detail: 'csv'
    });
    expect((await audit.list({ action: 'print' })).map((e) => e.recordId)).toEqual(['b1']);
    expect((await audit.listBySession('s1')).map((e) => e.action)).toEqual(['export', 'print']);
    expect(await audit.list({ limit: 1 })).toHaveLength(1);
    expect(await audit.count()).toBe(3);
  });
});

describe('who an audit line names', () => {
  const ctx = (staffName: string, deviceLabel: string) => ({ staffId: '', staffName, deviceLabel });
  const arrival = (id: string, updatedBy: string, updatedDevice: string) => ({
    id,
    sessionId: 's1',
    createdAt: '2025-11-15T03:00:00.000Z',
    createdBy: updatedBy,
    createdDevice: updatedDevice,
    updatedAt: '2025-11-15T03:00:00.000Z',
    updatedBy,
    updatedDevice,
    rev: 1,
    drill: false,
    queueNo: 'A-001'
  });

  it('a record’s line names the record’s own author and device, never someone picked elsewhere', async () => {
    await table('arrivals').put(arrival('a1', '医師 一郎', 'C'));
    const [line] = await audit.list();
    expect(line).toMatchObject({
      action: 'create',
      recordId: 'a1',
      who: '医師 一郎',
      deviceLabel: 'C',
      sessionId: 's1'
    });
  });

  it('a transaction opened with an actor (an import) names that actor for every record it writes', async () => {
    await transaction(
      ['arrivals'],
      async () => {
        await table('arrivals').put(arrival('b1', '看護 次郎', 'B'));
        await table('arrivals').put(arrival('b2', '看護 次郎', 'B'));
      },
      ctx('事務 長子', 'A')
    );
    const lines = await audit.list();
    expect(lines.map((e) => [e.recordId, e.who, e.deviceLabel]).sort()).toEqual([
      ['b1', '事務 長子', 'A'],
      ['b2', '事務 長子', 'A']
    ]);
  });
});
