// English for the patients domain: every key the Japanese file defines (loaded only when English is chosen).
import type { ja } from '../patients';

export const en: Record<keyof typeof ja, string> = {
  'patients.title': 'Patient roster',

  'patients.field.patientNo': 'Patient No.',
  'patients.field.name': 'Name',
  'patients.field.kana': 'Name (kana)',
  'patients.field.birthDate': 'Date of birth',
  'patients.field.sex': 'Sex',
  'patients.field.insurerNo': 'Insurer No.',
  'patients.field.cardSymbol': 'Card symbol',
  'patients.field.cardNumber': 'Card number',
  'patients.field.branch': 'Branch No.',
  'patients.field.copayRate': 'Copay rate',
  'patients.field.address': 'Address',
  'patients.field.phone': 'Phone',
  'patients.field.allergies': 'Allergies',
  'patients.field.publicPayerNo': 'Public payer No.',
  'patients.field.recipientNo': 'Recipient No.',

  'patients.sex.M': 'Male',
  'patients.sex.F': 'Female',
  'patients.sex.O': 'Other',
  'patients.sex.unknown': 'Unknown',
  'patients.copayRate.value': '{rate}0%',
  'patients.copayRate.unknown': 'Unknown',
  'patients.age': '{age} y',

  'patients.lead': 'The EHR patient roster imported on this device. Reception’s patient search uses it.',
  'patients.birthDate.withWareki': '{date} ({wareki})',

  'patients.picker.label': 'Patient search',
  'patients.picker.hint': 'Patient No., kana, name or date of birth',
  'patients.picker.noRoster': 'No roster has been imported',
  'patients.picker.toRoster': 'Import the roster',
  'patients.picker.loading': 'Loading the roster…',
  'patients.picker.loadFailed': 'Could not load the roster. Reload the page',
  'patients.picker.count': '{count} found',
  'patients.picker.countCapped': 'Showing {shown} ({more} more)',
  'patients.picker.results': 'Search results',

  'patients.status.title': 'Roster on this device',
  'patients.status.fileName': 'File: {name}',
  'patients.status.lastReport': 'Report of the last import',

  'patients.import.fileLabel': 'CSV file',
  'patients.import.step.file': '1. Choose the file',
  'patients.import.step.mapping': '2. Check the columns',
  'patients.import.step.preview': '3. Check how rows will be imported',
  'patients.import.step.run': '4. Enter when the roster was exported, and import',
  'patients.import.reading': 'Reading the file…',
  'patients.import.readFailed': 'Could not read the file ({detail}). Choose it again',
  'patients.import.fileSummary': '{file}: {rows} rows, {columns} columns',
  'patients.import.previewHelp': 'The first {count} rows, as they will be imported',
  'patients.import.previewRejected': 'Cannot import: {reason}',
  'patients.import.rowHeader': 'Row',
  'patients.import.mappingFix': 'The columns need fixing: see the items marked in red',
  'patients.import.kanaUnmapped': 'No column is chosen for the kana: patients cannot be found by kana',
  'patients.import.takenAt': 'Roster as of (when it was exported from the EHR)',
  'patients.import.takenAtHint':
    'This is the file’s modified time. Correct it if the export was made at another time',
  'patients.import.error.takenAtInvalid': 'Enter a date and time',
  'patients.import.error.takenAtFuture': 'The roster cannot be from the future',
  'patients.import.error.utf16':
    'This file is saved as UTF-16 (Unicode text), which cannot be read. Export it again from the EHR as UTF-8 or Shift_JIS (CP932), or open it in Excel and save it as “CSV UTF-8 (comma delimited)”, then choose it',
  'patients.import.error.excel':
    'This is an Excel workbook (.xlsx / .xls), not a CSV. Open it in Excel and save it as “CSV UTF-8 (comma delimited)”, or choose the CSV exported from the EHR',
  'patients.import.error.mixedBom':
    'This file starts with a UTF-8 mark (BOM) but its contents are in another encoding such as Shift_JIS (mixed encodings). It cannot be read correctly and is not imported. Export it again from the EHR as UTF-8 or Shift_JIS (CP932), or save it from Excel as “CSV UTF-8 (comma delimited)”',
  'patients.import.error.mixed':
    'This file mixes UTF-8 text with text in another encoding such as Shift_JIS. It cannot be read correctly and is not imported. Export it again from the EHR as UTF-8 or Shift_JIS (CP932), or save it from Excel as “CSV UTF-8 (comma delimited)”',
  'patients.import.checking': 'Checking each row…',
  'patients.import.quote.title': 'The file’s quotes (") are broken',
  'patients.import.quote.unclosed':
    'Row {row}, column {column} ({header}): a quote (") opens and never closes. The {lines} lines from there to the end of the file ended up inside this one cell and cannot be imported',
  'patients.import.quote.unclosedLast':
    'Row {row}, column {column} ({header}): a quote (") is never closed. This row cannot be imported',
  'patients.import.quote.runaway':
    'Row {row}, column {column} ({header}): a quote (") stays open for {lines} lines. Those {lines} lines ended up inside this one cell and cannot be imported',
  'patients.import.quote.fix':
    'Imported as it is, these rows will be missing from the roster. Export the file again from the EHR, or fix the " on that row and choose the file again',
  'patients.import.confirm.title': 'Replace the roster with this file?',
  'patients.import.confirm.lead':
    'This file may be damaged. Replacing removes the current roster, and it cannot be brought back.',
  'patients.import.confirm.counts': 'Current roster {current} patients → new file {next} patients',
  'patients.import.confirm.dropped':
    'The new file has {next} patients, less than half of the current roster ({current}). Check that the export was not cut short or filtered',
  'patients.import.confirm.replace': 'Replace with this file',
  'patients.import.confirm.keep': 'Cancel (keep the current roster)',
  'patients.import.declined': 'Import cancelled. The current roster ({count} patients) is unchanged',
  'patients.import.saving': 'Saving… {done} / {total} patients',
  'patients.import.progress': 'Import progress',
  'patients.import.nothing': 'No row could be imported. The current roster is unchanged',
  'patients.import.doneTakenAt': 'This roster is as of {when}',
  'patients.import.replaced': 'Replaced the previous roster ({count} patients)',
  'patients.import.listCapped': '{count} more',
  'patients.import.another': 'Choose another file',
  'patients.import.failed': 'Could not save the roster. The current roster is unchanged. {reason}',

  'patients.try.title': 'Find a patient in the roster',
  'patients.try.lead': 'Try here whether patients can be found in the imported roster',
  'patients.details.title': 'Roster details (read-only)',
  'patients.details.insurance': 'Insurance',
  'patients.details.blank': '(not given)',

  'patients.delete.title': 'Delete the roster',
  'patients.delete.lead':
    'This deletes the roster ({count} patients) from this device. Reception, visit memo and billing records stay. Import the roster again when you need it.',
  'patients.delete.open': 'Delete the roster…',
  'patients.delete.confirmLabel': 'To confirm, type “{word}”',
  'patients.delete.word': 'delete',
  'patients.delete.confirm': 'Delete the roster',
  'patients.delete.done': 'The roster was deleted',

  'patients.snapshot.takenAt': 'Roster as of {when}',
  'patients.snapshot.importedAt': 'Imported {when}',
  'patients.snapshot.count': '{count} patients',
  'patients.snapshot.none': 'No roster has been imported yet',
  'patients.encoding.UTF-8': 'UTF-8',
  'patients.encoding.UTF-8-BOM': 'UTF-8 (with BOM)',
  'patients.encoding.SJIS': 'Shift_JIS',

  'patients.import.title': 'Import roster',
  'patients.import.chooseFile': 'Choose the CSV file exported from the EHR',
  'patients.import.detectedEncoding': 'Encoding: {encoding}',
  'patients.import.mapping': 'Columns',
  'patients.import.mappingHelp': 'Check which column of the file holds each item',
  'patients.import.column': 'Column {column}: {header}',
  'patients.import.noColumn': '(none)',
  'patients.import.preview': 'Check before import',
  'patients.import.run': 'Import',
  'patients.import.replaces': 'This replaces the current roster ({count} patients)',
  'patients.import.imported': 'Imported {count} patients',
  'patients.import.rejected': '{count} rows could not be imported',
  'patients.import.warnings': '{count} things to check',
  'patients.import.row': 'Row {row}',
  'patients.import.noRows': 'The file has no data rows',

  'patients.search.label': 'Find a patient',
  'patients.search.hint': 'Patient No., kana, name or date of birth (e.g. S55.1.2)',
  'patients.search.none': 'No matching patient',
  'patients.search.more': 'Showing {shown} ({more} more). Add to the search to narrow it',
  'patients.search.by.patientNo': 'Matched on patient No.',
  'patients.search.by.birthDate': 'Matched on date of birth',
  'patients.search.by.kana': 'Matched on kana',
  'patients.search.by.givenKana': 'Matched on given name (kana)',
  'patients.search.by.name': 'Matched on name',

  'patients.duplicates.title': 'This patient may already be on the roster',
  'patients.duplicates.body':
    '{count} patients have the same name (or kana), date of birth and sex. Check them before registering a new one.',
  'patients.duplicates.useExisting': 'Receive this patient',
  'patients.duplicates.registerAnyway': 'Register as a different person',

  'patients.error.invalidRecord': 'The patient record is malformed ({path})',
  'patients.error.patientNoMissing': 'Patient No. is missing',
  'patients.error.nameMissing': 'Name is missing',
  'patients.error.kanaNotKatakana': 'Enter the kana in full-width katakana',
  'patients.error.birthDateMissing': 'Date of birth is missing',
  'patients.error.birthDateFormat':
    'Cannot read “{input}” as a date of birth (e.g. 1980/1/2, S55.1.2, 昭和55年1月2日)',
  'patients.error.birthDateImpossible': 'Date of birth “{input}” does not exist',
  'patients.error.birthDateOutsideEra': 'Date of birth “{input}”: {era} runs from {first} to {last}',
  'patients.error.birthDateTooEarly': 'Date of birth “{input}” is before the Meiji era',
  'patients.error.birthDateFuture': 'Date of birth “{input}” is in the future',
  'patients.error.duplicatePatientNo':
    'Patient No. {patientNo} is also on row {firstRow} (that row was imported)',
  'patients.error.insurerNoDigits':
    'Insurer No. “{input}” must be 6 digits (National Health Insurance) or 8 digits',
  'patients.error.insurerNoPrefecture': 'Insurer No. {input} has a prefecture code outside 01–47',
  'patients.error.insurerNoCheckDigit':
    'The check digit (last digit) of insurer No. {input} does not match. Check the insurance card',
  'patients.warning.insurerLawCode':
    'The first two digits “{code}” of insurer No. {input} are not a health insurance scheme code. Is it a public payer number? Check the card (it can still be registered as it is)',
  'patients.error.publicPayerNoDigits': 'Public payer No. “{input}” must be 8 digits',
  'patients.error.publicPayerNoPrefecture': 'Public payer No. {input} has a prefecture code outside 01–47',
  'patients.error.publicPayerNoCheckDigit':
    'The check digit (last digit) of public payer No. {input} does not match',
  'patients.error.recipientNoDigits':
    'Recipient No. “{input}” must be 7 digits (a local public expense program may use 8 or more)',
  'patients.warning.recipientNoLength':
    'Recipient No. {input} has {n} digits, not 7. For a local (prefectural or municipal) public expense program, it can stay as it is',
  'patients.error.recipientNoCheckDigit':
    'The check digit (last digit) of recipient No. {input} does not match',
  'patients.error.mappingMissing.patientNo': 'Choose the column with the patient No.',
  'patients.error.mappingMissing.name': 'Choose the column with the name',
  'patients.error.mappingMissing.birthDate': 'Choose the column with the date of birth',
  'patients.error.mappingColumnMissing': 'Column {column} is not in the file',
  'patients.error.mappingColumnTwice': 'Column {column} is chosen for two items',

  'patients.warning.nameTooLong':
    'Name is {length} characters long, more than the {max} reception accepts (“{value}”). Imported cut to its first {max} characters',
  'patients.warning.kanaNotKatakana':
    'Kana “{value}” has characters other than katakana. Imported as is; reception will ask for it to be corrected when this patient is picked',
  'patients.warning.birthDateFuture':
    'Date of birth “{input}” is in the future. Imported as is; reception will ask for it to be corrected',
  'patients.warning.birthDateTooEarly':
    'Date of birth “{input}” is before 1900. Imported as is; reception will ask for it to be corrected',
  'patients.warning.cardSymbolTooLong':
    'Card symbol is {length} characters long, more than the {max} reception accepts (“{value}”). Imported as is; reception will ask for it to be corrected',
  'patients.warning.cardNumberTooLong':
    'Card number is {length} characters long, more than the {max} reception accepts (“{value}”). Imported as is; reception will ask for it to be corrected',
  'patients.warning.branchInvalid':
    'Branch No. “{value}” is not two digits. Imported as is; reception will ask for it to be corrected',
  'patients.warning.phoneInvalid':
    'Phone “{value}” is not a phone number (6 to 20 digits, hyphens and the like). Imported as is; reception will ask for it to be corrected or cleared',
  'patients.warning.sexUnknown': 'Cannot read sex “{value}”; imported as unknown',
  'patients.warning.copayUnknown': 'Cannot read copay rate “{value}”; imported as unknown',
  'patients.warning.insurerNoZeroRestored':
    'Insurer No. “{value}” had lost its leading 0; imported as {restored}'
};
