import { afterEach, describe, expect, it } from 'vitest';
import { deleteDataDb } from './db';
import { audit, setAuditActor } from './audit';

afterEach(async () => {
  await deleteDataDb();
});

describe('audit', () => {
  it('appends entries with who, device and session from the actor, and lists them newest first', async () => {
    setAuditActor({ staffName: '受付 花子', deviceLabel: 'A', sessionId: 's1' });
    await audit.append(
      { action: 'export', table: 'arrivals', count: 12, detail: 'csv' },
      new Date('2025-04-01T10:00:00Z')
    );
    await audit.append({ action: 'print', table: 'bills', recordId: 'b1' }, new Date('2025-04-01T11:00:00Z'));
    await audit.append({ action: 'purge', sessionId: 's2' }, new Date('2025-04-01T12:00:00Z'));
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
