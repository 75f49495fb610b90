// English for the 院外処方箋 printout: every key the Japanese file defines (loaded only when English is chosen).
import type { ja } from '../rx';

export const en: Record<keyof typeof ja, string> = {
  'rx.print': 'Print outpatient prescription',
  'rx.heading': 'Outpatient prescription',
  'rx.lead':
    'Puts the {count} outside-pharmacy lines on a prescription. Printing gives it a number and records it.',
  'rx.paper': 'Paper',
  'rx.paper.a5': 'A5 (standard)',
  'rx.paper.a4': 'A4',
  'rx.validUntil': 'Valid until (blank: 4 days including the day of issue)',
  'rx.refills': 'Refills allowed (times)',
  'rx.refills.none': 'None',
  'rx.refills.count': '{count} times',
  'rx.split': 'Split dispensing (times, 0 for none)',
  'rx.remarks': 'Remarks',
  'rx.cannotPrint': 'The prescription cannot be printed. Please enter:',
  'rx.missing.lines': 'No outside-pharmacy prescription line (drug name)',
  'rx.missing.insurer': 'No insurer number (or public payer number) on the arrival',
  'rx.invalid.insurer': 'Insurer number "{value}" is not 6 or 8 digits',
  'rx.missing.doctor': "The memo has no prescribing doctor's name",
  'rx.missing.clinicCode': 'Settings have no 10-digit medical institution code',
  'rx.missing.clinicAddress': 'Settings have no clinic name and address',
  'rx.missing.patient': 'The arrival has no patient name or birth date',
  'rx.missing.copay':
    'No copay rate on the arrival (the prescription’s 2D symbol needs it for patients aged 70 and over and for 後期高齢者; choose it in the insurance fields at reception)',
  'rx.missing.sex':
    "Reception has not recorded the patient's sex as male or female (the prescription's 2D symbol can record only those); correct it under 詳細・修正 at reception",
  'rx.missing.usage': 'Rp{rp} ({drug}) has no usage (how to take it)',
  'rx.invalid.dose':
    'Rp{rp} ({drug}): write the dose "{value}" as an amount and a unit only (e.g. 3錠, 0.5g); put the rest in the usage',
  'rx.invalid.doseDays':
    'Rp{rp} ({drug}): the dose "{value}" is one dose; give the days (or times), or it reads as the whole amount',
  'rx.invalid.doseTimes':
    'Rp{rp} ({drug}): the dose "{value}" is one dose; say how many times a day in the usage (e.g. 1日3回) so the daily amount can be written',
  'rx.invalid.days': 'Rp{rp} ({drug}): write the days or times "{value}" as a number (e.g. 14, 14日分, 5回)',
  'rx.line.usage': 'An outside prescription needs the usage (e.g. 1日1回 朝食後)',
  'rx.line.dose':
    'On an outside prescription write the dose as an amount and a unit (for 内服 the daily amount, 3錠, or one dose, 1回1錠); put the rest in the usage',
  'rx.line.doseDays':
    'For a dose written per time, give the days (or times) too: without them the dose is the whole amount',
  'rx.line.doseTimes':
    'For a dose written per time, say how many times a day in the usage (e.g. 1日3回 毎食後, 分3)',
  'rx.line.days': 'Write the days or times as a number (e.g. 14, 14日分, 5回)',
  'rx.tooLong.field':
    '{name} is too long for the 2D symbol (at most {max} full-width or {bytes} half-width characters)',
  'rx.invalid.split': 'Split dispensing must be a number from 0 to 9',
  'rx.tooLong':
    'The prescription is too long for the 2D symbols (16 at most). Split it over two prescriptions.',
  'rx.serialFailed': 'The prescription number could not be recorded ({detail})',
  'rx.printed': 'Prescription {serial} made ({symbols} 2D symbols)'
};
