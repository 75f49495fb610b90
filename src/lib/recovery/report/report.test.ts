import { describe, expect, it } from 'vitest';
import { buildChecklist } from '../checklist/checklist';
import {
  changesSince,
  hasWarnings,
  lastChangeAt,
  purgeConfirmed,
  purgeWarnings,
  warningCount
} from '../purge/purge-rules';
import { EXPORT_DETAIL } from '../steps';
import type { SessionDraft } from '../purge/unsaved-drafts';
import type { Arrival } from '../../reception/model';
import { translate } from '../../i18n/translate';
import { buildIncidentReport } from './report';
import {
  sampleArrival,
  sampleBill,
  sampleData,
  sampleEvent,
  sampleSession,
  sampleSettlement
} from '../sample';
import { tickEntry } from '../checklist/back-entry';

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

  it('counts a registration cancelled at the desk apart from the patients seen', () => {
    const data = sampleData(3);
    data.arrivals[1] = { ...data.arrivals[1]!, status: 'cancelled' };
    const report = buildIncidentReport(data, buildChecklist(data), new Date('2025-11-15T05:00:00.000Z'));
    expect(report.patients.total).toBe(data.arrivals.length - 1);
    expect(report.patients.cancelled).toBe(1);
    expect(report.byDevice.reduce((n, d) => n + d.arrivals, 0)).toBe(data.arrivals.length - 1);
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
      tickEntry(i, null, { enteredBy: 's', role: 'doctor', ehrPatientNo: '' }, data.session.id, false, ctx)
    );
    expect(lastChangeAt(data)).toBe('2025-11-16T02:00:00.000Z');
    data.events.push(sampleEvent('exported', '2025-11-16T01:00:00.000Z', 'A', EXPORT_DETAIL.bundle));
    expect(purgeWarnings(data, buildChecklist(data), 'A').notExported).toBe(true);
    // An export made on another tablet does not hold this one's records.
    data.events.push(sampleEvent('exported', '2025-11-16T03:00:00.000Z', 'B', EXPORT_DETAIL.bundle));
    expect(purgeWarnings(data, buildChecklist(data), 'A').notExported).toBe(true);
    // A CSV is a list to check against, not a copy that can be imported again.
    data.events.push(sampleEvent('exported', '2025-11-16T03:00:00.000Z', 'A', 'CSV 受付一覧'));
    expect(purgeWarnings(data, buildChecklist(data), 'A').notExported).toBe(true);
    data.events.push(sampleEvent('exported', '2025-11-16T03:00:01.000Z', 'A', EXPORT_DETAIL.bundle));
    const w = purgeWarnings(data, buildChecklist(data), 'A');
    expect(w).toMatchObject({ notExported: false, changedSinceExport: 0, notEntered: 0, unsettled: 0 });
    expect(hasWarnings(w)).toBe(false);
    // The export's own audit line (written after it) is not a change.
    data.audit.push({
      id: 'au-1',
      sessionId: data.session.id,
      at: '2025-11-16T03:00:02.000Z',
      action: 'export'
    });
    expect(purgeWarnings(data, buildChecklist(data), 'A').notExported).toBe(false);
    // An import after the export is a change: the export no longer holds everything.
    data.events.push(sampleEvent('imported', '2025-11-16T04:00:00.000Z'));
    expect(purgeWarnings(data, buildChecklist(data), 'A')).toMatchObject({
      notExported: true,
      changedSinceExport: 1
    });
  });

  it('counts what changed after the last bundle: settlements and ticks made since are named as stale', () => {
    const data = sampleData(2);
    data.events.push(sampleEvent('exported', '2025-11-15T05:00:00.000Z', 'A', EXPORT_DETAIL.bundle));
    expect(purgeWarnings(data, buildChecklist(data), 'A')).toMatchObject({
      notExported: false,
      changedSinceExport: 0,
      lastExport: '2025-11-15T05:00:00.000Z'
    });
    // After the export: two bills settled and two checklist items ticked.
    data.settlements.push(...data.bills.map((b) => sampleSettlement(b)));
    const ctx = {
      actor: { staffId: 's', staffName: 's', deviceLabel: 'A' },
      now: new Date('2025-11-16T02:00:00Z'),
      newId: () => 'x'
    };
    data.backEntries = buildChecklist(data)
      .slice(0, 2)
      .map((i) => tickEntry(i, null, { enteredBy: 's', ehrPatientNo: '' }, data.session.id, false, ctx));
    const w = purgeWarnings(data, buildChecklist(data), 'A');
    expect(w).toMatchObject({
      notExported: true,
      changedSinceExport: 4,
      lastExport: '2025-11-15T05:00:00.000Z'
    });
    expect(hasWarnings(w)).toBe(true);
    // A record created before the export but changed after it counts too (updatedAt or createdAt, whichever is newer).
    data.memos[0] = { ...data.memos[0]!, updatedAt: '2025-11-16T03:00:00.000Z', rev: 2 };
    expect(purgeWarnings(data, buildChecklist(data), 'A').changedSinceExport).toBe(5);
    expect(changesSince(data, null).count).toBeGreaterThan(5);
  });

  it('without any bundle, every record of the session is at risk', () => {
    const data = sampleData(1);
    const w = purgeWarnings(data, buildChecklist(data), 'A');
    // 1 arrival, 1 memo, 1 bill, and the 'declared' line.
    expect(w).toMatchObject({ notExported: true, lastExport: null, changedSinceExport: 4 });
  });

  it('names unsaved drafts by kind and patient, and counts conflicts waiting for a choice', () => {
    const data = sampleData(3);
    const [a1, a2, a3] = data.arrivals as [Arrival, Arrival, Arrival];
    const drafts: SessionDraft[] = [
      { key: `visits.memo:${a3.id}`, items: 1 },
      { key: `reception.intake:${a1.id}`, items: 1 },
      { key: `reception.intake:${a2.id}`, items: 1 },
      { key: `billing.settle.${data.bills[1]!.id}`, items: 1 },
      { key: `reception.arrival.new:${data.session.id}`, items: 1 },
      { key: `recovery.conflicts.${data.session.id}`, items: 2 },
      { key: 'someone.else:xyz', items: 1 }
    ];
    const w = purgeWarnings(data, buildChecklist(data), 'A', drafts);
    expect(w.drafts).toEqual([
      { kind: 'arrivalNew', count: 1, queueNos: [] },
      { kind: 'intake', count: 2, queueNos: ['A-001', 'A-002'] },
      { kind: 'memo', count: 1, queueNos: ['A-003'] },
      { kind: 'settlement', count: 1, queueNos: ['A-002'] },
      { kind: 'conflicts', count: 2, queueNos: [] },
      { kind: 'other', count: 1, queueNos: [] }
    ]);
    expect(hasWarnings(w)).toBe(true);
    expect(warningCount(w)).toBe(3 + 6);
    // The words on the purge page, as the reviewer would read them.
    const memo = w.drafts.find((d) => d.kind === 'memo')!;
    expect(
      translate('ja', 'recovery.purge.warn.draft', {
        what: translate('ja', `recovery.draft.${memo.kind}`),
        n: memo.count,
        queueNos: memo.queueNos.join('・')
      })
    ).toBe('診療メモの下書き 1件（A-003）— 保存されていないため消えます');
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
