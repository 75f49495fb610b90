// English for the clinic hub's state: every key the Japanese file defines (loaded only when English is chosen).
import type { ja } from '../hub';

export const en: Record<keyof typeof ja, string> = {
  'hub.status.connecting': 'Connecting to the hub…',
  'hub.status.connected': 'Connected',
  'hub.status.unreachable': 'Hub unreachable — recording on this device only',
  'hub.status.refused': 'The hub refused this device (check user name and password)',
  'hub.status.removed': 'Removed from the hub — recording on this device only',
  'hub.status.locked': 'Hub: nothing is sent or received while locked',
  'hub.status.unsent': '{n} not yet sent',
  'hub.conflicts.pill': '{n} differences to check'
};
