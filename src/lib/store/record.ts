// The fields every stored clinical record carries: identity, session, and who/where/when it was made and changed.
import type * as v from 'valibot';
import type { RecordMetaSchema } from './record-schema';

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

/**
 * id, session, who/where/when made and changed; rev is incremented on every change (a write that expects
 * an older rev is a conflict, never a silent overwrite); drill (訓練) records are marked everywhere.
 */
export type RecordMeta = v.InferOutput<typeof RecordMetaSchema>;

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

/**
 * The same write, done in the name of the person a record names as its author (a bill's 担当, a
 * settlement's 精算者): its meta and its audit line then name that person, as the record does.
 */
export function actingAs(ctx: WriteContext, staffName: string): WriteContext {
  const name = staffName.trim();
  if (!name || name === ctx.actor.staffName) return ctx;
  return { ...ctx, actor: { ...ctx.actor, staffId: '', staffName: name } };
}
