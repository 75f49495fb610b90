// Ticking and unticking a checklist item: the back-entry record as it is first made and as it changes (history kept).
import { newMeta, touchMeta, type WriteContext } from '../../store/record';
import type { ChecklistItem, TickInput } from './checklist';
import { cleanEhrPatientNo } from './checklist';
import type { BackEntry } from '../model';

/** The item entered into the EHR / レセコン now: a new back-entry, or the existing one ticked again (next rev). */
export function tickEntry(
  item: Pick<ChecklistItem, 'id' | 'kind' | 'recordId' | 'target'>,
  existing: BackEntry | null,
  input: TickInput,
  sessionId: string,
  drill: boolean,
  ctx: WriteContext
): BackEntry {
  const at = ctx.now.toISOString();
  const step = { action: 'entered' as const, by: input.enteredBy, at, deviceLabel: ctx.actor.deviceLabel };
  const fields = {
    entered: true,
    enteredBy: input.enteredBy,
    enteredAt: at,
    ehrPatientNo: cleanEhrPatientNo(input.ehrPatientNo)
  };
  if (existing) return { ...touchMeta(existing, ctx), ...fields, history: [...existing.history, step] };
  return {
    ...newMeta(ctx, sessionId, drill),
    id: item.id,
    recordId: item.recordId,
    itemKind: item.kind,
    target: item.target,
    ...fields,
    history: [step]
  };
}

/** Undo a tick made by mistake: the record stays with its history; who entered it is cleared. */
export function untickEntry(entry: BackEntry, ctx: WriteContext): BackEntry {
  const step = {
    action: 'undone' as const,
    by: ctx.actor.staffName,
    at: ctx.now.toISOString(),
    deviceLabel: ctx.actor.deviceLabel
  };
  return {
    ...touchMeta(entry, ctx),
    entered: false,
    enteredBy: '',
    enteredAt: '',
    history: [...entry.history, step]
  };
}

/** Fill in or correct the EHR patient number of an entry (after the tick too); the change joins its history. */
export function renumberEntry(entry: BackEntry, ehrPatientNo: string, ctx: WriteContext): BackEntry {
  const step = {
    action: 'numbered' as const,
    by: ctx.actor.staffName,
    at: ctx.now.toISOString(),
    deviceLabel: ctx.actor.deviceLabel
  };
  return {
    ...touchMeta(entry, ctx),
    ehrPatientNo: cleanEhrPatientNo(ehrPatientNo),
    history: [...entry.history, step]
  };
}
