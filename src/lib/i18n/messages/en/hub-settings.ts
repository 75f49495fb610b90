// English for the clinic hub's settings: every key the Japanese file defines (loaded only when English is chosen).
import type { ja } from '../hub-settings';

export const en: Record<keyof typeof ja, string> = {
  'hub.settings.title': 'Clinic hub (sharing between devices)',
  'hub.settings.lead':
    "Through the clinic's hub (CouchDB) reception, exam rooms and the cashier see the same records. Only encrypted records reach the hub, and when it stops this device keeps recording alone.",
  'hub.settings.url': 'Hub address',
  'hub.settings.urlHint': 'e.g. https://hub.example-clinic.jp/tebikae (under the app’s own address)',
  'hub.settings.user': 'Hub user name',
  'hub.settings.password': 'Hub password',
  'hub.settings.key': 'Clinic key',
  'hub.settings.keyHint':
    'One encryption key for the clinic: made on the first device, given to the others with the QR code of “Add a device”. It is never sent to the hub.',
  'hub.settings.newKey': 'Make the clinic key (first device)',
  'hub.settings.enabled': 'Use the hub on this device',
  'hub.settings.save': 'Save hub settings',
  'hub.settings.saved': 'Hub settings saved',
  'hub.pair.title': 'Connect another device',
  'hub.pair.warning':
    "Whoever has this code can read the clinic's records. Show it only to the device being connected; never photograph or print it.",
  'hub.pair.paste': 'Type the pairing code',
  'hub.pair.read': 'Read the pairing code',
  'hub.pair.loaded': 'Pairing code read. Check “Use the hub on this device” and save.',
  'hub.pair.notOurs': 'This is not a tebikae pairing code',
  'hub.error.url': 'Enter the hub address as https://… (up to the database name)',
  'hub.error.user': 'Enter the hub user name',
  'hub.error.clinicKey': 'The clinic key is not valid (43 characters)',
  'hub.error.locked': 'Cannot save while locked'
};
