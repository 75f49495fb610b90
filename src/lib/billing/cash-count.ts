// レジ締め: the drawer's float (釣銭準備金) at the start, the cash counted at the end, and the difference (過不足).
//
// What a clinic does at closing: expected cash = float + cash taken − cash given back; the drawer is
// counted by denomination (or as a total) and the difference is shown with its sign. Only a counted
// drawer can be "合っています"; a drawer whose money moved after its count must be counted again.
// Counts and floats are append-only: a recount is a new record, the latest one counts.
import type { RecordMeta } from '../store/record';
import { fail, ok, type FieldProblems, type Result } from '../result';
import { activeBills, parseYen, takesMoney, type Bill, type Settlement } from './model';
import { settleRows, type BillLike as SettledBill, type SettlementLike as Settled } from './settlement';

/** Notes and coins in circulation, largest first. */
export const denominations = [10000, 5000, 2000, 1000, 500, 100, 50, 10, 5, 1] as const;
export type Denomination = (typeof denominations)[number];
/** Pieces per denomination, keyed by its value in yen ('10000' … '1'). */
export type Pieces = Record<`${Denomination}`, number>;

/** 釣銭準備金 (float, at the start) or a count of the drawer (at the end, or any time). */
export type CashCountKind = 'float' | 'count';
export const cashCountKinds: CashCountKind[] = ['float', 'count'];

export interface CashCount extends RecordMeta {
  kind: CashCountKind;
  /** Whose drawer: the device label it belongs to (A, B …). */
  drawer: string;
  /** Total yen. */
  amount: number;
  /** Pieces per denomination when counted that way; null when a total was entered. */
  pieces: Pieces | null;
  countedBy: string;
  countedAt: string;
  note: string;
}

/** The most pieces of one kind a drawer plausibly holds: a typo guard. */
export const MAX_PIECES = 9_999;
/** The most a drawer can be counted at: a typo guard. */
export const MAX_DRAWER = 99_999_999;

export function emptyPieces(): Record<`${Denomination}`, string> {
  return Object.fromEntries(denominations.map((d) => [String(d), ''])) as Record<`${Denomination}`, string>;
}

/** The count form, kept as typed. */
export interface CashCountForm {
  kind: CashCountKind;
  drawer: string;
  /** 'pieces': count by denomination; 'total': one amount. */
  by: 'pieces' | 'total';
  pieces: Record<`${Denomination}`, string>;
  totalText: string;
  countedBy: string;
  note: string;
}

export interface CashCountFields {
  kind: CashCountKind;
  drawer: string;
  amount: number;
  pieces: Pieces | null;
  countedBy: string;
  note: string;
}

export type CashCountField = 'kind' | 'drawer' | 'total' | `${Denomination}` | 'countedBy' | 'note';

export function emptyCashCountForm(kind: CashCountKind, drawer: string, countedBy: string): CashCountForm {
  return { kind, drawer, by: 'pieces', pieces: emptyPieces(), totalText: '', countedBy, note: '' };
}

/** A count of pieces as typed: empty is none; 全角 digits accepted; whole, not negative. */
function readPieces(text: string): Result<number> {
  const s = text.normalize('NFKC').replace(/[\s,、，枚]/g, '');
  if (s === '') return ok(0);
  if (!/^\d+$/.test(s)) return fail({ key: 'billing.count.error.pieces' });
  const n = Number(s);
  if (n > MAX_PIECES) return fail({ key: 'billing.count.error.piecesTooMany' });
  return ok(n);
}

/** The total of a pieces form as typed so far, or null while a field does not read as a number. */
export function piecesTotal(pieces: Record<`${Denomination}`, string>): number | null {
  let total = 0;
  for (const d of denominations) {
    const n = readPieces(pieces[`${d}`]);
    if (!n.ok) return null;
    total += n.value * d;
  }
  return total;
}

/** What a count form adds up to as typed so far (pieces or a total), or null until it reads as yen. */
export function formTotal(form: Pick<CashCountForm, 'by' | 'pieces' | 'totalText'>): number | null {
  if (form.by === 'pieces') return piecesTotal(form.pieces);
  const read = parseYen(form.totalText);
  return read.ok ? read.value : null;
}

/** Check a count form: a problem per field, or the fields to store. */
export function readCashCountForm(
  form: CashCountForm
): Result<CashCountFields, FieldProblems<CashCountField>> {
  const problems: FieldProblems<CashCountField> = {};
  if (!cashCountKinds.includes(form.kind)) problems.kind = { key: 'billing.count.error.kind', field: 'kind' };
  const drawer = form.drawer.trim();
  if (!drawer) problems.drawer = { key: 'billing.count.error.drawer', field: 'drawer' };
  let amount = 0;
  let pieces: Pieces | null = null;
  if (form.by === 'pieces') {
    const read = {} as Pieces;
    for (const d of denominations) {
      const key = `${d}` as const;
      const n = readPieces(form.pieces[key]);
      if (!n.ok) problems[key] = { ...n.error, field: key };
      else read[key] = n.value;
    }
    pieces = read;
    amount = denominations.reduce((sum, d) => sum + (read[`${d}`] ?? 0) * d, 0);
    if (amount > MAX_DRAWER) problems.total = { key: 'billing.count.error.tooMuch', field: 'total' };
  } else {
    const total = parseYen(form.totalText);
    if (!total.ok) problems.total = { ...total.error, field: 'total' };
    else amount = total.value;
  }
  if (!form.countedBy.trim())
    problems.countedBy = { key: 'billing.count.error.countedBy', field: 'countedBy' };
  if (form.note.length > 500) problems.note = { key: 'billing.error.noteLong', field: 'note' };
  if (Object.keys(problems).length > 0) return fail(problems);
  return ok({
    kind: form.kind,
    drawer,
    amount,
    pieces,
    countedBy: form.countedBy.trim(),
    note: form.note.trim()
  });
}

type BillLike = SettledBill & Pick<Bill, 'createdDevice'>;
type SettlementLike = Settled & Pick<Settlement, 'updatedDevice'>;
type CountLike = Pick<CashCount, 'kind' | 'drawer' | 'amount' | 'countedAt' | 'countedBy' | 'rev'>;

/**
 * What a drawer holds against what it should: 未計数 / 合っています / 多い / 足りない / 数え直し; for the
 * clinic also 'offsetting': the totals agree only because one drawer's surplus hides another's shortage.
 */
export type DrawerState = 'notCounted' | 'matches' | 'over' | 'short' | 'stale' | 'offsetting';

export interface DrawerCheck {
  drawer: string;
  /** 釣銭準備金; null when none was entered (counted as 0, and said). */
  float: number | null;
  /** Cash taken: deposits and 自費 paid in cash, collections in cash at settlement. */
  cashIn: number;
  /** Cash given back at settlement. */
  cashOut: number;
  /** float + cashIn − cashOut */
  expected: number;
  counted: number | null;
  countedAt: string;
  countedBy: string;
  /** counted − expected (positive: more cash than expected); null until counted. */
  difference: number | null;
  state: DrawerState;
}

export interface ClinicDrawers {
  drawers: DrawerCheck[];
  /** Sums over every drawer. */
  float: number;
  cashIn: number;
  cashOut: number;
  expected: number;
  /** The sum of the counts, or null while any drawer is not counted (or must be counted again). */
  counted: number | null;
  difference: number | null;
  state: DrawerState;
  /** Drawers not counted, or counted before their money last moved. */
  uncounted: string[];
}

/** The latest record of a kind per drawer (by time counted, then revision). */
function latestOf<C extends CountLike>(counts: C[], kind: CashCountKind): Map<string, C> {
  const out = new Map<string, C>();
  for (const c of counts) {
    if (c.kind !== kind) continue;
    const seen = out.get(c.drawer);
    if (!seen || c.countedAt > seen.countedAt || (c.countedAt === seen.countedAt && c.rev > seen.rev))
      out.set(c.drawer, c);
  }
  return out;
}

function stateOf(difference: number | null, stale: boolean): DrawerState {
  if (difference === null) return 'notCounted';
  if (stale) return 'stale';
  if (difference === 0) return 'matches';
  return difference > 0 ? 'over' : 'short';
}

function clinicState(drawers: DrawerCheck[], difference: number | null): DrawerState {
  if (drawers.some((d) => d.state === 'stale')) return 'stale';
  if (difference === null) return 'notCounted';
  if (difference === 0 && drawers.some((d) => d.state !== 'matches')) return 'offsetting';
  return stateOf(difference, false);
}

/**
 * Every drawer's expected cash against its count, and the clinic's. A drawer is a device: bills count in
 * the drawer of the device that took them, settlements in the drawer of the device that saved them.
 * Card, QR and other methods never enter a drawer. A voided bill's money was handed back: not expected.
 */
export function checkDrawers(
  bills: BillLike[],
  settlements: SettlementLike[],
  counts: CountLike[]
): ClinicDrawers {
  const rows = new Map<string, { cashIn: number; cashOut: number; lastMoved: string }>();
  const at = (drawer: string) => {
    let row = rows.get(drawer);
    if (!row) rows.set(drawer, (row = { cashIn: 0, cashOut: 0, lastMoved: '' }));
    return row;
  };
  const moved = (drawer: string, when: string) => {
    const row = at(drawer);
    if (when > row.lastMoved) row.lastMoved = when;
  };
  for (const b of bills) {
    if (!takesMoney(b.kind) || b.method !== 'cash') continue;
    if (b.voided) {
      moved(b.createdDevice, b.voided.at);
      continue;
    }
    at(b.createdDevice).cashIn += b.amount;
    moved(b.createdDevice, b.issuedAt);
  }
  for (const r of settleRows(activeBills(bills), settlements)) {
    const s = r.settlement;
    if (!s || !r.figures || r.status !== 'settled' || s.method !== 'cash') continue;
    const row = at(s.updatedDevice);
    row.cashIn += r.figures.toCollect;
    row.cashOut += r.figures.refund;
    moved(s.updatedDevice, s.settledAt || s.updatedAt);
  }
  const floats = latestOf(counts, 'float');
  const counted = latestOf(counts, 'count');
  for (const drawer of [...floats.keys(), ...counted.keys()]) at(drawer);

  const drawers: DrawerCheck[] = [...rows.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'ja'))
    .map(([drawer, row]) => {
      const float = floats.get(drawer)?.amount ?? null;
      const expected = (float ?? 0) + row.cashIn - row.cashOut;
      const count = counted.get(drawer);
      const difference = count ? count.amount - expected : null;
      const stale = !!count && row.lastMoved > count.countedAt;
      return {
        drawer,
        float,
        cashIn: row.cashIn,
        cashOut: row.cashOut,
        expected,
        counted: count?.amount ?? null,
        countedAt: count?.countedAt ?? '',
        countedBy: count?.countedBy ?? '',
        difference,
        state: stateOf(difference, stale)
      };
    });
  const sum = (pick: (d: DrawerCheck) => number) => drawers.reduce((a, d) => a + pick(d), 0);
  const uncounted = drawers
    .filter((d) => d.state === 'notCounted' || d.state === 'stale')
    .map((d) => d.drawer);
  const expected = sum((d) => d.expected);
  const allCounted = drawers.length > 0 && uncounted.length === 0;
  const total = allCounted ? sum((d) => d.counted ?? 0) : null;
  const difference = total === null ? null : total - expected;
  return {
    drawers,
    float: sum((d) => d.float ?? 0),
    cashIn: sum((d) => d.cashIn),
    cashOut: sum((d) => d.cashOut),
    expected,
    counted: total,
    difference,
    state: clinicState(drawers, difference),
    uncounted
  };
}
