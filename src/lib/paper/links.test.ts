// Paper-link rules: which record a form goes with, and the two orders the screen lists links in.
import { describe, expect, it } from 'vitest';
import { bySerial, defaultLinkedKind, serialsByRecord } from './links';
import { parseSerial } from './serial';

const serial = (text: string) => {
  const r = parseSerial(text);
  if (!r.ok) throw new Error(text);
  return r.value;
};

describe('paper links', () => {
  it('goes with the arrival, the memo or the bill by the form it is', () => {
    expect(defaultLinkedKind(serial('U-1'))).toBe('arrival');
    expect(defaultLinkedKind(serial('Q-1'))).toBe('arrival');
    expect(defaultLinkedKind(serial('S-1'))).toBe('arrival');
    expect(defaultLinkedKind(serial('M-1'))).toBe('memo');
    expect(defaultLinkedKind(serial('D-1'))).toBe('bill');
    expect(defaultLinkedKind(serial('A-3'))).toBe('bill');
  });

  it('sorts by prefix then number, and groups serials per record', () => {
    const links = [
      { serial: 'U-0010', recordId: 'a1', createdAt: '3' },
      { serial: 'M-0001', recordId: 'm1', createdAt: '2' },
      { serial: 'U-0002', recordId: 'a2', createdAt: '1' },
      { serial: 'Q-0004', recordId: 'a1', createdAt: '4' }
    ];
    expect(bySerial(links).map((l) => l.serial)).toEqual(['M-0001', 'Q-0004', 'U-0002', 'U-0010']);
    const grouped = [...serialsByRecord(links)].map(([id, list]) => [id, list.map((l) => l.serial)]);
    expect(grouped).toEqual([
      ['a2', ['U-0002']],
      ['m1', ['M-0001']],
      ['a1', ['Q-0004', 'U-0010']]
    ]);
  });
});
