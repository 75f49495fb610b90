// The fields every stored clinical record carries: identity, session, and who/where/when it was made and changed.

/** Who is acting, on which device, at what time: passed into every write (time and ids are injected). */
export interface Actor {
  staffId: string;
  staffName: string;
  deviceLabel: string;
}

export interface WriteContext {
  actor: Actor;
  now: Date;
  newId: () => string;
}

export interface RecordMeta {
  id: string;
  sessionId: string;
  createdAt: string;
  createdBy: string;
  createdDevice: string;
  updatedAt: string;
  updatedBy: string;
  updatedDevice: string;
  /** Incremented on every change; a write that expects an older rev is a conflict, never a silent overwrite. */
  rev: number;
  /** Drill (訓練) records are marked everywhere and never enter real exports. */
  drill: boolean;
}

export function newMeta(ctx: WriteContext, sessionId: string, drill: boolean): RecordMeta {
  const at = ctx.now.toISOString();
  return {
    id: ctx.newId(),
    sessionId,
    createdAt: at,
    createdBy: ctx.actor.staffName,
    createdDevice: ctx.actor.deviceLabel,
    updatedAt: at,
    updatedBy: ctx.actor.staffName,
    updatedDevice: ctx.actor.deviceLabel,
    rev: 1,
    drill
  };
}

export function touchMeta<T extends RecordMeta>(record: T, ctx: WriteContext): T {
  return {
    ...record,
    updatedAt: ctx.now.toISOString(),
    updatedBy: ctx.actor.staffName,
    updatedDevice: ctx.actor.deviceLabel,
    rev: record.rev + 1
  };
}

/** A random id that sorts nowhere in particular; good enough across devices (122 random bits). */
export function randomId(): string {
  return crypto.randomUUID();
}
