// English for the outage timeline's words for what recovery logs: every key the Japanese file defines.
import type { ja } from '../timeline';

export const en: Record<keyof typeof ja, string> = {
  'recovery.timeline.declared.real': 'real outage',
  'recovery.timeline.declared.drill': 'drill',
  'recovery.timeline.note.resumed': 'Recovery undone, outage work resumed',
  'recovery.timeline.sheets': '{what}, {n} sheets',
  'recovery.timeline.records': '{what} ({n})',
  'recovery.timeline.paper.arrivalSlip': 'Arrival slips',
  'recovery.timeline.paper.intake': 'Intake forms',
  'recovery.timeline.paper.visitMemo': 'Visit memo forms',
  'recovery.timeline.paper.depositSlip': 'Deposit receipt forms',
  'recovery.timeline.paper.eligibility': 'Insurance declaration forms',
  'recovery.timeline.paper.waitingNotice': 'Waiting room notice',
  'recovery.timeline.paper.outageCard': 'Outage procedure card',
  'recovery.timeline.paper.dayLog': 'Day’s arrivals log',
  'recovery.timeline.paper.visitMemos': 'Filled visit memos',
  'recovery.timeline.printed.selfPaySlip': 'Self-pay slip printed',
  'recovery.timeline.printed.oneMemo': 'Filled visit memo (1)',
  'recovery.timeline.printed.report': 'Incident report (PDF)',
  'recovery.timeline.printed.prescription': 'Outpatient prescription {serial} printed',
  'recovery.timeline.exported.bundle': 'Bundle',
  'recovery.timeline.exported.csv': 'CSV: {what}',
  'recovery.timeline.exported.xlsx': 'Excel (.xlsx): {what}',
  'recovery.timeline.csv.arrivals': 'arrivals',
  'recovery.timeline.csv.memos': 'visit memos',
  'recovery.timeline.csv.bills': 'deposits and settlements',
  'recovery.timeline.csv.checklist': 'back-entry checklist',
  'recovery.timeline.imported.counts':
    'from device {label}: {added} added, {updated} updated, {conflicts} differences, {damaged} damaged',
  'recovery.timeline.purged.count': '{n} records deleted'
};
