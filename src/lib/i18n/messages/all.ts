// Every Japanese catalogue at once, for unit tests and the bench page. The app never imports this: its
// pages import the catalogues they show, so a screen loads only its own (scripts/catalogues.mjs).
import type { Messages } from '../keys';
import { ja as common } from './common';
import { ja as outage } from './outage';
import { ja as patients } from './patients';
import { ja as reception } from './reception';
import { ja as visits } from './visits';
import { ja as billing } from './billing';
import { ja as paper } from './paper';
import { ja as recovery } from './recovery';
import { ja as timeline } from './timeline';
import { ja as settings } from './settings';
import { ja as vault } from './vault';
import { ja as vaultAdmin } from './vault-admin';
import { ja as hub } from './hub';
import { ja as hubSettings } from './hub-settings';
import { ja as hubPairing } from './hub-pairing';
import { ja as snapshot } from './snapshot';
import { ja as rx } from './rx';
import { ja as hubTeam } from './hub-team';

export const ja: Messages = {
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
