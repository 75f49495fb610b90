// English for the clinic working as one through the hub: every key the Japanese file defines.
import type { ja } from '../hub-team';

export const en: Record<keyof typeof ja, string> = {
  'hub.purge.notice': 'Another device ({devices}) purged {outage}. Purge this device’s records too.',
  'hub.purge.outage': 'the outage from {from} “{reason}”',
  'hub.purge.open': 'Purge on this device',
  'hub.purgeCheck.title': 'The hub (the clinic’s server)',
  'hub.purgeCheck.lead':
    'Asks the hub itself how many records of this outage it still holds. The purge removes them from the hub too.',
  'hub.purgeCheck.left': 'Records left on the hub: {n}',
  'hub.purgeCheck.unreachable':
    'The hub cannot be reached, so this cannot be checked (check again once connected)',
  'hub.purgeCheck.checking': 'Asking the hub…',
  'hub.purgeCheck.again': 'Check again'
};
