// English for the vault domain: every key the Japanese file defines (loaded only when English is chosen).
import type { ja } from '../vault';

export const en: Record<keyof typeof ja, string> = {
  'vault.title': 'Protecting patient data',
  'vault.checking': 'Checking…',
  'vault.retry': 'Check again',
  'vault.field.passcode': 'Passcode',
  'vault.field.newPasscode': 'New passcode',
  'vault.field.confirm': 'Passcode (again)',
  'vault.field.current': 'Current passcode',
  'vault.field.recoveryCode': 'Recovery code',
  'vault.passcode.hint': 'At least {min} characters. Digits only is fine; letters too.',
  'vault.passcode.tooShort': 'Use at least {min} characters.',
  'vault.passcode.mismatch': 'The two passcodes differ. Type them again.',
  'vault.setup.title': 'Protect patient data on this device',
  'vault.setup.evicted':
    "If this device was connected to the clinic's hub, choose a new passcode and connect it again: the clinic's records come back from the hub. Records that were never shared must be entered again from the paper copies and exported files.",
  'vault.setup.intro':
    'Reception entries and visit memos are stored encrypted on this device. Opening the app will need a passcode.',
  'vault.setup.who':
    'Everyone who uses this device shares one passcode. The person in charge (director or office manager) chooses it and tells staff in person.',
  'vault.setup.warning':
    'Important: if the passcode is forgotten and the recovery code is lost too, the data on this device can never be read again (not even by the developers).',
  'vault.setup.submit': 'Set the passcode',
  'vault.setup.working': 'Making the key… (a few seconds)',
  'vault.setup.exists': 'This device is already set up. Reload the page.',
  'vault.recovery.title': 'Recovery code',
  'vault.recovery.explain':
    'Use this code if the passcode is forgotten. Write it down or print it, and keep it locked away, apart from the device (the director or office manager keeps it). Once this screen is closed it is never shown again.',
  'vault.recovery.sheetTitle': 'Tebikae recovery code',
  'vault.recovery.sheetMade': 'Made: {date}',
  'vault.recovery.changedNotice':
    'Unlocked with the recovery code and the passcode was replaced. Tell everyone who uses this device the new passcode in person (do not write it on a note stuck to the device).',
  'vault.recovery.sheetFor': 'Clinic: {clinic}   Device: {device}',
  'vault.recovery.sheetNote': 'Keep this sheet locked away, apart from the device.',
  'vault.recovery.print': 'Print the recovery code',
  'vault.recovery.written': 'I have written down (or printed) the recovery code',
  'vault.recovery.done': 'Start using tebikae',
  'vault.recovery.wrong': 'Wrong recovery code (attempt {failures}).',
  'vault.recovery.format': 'A recovery code is 24 letters and digits (hyphens and spaces may be left out).',
  'vault.recovery.intro':
    'Enter the recovery code and a new passcode. The app unlocks and switches to the new passcode.',
  'vault.recovery.submit': 'Unlock with the recovery code and set the passcode',
  'vault.lock.title': 'Locked',
  'vault.lock.explain': 'Enter the passcode. Anything you were typing is still there.',
  'vault.lock.unlock': 'Unlock',
  'vault.lock.working': 'Checking…',
  'vault.lock.keypad': 'Number keys',
  'vault.lock.backspace': 'Delete one character',
  'vault.lock.clearAll': 'Clear',
  'vault.lock.failures': 'Wrong attempts: {count}',
  'vault.lock.waitFor': 'Next try in {time}',
  'vault.boot.stuck': 'The app is not ready. Reload the page (then type the passcode again).',
  'vault.boot.reload': 'Reload',
  'vault.lock.useRecovery': 'Forgot the passcode (use the recovery code)',
  'vault.lock.usePasscode': 'Unlock with the passcode',
  'vault.lock.forgotBoth': 'Lost both the passcode and the recovery code',
  'vault.lock.now': 'Lock',
  'vault.lock.nowLabel': 'Lock the screen (the passcode reopens it)',
  'vault.time.seconds': '{s} s',
  'vault.time.minutes': '{m} min {s} s',
  'vault.unlock.wrong': 'Wrong passcode (attempt {failures}).',
  'vault.unlock.waiting': 'Too many wrong attempts: wait {seconds} seconds, then try again.',
  'vault.erase.title': 'Erase this device’s data and start again',
  'vault.erase.explain':
    'Without the passcode or the recovery code the data on this device cannot be read. Erasing cannot be undone. Other devices and paper copies are not affected.',
  'vault.erase.confirmLabel': 'To confirm, type 消去',
  'vault.erase.confirmWord': '消去',
  'vault.erase.submit': 'Erase the data on this device',
  'vault.erase.mismatch': 'Type 消去 to confirm.',
  'vault.error.noKeyring': 'This device’s key is missing. Reload the page.',
  'vault.error.locked':
    'Locked, so this could not be saved. Your input is still on screen and is saved after unlocking.',
  'vault.error.integrity':
    'Some stored data cannot be read (changed, or written under another key). Call the administrator.'
};
