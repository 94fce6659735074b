import { Type, type Static } from 'typebox';
import { IsoDate } from './organisation.schemas.js';
import { RenameUnitChange, ScenarioCreateBody } from './scenarios.schemas.js';

// Shared between server and web: many units moved and/or renamed in one dated change, drafted as
// one scenario (one change per unit and kind) so the comparison, rules and approval handle it.

/** At most this many units in one bulk change: a reorganisation of a whole area, not the whole municipality. */
export const bulkChangeLimit = 200;

// The same key and name rules as a scenario's changes.
const UnitKey = RenameUnitChange.properties.unitKey;
const UnitName = RenameUnitChange.properties.name;

export const BulkChangeUnit = Type.Object(
  {
    unitKey: UnitKey,
    /** The unit's new name; left out (or the same) keeps its name. */
    name: Type.Optional(UnitName),
  },
  { additionalProperties: false },
);
export type BulkChangeUnit = Static<typeof BulkChangeUnit>;

export const BulkChangeBody = Type.Object(
  {
    name: ScenarioCreateBody.properties.name,
    description: ScenarioCreateBody.properties.description,
    effectiveDate: IsoDate,
    /** Every chosen unit moves under this unit; left out, none moves. */
    parentKey: Type.Optional(UnitKey),
    units: Type.Array(BulkChangeUnit, { minItems: 1, maxItems: bulkChangeLimit }),
  },
  { additionalProperties: false },
);
export type BulkChangeBody = Static<typeof BulkChangeBody>;

export const BulkChangeResult = Type.Object({
  id: Type.String({ description: 'The drafted scenario' }),
  name: Type.String(),
  effectiveDate: IsoDate,
  changeCount: Type.Integer(),
  revision: Type.Integer(),
});
export type BulkChangeResult = Static<typeof BulkChangeResult>;
