// Ticking, unticking and confirming a checklist item: the back-entry record as it is first made and as it changes (history kept).
import { newMeta, touchMeta, type WriteContext } from '../../store/record';
import type { Problem } from '../../result';
import type { Staff, StaffRole } from '../../settings/model';
import type { ChecklistItem, TickInput } from './checklist';
import { cleanEhrPatientNo } from './checklist';
import { needsDoctor, type BackEntry, type ItemKind } from '../model';

/**
 * Whether entering an item also confirms it (入力者 = 確定者): always, except a memo entered by anyone
 * but a doctor (代行入力), which waits for a doctor's 確定.
 */
export function confirmedOnEntry(kind: ItemKind, role: StaffRole | undefined): boolean {
  return !needsDoctor(kind) || role === 'doctor';
}

/** Who may confirm a memo's entering: the clinic's doctors (settings). */
export function confirmers(staff: readonly Staff[]): Staff[] {
  return staff.filter((s) => s.role === 'doctor');
}

/**
 * The item entered into the EHR / レセコン now, as the version the screen showed: a new back-entry, or
 * the existing one ticked again (next rev). A tick made again starts its confirmation afresh.
 */
export function tickEntry(
  item: Pick<ChecklistItem, 'id' | 'kind' | 'recordId' | 'target' | 'version'>,
  existing: BackEntry | null,
  input: TickInput,
  sessionId: string,
  drill: boolean,
  ctx: WriteContext
): BackEntry {
  const at = ctx.now.toISOString();
  const step = { action: 'entered' as const, by: input.enteredBy, at, deviceLabel: ctx.actor.deviceLabel };
  const confirmed = confirmedOnEntry(item.kind, input.role);
  const fields = {
    entered: true,
    enteredBy: input.enteredBy,
    enteredAt: at,
    confirmedBy: confirmed ? input.enteredBy : '',
    confirmedAt: confirmed ? at : '',
    recordRev: item.version.rev,
    recordUpdatedAt: item.version.updatedAt,
    recordDigest: item.version.digest,
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

/** Undo a tick made by mistake: the record stays with its history; who entered and confirmed it, and the version, are cleared. */
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
    confirmedBy: '',
    confirmedAt: '',
    recordRev: 0,
    recordUpdatedAt: '',
    recordDigest: '',
    history: [...entry.history, step]
  };
}

/**
 * Before a 確定: the item must be waiting for one (entered, unchanged since, not yet confirmed), and a
 * memo's confirmer must be a doctor.
 */
export function checkConfirm(
  item: Pick<ChecklistItem, 'kind' | 'state'>,
  confirmer: Pick<Staff, 'role'> | null
): Problem | null {
  if (item.state === 'changed') return { key: 'recovery.checklist.confirmChanged' };
  if (item.state !== 'awaitingConfirmation') return { key: 'recovery.checklist.confirmNothing' };
  if (!confirmer) return { key: 'recovery.checklist.confirmPick' };
  if (needsDoctor(item.kind) && confirmer.role !== 'doctor')
    return { key: 'recovery.checklist.confirmNotDoctor' };
  return null;
}

/** 確定: who confirmed what was entered, and when; the step joins the history. `ctx` names the confirmer. */
export function confirmEntry(entry: BackEntry, ctx: WriteContext): BackEntry {
  const at = ctx.now.toISOString();
  const by = ctx.actor.staffName;
  return {
    ...touchMeta(entry, ctx),
    confirmedBy: by,
    confirmedAt: at,
    history: [...entry.history, { action: 'confirmed', by, at, deviceLabel: ctx.actor.deviceLabel }]
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
