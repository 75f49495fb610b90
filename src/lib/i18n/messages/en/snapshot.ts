// English for the clinical snapshot: every key the Japanese file defines (loaded only when English is chosen).
import type { ja } from '../snapshot';

export const en: Record<keyof typeof ja, string> = {
  'snapshot.title': 'Clinical summary (exported before the outage)',
  'snapshot.lead':
    'Import each patient’s allergies, problems and recent prescriptions exported from the EHR or the レセコン before the outage: a CSV (UTF-8 or Shift_JIS) or a FHIR R4 Bundle (JP Core) in JSON. An import replaces the previous one.',
  'snapshot.import.file': 'Clinical summary file (CSV or FHIR JSON)',
  'snapshot.import.takenAt': 'Exported at (shown as the date the information is current to)',
  'snapshot.import.preview': 'Check before importing',
  'snapshot.import.summary':
    '{patients} patients, {items} items (allergies {allergy}, problems {problem}, prescriptions {prescription}), {format}, {encoding}',
  'snapshot.import.notInRoster':
    '{n} patient numbers are not in the roster (they show on the memo once the roster has them).',
  'snapshot.import.rejected': 'Rows not imported: {n}',
  'snapshot.import.rowReason': 'Row {n}: {reason}',
  'snapshot.import.entryReason': 'Entry {n}: {reason}',
  'snapshot.import.replace': 'Replace with this',
  'snapshot.import.replaceFirst': 'Import this',
  'snapshot.import.cancel': 'Cancel',
  'snapshot.import.done': 'Clinical summary imported: {patients} patients, {items} items.',
  'snapshot.import.reading': 'Reading…',
  'snapshot.import.firstRows': 'First patients',
  'snapshot.format.csv': 'CSV',
  'snapshot.format.fhir': 'FHIR R4 Bundle',
  'snapshot.status.none': 'No clinical summary on this device.',
  'snapshot.status.current':
    'Clinical summary as of {asOf}: {patients} patients, {items} items ({file}, imported {importedAt})',
  'snapshot.status.rejected': 'Rows left out by the last import: {n}',
  'snapshot.delete.title': 'Delete the clinical summary from this device',
  'snapshot.delete.open': 'Delete the clinical summary',
  'snapshot.delete.lead':
    'This deletes the clinical summary of {patients} patients from this device. Like the roster, it stays when an outage’s records are purged, so delete it here when it is no longer needed.',
  'snapshot.delete.confirm': 'Delete',
  'snapshot.delete.done': 'The clinical summary was deleted.',
  'snapshot.kind.allergy': 'Allergy',
  'snapshot.kind.problem': 'Problem',
  'snapshot.kind.prescription': 'Prescription',
  'snapshot.col.patientNo': 'Patient No.',
  'snapshot.col.kind': 'Kind',
  'snapshot.col.name': 'Name',
  'snapshot.col.detail': 'Strength, dose, usage, days',
  'snapshot.col.date': 'Date',
  'snapshot.col.note': 'Note',

  'snapshot.error.columnsMissing': 'Required columns are missing: {columns}',
  'snapshot.error.empty': 'The file is empty.',
  'snapshot.error.patientNoMissing': 'No patient number',
  'snapshot.error.kindUnknown': 'Kind “{value}” is not アレルギー, 病名 or 処方',
  'snapshot.error.nameMissing': 'No name',
  'snapshot.error.dateInvalid': 'Date “{value}” cannot be read (e.g. 2025-10-20)',
  'snapshot.error.daysInvalid': 'Days “{value}” is not a number',
  'snapshot.error.notJson': 'The file cannot be read as JSON.',
  'snapshot.error.notBundle': 'This is not a FHIR Bundle (resourceType is not Bundle).',
  'snapshot.error.fhirShape': 'The {type} does not have the FHIR R4 shape',
  'snapshot.error.patientUnknown':
    'The patient it refers to ({ref}) is not in the Bundle or has no patient number',
  'snapshot.error.takenAt': 'Enter when it was exported (not in the future)',

  'snapshot.panel.title': 'Patient information (allergies, problems, prescriptions)',
  'snapshot.panel.lead':
    'Each line says where it comes from and its date. It predates the outage: check today’s state with the patient.',
  'snapshot.panel.allergies': 'Allergies',
  'snapshot.panel.problems': 'Problems',
  'snapshot.panel.prescriptions': 'Previous prescriptions',
  'snapshot.panel.notebook': 'Medicines in the お薬手帳',
  'snapshot.panel.none': 'None',
  'snapshot.panel.noRosterLink':
    'This arrival is not linked to a roster patient, so no clinical summary can be shown.',
  'snapshot.panel.noSnapshot': 'No clinical summary on this device (import one on the roster screen).',
  'snapshot.panel.notInSnapshot': 'The clinical summary has nothing for this patient.',
  'snapshot.panel.source.roster': 'roster',
  'snapshot.panel.source.snapshot': 'clinical summary (as of {asOf})',
  'snapshot.panel.source.memo': 'memo of {date}',
  'snapshot.panel.source.notebook': 'お薬手帳 {date} {pharmacy}',
  'snapshot.panel.do': 'Do (copy to prescription)',
  'snapshot.panel.doLabel': 'Copy the {n} prescription lines from {source} into this visit’s prescription',
  'snapshot.panel.done': '{n} lines copied into the prescription. You can still change them.',
  'snapshot.panel.loading': 'Loading…',
  'snapshot.purge.stays': 'The clinical summary: {n} patients (as of {asOf}, imported apart from any outage)',
  'snapshot.purge.none': 'No clinical summary',
  'snapshot.purge.where': 'Delete the clinical summary (roster screen)'
};
