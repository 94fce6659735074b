// The places module's text, one dictionary per feature in ./messages, joined here so that
// `usePlacesI18n().t` reads them all. Bokmål is the source: its keys define `PlacesKey`, and each
// feature's English dictionary must have exactly the same keys (a missing or extra key is a type
// error). `{name}` placeholders are filled in by `t(key, { name })`. The public pages are for
// citizens: short sentences, everyday words, «du».
import { commonEn, commonNb } from './messages/common.messages';
import { editingEn, editingNb } from './messages/editing.messages';
import { findEn, findNb } from './messages/find.messages';
import { importExportEn, importExportNb } from './messages/import-export.messages';
import { publicEn, publicNb } from './messages/public.messages';
import { staffEn, staffNb } from './messages/staff.messages';

export const placesNb = { ...commonNb, ...publicNb, ...findNb, ...editingNb, ...staffNb, ...importExportNb };

export type PlacesKey = keyof typeof placesNb;
export type PlacesMessages = Record<PlacesKey, string>;

export const placesEn: PlacesMessages = { ...commonEn, ...publicEn, ...findEn, ...editingEn, ...staffEn, ...importExportEn };
