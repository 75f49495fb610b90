import { describe, expect, it } from 'vitest';
import { formatYen, yenInWords } from './yen';

describe('yen', () => {
  it('groups thousands', () => {
    expect(formatYen(0)).toBe('0');
    expect(formatYen(3000)).toBe('3,000');
    expect(formatYen(1234567)).toBe('1,234,567');
    expect(formatYen(999.6)).toBe('1,000');
  });

  it.each([
    [0, '金零円也'],
    [3000, '金参千円也'],
    [1500, '金壱千五百円也'],
    [10000, '金壱萬円也'],
    [15000, '金壱萬五千円也'],
    [23410, '金弐萬参千四百壱拾円也'],
    [100000000, '金壱億円也'],
    [120005, '金壱拾弐萬五円也']
  ])('writes %i as %s', (amount, words) => {
    expect(yenInWords(amount)).toBe(words);
  });

  it('refuses negative amounts', () => {
    expect(() => yenInWords(-1)).toThrow(RangeError);
  });
});
