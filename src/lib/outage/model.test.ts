import { describe, expect, it } from 'vitest';
import {
  currentOutage,
  groupOutages,
  isOwnSession,
  linkOutages,
  mayBeSameOutage,
  outageOf,
  separateOutages,
  type OutageSession
} from './model';

function session(id: string, over: Partial<OutageSession> = {}): OutageSession {
  return {
    id,
    kind: 'real',
    reason: '',
    startedAt: '2025-11-15T03:15:00.000Z',
    recoveredAt: null,
    closedAt: null,
    declaredBy: '受付 花子',
    deviceLabel: 'A',
    createdAt: '2025-11-15T03:16:00.000Z',
    purgedAt: null,
    ...over
  };
}

const A = { deviceId: 'dev-a', label: 'A' };
const B = { deviceId: 'dev-b', label: 'B' };

describe('an outage is the clinic’s, not a device’s', () => {
  it('two devices that declared alone are two outages until linked; linked they are one, first start first', () => {
    const a = session('sa', { deviceId: 'dev-a', startedAt: '2025-11-15T03:20:00.000Z' });
    const b = session('sb', { deviceId: 'dev-b', deviceLabel: 'B', startedAt: '2025-11-15T03:15:00.000Z' });
    expect(groupOutages([a, b])).toHaveLength(2);
    const one = outageOf([a, b]);
    const linked = linkOutages(outageOf([a]), outageOf([b]));
    const groups = groupOutages(linked);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.id).toBe('sb');
    expect(groups[0]!.sessionIds).toEqual(['sb', 'sa']);
    expect(groups[0]!.startedAt).toBe(one.startedAt);
  });

  it('a device that joined shares the declarer’s start: the declarer (created first) still names the outage', () => {
    const declared = session('zz', { deviceId: 'dev-a', createdAt: '2025-11-15T03:16:00.000Z' });
    const joined = session('aa', {
      deviceId: 'dev-b',
      deviceLabel: 'B',
      declaredBy: '看護 次郎',
      createdAt: '2025-11-15T03:40:00.000Z',
      sameAs: ['zz']
    });
    const [outage] = groupOutages([joined, declared]);
    expect(outage!.declaredBy).toBe('受付 花子');
    expect(outage!.sessionIds).toEqual(['zz', 'aa']);
  });

  it('a link recorded on either side is enough, and links made at once on two devices still meet', () => {
    const a = session('sa', { sameAs: ['sb'] });
    const b = session('sb', { sameAs: ['sc'] });
    const c = session('sc');
    expect(groupOutages([a, b, c])).toHaveLength(1);
    // Each device linked the other's session to its own: a swap, still one outage.
    expect(groupOutages([session('x', { sameAs: ['y'] }), session('y', { sameAs: ['x'] })])).toHaveLength(1);
  });

  it('a drill never joins a real outage, even when linked', () => {
    const real = session('r', { sameAs: ['d'] });
    const drill = session('d', { kind: 'drill', sameAs: ['r'] });
    expect(groupOutages([real, drill])).toHaveLength(2);
    expect(mayBeSameOutage(outageOf([real]), outageOf([drill]))).toBe(false);
  });

  it('recovered and closed as soon as one device recorded it; purged only when every part is', () => {
    const a = session('sa', { recoveredAt: '2025-11-15T06:55:00.000Z' });
    const b = session('sb', { deviceLabel: 'B' });
    const o = outageOf([a, b]);
    expect(o.recoveredAt).toBe('2025-11-15T06:55:00.000Z');
    expect(o.closedAt).toBeNull();
    expect(outageOf([{ ...a, purgedAt: '2025-11-16T00:00:00.000Z' }, b]).purgedAt).toBeNull();
    expect(
      outageOf([
        { ...a, purgedAt: '2025-11-16T00:00:00.000Z' },
        { ...b, purgedAt: '2025-11-16T01:00:00.000Z' }
      ]).purgedAt
    ).toBe('2025-11-16T01:00:00.000Z');
  });
});

describe('the outage this device works in', () => {
  it('is the open one it declared or joined; another device’s outage from a file never takes over', () => {
    const mine = session('sa', { deviceId: 'dev-a', createdAt: '2025-11-15T03:16:00.000Z' });
    const theirs = session('sb', {
      deviceId: 'dev-b',
      deviceLabel: 'B',
      createdAt: '2025-11-15T03:30:00.000Z'
    });
    expect(currentOutage([mine, theirs], A)?.id).toBe('sa');
    expect(currentOutage([mine, theirs], A)?.own.id).toBe('sa');
    // Once linked, the same outage — with both sessions — and this device still writes into its own.
    const linked = linkOutages(outageOf([mine]), outageOf([theirs]));
    const current = currentOutage(linked, A)!;
    expect(current.sessionIds.sort()).toEqual(['sa', 'sb']);
    expect(current.own.id).toBe('sa');
    expect(currentOutage(linked, B)?.own.id).toBe('sb');
    // A device that took no part has no current outage.
    expect(currentOutage([theirs], A)).toBeNull();
  });

  it('a closed or purged outage is not current', () => {
    expect(
      currentOutage([session('s', { deviceId: 'dev-a', closedAt: '2025-11-15T09:00:00.000Z' })], A)
    ).toBeNull();
    expect(
      currentOutage([session('s', { deviceId: 'dev-a', purgedAt: '2025-11-15T09:00:00.000Z' })], A)
    ).toBeNull();
  });

  it('sessions from before devices had ids are this device’s by label', () => {
    expect(isOwnSession(session('s'), A)).toBe(true);
    expect(isOwnSession(session('s'), B)).toBe(false);
    expect(isOwnSession(session('s', { deviceId: 'dev-b', deviceLabel: 'A' }), A)).toBe(false);
  });
});

describe('the question asked after an import', () => {
  it('is asked for outages of the same kind whose times overlap, not once they are linked or told apart', () => {
    const a = outageOf([session('sa', { recoveredAt: '2025-11-15T06:55:00.000Z' })]);
    const b = outageOf([session('sb', { startedAt: '2025-11-15T04:00:00.000Z' })]);
    const later = outageOf([session('sl', { startedAt: '2025-11-20T04:00:00.000Z' })]);
    expect(mayBeSameOutage(a, b)).toBe(true);
    expect(mayBeSameOutage(a, later)).toBe(false);
    const [apartA, apartB] = separateOutages(a, b);
    expect(mayBeSameOutage(outageOf([apartA!]), outageOf([apartB!]))).toBe(false);
    expect(mayBeSameOutage(a, a)).toBe(false);
  });
});
