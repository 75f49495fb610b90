import { describe, expect, it } from 'vitest';
import { issuedByMemo, issuedDetail, parseIssued } from './issued';

describe('issued 処方箋 on the timeline', () => {
  it('writes and reads back the number, the memo and the paper size', () => {
    const detail = issuedDetail({ serial: 'RA-0003', memoId: 'memo-1', paper: 'a5' });
    expect(detail).toBe('prescription RA-0003 memo-1 a5');
    expect(parseIssued(detail)).toEqual({ serial: 'RA-0003', memoId: 'memo-1', paper: 'a5' });
    expect(parseIssued('visitMemo')).toBeNull();
    expect(parseIssued('prescription RA-0003 memo-1 b5')).toBeNull();
  });

  it('groups the printed ones by memo in print order, ignoring other events', () => {
    const events = [
      { kind: 'printed', at: '2026-12-06T01:05:00Z', detail: 'prescription RA-0002 m1 a4' },
      { kind: 'printed', at: '2026-12-06T01:00:00Z', detail: 'prescription RA-0001 m1 a5' },
      { kind: 'printed', at: '2026-12-06T01:02:00Z', detail: 'prescription RB-0001 m2 a5' },
      { kind: 'printed', at: '2026-12-06T01:03:00Z', detail: 'visitMemo' },
      { kind: 'note', at: '2026-12-06T01:04:00Z', detail: 'prescription RZ-0001 m3 a5' }
    ];
    const byMemo = issuedByMemo(events);
    expect(byMemo.get('m1')?.map((i) => i.serial)).toEqual(['RA-0001', 'RA-0002']);
    expect(byMemo.get('m2')?.map((i) => i.serial)).toEqual(['RB-0001']);
    expect(byMemo.has('m3')).toBe(false);
  });
});
