// Message keys: the union of every domain catalogue's keys. Types only (and the one storage key below), so
// importing this loads no catalogue (each page imports the catalogues it shows; see messages/ and
// scripts/catalogues.mjs).
import type * as common from './messages/common';
import type * as outage from './messages/outage';
import type * as patients from './messages/patients';
import type * as reception from './messages/reception';
import type * as visits from './messages/visits';
import type * as billing from './messages/billing';
import type * as paper from './messages/paper';
import type * as recovery from './messages/recovery';
import type * as timeline from './messages/timeline';
import type * as settings from './messages/settings';
import type * as vault from './messages/vault';
import type * as vaultAdmin from './messages/vault-admin';
import type * as hub from './messages/hub';
import type * as hubSettings from './messages/hub-settings';
import type * as hubPairing from './messages/hub-pairing';
import type * as snapshot from './messages/snapshot';
import type * as rx from './messages/rx';
import type * as hubTeam from './messages/hub-team';

export type MessageKey =
  | keyof typeof common.ja
  | keyof typeof outage.ja
  | keyof typeof patients.ja
  | keyof typeof reception.ja
  | keyof typeof visits.ja
  | keyof typeof billing.ja
  | keyof typeof paper.ja
  | keyof typeof recovery.ja
  | keyof typeof timeline.ja
  | keyof typeof settings.ja
  | keyof typeof vault.ja
  | keyof typeof vaultAdmin.ja
  | keyof typeof hub.ja
  | keyof typeof hubSettings.ja
  | keyof typeof hubPairing.ja
  | keyof typeof snapshot.ja
  | keyof typeof rx.ja
  | keyof typeof hubTeam.ja;
export type Locale = 'ja' | 'en';
export type Messages = Record<MessageKey, string>;

/** localStorage: the language chosen ('en'; anything else is Japanese), read by the app and the early lock screen. */
export const LOCALE_STORAGE_KEY = 'tebikae.locale';
