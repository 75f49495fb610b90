import { describe, expect, it } from 'vitest';
import { checkReplacement, DROP_SHARE } from './replace-check';
import type { QuoteDamage } from './quote-damage';

const damage: QuoteDamage = {
  rowNumber: 501,
  column: 1,
  header: '氏名',
  swallowedLines: 500,
  unclosed: true
};

describe('checkReplacement', () => {
  it('lets a clean re-import through, even one somewhat smaller than the roster it replaces', () => {
    expect(checkReplacement(1000, 1003, [])).toMatchObject({ confirm: false, reasons: [] });
    expect(checkReplacement(40, 25, [])).toMatchObject({ confirm: false, reasons: [] });
    expect(checkReplacement(1000, 1000 * DROP_SHARE, []).confirm).toBe(false);
  });

  it('asks again for a file with fewer than half the patients, showing both counts', () => {
    expect(checkReplacement(1000, 499, [])).toEqual({
      current: 1000,
      next: 499,
      confirm: true,
      reasons: [{ key: 'patients.import.confirm.dropped', values: { current: '1,000', next: '499' } }]
    });
  });

  it('asks again for a file with broken quoting, however many patients it has', () => {
    const check = checkReplacement(1000, 999, [damage]);
    expect(check.confirm).toBe(true);
    expect(check.reasons.map((r) => r.key)).toEqual(['patients.import.quote.unclosed']);
    expect(checkReplacement(1000, 499, [damage]).reasons).toHaveLength(2);
  });

  it('has nothing to confirm when there is no roster to lose', () => {
    expect(checkReplacement(0, 499, [damage])).toMatchObject({ confirm: false, current: 0 });
  });
});
