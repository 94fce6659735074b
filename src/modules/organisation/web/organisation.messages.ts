// The organisation module's text, one dictionary per feature in ./messages, joined here so that
// `useOrgI18n().t` reads them all. Bokmål is the source: its keys define `OrgKey`, and each feature's
// English dictionary must have exactly the same keys (a missing or extra key is a type error).
// `{name}` placeholders are filled in by `t(key, { name })`. Terms follow the glossary.
import { analyticsEn, analyticsNb } from './messages/analytics.messages';
import { commonEn, commonNb } from './messages/common.messages';
import { overviewEn, overviewNb } from './messages/overview.messages';
import { recordsEn, recordsNb } from './messages/records.messages';
import { rulesEn, rulesNb } from './messages/rules.messages';
import { scenariosEn, scenariosNb } from './messages/scenarios.messages';
import { bulkEn, bulkNb } from './messages/bulk.messages';

export const orgNb = { ...commonNb, ...overviewNb, ...recordsNb, ...rulesNb, ...analyticsNb, ...scenariosNb, ...bulkNb };

export type OrgKey = keyof typeof orgNb;
export type OrgMessages = Record<OrgKey, string>;

export const orgEn: OrgMessages = { ...commonEn, ...overviewEn, ...recordsEn, ...rulesEn, ...analyticsEn, ...scenariosEn, ...bulkEn };
