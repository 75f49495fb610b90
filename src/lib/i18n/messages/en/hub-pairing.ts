// English for pairing devices through the hub: every key the Japanese file defines (loaded only when English is chosen).
import type { ja } from '../hub-pairing';

export const en: Record<keyof typeof ja, string> = {
  'hub.admin.title': 'Hub administrator (adding and removing devices)',
  'hub.admin.lead':
    "Only on the device that adds and removes devices: enter the hub (CouchDB) administrator's name and password once. They are stored encrypted on this device.",
  'hub.admin.user': 'Administrator user name',
  'hub.admin.password': 'Administrator password',
  'hub.admin.save': 'Save administrator settings',
  'hub.admin.saved': 'Administrator settings saved',
  'hub.admin.set': 'Administrator settings are saved',
  'hub.admin.refused': "The hub did not accept the administrator's name or password",
  'hub.admin.unreachable': "The hub could not be reached. Check the hub's power and the clinic network",
  'hub.admin.missing': "The clinic's database is not on the hub (check the hub address)",
  'hub.add.start': 'Add a device',
  'hub.add.needAdmin': 'To add a device, first set the hub administrator',
  'hub.add.passcode': "This device's passcode",
  'hub.add.passcodeHint': 'The passcode is checked again before the pairing QR code is shown',
  'hub.add.confirm': 'Show the pairing QR code',
  'hub.add.cancel': 'Cancel',
  'hub.add.code': 'Pairing QR code',
  'hub.add.countdown': 'Hidden in {seconds} s',
  'hub.add.hidden': 'QR code hidden. The code can be used until {time}.',
  'hub.add.again': 'Show again',
  'hub.add.expired': 'This code has expired. Start again with “Add a device”.',
  'hub.devices.title': 'Connected devices',
  'hub.devices.load': 'Load the device list',
  'hub.devices.none': 'No device has been paired yet',
  'hub.devices.device': 'Device {label}',
  'hub.devices.notJoined': 'Device not connected yet ({user})',
  'hub.devices.remove': 'Remove this device from the hub',
  'hub.devices.confirm':
    '{name} will be removed from the hub and can no longer send or receive (nothing on that device is deleted).',
  'hub.devices.yes': 'Remove',
  'hub.devices.removed': '{name} was removed from the hub',
  'hub.join.title': 'Connect this device to the hub',
  'hub.join.scan': 'Scan the pairing QR code',
  'hub.join.aim': 'Point the camera at the QR code shown under “Add a device” on the other device',
  'hub.join.instead': 'Without a camera, paste the pairing code in the box below',
  'hub.join.working': 'Connecting to the hub…',
  'hub.join.joined':
    'Connected to the hub. The password was changed to one only this device knows, so the code read no longer works.',
  'hub.join.expired':
    'This pairing code has expired. Show a new one with “Add a device” on the managing device',
  'hub.join.otherClinic':
    "This code belongs to another clinic (this device already holds another clinic's key)",
  'hub.join.used': 'This pairing code has already been used or was revoked. Ask for a new one',
  'hub.join.unreachable': 'The hub could not be reached. Join the clinic network and scan again'
};
