// The pack chooser's rules: numbers typed any way, limits, the remembered next number.
import { describe, expect, it } from 'vitest';
import { MAX_PACK } from './forms/pack';
import { MAX_SERIAL } from './serial';
import {
  nextAfter,
  nextNumberKey,
  PACK_LIMIT,
  readPackForm,
  readWholeNumber,
  repeatsPrinted
} from './pack-form';

describe('pack form', () => {
  it('keeps the same limit as the engine', () => {
    expect(PACK_LIMIT).toBe(MAX_PACK);
  });

  it('reads numbers typed with full-width digits and separators', () => {
    expect(readWholeNumber('２０')).toBe(20);
    expect(readWholeNumber(' 1,000 ')).toBe(1000);
    expect(readWholeNumber('')).toBeNull();
    expect(readWholeNumber('12a')).toBeNull();
    expect(readWholeNumber('-3')).toBeNull();
  });

  it('accepts a start and a count within limits', () => {
    expect(readPackForm({ kind: 'intake', startText: '21', countText: '２０' })).toEqual({
      ok: true,
      value: { kind: 'intake', start: 21, count: 20 }
    });
  });

  it('refuses a count outside 1…MAX_PACK and a start that runs past the last serial', () => {
    const bad = readPackForm({ kind: 'intake', startText: '0', countText: '501' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.count).toMatchObject({ key: 'paper.pack.error.count', values: { max: 500 } });
      expect(bad.error.start).toMatchObject({ key: 'paper.pack.error.start' });
    }
    const end = readPackForm({ kind: 'intake', startText: String(MAX_SERIAL), countText: '2' });
    expect(!end.ok && end.error.start?.values).toEqual({ max: MAX_SERIAL - 1 });
    expect(readPackForm({ kind: 'intake', startText: String(MAX_SERIAL), countText: '1' }).ok).toBe(true);
  });

  it('moves the next number past a pack and never back; warns on printed numbers', () => {
    expect(nextAfter({ start: 1, count: 20 }, 1)).toBe(21);
    expect(nextAfter({ start: 3, count: 2 }, 21)).toBe(21);
    expect(repeatsPrinted({ start: 3 }, 21)).toBe(true);
    expect(repeatsPrinted({ start: 21 }, 21)).toBe(false);
    expect(nextNumberKey('depositSlip')).toBe('paper.next.depositSlip');
  });
});
