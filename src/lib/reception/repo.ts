// Reads and writes of arrivals (受付) and intake notes (問診), through the store; queue numbers per device and session.
import {
  ConflictError,
  newMeta,
  nextCounter,
  table,
  touchMeta,
  transaction,
  write,
  type WriteContext
} from '../store';
import { mergeDraft } from '../store/draft-merge';
import { fail, ok, type Result } from '../result';
import { outageRepo } from '../outage/repo';
import type { OutageScope } from '../outage/model';
import {
  arrivalFieldsOf,
  checkCancelReason,
  formatQueueNo,
  sameFields,
  queueCounterKey,
  type Arrival,
  type ArrivalFields,
  type ArrivalSession,
  type EligibilityStatus,
  type Intake,
  type IntakeFields,
  type QueueStatus
} from './model';
import { inArrivalOrder } from './queue';

const arrivals = () => table<Arrival>('arrivals');
const intakes = () => table<Intake>('intakes');

/**
 * The next queue number of this device in this session, skipping any already on a stored arrival
 * (records merged from a bundle made on the same label), so a number is never given twice.
 */
async function nextSeq(sessionId: string, deviceLabel: string): Promise<number> {
  for (;;) {
    const seq = await nextCounter(queueCounterKey(sessionId, deviceLabel));
    const taken = await arrivals()
      .where('[sessionId+deviceLabel+seq]')
      .equals([sessionId, deviceLabel, seq])
      .count();
    if (taken === 0) return seq;
  }
}

export const arrivalsRepo = {
  get: (id: string): Promise<Arrival | undefined> => arrivals().get(id),

  /** Every arrival of an outage (every device's), in arrival order. */
  async list(scope: OutageScope): Promise<Arrival[]> {
    return inArrivalOrder(await arrivals().where('sessionId').anyOf(scope.sessionIds).toArray());
  },

  /**
   * Register an arrival: the queue number (device label + number) and the record commit together in
   * one transaction, with the session's 'first patient' timeline entry when this is the first.
   */
  create(fields: ArrivalFields, session: ArrivalSession, ctx: WriteContext): Promise<Result<Arrival>> {
    const label = ctx.actor.deviceLabel;
    if (!label) return Promise.resolve(fail({ key: 'reception.error.noDevice' }));
    if (!ctx.actor.staffName) return Promise.resolve(fail({ key: 'reception.error.noStaff' }));
    return write(() =>
      transaction(['arrivals', 'counters', 'events'], async () => {
        const seq = await nextSeq(session.id, label);
        const at = ctx.now.toISOString();
        const arrival: Arrival = {
          ...newMeta(ctx, session.id, session.kind === 'drill'),
          ...fields,
          deviceLabel: label,
          seq,
          queueNo: formatQueueNo(label, seq),
          arrivedAt: at,
          status: 'waiting',
          statusChangedAt: at
        };
        await arrivals().add(arrival);
        await outageRepo.logFirstPatient(session.id, ctx);
        return arrival;
      })
    );
  },

  /**
   * Save an edited arrival. `loaded` is the version the form started from. If the stored arrival
   * moved on since (a queue move, another screen or device), the changes are merged field by field:
   * what only the other side changed is kept, what only this form changed is applied; a field both
   * changed differently is a conflict, and nothing is written. The queue number, arrival time and
   * queue status are not the form's to change.
   */
  update(
    id: string,
    loaded: { rev: number; fields: ArrivalFields },
    fields: ArrivalFields,
    ctx: WriteContext
  ): Promise<Result<Arrival>> {
    return write(() =>
      transaction(['arrivals'], async () => {
        const stored = await arrivals().get(id);
        if (!stored) throw new ConflictError(id);
        const theirs = arrivalFieldsOf(stored);
        let next = fields;
        if (stored.rev !== loaded.rev && !sameFields(theirs, loaded.fields)) {
          const { merged, conflicts } = mergeDraft(loaded.fields, fields, theirs);
          if (conflicts.length > 0) throw new ConflictError(id);
          next = merged;
        }
        if (sameFields(theirs, next)) return stored;
        const arrival: Arrival = { ...touchMeta(stored, ctx), ...next };
        await arrivals().put(arrival);
        return arrival;
      })
    );
  },

  /**
   * Move an arrival along the queue (待合 → 診察中 → 会計待ち → 会計済 / 後日精算 → 帰宅); called by the
   * queue, visits and billing. With `expectedRev` (the version the screen showed) a change made
   * meanwhile elsewhere is a conflict; setting the status it already has writes nothing. A cancelled
   * arrival (受付取消) does not move until the cancel is undone, and cancelling needs `cancel` (a reason).
   */
  async setStatus(
    id: string,
    status: QueueStatus,
    ctx: WriteContext,
    expectedRev?: number
  ): Promise<Result<Arrival>> {
    if (status === 'cancelled') return fail({ key: 'reception.error.cancelNeedsReason' });
    const result = await write(() =>
      transaction(['arrivals'], async () => {
        const stored = await arrivals().get(id);
        if (!stored || (expectedRev !== undefined && stored.rev !== expectedRev)) throw new ConflictError(id);
        if (stored.status === status) return { arrival: stored, refused: false };
        if (stored.status === 'cancelled') return { arrival: stored, refused: true };
        const next: Arrival = { ...touchMeta(stored, ctx), status, statusChangedAt: ctx.now.toISOString() };
        await arrivals().put(next);
        return { arrival: next, refused: false };
      })
    );
    if (!result.ok) return result;
    return result.value.refused ? fail({ key: 'reception.error.isCancelled' }) : ok(result.value.arrival);
  },

  /**
   * 受付取消: a mistaken or double registration is marked cancelled with the reason, who and when; the
   * record stays (and its 問診, memo and bills with it). `rev` is the version the screen showed.
   */
  cancel(id: string, rev: number, reason: string, ctx: WriteContext): Promise<Result<Arrival>> {
    const problem = checkCancelReason(reason).reason;
    if (problem) return Promise.resolve(fail(problem));
    return write(() =>
      transaction(['arrivals'], async () => {
        const stored = await arrivals().get(id);
        if (!stored || stored.rev !== rev) throw new ConflictError(id);
        if (stored.status === 'cancelled') return stored;
        const at = ctx.now.toISOString();
        const next: Arrival = {
          ...touchMeta(stored, ctx),
          status: 'cancelled',
          statusChangedAt: at,
          cancellation: { reason: reason.trim(), at, by: ctx.actor.staffName, previousStatus: stored.status }
        };
        await arrivals().put(next);
        return next;
      })
    );
  },

  /** Undo a 受付取消: back where it was in the queue; the cancel stays on the record, marked undone. */
  undoCancel(id: string, rev: number, ctx: WriteContext): Promise<Result<Arrival>> {
    return write(() =>
      transaction(['arrivals'], async () => {
        const stored = await arrivals().get(id);
        if (!stored || stored.rev !== rev) throw new ConflictError(id);
        const c = stored.cancellation;
        if (stored.status !== 'cancelled' || !c) return stored;
        const at = ctx.now.toISOString();
        const next: Arrival = {
          ...touchMeta(stored, ctx),
          status: c.previousStatus,
          statusChangedAt: at,
          cancellation: { ...c, undoneAt: at, undoneBy: ctx.actor.staffName }
        };
        await arrivals().put(next);
        return next;
      })
    );
  },

  /** After recovery: 未確認 → 確認済 / 不詳請求 / 自費扱い, checked against the version the screen showed. */
  setEligibilityStatus(
    id: string,
    rev: number,
    eligibilityStatus: EligibilityStatus,
    ctx: WriteContext
  ): Promise<Result<Arrival>> {
    return write(() =>
      transaction(['arrivals'], async () => {
        const stored = await arrivals().get(id);
        if (!stored || stored.rev !== rev) throw new ConflictError(id);
        if (stored.eligibilityStatus === eligibilityStatus) return stored;
        const next: Arrival = { ...touchMeta(stored, ctx), eligibilityStatus };
        await arrivals().put(next);
        return next;
      })
    );
  },

  /** Which arrivals of the outage have a 問診, a memo and a (not voided) bill. */
  /** Which arrivals of an outage have a 問診 (the queue's first mark; memos and bills are their domains'). */
  async withIntake(scope: OutageScope): Promise<Set<string>> {
    const rows = await intakes().where('sessionId').anyOf(scope.sessionIds).toArray();
    return new Set(rows.map((x) => x.arrivalId));
  }
};

export const intakesRepo = {
  /** The 問診 of an arrival (one per arrival). */
  byArrival: (arrivalId: string): Promise<Intake | undefined> =>
    intakes().where('arrivalId').equals(arrivalId).first(),

  /**
   * Save the 問診 of an arrival. `loadedRev` is the version the form started from (0: none yet): if
   * one was written or changed since (the patient's tablet, another screen), this is a conflict.
   * `filledBy` is who is saving now (the patient on the tablet, or staff): the record keeps who first
   * filled it (`filledBy`) and who saved the latest version (`lastFilledBy`), so the patient's own
   * answers are never credited to the staff member signed in on the tablet.
   */
  save(
    arrival: Pick<Arrival, 'id' | 'sessionId' | 'drill'>,
    fields: IntakeFields,
    loadedRev: number,
    filledBy: Intake['filledBy'],
    ctx: WriteContext
  ): Promise<Result<Intake>> {
    return write(() =>
      transaction(['intakes'], async () => {
        const stored = await intakes().where('arrivalId').equals(arrival.id).first();
        if ((stored?.rev ?? 0) !== loadedRev) throw new ConflictError(stored?.id ?? arrival.id);
        const next: Intake = stored
          ? { ...touchMeta(stored, ctx), ...fields, lastFilledBy: filledBy }
          : {
              ...newMeta(ctx, arrival.sessionId, arrival.drill),
              arrivalId: arrival.id,
              ...fields,
              filledBy,
              lastFilledBy: filledBy
            };
        await intakes().put(next);
        return next;
      })
    );
  }
};
