import type { classifications, lineTypes, roleTypes, unitKinds } from '../organisation.schemas';

// The model's vocabularies as types (the schema file exports them as value lists).
export type UnitKind = (typeof unitKinds)[number];
export type Classification = (typeof classifications)[number];
export type RoleType = (typeof roleTypes)[number];
export type LineType = (typeof lineTypes)[number];
