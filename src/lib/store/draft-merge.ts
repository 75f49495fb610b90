// Three-way merge of a form's value, field by field at every depth, so two tabs editing one draft keep each other's work.
//
// Forms keep their fields in nested objects (a memo's `content`, an intake's `fields`) and in lists
// (prescription rows, ticked documents). Merging only the top level made a whole `content` one
// field: two tabs typing into different boxes of one memo "both changed content", and the second
// tab never took the first tab's text. So the merge goes down to the leaves:
// - plain objects: key by key;
// - lists of rows with an `id` (prescriptions, tests, staff): row by row, by id — rows added on
//   either side are kept, a row removed on one side and untouched on the other goes;
// - lists of distinct plain values (ticked options): as sets — what one side added or removed is applied;
// - anything else is one value: taken from the side that changed it; changed differently on both
//   sides, it is a conflict, kept as mine until the user chooses.
import { sameValue } from '../values';

/** Where a value sits in a form: object keys, and `{ id }` for a row of a list of rows. */
export type PathStep = string | { id: string };
export type Path = readonly PathStep[];

export interface MergeResult<T> {
  merged: T;
  /** Values both sides changed differently since the common base: kept as mine until the user chooses. */
  conflicts: Path[];
}

type Row = Record<string, unknown> & { id: string };

const same = sameValue;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isRowList = (v: unknown): v is Row[] =>
  Array.isArray(v) &&
  v.every((item) => isObject(item) && typeof item.id === 'string') &&
  new Set(v.map((item: Row) => item.id)).size === v.length;

const isValueSet = (v: unknown): v is (string | number | boolean)[] =>
  Array.isArray(v) &&
  v.every((item) => ['string', 'number', 'boolean'].includes(typeof item)) &&
  new Set(v).size === v.length;

function mergeValue(
  base: unknown,
  mine: unknown,
  theirs: unknown,
  path: PathStep[],
  conflicts: Path[]
): unknown {
  if (same(mine, theirs)) return mine;
  if (same(mine, base)) return theirs;
  if (same(theirs, base)) return mine;
  if (isObject(mine) && isObject(theirs)) {
    return mergeObjects(isObject(base) ? base : {}, mine, theirs, path, conflicts);
  }
  // An empty list is every kind of list.
  if (isRowList(mine) && isRowList(theirs) && (base === undefined || isRowList(base))) {
    return mergeRows(base ?? [], mine, theirs, path, conflicts);
  }
  if (isValueSet(mine) && isValueSet(theirs) && (base === undefined || isValueSet(base))) {
    return mergeSets(base ?? [], mine, theirs);
  }
  conflicts.push(path);
  return mine;
}

function mergeObjects(
  base: Record<string, unknown>,
  mine: Record<string, unknown>,
  theirs: Record<string, unknown>,
  path: PathStep[],
  conflicts: Path[]
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(mine), ...Object.keys(theirs), ...Object.keys(base)]);
  for (const key of keys) {
    const value = mergeValue(base[key], mine[key], theirs[key], [...path, key], conflicts);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function mergeRows(base: Row[], mine: Row[], theirs: Row[], path: PathStep[], conflicts: Path[]): Row[] {
  const byId = (rows: Row[]) => new Map(rows.map((row) => [row.id, row]));
  const b = byId(base);
  const m = byId(mine);
  const t = byId(theirs);
  const merged = new Map<string, Row>();
  for (const id of new Set([...m.keys(), ...t.keys(), ...b.keys()])) {
    const row = mergeValue(b.get(id), m.get(id), t.get(id), [...path, { id }], conflicts);
    if (row !== undefined) merged.set(id, row as Row);
  }
  // Mine's order; a row only theirs has goes after the row it follows there.
  const order = mine.map((row) => row.id).filter((id) => merged.has(id));
  let after = -1;
  for (const row of theirs) {
    const at = order.indexOf(row.id);
    if (at >= 0) after = at;
    else if (merged.has(row.id)) order.splice(++after, 0, row.id);
  }
  return order.map((id) => merged.get(id)!);
}

function mergeSets<V>(base: V[], mine: V[], theirs: V[]): V[] {
  const removed = new Set(base.filter((v) => !theirs.includes(v)));
  const added = theirs.filter((v) => !base.includes(v) && !mine.includes(v));
  return [...mine.filter((v) => !removed.has(v)), ...added];
}

export function mergeDraft<T extends object>(base: T, mine: T, theirs: T): MergeResult<T> {
  const conflicts: Path[] = [];
  const merged = mergeValue(base, mine, theirs, [], conflicts) as T;
  return { merged, conflicts };
}

/** Take the other side's value at the given places (the user chose theirs). */
export function takeFields<T extends object>(mine: T, theirs: T, paths: readonly Path[]): T {
  let out = JSON.parse(JSON.stringify(mine)) as unknown;
  for (const path of paths) out = setAt(out, path, getAt(theirs, path));
  return out as T;
}

function getAt(value: unknown, path: Path): unknown {
  let here = value;
  for (const step of path) {
    if (typeof step === 'string') here = isObject(here) ? here[step] : undefined;
    else here = Array.isArray(here) ? (here as Row[]).find((row) => row?.id === step.id) : undefined;
  }
  return here;
}

function setAt(target: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0)
    return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
  const [step, ...rest] = path;
  if (typeof step === 'string') {
    const obj = isObject(target) ? target : {};
    const next = setAt(obj[step!], rest, value);
    if (next === undefined) delete obj[step!];
    else obj[step!] = next;
    return obj;
  }
  const rows = Array.isArray(target) ? (target as Row[]) : [];
  const at = rows.findIndex((row) => row?.id === step!.id);
  if (rest.length === 0 && value === undefined) {
    if (at >= 0) rows.splice(at, 1);
    return rows;
  }
  if (rest.length === 0) {
    if (at >= 0) rows[at] = setAt(rows[at], rest, value) as Row;
    else rows.push(setAt(undefined, rest, value) as Row);
  } else if (at >= 0) {
    // Inside a row mine still has (a row mine removed since has nothing to set a field of).
    rows[at] = setAt(rows[at], rest, value) as Row;
  }
  return rows;
}
