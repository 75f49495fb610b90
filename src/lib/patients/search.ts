// The in-memory roster index: built once from the snapshot, answering reception's search box in well under 2 ms.
import { isKanaKey, normalizeKana, searchKey } from './kana';
import { foldKanjiVariant } from './kanji-variants';
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

/** Katakana that searchKey folds to another letter (small kana, ヴ, ヂ, ヅ): not kept as they are. */
const FOLDED_KATAKANA = new Set([...'ァィゥェォッャュョヮヵヶヴヂヅ'].map((k) => k.charCodeAt(0)));

/** Code units searchKey keeps unchanged: katakana letters it does not fold, ー, and kanji that are not variants. */
function keptAsIs(c: number): boolean {
  return (
    (c >= 0x30a1 && c <= 0x30fa && !FOLDED_KATAKANA.has(c)) ||
    c === 0x30fc ||
    (c >= 0x4e00 && c <= 0x9fff && foldKanjiVariant(c) === c)
  );
}

/** What searchKey drops and stored names separate with: the full-width space and ・. */
const isSeparator = (c: number) => c === 0x3000 || c === 0x30fb;

/**
 * searchKey, in one pass and without building the key code by code when the text is in its stored
 * form (full-width katakana or kanji, full-width spaces): then the key is the text without its
 * separators. Anything else (hiragana, half-width, Latin, variant kanji) goes the general way.
 */
export function storedKey(text: string): string {
  let key = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (keptAsIs(c)) continue;
    if (!isSeparator(c)) return searchKey(text);
    key += text.slice(from, i);
    from = i + 1;
  }
  return from === 0 ? text : key + text.slice(from);
}

/**
 * The フリガナ keys the index holds for one patient: the whole フリガナ and its given-name part,
 * what follows the first space or ・ once normalised (ヤマダ タロウ → タロウ; '' when there is
 * none). Stored フリガナ is already normalised (single full-width spaces inside, nothing to
 * convert), so normally both keys come from one pass over it; otherwise they are made the long way.
 */
export function kanaKeys(kana: string): { kana: string; given: string } {
  let first = -1;
  for (let i = 0; i < kana.length; i++) {
    const c = kana.charCodeAt(i);
    if (keptAsIs(c)) continue;
    // normalizeKana trims spaces and collapses runs of them, so only a single inner space is as stored.
    const asStored =
      c === 0x30fb || (c === 0x3000 && i > 0 && i < kana.length - 1 && kana.charCodeAt(i + 1) !== 0x3000);
    if (!asStored) {
      const stored = normalizeKana(kana);
      const at = stored.search(/[\u3000・]/);
      return { kana: searchKey(kana), given: at < 0 ? '' : searchKey(stored.slice(at + 1)) };
    }
    if (first < 0) first = i;
  }
  if (first < 0) return { kana, given: '' };
  const key = storedKey(kana);
  // Nothing before the first separator is dropped, so the given name is the key from there on.
  return { kana: key, given: key.slice(first) };
}

/** patientNoKey, skipping the general key function for plain digits with no leading zero (the usual case). */
function patientNoKeyOf(patientNo: string): string {
  if (patientNo.length === 0 || patientNo.charCodeAt(0) === 0x30) return patientNoKey(patientNo);
  for (let i = 0; i < patientNo.length; i++) {
    const c = patientNo.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return patientNoKey(patientNo);
  }
  return patientNo;
}

/**
 * Three code units of a key from `from` on as one number, ordered as the keys are (a shorter key's
 * missing units count as 0, below any real one), so most comparisons are settled without
 * comparing the strings themselves, which is slow for Japanese text.
 */
function keyHead(key: string, from: number): number {
  const n = key.length;
  return (
    (n > from ? key.charCodeAt(from) * 0x100000000 : 0) +
    (n > from + 1 ? key.charCodeAt(from + 1) * 0x10000 : 0) +
    (n > from + 2 ? key.charCodeAt(from + 2) : 0)
  );
}

/** How many heads of three code units each are kept per key: nine units settle nearly every comparison. */
const HEADS = 3;

/** keys[i] and keys[j] compared by their first nine code units, then in full; 0 when equal. */
function compareKeys(keys: readonly string[], heads: Float64Array, i: number, j: number): number {
  for (let h = 0; h < HEADS; h++) {
    const a = heads[HEADS * i + h]!;
    const b = heads[HEADS * j + h]!;
    if (a !== b) return a < b ? -1 : 1;
  }
  const a = keys[i]!;
  const b = keys[j]!;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The heads of every key, side by side: heads[HEADS·i + h] is head h of keys[i]. */
function keyHeads(keys: readonly string[]): Float64Array {
  const heads = new Float64Array(HEADS * keys.length);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    for (let h = 0; h < HEADS; h++) heads[HEADS * i + h] = keyHead(key, 3 * h);
  }
  return heads;
}

/** Indices 0..n-1, without those whose key is empty when skipEmpty. */
function keyedIndices(keys: readonly string[], skipEmpty: boolean): Uint32Array {
  const all = new Uint32Array(keys.length);
  let count = 0;
  for (let i = 0; i < keys.length; i++) if (!skipEmpty || keys[i] !== '') all[count++] = i;
  return count === keys.length ? all : all.slice(0, count);
}

/**
 * Patient indices ordered by key in code-unit order (what prefix search needs), equal keys by
 * index. For keys that are nearly all different (患者番号): one sort of the indices, most
 * comparisons settled by the keys' heads.
 */
function sortUniqueKeys(keys: readonly string[], skipEmpty: boolean): SortedKeys {
  const order = keyedIndices(keys, skipEmpty);
  const heads = keyHeads(keys);
  order.sort((a, b) => compareKeys(keys, heads, a, b) || a - b);
  const sorted = new Array<string>(order.length);
  for (let at = 0; at < order.length; at++) sorted[at] = keys[order[at]!]!;
  return { keys: sorted, order };
}

/**
 * The same order for keys that repeat a great deal (family names, given names, whole names):
 * equal keys are grouped first and only the distinct ones are sorted, by their heads and then in
 * full; the groups are then laid out by counting. Comparing Japanese strings is what a plain sort
 * of all the keys spent its time on.
 */
function sortRepeatedKeys(keys: readonly string[], skipEmpty: boolean): SortedKeys {
  const n = keys.length;
  const idOf = new Map<string, number>();
  const distinct: string[] = [];
  const counts: number[] = [];
  const keyId = new Int32Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const key = keys[i]!;
    if (skipEmpty && key === '') {
      keyId[i] = -1;
      continue;
    }
    let id = idOf.get(key);
    if (id === undefined) {
      id = distinct.length;
      idOf.set(key, id);
      distinct.push(key);
      counts.push(0);
    }
    keyId[i] = id;
    counts[id]!++;
    total++;
  }
  const d = distinct.length;
  const heads = keyHeads(distinct);
  const ids = new Uint32Array(d);
  for (let id = 0; id < d; id++) ids[id] = id;
  ids.sort((a, b) => compareKeys(distinct, heads, a, b));
  const next = new Uint32Array(d);
  let at = 0;
  for (let rank = 0; rank < d; rank++) {
    const id = ids[rank]!;
    next[id] = at;
    at += counts[id]!;
  }
  const order = new Uint32Array(total);
  const sorted = new Array<string>(total);
  for (let i = 0; i < n; i++) {
    const id = keyId[i]!;
    if (id < 0) continue;
    const slot = next[id]!++;
    order[slot] = i;
    sorted[slot] = distinct[id]!;
  }
  return { keys: sorted, order };
}

/** Keys joined into one string, each after a separator; inOrder[i] is the key of patient order[i]. */
function joinKeys(inOrder: readonly string[], order: Uint32Array): KeyBlob {
  const starts = new Uint32Array(order.length);
  let at = 1;
  for (let i = 0; i < order.length; i++) {
    starts[i] = at;
    at += inOrder[i]!.length + 1;
  }
  return { text: order.length === 0 ? '' : SEPARATOR + inOrder.join(SEPARATOR), starts, order };
}

/** Patients by 生年月日: days ascending, and on each day the patients in kana (五十音) order. */
interface BirthIndex {
  /** days[i]: the birth day (yyyymmdd as a number) of patient order[i]. */
  days: Int32Array;
  order: Uint32Array;
  /** Birth dates not written as yyyy-mm-dd, by the text itself (none in a clean roster). */
  other: Map<string, number[]>;
}

/** yyyy-mm-dd as the number yyyymmdd (the same order), or -1 when the text is not in that shape. */
function dayNumber(iso: string): number {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 0x2d || iso.charCodeAt(7) !== 0x2d) return -1;
  let day = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const digit = iso.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    day = day * 10 + digit;
  }
  return day;
}

/**
 * Group patients by birth day, keeping kana order within a day. Each entry packs day and kana
 * rank into one float (day × n + rank, exact far beyond any roster size), so one native numeric
 * sort does what a map of lists did without allocating a list per day.
 */
function indexBirthDays(patients: readonly Patient[], dayOf: Int32Array, kanaOrder: Uint32Array): BirthIndex {
  const n = kanaOrder.length;
  const packed = new Float64Array(n);
  const other = new Map<string, number[]>();
  let count = 0;
  for (let rank = 0; rank < n; rank++) {
    const i = kanaOrder[rank]!;
    const day = dayOf[i]!;
    if (day >= 0) packed[count++] = day * n + rank;
    else {
      const text = patients[i]!.birthDate;
      const list = other.get(text);
      if (list) list.push(i);
      else other.set(text, [i]);
    }
  }
  const sorted = packed.subarray(0, count).sort();
  const days = new Int32Array(count);
  const order = new Uint32Array(count);
  for (let at = 0; at < count; at++) {
    const value = sorted[at]!;
    const day = Math.floor(value / n);
    days[at] = day;
    order[at] = kanaOrder[value - day * n]!;
  }
  return { days, order, other };
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
  private readonly byBirth: BirthIndex;
  /** Built on the first get(): reception looks patients up by search, not by id. */
  private byId: Map<string, number> | null = null;
  /** Per-query "already in the result" marks, reset by bumping the generation. */
  private readonly seen: Uint32Array;
  private generation = 0;

  constructor(patients: readonly Patient[]) {
    this.patients = patients;
    this.size = patients.length;
    const n = patients.length;
    const noKeys = new Array<string>(n);
    const kanaKeyList = new Array<string>(n);
    const givenKeys = new Array<string>(n);
    const nameKeys = new Array<string>(n);
    const birthDays = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const p = patients[i]!;
      const kana = kanaKeys(p.kana);
      noKeys[i] = patientNoKeyOf(p.patientNo);
      kanaKeyList[i] = kana.kana;
      givenKeys[i] = kana.given;
      nameKeys[i] = storedKey(p.name);
      birthDays[i] = dayNumber(p.birthDate);
    }
    this.patientNos = sortUniqueKeys(noKeys, true);
    this.kanas = sortRepeatedKeys(kanaKeyList, false);
    this.givenKanas = sortRepeatedKeys(givenKeys, true);
    this.names = sortRepeatedKeys(nameKeys, true);
    // Substring hits come out in kana (五十音) order, which is how staff expect a list to read.
    const kanaOrder = this.kanas.order;
    const namesInKanaOrder = new Array<string>(n);
    for (let at = 0; at < n; at++) namesInKanaOrder[at] = nameKeys[kanaOrder[at]!]!;
    this.kanaBlob = joinKeys(this.kanas.keys, kanaOrder);
    this.nameBlob = joinKeys(namesInKanaOrder, kanaOrder);
    this.byBirth = indexBirthDays(patients, birthDays, kanaOrder);
    this.seen = new Uint32Array(n);
  }

  get(id: string): Patient | undefined {
    if (!this.byId) {
      const byId = new Map<string, number>();
      for (let i = 0; i < this.patients.length; i++) byId.set(this.patients[i]!.id, i);
      this.byId = byId;
    }
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.patients[i];
  }

  /** Patients born on this day (ISO), in kana order. */
  byBirthDate(iso: string): Patient[] {
    return this.bornOn(iso).map((i) => this.patients[i]!);
  }

  /** Indices of the patients born on this day, in kana order. */
  private bornOn(iso: string): number[] {
    const day = dayNumber(iso);
    if (day < 0) return this.byBirth.other.get(iso) ?? [];
    const { days, order } = this.byBirth;
    let lo = 0;
    let hi = days.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (days[mid]! < day) lo = mid + 1;
      else hi = mid;
    }
    const found: number[] = [];
    for (let at = lo; at < days.length && days[at] === day; at++) found.push(order[at]!);
    return found;
  }

  /**
   * Find patients for what was typed in the search box. Digits match 患者番号 by prefix (exact
   * first) and, when they spell a date (19800102), 生年月日; dates in any form (1980-01-02,
   * S55.1.2, 昭和55年1月2日) match 生年月日; kana of any width matches フリガナ from the start,
   * then the given name, then anywhere; anything else (kanji) matches 氏名 anywhere, spaces
   * and variant kanji ignored.
   */
  search(query: string, limit = 20): SearchHit[] {
    return this.lookUp(query, limit, false).hits;
  }

  /**
   * The same search, and how many patients match in all: the list shows `limit` of them and says
   * how many more there are. Counting walks every match (no early stop), which stays in the
   * low milliseconds even when one kana letter matches thousands of 50,000 patients.
   */
  find(query: string, limit = 20): { hits: SearchHit[]; total: number } {
    return this.lookUp(query, limit, true);
  }

  private lookUp(query: string, limit: number, countAll: boolean): { hits: SearchHit[]; total: number } {
    const hits: SearchHit[] = [];
    let total = 0;
    const key = searchKey(query);
    if (key === '' || (limit <= 0 && !countAll)) return { hits, total };
    this.nextGeneration();
    const full = () => !countAll && hits.length >= limit;
    const add = (i: number, by: MatchKind, exact: boolean) => {
      if (this.seen[i] === this.generation) return;
      this.seen[i] = this.generation;
      total++;
      if (hits.length < limit) hits.push({ patient: this.patients[i]!, by, exact });
    };

    const digitsOnly = DIGITS.test(key);
    if (ALNUM.test(key) && !/^0+$/.test(key)) {
      this.prefix(this.patientNos, patientNoKey(key), 'patientNo', add, full);
    }
    if (!full() && /\d/.test(key) && (!digitsOnly || key.length === 8)) {
      const date = parseBirthDate(query);
      if (date.ok)
        for (const i of this.bornOn(date.value)) {
          if (full()) break;
          add(i, 'birthDate', true);
        }
    }
    if (digitsOnly) return { hits, total };

    if (isKanaKey(key)) {
      this.prefix(this.kanas, key, 'kana', add, full);
      this.prefix(this.givenKanas, key, 'givenKana', add, full);
      if (key.length >= 2) this.substring(this.kanaBlob, key, 'kana', add, full);
    } else {
      this.prefix(this.names, key, 'name', add, full);
      this.substring(this.nameBlob, key, 'name', add, full);
    }
    return { hits, total };
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
