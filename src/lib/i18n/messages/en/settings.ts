// English for the settings domain: every key the Japanese file defines (loaded only when English is chosen).
import type { ja } from '../settings';

export const en: Record<keyof typeof ja, string> = {
  'settings.title': 'Settings',
  'settings.clinic.title': 'Clinic',
  'settings.clinic.name': 'Clinic name',
  'settings.clinic.address': 'Address',
  'settings.clinic.phone': 'Phone',
  'settings.clinic.code': 'Medical institution code',
  'settings.clinic.departments': 'Departments (separated by 、)',
  'settings.clinic.presets': 'Deposit buttons (yen, separated by 、)',
  'settings.clinic.idle': 'Minutes until auto-lock',
  'settings.staff.title': 'Staff',
  'settings.staff.name': 'Name',
  'settings.staff.role': 'Role',
  'settings.staff.add': 'Add staff member',
  'settings.staff.remove': 'Remove {name}',
  'settings.staff.none': 'No staff registered yet',
  'settings.staff.now': 'Staff',
  'settings.role.reception': 'Reception',
  'settings.role.doctor': 'Doctor',
  'settings.role.nurse': 'Nurse',
  'settings.role.cashier': 'Cashier',
  'settings.role.manager': 'Office manager',
  'settings.device.title': 'This device',
  'settings.device.label': 'Device label (A, B, C…)',
  'settings.device.labelHint':
    'Prefixes queue numbers (A-001) and deposit slip numbers (A-0001). Use a different letter on each device.',
  'settings.device.short': 'Device {label}',
  'settings.storage.title': 'Storage on this device',
  'settings.saved': 'Settings saved',
  'settings.error.deviceLabel': 'Use one or two letters A–Z (e.g. A)',
  'settings.error.deviceLabelReserved':
    '{letters} number the paper forms and cannot be a device label (use A, B, C…)',
  'settings.error.clinicName': 'Enter the clinic name',
  'settings.error.institutionCode': 'The institution code has 7 or 10 digits',
  'settings.error.phone': 'Use digits and hyphens for the phone number',
  'settings.error.staffName': 'Enter a name',
  'settings.error.presets': 'Enter whole yen amounts above zero, separated by 、',
  'settings.error.idle': 'Enter 1 to 60 minutes'
};
