// All English messages in one chunk, loaded on demand when a user switches to English.
import type { Messages } from '../../keys';
import { en as common } from './common';
import { en as outage } from './outage';
import { en as patients } from './patients';
import { en as reception } from './reception';
import { en as visits } from './visits';
import { en as billing } from './billing';
import { en as paper } from './paper';
import { en as recovery } from './recovery';
import { en as timeline } from './timeline';
import { en as settings } from './settings';
import { en as vault } from './vault';
import { en as vaultAdmin } from './vault-admin';
import { en as hub } from './hub';
import { en as hubSettings } from './hub-settings';
import { en as hubPairing } from './hub-pairing';
import { en as snapshot } from './snapshot';
import { en as rx } from './rx';
import { en as hubTeam } from './hub-team';

export const en: Messages = {
  ...common,
  ...outage,
  ...patients,
  ...reception,
  ...visits,
  ...billing,
  ...paper,
  ...recovery,
  ...timeline,
  ...settings,
  ...vault,
  ...vaultAdmin,
  ...hub,
  ...hubSettings,
  ...hubPairing,
  ...snapshot,
  ...rx,
  ...hubTeam
};
