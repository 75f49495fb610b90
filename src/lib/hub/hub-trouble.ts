// What the managing device says when the hub refuses its admin, lacks the database, or is out of reach.
import type { MessageKey } from '../i18n/keys';
import type { HubTrouble } from './hub-admin';

export const troubleKeys: Record<HubTrouble, MessageKey> = {
  refused: 'hub.admin.refused',
  missing: 'hub.admin.missing',
  unreachable: 'hub.admin.unreachable'
};
