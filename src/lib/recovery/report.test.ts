import { describe, expect, it } from 'vitest';
import { buildChecklist } from './checklist';
import { hasWarnings, lastChangeAt, purgeConfirmed, purgeWarnings } from './purge-rules';
import { buildIncidentReport } from './report';
import {
  sampleArrival,
  sampleBill,
  sampleData,
  sampleEvent,
  sampleSession,
  sampleSettlement
} from './sample';
import { tickEntry } from './back-entry';

const now = new Date('2025-11-16T00:00:00.000Z');

describe('incident report', () => {
  it('sums up the outage: duration, patients, memos, money, what is left, timeline', () => {
    const data = sampleData(3);
    data.arrivals.push(sampleArrival('B', 1, { isNew: true, visitType: 'first' }));
    data.bills.push(sampleBill(data.arrivals[3]!, 1, { kind: 'payLater', amount: 0, serial: '' }));
    data.settlements.push(sampleSettlement(data.bills[0]!));
    data.events.push(sampleEvent('recovered', '2025-11-15T03:35:00.000Z'));
    const report = buildIncidentReport(data, buildChecklist(data), now);
    expect(report.durationMinutes).toBe(210);
    expect(report.ongoing).toBe(false);
    expect(report.patients).toMatchObject({ total: 4, newPatients: 1, firstVisits: 1 });
    expect(report.byDevice).toEqual([
      { deviceLabel: 'A', arrivals: 3 },
      { deviceLabel: 'B', arrivals: 1 }
    ]);
    expect(report.memos).toBe(3);
    expect(report.deposits).toEqual({ count: 3, total: 9000 });
    expect(report.payLater).toBe(1);
    expect(report.settlement).toMatchObject({ settled: 1, stillOpen: 3, refunded: 600 });
    expect(report.backEntry).toEqual({ entered: 0, total: 11, notEntered: 11 });
    expect(report.timeline.map((e) => e.kind)).toEqual(['declared', 'recovered']);
  });

  it('an outage still on runs to now', () => {
    const data = sampleData(0, sampleSession({ recoveredAt: null }));
    const report = buildIncidentReport(data, [], new Date('2025-11-15T01:05:00.000Z'));
    expect(report).toMatchObject({ durationMinutes: 60, ongoing: true, endedAt: null });
  });
});

describe('before a purge', () => {
  it('warns about changes since the last export, items not entered and unsettled money', () => {
    const data = sampleData(2);
    const items = buildChecklist(data);
    const w = purgeWarnings(data, items, 'A');
    expect(w).toMatchObject({
      notExported: true,
      lastExport: null,
      notEntered: 6,
      unsettled: 2,
      stillOutage: false
    });
    expect(hasWarnings(w)).toBe(true);
  });

  it('is quiet when everything is exported after the last change, entered and settled', () => {
    const data = sampleData(1);
    data.settlements.push(sampleSettlement(data.bills[0]!));
    const ctx = {
      actor: { staffId: 's', staffName: 's', deviceLabel: 'A' },
      now: new Date('2025-11-16T02:00:00Z'),
      newId: () => 'x'
    };
    data.backEntries = buildChecklist(data).map((i) =>
      tickEntry(i, null, { enteredBy: 's', ehrPatientNo: '' }, data.session.id, false, ctx)
    );
    expect(lastChangeAt(data)).toBe('2025-11-16T02:00:00.000Z');
    data.events.push(sampleEvent('exported', '2025-11-16T01:00:00.000Z'));
    expect(purgeWarnings(data, buildChecklist(data), 'A').notExported).toBe(true);
    // An export made on another tablet does not hold this one's records.
    data.events.push(sampleEvent('exported', '2025-11-16T03:00:00.000Z', 'B'));
    expect(purgeWarnings(data, buildChecklist(data), 'A').notExported).toBe(true);
    data.events.push(sampleEvent('exported', '2025-11-16T03:00:00.000Z'));
    const w = purgeWarnings(data, buildChecklist(data), 'A');
    expect(w).toMatchObject({ notExported: false, notEntered: 0, unsettled: 0 });
    expect(hasWarnings(w)).toBe(false);
    // An import after the export is a change: the export no longer holds everything.
    data.events.push(sampleEvent('imported', '2025-11-16T04:00:00.000Z'));
    expect(purgeWarnings(data, buildChecklist(data), 'A').notExported).toBe(true);
  });

  it('is confirmed by typing the session date or 削除', () => {
    const s = sampleSession();
    expect(purgeConfirmed('2025-11-15', s)).toBe(true);
    expect(purgeConfirmed('２０２５－１１－１５', s)).toBe(true);
    expect(purgeConfirmed(' 削除 ', s)).toBe(true);
    expect(purgeConfirmed('2025-11-16', s)).toBe(false);
    expect(purgeConfirmed('', s)).toBe(false);
  });
});
