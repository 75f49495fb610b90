// The message catalogue: Japanese (always loaded, the default) merged from every domain; MessageKey is its key set.
import * as common from './messages/common';
import * as outage from './messages/outage';
import * as patients from './messages/patients';
import * as reception from './messages/reception';
import * as visits from './messages/visits';
import * as billing from './messages/billing';
import * as paper from './messages/paper';
import * as recovery from './messages/recovery';
import * as settings from './messages/settings';
import * as vault from './messages/vault';

export const ja = {
  ...common.ja,
  ...outage.ja,
  ...patients.ja,
  ...reception.ja,
  ...visits.ja,
  ...billing.ja,
  ...paper.ja,
  ...recovery.ja,
  ...settings.ja,
  ...vault.ja
} as const;

export type MessageKey = keyof typeof ja;
export type Locale = 'ja' | 'en';
export type Messages = Record<MessageKey, string>;
