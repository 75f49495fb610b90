import { outageOf } from '../outage/model';
import { describe, expect, it } from 'vitest';
import { buildChecklist } from './checklist/checklist';
import { pickSession } from './session-choice';
import { EXPORT_DETAIL, devicesOf, recoverySteps } from './steps';
import { sampleArrival, sampleData, sampleEvent, sampleSession } from './sample';

describe('recovery steps', () => {
  it('start with everything to do', () => {
    const data = sampleData(2);
    const steps = recoverySteps(data, buildChecklist(data), 0, 'A');
    expect(steps.export).toMatchObject({ done: false, lines: [{ key: 'recovery.status.exportNever' }] });
    expect(steps.checklist.lines).toEqual([
      { key: 'recovery.status.progress', values: { entered: 0, total: 6 } }
    ]);
    expect(steps.settle).toMatchObject({
      done: false,
      lines: [{ key: 'recovery.status.unsettled', values: { n: 2 } }]
    });
    expect(steps.purge.warn).toBe(true);
    expect(steps.import.lines[0]).toEqual({ key: 'recovery.status.importNone' });
  });

  it('counts only this device’s exports', () => {
    const data = sampleData(1);
    data.events.push(sampleEvent('exported', '2025-11-16T00:00:00.000Z', 'B', EXPORT_DETAIL.bundle));
    expect(recoverySteps(data, buildChecklist(data), 0, 'A').export.done).toBe(false);
    expect(recoverySteps(data, buildChecklist(data), 0, 'B').export.done).toBe(true);
  });

  it('a bundle export is done until something changes; CSV files and the report are listed', () => {
    const data = sampleData(1);
    data.events.push(sampleEvent('exported', '2025-11-16T00:00:00.000Z', 'A', EXPORT_DETAIL.bundle));
    data.events.push(
      sampleEvent('exported', '2025-11-16T00:01:00.000Z', 'A', `${EXPORT_DETAIL.csvPrefix}受付一覧`)
    );
    data.events.push(sampleEvent('printed', '2025-11-16T00:02:00.000Z', 'A', EXPORT_DETAIL.report));
    let steps = recoverySteps(data, buildChecklist(data), 0, 'A');
    expect(steps.export.done).toBe(true);
    expect(steps.csv.lines).toEqual([{ key: 'recovery.status.csvDone', values: { names: '受付一覧' } }]);
    expect(steps.report.done).toBe(true);
    // The same table as .xlsx is not listed twice; another table as .xlsx is listed.
    for (const title of ['受付一覧', '診療メモ'])
      data.events.push(
        sampleEvent('exported', '2025-11-16T00:03:00.000Z', 'A', `${EXPORT_DETAIL.xlsxPrefix}${title}`)
      );
    steps = recoverySteps(data, buildChecklist(data), 0, 'A');
    expect(steps.csv.lines).toEqual([
      { key: 'recovery.status.csvDone', values: { names: '受付一覧・診療メモ' } }
    ]);
    data.events.push(sampleEvent('imported', '2025-11-16T01:00:00.000Z'));
    steps = recoverySteps(data, buildChecklist(data), 2, 'A');
    expect(steps.export).toMatchObject({ done: false, warn: true });
    expect(steps.import).toMatchObject({ done: false, warn: true });
    expect(steps.import.lines).toContainEqual({ key: 'recovery.status.conflicts', values: { n: 2 } });
  });

  it('lists the devices that recorded anything', () => {
    const data = sampleData(1);
    data.arrivals.push(sampleArrival('C', 1));
    expect(devicesOf(data)).toEqual(['A', 'C']);
  });
});

describe('pickSession', () => {
  const old = sampleSession({ id: 'old', startedAt: '2025-10-01T00:00:00.000Z' });
  const mid = sampleSession({ id: 'mid', startedAt: '2025-11-01T00:00:00.000Z' });
  const purged = sampleSession({
    id: 'gone',
    startedAt: '2025-12-01T00:00:00.000Z',
    purgedAt: '2025-12-02T00:00:00.000Z'
  });
  const all = [old, mid, purged].map((s) => outageOf([s]));

  it('takes the one in the address, even when purged (to show its purge check)', () => {
    expect(pickSession(all, 'old', 'mid')?.id).toBe('old');
    expect(pickSession(all, 'gone', null)?.id).toBe('gone');
  });

  it('else the open one, else the newest not purged, else none', () => {
    expect(pickSession(all, 'nope', 'old')?.id).toBe('old');
    expect(pickSession(all, null, null)?.id).toBe('mid');
    expect(pickSession([outageOf([purged])], null, null)).toBeNull();
  });
});
