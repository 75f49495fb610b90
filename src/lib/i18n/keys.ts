// The message catalogue: every domain's ja/en files merged; MessageKey is the set of keys Japanese defines.
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

export const catalogue = {
  ja: {
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
  },
  en: {
    ...common.en,
    ...outage.en,
    ...patients.en,
    ...reception.en,
    ...visits.en,
    ...billing.en,
    ...paper.en,
    ...recovery.en,
    ...settings.en,
    ...vault.en
  }
} as const;

export type MessageKey = keyof typeof catalogue.ja;
export type Locale = keyof typeof catalogue;
