// The in-memory roster index: built once from the snapshot, answering reception's search box in well under 2 ms.
import { isKanaKey, normalizeKana, searchKey } from './kana';
import type { Patient } from './model';
import { parseBirthDate } from './wareki';

/** Which key a hit matched on, so the list can say why a row is there. */
export type MatchKind = 'patientNo' | 'birthDate' | 'kana' | 'givenKana' | 'name';

export interface SearchHit {
  patient: Patient;
  by: MatchKind;
  /** The whole key equals the query (not just a prefix or a part). */
  exact: boolean;
}

/** A key column sorted for binary-searched prefix lookups: keys[i] belongs to patient order[i]. */
interface SortedKeys {
  keys: string[];
  order: Uint32Array;
}

/** All keys of one kind joined into one string, for substring lookups by indexOf. */
interface KeyBlob {
  text: string;
  /** starts[i]: where the key of the i-th joined patient begins in text. */
  starts: Uint32Array;
  /** order[i]: the patient index of the i-th joined key. */
  order: Uint32Array;
}

const SEPARATOR = '\u0001';

/** 患者番号 key: 半角, upper case, leading zeros dropped so 123 finds 000123. */
export function patientNoKey(patientNo: string): string {
  const key = searchKey(patientNo);
  const stripped = key.replace(/^0+/, '');
  return stripped === '' ? key : stripped;
}

/** The given-name part of a フリガナ: what follows the first space or ・ (ヤマダ タロウ → タロウ). */
function givenKana(kana: string): string {
  const stored = normalizeKana(kana);
  const at = stored.search(/[\u3000・]/);
  return at < 0 ? '' : searchKey(stored.slice(at + 1));
}

function sortKeys(keys: readonly string[], skipEmpty: boolean): SortedKeys {
  const indices: number[] = [];
  for (let i = 0; i < keys.length; i++) if (!skipEmpty || keys[i] !== '') indices.push(i);
  indices.sort((a, b) => {
    const ka = keys[a]!;
    const kb = keys[b]!;
    return ka < kb ? -1 : ka > kb ? 1 : a - b;
  });
  return { keys: indices.map((i) => keys[i]!), order: Uint32Array.from(indices) };
}

function joinKeys(keys: readonly string[], order: Uint32Array): KeyBlob {
  const starts = new Uint32Array(order.length);
  const parts: string[] = [];
  let at = 0;
  for (let i = 0; i < order.length; i++) {
    const key = keys[order[i]!]!;
    parts.push(SEPARATOR, key);
    starts[i] = at + 1;
    at += key.length + 1;
  }
  return { text: parts.join(''), starts, order };
}

/** First position whose key is ≥ prefix. */
function lowerBound(keys: readonly string[], prefix: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Last i with starts[i] ≤ position. */
function blobSlot(starts: Uint32Array, position: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= position) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const ALNUM = /^[0-9A-Z-]+$/;
const DIGITS = /^\d+$/;

/**
 * Reception's patient lookup over a roster snapshot. Keys are computed once; a query costs a few
 * binary searches plus, for kanji and mid-word kana, one indexOf walk over a joined string that
 * stops as soon as enough hits are found.
 */
export class RosterIndex {
  readonly size: number;
  private readonly patients: readonly Patient[];
  private readonly patientNos: SortedKeys;
  private readonly kanas: SortedKeys;
  private readonly givenKanas: SortedKeys;
  private readonly names: SortedKeys;
  private readonly kanaBlob: KeyBlob;
  private readonly nameBlob: KeyBlob;
  private readonly byBirth = new Map<string, number[]>();
  private readonly byId = new Map<string, number>();
  /** Per-query "already in the result" marks, reset by bumping the generation. */
  private readonly seen: Uint32Array;
  private generation = 0;

  constructor(patients: readonly Patient[]) {
    this.patients = patients;
    this.size = patients.length;
    const n = patients.length;
    const noKeys = new Array<string>(n);
    const kanaKeys = new Array<string>(n);
    const givenKeys = new Array<string>(n);
    const nameKeys = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const p = patients[i]!;
      noKeys[i] = patientNoKey(p.patientNo);
      kanaKeys[i] = searchKey(p.kana);
      givenKeys[i] = givenKana(p.kana);
      nameKeys[i] = searchKey(p.name);
      this.byId.set(p.id, i);
    }
    this.patientNos = sortKeys(noKeys, true);
    this.kanas = sortKeys(kanaKeys, false);
    this.givenKanas = sortKeys(givenKeys, true);
    this.names = sortKeys(nameKeys, true);
    // Substring hits come out in kana (五十音) order, which is how staff expect a list to read.
    this.kanaBlob = joinKeys(kanaKeys, this.kanas.order);
    this.nameBlob = joinKeys(nameKeys, this.kanas.order);
    for (const i of this.kanas.order) {
      const date = patients[i]!.birthDate;
      const list = this.byBirth.get(date);
      if (list) list.push(i);
      else this.byBirth.set(date, [i]);
    }
    this.seen = new Uint32Array(n);
  }

  get(id: string): Patient | undefined {
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.patients[i];
  }

  /** Patients born on this day (ISO), in kana order. */
  byBirthDate(iso: string): Patient[] {
    return (this.byBirth.get(iso) ?? []).map((i) => this.patients[i]!);
  }

  /**
   * Find patients for what was typed in the search box. Digits match 患者番号 by prefix (exact
   * first) and, when they spell a date (19800102), 生年月日; dates in any form (1980-01-02,
   * S55.1.2, 昭和55年1月2日) match 生年月日; kana of any width matches フリガナ from the start,
   * then the given name, then anywhere; anything else (kanji) matches 氏名 anywhere, spaces
   * and variant kanji ignored.
   */
  search(query: string, limit = 20): SearchHit[] {
    const key = searchKey(query);
    if (key === '' || limit <= 0) return [];
    const hits: SearchHit[] = [];
    this.nextGeneration();
    const full = () => hits.length >= limit;
    const add = (i: number, by: MatchKind, exact: boolean) => {
      if (this.seen[i] === this.generation) return;
      this.seen[i] = this.generation;
      hits.push({ patient: this.patients[i]!, by, exact });
    };

    const digitsOnly = DIGITS.test(key);
    if (ALNUM.test(key) && !/^0+$/.test(key)) {
      this.prefix(this.patientNos, patientNoKey(key), 'patientNo', add, full);
    }
    if (!full() && /\d/.test(key) && (!digitsOnly || key.length === 8)) {
      const date = parseBirthDate(query);
      if (date.ok)
        for (const i of this.byBirth.get(date.value) ?? []) {
          if (full()) break;
          add(i, 'birthDate', true);
        }
    }
    if (digitsOnly) return hits;

    if (isKanaKey(key)) {
      this.prefix(this.kanas, key, 'kana', add, full);
      this.prefix(this.givenKanas, key, 'givenKana', add, full);
      if (key.length >= 2) this.substring(this.kanaBlob, key, 'kana', add, full);
    } else {
      this.prefix(this.names, key, 'name', add, full);
      this.substring(this.nameBlob, key, 'name', add, full);
    }
    return hits;
  }

  private nextGeneration() {
    this.generation++;
    if (this.generation === 0xffffffff) {
      this.seen.fill(0);
      this.generation = 1;
    }
  }

  private prefix(
    sorted: SortedKeys,
    prefix: string,
    by: MatchKind,
    add: (i: number, by: MatchKind, exact: boolean) => void,
    full: () => boolean
  ) {
    const { keys, order } = sorted;
    for (let at = lowerBound(keys, prefix); at < keys.length && !full(); at++) {
      const key = keys[at]!;
      if (!key.startsWith(prefix)) break;
      add(order[at]!, by, key.length === prefix.length);
    }
  }

  private substring(
    blob: KeyBlob,
    needle: string,
    by: MatchKind,
    add: (i: number, by: MatchKind, exact: boolean) => void,
    full: () => boolean
  ) {
    let from = 0;
    while (!full()) {
      const position = blob.text.indexOf(needle, from);
      if (position < 0) break;
      const slot = blobSlot(blob.starts, position);
      add(blob.order[slot]!, by, false);
      from = slot + 1 < blob.starts.length ? blob.starts[slot + 1]! : blob.text.length;
    }
  }
}
