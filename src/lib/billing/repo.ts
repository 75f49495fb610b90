// Reads and writes of bills (預り金・後日精算・自費) and their settlements (精算), through the store.
import {
  ConflictError,
  actingAs,
  newMeta,
  nextCounter,
  table,
  touchMeta,
  transaction,
  write,
  type WriteContext
} from '../store';
import { fail, type Result } from '../result';
import type { OutageScope } from '../outage/model';
import {
  formatSerial,
  serialCounterKey,
  takesMoney,
  type Bill,
  type BillFields,
  type Settlement
} from './model';
import { latestForBills, needsSettlement, type SettlementFields, type SettlementVersion } from './settlement';
import type { CashCount, CashCountFields } from './cash-count';

const bills = () => table<Bill>('bills');
const settlements = () => table<Settlement>('settlements');

/** The session a bill belongs to: its id and whether it is a drill (訓練). */
export interface BillSession {
  id: string;
  kind: 'real' | 'drill';
}

/** The next serial for this device label, skipping any already on a stored bill (serials are never reused). */
async function nextSerial(deviceLabel: string): Promise<string> {
  for (;;) {
    const serial = formatSerial(deviceLabel, await nextCounter(serialCounterKey(deviceLabel)));
    if ((await bills().where('serial').equals(serial).count()) === 0) return serial;
  }
}

export const billsRepo = {
  get: (id: string) => bills().get(id),
  /** Every bill of an outage (every device's), voided ones included, oldest first. */
  list: (scope: OutageScope) => bills().where('sessionId').anyOf(scope.sessionIds).sortBy('issuedAt'),
  listByArrival: (arrivalId: string) => bills().where('arrivalId').equals(arrivalId).sortBy('issuedAt'),
  /** Arrivals of an outage with a bill that is not voided (the queue's 会計 mark). */
  async arrivalsWithBill(scope: OutageScope): Promise<Set<string>> {
    const rows = await bills().where('sessionId').anyOf(scope.sessionIds).toArray();
    return new Set(rows.filter((b) => !b.voided).map((b) => b.arrivalId));
  },

  /**
   * Record a bill for an arrival. Money taken (預り金, 自費) gets a serial (device label + number) from the
   * device's counter in the same transaction, so the number and the bill commit together or not at all.
   */
  create(
    fields: BillFields,
    arrivalId: string,
    session: BillSession,
    desk: WriteContext
  ): Promise<Result<Bill>> {
    // The bill, its meta and its audit line all name the 担当 chosen on the form.
    const ctx = actingAs(desk, fields.receivedBy);
    const label = ctx.actor.deviceLabel;
    if (!label) return Promise.resolve(fail({ key: 'billing.error.noDevice' }));
    return write(() =>
      transaction(['bills', 'counters'], async () => {
        const serial = takesMoney(fields.kind) ? await nextSerial(label) : '';
        const bill: Bill = {
          ...newMeta(ctx, session.id, session.kind === 'drill'),
          arrivalId,
          kind: fields.kind,
          amount: takesMoney(fields.kind) ? fields.amount : 0,
          method: takesMoney(fields.kind) ? fields.method : '',
          receivedBy: fields.receivedBy,
          reason: fields.reason,
          serial,
          issuedAt: ctx.now.toISOString(),
          voided: null,
          paperSerial: fields.paperSerial
        };
        await bills().add(bill);
        return bill;
      })
    );
  },

  /** A correction (取消): the bill stays, marked voided with who, when and why. Checks the rev the screen saw. */
  void(billId: string, expectedRev: number, reason: string, ctx: WriteContext): Promise<Result<Bill>> {
    return write(() =>
      transaction(['bills'], async () => {
        const stored = await bills().get(billId);
        if (!stored || stored.rev !== expectedRev || stored.voided) throw new ConflictError(billId);
        const next: Bill = {
          ...touchMeta(stored, ctx),
          voided: { at: ctx.now.toISOString(), by: ctx.actor.staffName, reason: reason.trim() }
        };
        await bills().put(next);
        return next;
      })
    );
  }
};

export type { SettlementVersion };

/** The bills of a bill's visit that are settled together: its deposits and pay-laters, not voided. */
async function visitBills(bill: Bill): Promise<Bill[]> {
  const all = await bills().where('arrivalId').equals(bill.arrivalId).toArray();
  return all
    .filter((b) => !b.voided && needsSettlement(b))
    .sort((a, b) => a.issuedAt.localeCompare(b.issuedAt) || a.id.localeCompare(b.id));
}

/** The settlement that counts for a bill's visit (the newest one covering any of its bills). */
async function visitSettlement(bill: Bill): Promise<Settlement | undefined> {
  const ids = (await bills().where('arrivalId').equals(bill.arrivalId).toArray()).map((b) => b.id);
  return latestForBills(await settlements().where('sessionId').equals(bill.sessionId).toArray(), ids);
}

export const settlementsRepo = {
  list: (scope: OutageScope) => settlements().where('sessionId').anyOf(scope.sessionIds).toArray(),
  /** The settlement of the visit a bill belongs to (settled once for all its bills). */
  async forBill(billId: string): Promise<Settlement | undefined> {
    const bill = await bills().get(billId);
    return bill ? visitSettlement(bill) : undefined;
  },
  /** The bills settled together with this one: its visit's deposits and pay-laters, not voided. */
  async visitOf(billId: string): Promise<Bill[]> {
    const bill = await bills().get(billId);
    return bill ? visitBills(bill) : [];
  },

  /**
   * Create or update the settlement of a bill's visit: the charge covers every deposit and pay-later of
   * the visit. `loaded` is the version the form started from: if another screen or device saved one
   * since, this is a conflict, never a silent overwrite.
   */
  save(
    billId: string,
    fields: SettlementFields,
    loaded: SettlementVersion,
    desk: WriteContext
  ): Promise<Result<Settlement>> {
    // The settlement, its meta and its audit line all name the 精算者 chosen on the form.
    const ctx = actingAs(desk, fields.settledBy);
    return write(() =>
      transaction(['settlements', 'bills'], async () => {
        const bill = await bills().get(billId);
        if (!bill || bill.voided) throw new ConflictError(billId);
        const current = await visitSettlement(bill);
        const same = loaded === null ? !current : current?.id === loaded.id && current.rev === loaded.rev;
        if (!same) throw new ConflictError(current?.id ?? billId);
        const covered = (await visitBills(bill)).map((b) => b.id);
        const record: Settlement = current
          ? { ...touchMeta(current, ctx), ...fields, billId: covered[0] ?? billId, billIds: covered }
          : {
              ...newMeta(ctx, bill.sessionId, bill.drill),
              billId: covered[0] ?? billId,
              billIds: covered,
              ...fields
            };
        await settlements().put(record);
        return record;
      })
    );
  }
};

const cashCounts = () => table<CashCount>('cashCounts');

export const cashCountsRepo = {
  /** Every float and count of an outage (every drawer's), oldest first. */
  list: (scope: OutageScope) => cashCounts().where('sessionId').anyOf(scope.sessionIds).sortBy('countedAt'),

  /** Record a float or a count. Append-only: a recount is a new record, never a change to an old one. */
  add(fields: CashCountFields, session: BillSession, desk: WriteContext): Promise<Result<CashCount>> {
    // The record, its meta and its audit line name the person who counted.
    const ctx = actingAs(desk, fields.countedBy);
    return write(() =>
      transaction(['cashCounts'], async () => {
        const record: CashCount = {
          ...newMeta(ctx, session.id, session.kind === 'drill'),
          ...fields,
          countedAt: ctx.now.toISOString()
        };
        await cashCounts().add(record);
        return record;
      })
    );
  }
};
