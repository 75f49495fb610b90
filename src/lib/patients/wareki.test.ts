import { describe, expect, it } from 'vitest';
import {
  ERAS,
  daysInMonth,
  eraOf,
  formatWareki,
  formatWarekiShort,
  isRealDate,
  isRealIsoDate,
  parseBirthDate,
  toWareki
} from './wareki';

const parsed = (input: string, today?: string) => {
  const result = parseBirthDate(input, { today });
  return result.ok ? result.value : result.error.key;
};

describe('parseBirthDate — 西暦', () => {
  it.each([
    ['1980-01-02', '1980-01-02'],
    ['1980/1/2', '1980-01-02'],
    ['1980/01/02', '1980-01-02'],
    ['1980.1.2', '1980-01-02'],
    ['19800102', '1980-01-02'],
    ['1980年1月2日', '1980-01-02'],
    ['1980年01月02日', '1980-01-02'],
    ['1980年1月2', '1980-01-02'],
    ['１９８０／０１／０２', '1980-01-02'],
    ['１９８０年１月２日', '1980-01-02'],
    [' 1980-01-02 ', '1980-01-02'],
    ['1980/01/02 0:00:00', '1980-01-02'],
    ['1980-01-02T00:00:00Z', '1980-01-02'],
    ['2000-02-29', '2000-02-29']
  ])('%s → %s', (input, iso) => expect(parsed(input)).toBe(iso));
});

describe('parseBirthDate — 和暦', () => {
  it.each([
    ['昭和55年1月2日', '1980-01-02'],
    ['昭和５５年１月２日', '1980-01-02'],
    ['昭和 55年 1月 2日', '1980-01-02'],
    ['S55.1.2', '1980-01-02'],
    ['s55.1.2', '1980-01-02'],
    ['Ｓ５５．１．２', '1980-01-02'],
    ['S55/01/02', '1980-01-02'],
    ['S55-01-02', '1980-01-02'],
    ['S550102', '1980-01-02'],
    ['S55年1月2日', '1980-01-02'],
    ['昭55.1.2', '1980-01-02'],
    ['㍼55年1月2日', '1980-01-02'],
    ['3550102', '1980-01-02'], // レセプト era code 3 = 昭和
    ['H1.1.8', '1989-01-08'],
    ['平成元年1月8日', '1989-01-08'],
    ['平成1年1月8日', '1989-01-08'],
    ['H元.1.8', '1989-01-08'],
    ['㍻31年4月30日', '2019-04-30'],
    ['R1.5.1', '2019-05-01'],
    ['令和元年5月1日', '2019-05-01'],
    ['R2.2.29', '2020-02-29'],
    ['令和6年12月31日', '2024-12-31'],
    ['T15.12.24', '1926-12-24'],
    ['大正元年7月30日', '1912-07-30'],
    ['S1.12.25', '1926-12-25'],
    ['昭和64年1月7日', '1989-01-07'],
    ['M45.7.29', '1912-07-29'],
    ['明治元年1月25日', '1868-01-25'],
    ['明治33年3月3日', '1900-03-03']
  ])('%s → %s', (input, iso) => expect(parsed(input)).toBe(iso));
});

describe('parseBirthDate — impossible days', () => {
  it.each([
    '1980-02-30',
    '1981-02-29',
    '1900-02-29',
    '1980-13-01',
    '1980-00-10',
    '1980-04-31',
    '昭和55年2月30日',
    'S55.0.1',
    'S0.1.1',
    'H31.2.29'
  ])('%s is impossible', (input) => expect(parsed(input)).toBe('patients.error.birthDateImpossible'));
});

describe('parseBirthDate — era boundaries', () => {
  it.each([
    ['平成1年1月7日'], // 平成 starts 1989-01-08
    ['昭和64年1月8日'], // 昭和 ends 1989-01-07
    ['平成31年5月1日'], // 平成 ends 2019-04-30
    ['令和1年4月30日'], // 令和 starts 2019-05-01
    ['令和元年1月1日'],
    ['昭和元年12月24日'], // 昭和 starts 1926-12-25
    ['大正15年12月26日'], // 大正's name lasts until 1926-12-25, the day 昭和 began
    ['大正元年7月29日'], // 大正 starts 1912-07-30
    ['明治45年7月31日'], // 明治's name lasts until 1912-07-30, the day 大正 began
    ['明治元年1月24日'], // 明治 starts 1868-01-25
    ['H99.1.1'],
    ['S70.1.1']
  ])('%s is outside its era', (input) => expect(parsed(input)).toBe('patients.error.birthDateOutsideEra'));

  it('names the era and its bounds in the problem', () => {
    const result = parseBirthDate('平成31年5月1日');
    expect(result).toEqual({
      ok: false,
      error: {
        key: 'patients.error.birthDateOutsideEra',
        values: { input: '平成31年5月1日', era: '平成', first: '1989年1月8日', last: '2019年4月30日' },
        field: 'birthDate'
      }
    });
  });
});

describe('parseBirthDate — other problems', () => {
  it('reports a missing date', () => {
    expect(parsed('')).toBe('patients.error.birthDateMissing');
    expect(parsed(' \u3000 ')).toBe('patients.error.birthDateMissing');
  });
  it.each([
    '80/1/2',
    'abc',
    '1980-1',
    '昭和五十五年一月二日',
    'X55.1.2',
    '1980/01/02/03',
    '198001021',
    '6550102'
  ])('cannot read %s', (input) => expect(parsed(input)).toBe('patients.error.birthDateFormat'));
  it('rejects Gregorian dates before 明治', () => {
    expect(parsed('1850-01-01')).toBe('patients.error.birthDateTooEarly');
    expect(parsed('1868-01-24')).toBe('patients.error.birthDateTooEarly');
    expect(parsed('1868-01-25')).toBe('1868-01-25');
  });
  it('rejects a future date only when told what today is', () => {
    expect(parsed('2030-01-01')).toBe('2030-01-01');
    expect(parsed('2030-01-01', '2025-11-15')).toBe('patients.error.birthDateFuture');
    expect(parsed('2025-11-15', '2025-11-15')).toBe('2025-11-15');
    expect(parsed('R7.11.16', '2025-11-15')).toBe('patients.error.birthDateFuture');
  });
  it('carries the input and field for the UI', () => {
    const result = parseBirthDate(' 1980-02-30 ');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toMatchObject({ values: { input: '1980-02-30' }, field: 'birthDate' });
  });
});

describe('calendar helpers', () => {
  it('knows month lengths and leap years', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2024, 4)).toBe(30);
    expect(daysInMonth(2024, 12)).toBe(31);
  });
  it('checks real dates', () => {
    expect(isRealDate(2024, 2, 29)).toBe(true);
    expect(isRealDate(2023, 2, 29)).toBe(false);
    expect(isRealDate(2024, 1, 1.5)).toBe(false);
    expect(isRealIsoDate('2024-02-29')).toBe(true);
    expect(isRealIsoDate('2024-2-29')).toBe(false);
    expect(isRealIsoDate('2024-02-30')).toBe(false);
    expect(isRealIsoDate('')).toBe(false);
  });
  it('finds the era of a day', () => {
    expect(eraOf('1989-01-07')?.name).toBe('昭和');
    expect(eraOf('1989-01-08')?.name).toBe('平成');
    expect(eraOf('2019-04-30')?.name).toBe('平成');
    expect(eraOf('2019-05-01')?.name).toBe('令和');
    expect(eraOf('1800-01-01')).toBeNull();
  });
  it('has contiguous eras: each ends the day before the next starts', () => {
    for (let i = 0; i + 1 < ERAS.length; i++) {
      const end = new Date(`${ERAS[i]!.end}T00:00:00Z`);
      end.setUTCDate(end.getUTCDate() + 1);
      expect(end.toISOString().slice(0, 10)).toBe(ERAS[i + 1]!.start);
    }
  });
});

describe('formatWareki', () => {
  it.each([
    ['1980-01-02', '昭和55年1月2日'],
    ['1989-01-07', '昭和64年1月7日'],
    ['1989-01-08', '平成元年1月8日'],
    ['2019-04-30', '平成31年4月30日'],
    ['2019-05-01', '令和元年5月1日'],
    ['2024-12-31', '令和6年12月31日'],
    ['1926-12-25', '昭和元年12月25日'],
    ['1926-12-24', '大正15年12月24日'],
    ['1912-07-30', '大正元年7月30日'],
    ['1900-03-03', '明治33年3月3日']
  ])('%s → %s', (iso, text) => expect(formatWareki(iso)).toBe(text));

  it('writes 1年 when asked', () =>
    expect(formatWareki('1989-01-08', { gannen: false })).toBe('平成1年1月8日'));
  it('returns null for what it cannot show', () => {
    expect(formatWareki('1800-01-01')).toBeNull();
    expect(formatWareki('1980-02-30')).toBeNull();
    expect(formatWareki('not a date')).toBeNull();
  });
  it('has a short form', () => {
    expect(formatWarekiShort('1980-01-02')).toBe('S55.1.2');
    expect(formatWarekiShort('1989-01-08')).toBe('H1.1.8');
    expect(formatWarekiShort('2020-02-29')).toBe('R2.2.29');
    expect(formatWarekiShort('bad')).toBeNull();
  });
  it('round-trips through parseBirthDate for every day from 1900 to 2030', () => {
    const day = new Date(Date.UTC(1900, 0, 1));
    const last = Date.UTC(2030, 11, 31);
    let checked = 0;
    while (day.getTime() <= last) {
      const iso = day.toISOString().slice(0, 10);
      expect(parseBirthDate(formatWareki(iso)!)).toEqual({ ok: true, value: iso });
      expect(parseBirthDate(formatWarekiShort(iso)!)).toEqual({ ok: true, value: iso });
      day.setUTCDate(day.getUTCDate() + 1);
      checked++;
    }
    expect(checked).toBeGreaterThan(47000);
  });
  it('splits a day into its parts', () => {
    expect(toWareki('1980-01-02')).toMatchObject({
      era: { name: '昭和', letter: 'S' },
      year: 55,
      month: 1,
      day: 2
    });
  });
});

describe('the day an era changed on an emperor’s death is written in both eras', () => {
  it('明治45年7月30日 and 大正15年12月25日 are accepted as the same days as 大正元年7月30日 and 昭和元年12月25日', () => {
    expect(parseBirthDate('明治45年7月30日')).toEqual({ ok: true, value: '1912-07-30' });
    expect(parseBirthDate('大正元年7月30日')).toEqual({ ok: true, value: '1912-07-30' });
    expect(parseBirthDate('大正15年12月25日')).toEqual({ ok: true, value: '1926-12-25' });
    expect(parseBirthDate('昭和元年12月25日')).toEqual({ ok: true, value: '1926-12-25' });
  });

  it('the day after is outside the old era still, and an era that changed at midnight has no such day', () => {
    expect(parseBirthDate('明治45年7月31日').ok).toBe(false);
    expect(parseBirthDate('大正15年12月26日').ok).toBe(false);
    expect(parseBirthDate('昭和64年1月8日').ok).toBe(false);
    expect(parseBirthDate('平成31年5月1日').ok).toBe(false);
  });
});
