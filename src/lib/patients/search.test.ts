import { describe, expect, it } from 'vitest';
import { RosterIndex, kanaKeys, patientNoKey, storedKey, type SearchHit } from './search';
import type { Patient } from './model';
import { generatePatients } from '../fixtures/synthetic';
import { isKanaKey, normalizeKana, searchKey } from './kana';
import { formatWareki, formatWarekiShort } from './wareki';

let serial = 0;
function patient(
  fields: Partial<Patient> & Pick<Patient, 'patientNo' | 'name' | 'kana' | 'birthDate'>
): Patient {
  serial++;
  return {
    id: `p:${fields.patientNo}`,
    sex: serial % 2 ? 'M' : 'F',
    insurerNo: '',
    cardSymbol: '',
    cardNumber: '',
    branch: '',
    copayRate: 3,
    address: '',
    phone: '',
    allergies: '',
    ...fields
  };
}

const roster = [
  patient({ patientNo: '12', name: '山田　太郎', kana: 'ヤマダ　タロウ', birthDate: '1980-01-02' }),
  patient({ patientNo: '120', name: '山田　花子', kana: 'ヤマダ　ハナコ', birthDate: '1982-03-04' }),
  patient({ patientNo: '1201', name: '山口　太一', kana: 'ヤマグチ　タイチ', birthDate: '1980-01-02' }),
  patient({ patientNo: '00345', name: '髙橋　一郎', kana: 'タカハシ　イチロウ', birthDate: '1950-05-05' }),
  patient({ patientNo: '346', name: '高橋　恵子', kana: 'タカハシ　ケイコ', birthDate: '1955-06-07' }),
  patient({ patientNo: '500', name: '山﨑　ハナ', kana: 'ヤマザキ　ハナ', birthDate: '1931-08-09' }),
  patient({ patientNo: '501', name: '中山　太郎', kana: 'ナカヤマ　タロウ', birthDate: '1990-10-10' }),
  patient({ patientNo: '502', name: 'スミス　ジョン', kana: 'スミス・ジョン', birthDate: '1975-12-12' }),
  patient({ patientNo: '503', name: '田中一', kana: 'タナカハジメ', birthDate: '2001-01-01' }),
  patient({ patientNo: '19800102', name: '渡邊　誠', kana: 'ワタナベ　マコト', birthDate: '1989-01-08' }),
  patient({ patientNo: 'A-77', name: 'SMITH JANE', kana: '', birthDate: '1970-07-07' })
];
const index = new RosterIndex(roster);
const numbers = (hits: SearchHit[]) => hits.map((h) => h.patient.patientNo);

describe('RosterIndex basics', () => {
  it('knows its size and finds patients by id and birth date', () => {
    expect(index.size).toBe(roster.length);
    expect(index.get('p:500')?.name).toBe('山﨑　ハナ');
    expect(index.get('p:nope')).toBeUndefined();
    expect(
      index
        .byBirthDate('1980-01-02')
        .map((p) => p.patientNo)
        .sort()
    ).toEqual(['12', '1201']);
    expect(index.byBirthDate('2000-01-01')).toEqual([]);
  });

  it('returns nothing for an empty or blank query, or a zero limit', () => {
    expect(index.search('')).toEqual([]);
    expect(index.search(' \u3000 ')).toEqual([]);
    expect(index.search('ヤマダ', 0)).toEqual([]);
  });

  it('works on an empty roster', () => {
    const empty = new RosterIndex([]);
    expect(empty.search('12')).toEqual([]);
    expect(empty.search('ヤマ')).toEqual([]);
    expect(empty.search('山')).toEqual([]);
  });
});

describe('search by 患者番号', () => {
  it('puts the exact number first, then numbers that start with it', () => {
    const hits = index.search('12');
    expect(numbers(hits)).toEqual(['12', '120', '1201']);
    expect(hits.map((h) => [h.by, h.exact])).toEqual([
      ['patientNo', true],
      ['patientNo', false],
      ['patientNo', false]
    ]);
  });

  it('ignores leading zeros either side, and reads 全角 digits', () => {
    expect(numbers(index.search('345'))[0]).toBe('00345');
    expect(index.search('345')[0]!.exact).toBe(true);
    expect(numbers(index.search('0345'))[0]).toBe('00345');
    expect(numbers(index.search('３４６'))).toEqual(['346']);
    expect(patientNoKey('000')).toBe('000');
    expect(index.search('000')).toEqual([]);
  });

  it('matches alphanumeric numbers case-insensitively', () => {
    expect(numbers(index.search('a-7'))).toEqual(['A-77']);
  });

  it('respects the limit', () => {
    expect(numbers(index.search('12', 2))).toEqual(['12', '120']);
  });
});

describe('search by 生年月日', () => {
  it.each([
    '19800102',
    '1980-01-02',
    '1980/1/2',
    'S55.1.2',
    's55.1.2',
    '昭和55年1月2日',
    'Ｓ５５．１．２',
    'S550102'
  ])('%s finds both patients born on 1980-01-02', (query) => {
    const hits = index.search(query).filter((h) => h.by === 'birthDate');
    expect(numbers(hits).sort()).toEqual(['12', '1201']);
  });

  it('ranks a matching 患者番号 above birth-date matches for an 8-digit query', () => {
    const hits = index.search('19890108');
    expect(hits.map((h) => [h.patient.patientNo, h.by])).toEqual([['19800102', 'birthDate']]);
    const both = index.search('19800102');
    expect(both.map((h) => [h.patient.patientNo, h.by])).toEqual([
      ['19800102', 'patientNo'],
      ['1201', 'birthDate'], // birth-date hits read in 五十音 order: ヤマグチ before ヤマダ
      ['12', 'birthDate']
    ]);
  });

  it('does not read short digit runs as dates', () => {
    expect(index.search('3550102')).toEqual([]); // a 7-digit 患者番号 prefix, not a date
    expect(index.search('1980').filter((h) => h.by === 'birthDate')).toEqual([]);
  });

  it('finds 平成元年 births by 和暦', () => {
    expect(numbers(index.search('H1.1.8'))).toEqual(['19800102']);
    expect(numbers(index.search('平成元年1月8日'))).toEqual(['19800102']);
  });
});

describe('search by フリガナ', () => {
  it.each(['やまだ', 'ヤマダ', 'ﾔﾏﾀﾞ', 'ﾔﾏﾀ゛', 'や ま だ'])('%s finds the ヤマダ family first', (query) => {
    const hits = index.search(query);
    expect(numbers(hits).slice(0, 2).sort()).toEqual(['12', '120']);
    expect(hits[0]!.by).toBe('kana');
  });

  it('matches across the space between family and given name', () => {
    expect(numbers(index.search('やまだ たろう'))).toEqual(['12']);
    expect(index.search('ヤマダタロウ')[0]!.exact).toBe(true);
    expect(numbers(index.search('ﾔﾏﾀﾞﾊ'))).toEqual(['120']);
  });

  it('puts family-name prefixes before given-name prefixes, then matches inside', () => {
    const hits = index.search('たろう');
    expect(hits.map((h) => [h.patient.patientNo, h.by])).toEqual([
      ['12', 'givenKana'],
      ['501', 'givenKana']
    ]);
    const ta = index.search('た');
    expect(numbers(ta)).toEqual(['00345', '346', '503', '1201', '12', '501']);
    expect(ta.map((h) => h.by)).toEqual(['kana', 'kana', 'kana', 'givenKana', 'givenKana', 'givenKana']);
    // ナカヤマ starts with ナカ; タナカハジメ only has it inside.
    expect(numbers(index.search('なか'))).toEqual(['501', '503']);
  });

  it('finds the given name after a middle dot', () => {
    expect(numbers(index.search('ジョン'))).toEqual(['502']);
  });

  it('matches inside a kana with no space, for two or more letters', () => {
    expect(numbers(index.search('ハジメ'))).toEqual(['503']);
    expect(index.search('ハジメ')[0]!.by).toBe('kana');
  });

  it('ranks an exact kana above longer ones', () => {
    const hits = index.search('やまだはなこ');
    expect(hits[0]!.exact).toBe(true);
    expect(index.search('ヤマ').every((h) => !h.exact)).toBe(true);
  });
});

describe('search by 氏名', () => {
  it('matches kanji anywhere in the name, ignoring spaces', () => {
    expect(numbers(index.search('太郎')).sort()).toEqual(['12', '501']);
    expect(numbers(index.search('田太'))).toEqual(['12']);
    expect(numbers(index.search('山田 花子'))).toEqual(['120']);
    expect(numbers(index.search('山田　花子'))).toEqual(['120']);
    expect(numbers(index.search('山')).sort()).toEqual(['12', '120', '1201', '500', '501']);
  });

  it('puts names that start with the query before names that contain it', () => {
    const hits = index.search('山');
    const starts = hits.findIndex((h) => !h.patient.name.startsWith('山'));
    expect(numbers(hits)[starts]).toBe('501');
    expect(hits.slice(0, starts).every((h) => h.patient.name.startsWith('山'))).toBe(true);
  });

  it('treats variant kanji as the same: 高橋 finds 髙橋 and 山崎 finds 山﨑', () => {
    expect(numbers(index.search('高橋')).sort()).toEqual(['00345', '346']);
    expect(numbers(index.search('髙橋')).sort()).toEqual(['00345', '346']);
    expect(numbers(index.search('山崎'))).toEqual(['500']);
    expect(numbers(index.search('渡辺'))).toEqual(['19800102']);
  });

  it('finds latin names case-insensitively', () => {
    expect(numbers(index.search('smith'))).toEqual(['A-77']);
    expect(index.search('smith jane')[0]!.exact).toBe(true);
  });

  it('marks exact names', () => {
    expect(index.search('山田太郎')[0]).toMatchObject({ by: 'name', exact: true });
  });

  it('returns each patient once', () => {
    const hits = index.search('タロウ');
    expect(new Set(numbers(hits)).size).toBe(hits.length);
  });

  it('finds nothing for text that is nowhere', () => {
    expect(index.search('存在しない')).toEqual([]);
    expect(index.search('ヲヲヲ')).toEqual([]);
  });
});

interface SlowKeys {
  no: string;
  kana: string;
  given: string;
  name: string;
}
const slowKeysOf = (p: Patient): SlowKeys => ({
  no: patientNoKey(p.patientNo),
  kana: searchKey(p.kana),
  given: p.kana.includes('\u3000') ? searchKey(p.kana.split('\u3000')[1]!) : '',
  name: searchKey(p.name)
});

/** What search promises, checked the slow way: does this patient match this query at all? */
function matchesSlowly(p: SlowKeys, query: string): boolean {
  const key = searchKey(query);
  if (/^\d+$/.test(key)) return p.no.startsWith(patientNoKey(key));
  if (isKanaKey(key))
    return p.kana.startsWith(key) || p.given.startsWith(key) || (key.length >= 2 && p.kana.includes(key));
  return p.name.includes(key);
}

describe('on 50,000 synthetic patients', () => {
  const patients = generatePatients(50000, 2025);
  const t0 = performance.now();
  const big = new RosterIndex(patients);
  const buildMs = performance.now() - t0;

  it('agrees with a slow scan on sampled queries', () => {
    const sample = patients.filter((_, i) => i % 1999 === 0);
    const queries = sample.flatMap((p) => [
      p.patientNo.slice(0, 3),
      p.kana.slice(0, 2),
      p.kana.split('\u3000')[1]!.slice(0, 2),
      p.name.split('\u3000')[1]!,
      p.name.split('\u3000')[0]!.slice(0, 1)
    ]);
    const slow = patients.map(slowKeysOf);
    for (const query of queries) {
      const hits = big.search(query, 100000);
      const expected = patients.filter((_, i) => matchesSlowly(slow[i]!, query));
      expect(new Set(numbers(hits))).toEqual(new Set(expected.map((p) => p.patientNo)));
    }
  });

  it('finds every sampled patient by number, by birth date and by full kana', () => {
    for (const p of patients.filter((_, i) => i % 1999 === 0)) {
      expect(big.search(p.patientNo)[0]!.patient).toBe(p);
      expect(numbers(big.search(formatWareki(p.birthDate)!, 1000))).toContain(p.patientNo);
      expect(numbers(big.search(formatWarekiShort(p.birthDate)!, 1000))).toContain(p.patientNo);
      expect(numbers(big.search(p.kana, 1000))).toContain(p.patientNo);
    }
  });

  it('builds fast and answers in well under 2 ms (timings printed)', () => {
    const queries = [
      '1',
      '12',
      '4321',
      '45678',
      '19800102',
      '1980-01-02',
      'S55.1.2',
      '昭和55年1月2日',
      'や',
      'ヤマ',
      'やまだ',
      'ﾔﾏﾀﾞ ﾋﾛｼ',
      'さとう けいこ',
      'ひろし',
      'こ',
      'ウコ',
      '山',
      '田',
      '山田',
      '高橋',
      '山﨑',
      '子',
      '一郎',
      '佐藤　恵子',
      '存在しない名前',
      'ZZZ'
    ];
    for (const q of queries) big.search(q); // warm up
    const rounds = 200;
    const rows: string[] = [];
    let worst = 0;
    let total = 0;
    for (const q of queries) {
      const t = performance.now();
      let count = 0;
      for (let r = 0; r < rounds; r++) count = big.search(q).length;
      const perQuery = (performance.now() - t) / rounds;
      worst = Math.max(worst, perQuery);
      total += perQuery;
      rows.push(`${q}: ${(perQuery * 1000).toFixed(0)} µs (${count} hits)`);
    }
    console.log(
      `[roster search, 50,000 patients] index build ${buildMs.toFixed(0)} ms; ` +
        `per query mean ${((total / queries.length) * 1000).toFixed(0)} µs, worst ${(worst * 1000).toFixed(0)} µs\n  ` +
        rows.join('\n  ')
    );
    expect(big.size).toBe(50000);
  });
});

describe('index keys', () => {
  /** The keys as first written: the general functions, no shortcuts. */
  const slowKanaKeys = (kana: string) => {
    const stored = normalizeKana(kana);
    const at = stored.search(/[\u3000・]/);
    return { kana: searchKey(kana), given: at < 0 ? '' : searchKey(stored.slice(at + 1)) };
  };
  const samples = [
    '',
    'ヤマダ',
    'ヤマダ　タロウ',
    'スミス・ジョン',
    '・ジョン',
    'ヤマダ・',
    'ヤマダ　・タロウ',
    'ヤマダ　タロウ　ジロウ',
    '　ヤマダ　タロウ',
    'ヤマダ　タロウ　',
    'ヤマダ　　タロウ',
    'ヤマダ タロウ',
    'ヤマダ\tタロウ',
    'やまだ　たろう',
    'ﾔﾏﾀﾞ ﾀﾛｳ',
    'ｶﾞｯｺｳ',
    'カ゛ッコウ',
    'ヴァイオリン',
    'ヽヾ',
    '山田　太郎',
    '髙橋　一郎',
    '山﨑　ハナ',
    '渡邊　誠',
    '𠮷田　花子',
    'SMITH JANE',
    'Smith Jane',
    'ＡＢＣ１２３',
    '〜子',
    '田中一'
  ];

  it('match the general key functions, shortcuts or not', () => {
    for (const text of samples) {
      expect(storedKey(text), text).toBe(searchKey(text));
      expect(kanaKeys(text), text).toEqual(slowKanaKeys(text));
    }
  });

  it('rely only on characters that searchKey keeps as they are', () => {
    const kept = [];
    for (let c = 0x30a1; c <= 0x30fa; c++) kept.push(c);
    kept.push(0x30fc);
    for (let c = 0x4e00; c <= 0x9fff; c++) kept.push(c);
    for (const c of kept) {
      const text = String.fromCharCode(c);
      expect(storedKey(text)).toBe(searchKey(text));
    }
  });
});

describe('result order', () => {
  const patients = generatePatients(5000, 77);
  const big = new RosterIndex(patients);
  const position = new Map(patients.map((p, i) => [p, i]));
  /** Code-unit order of the key, then roster order: what the index promises for prefix hits. */
  const inOrder = (hits: SearchHit[], keyOf: (p: Patient) => string) =>
    hits.every((hit, i) => {
      if (i === 0) return true;
      const a = keyOf(hits[i - 1]!.patient);
      const b = keyOf(hit.patient);
      return a < b || (a === b && position.get(hits[i - 1]!.patient)! < position.get(hit.patient)!);
    });

  it('lists prefix hits by key in code-unit order, then as the roster lists them', () => {
    for (const query of ['サ', 'タカ', 'ヤマ', 'ア']) {
      // Kana hits that start with the query (the ones found inside a kana come after them).
      const hits = big
        .search(query, 100000)
        .filter((h) => h.by === 'kana' && h.patient.kana.startsWith(query));
      expect(hits.length).toBeGreaterThan(10);
      expect(inOrder(hits, (p) => searchKey(p.kana))).toBe(true);
    }
    for (const query of ['1', '12', '2']) {
      const hits = big.search(query, 100000).filter((h) => h.by === 'patientNo');
      expect(hits.length).toBeGreaterThan(10);
      expect(inOrder(hits, (p) => patientNoKey(p.patientNo))).toBe(true);
    }
    const names = big.search('佐', 100000).filter((h) => h.by === 'name');
    expect(inOrder(names, (p) => searchKey(p.name))).toBe(true);
  });

  it('lists patients born on one day in kana order', () => {
    for (const p of patients.filter((_, i) => i % 250 === 0)) {
      const born = big.byBirthDate(p.birthDate);
      expect(born).toContain(p);
      expect(born.every((q) => q.birthDate === p.birthDate)).toBe(true);
      const kanas = born.map((q) => searchKey(q.kana));
      expect(kanas).toEqual([...kanas].sort());
    }
    expect(big.byBirthDate('1980-1-2')).toEqual([]);
    expect(big.byBirthDate('not a date')).toEqual([]);
  });

  it('still finds a patient whose birth date is not yyyy-mm-dd', () => {
    const odd = patient({
      patientNo: '9',
      name: '古い　記録',
      kana: 'フルイ　キロク',
      birthDate: '1980/01/02'
    });
    const withOdd = new RosterIndex([...roster, odd]);
    expect(withOdd.byBirthDate('1980/01/02')).toEqual([odd]);
    expect(withOdd.byBirthDate('1980-01-02').map((p) => p.patientNo)).toEqual(['1201', '12']);
  });
});

describe('building the index for 50,000 patients (timings printed, not asserted)', () => {
  /** Real rosters repeat names less than the fixture does: give nearly everyone a name of their own. */
  const KANA = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン';
  const varied = generatePatients(50000, 4242).map((p, i) => ({
    ...p,
    name: p.name + String.fromCharCode(0x4e00 + ((i * 7919) % 20000)),
    kana: p.kana + KANA[i % KANA.length]! + KANA[(i * 31) % KANA.length]! + KANA[(i * 17) % KANA.length]!
  }));

  it('agrees with a slow scan on a roster of mostly different names', () => {
    const index = new RosterIndex(varied);
    const slow = varied.map(slowKeysOf);
    const queries = varied
      .filter((_, i) => i % 4999 === 0)
      .flatMap((p) => [p.kana.slice(0, 3), p.kana.split('\u3000')[1]!.slice(0, 3), p.name.slice(1, 3)]);
    for (const query of queries) {
      const hits = index.search(query, 100000);
      const expected = varied.filter((_, i) => matchesSlowly(slow[i]!, query));
      expect(new Set(numbers(hits))).toEqual(new Set(expected.map((p) => p.patientNo)));
    }
  });

  it('prints build and query times for the fixture roster and a varied one', () => {
    const queries = [
      '1',
      '4321',
      '19800102',
      'S55.1.2',
      'や',
      'やまだ',
      'ﾔﾏﾀﾞ ﾋﾛｼ',
      'ウコ',
      '山',
      '佐藤　恵子',
      'ZZZ'
    ];
    const lines: string[] = [];
    for (const [label, roster] of [
      ['fixture', generatePatients(50000, 2025)],
      ['varied names', varied]
    ] as const) {
      const builds: number[] = [];
      let index = new RosterIndex([]);
      for (let round = 0; round < 5; round++) {
        const t = performance.now();
        index = new RosterIndex(roster);
        builds.push(performance.now() - t);
      }
      const median = [...builds].sort((a, b) => a - b)[2]!;
      for (const q of queries) index.search(q); // warm up
      const times = queries.map((q) => {
        const t = performance.now();
        for (let r = 0; r < 100; r++) index.search(q);
        return ((performance.now() - t) / 100) * 1000;
      });
      lines.push(
        `${label}: build first ${builds[0]!.toFixed(0)} ms, median of 5 ${median.toFixed(0)} ms; ` +
          `per query (µs) ${queries.map((q, i) => `${q} ${times[i]!.toFixed(0)}`).join(', ')}`
      );
      expect(index.size).toBe(50000);
    }
    console.log(`[roster index build, 50,000 patients]\n  ${lines.join('\n  ')}`);
  });
});

describe('RosterIndex.find: the capped list and how many match in all', () => {
  // 43 ヤマグチ (some of them matching by given name too, so one patient could be counted twice),
  // and others that start with ヤマ but are not ヤマグチ.
  const yamaguchi = Array.from({ length: 43 }, (_, i) =>
    patient({
      patientNo: String(7000 + i),
      name: `山口\u3000${i}号`,
      kana: i % 5 === 0 ? 'ヤマグチ\u3000ヤマグチ' : `ヤマグチ\u3000タロウ${'ア'.repeat(i % 3)}`,
      birthDate: '1970-01-01'
    })
  );
  const big = new RosterIndex([...roster, ...yamaguchi]);

  it('shows 20 of the 43 ﾔﾏｸﾞﾁ and counts the other 23, each patient once', () => {
    const { hits, total } = big.find('ﾔﾏｸﾞﾁ', 20);
    expect(hits).toHaveLength(20);
    expect(total).toBe(43 + 1); // and 山口 太一 from the small roster
    expect(numbers(hits)).toEqual(numbers(big.search('ﾔﾏｸﾞﾁ', 20)));
  });

  it('counts exactly what an uncapped search would list, for every kind of query', () => {
    for (const query of [
      'ﾔﾏｸﾞﾁ',
      'ヤマ',
      'やま',
      'グチ',
      '山',
      '山口',
      '1',
      '7',
      '70',
      'S45.1.1',
      '19700101',
      'ン'
    ]) {
      const all = big.search(query, 10_000);
      const { hits, total } = big.find(query, 5);
      expect([query, total]).toEqual([query, all.length]);
      expect(numbers(hits)).toEqual(numbers(all.slice(0, 5)));
    }
  });

  it('counts nothing for an empty query, and counts even when none is to be shown', () => {
    expect(big.find('', 20)).toEqual({ hits: [], total: 0 });
    expect(big.find('ﾔﾏｸﾞﾁ', 0)).toEqual({ hits: [], total: 44 });
  });
});
