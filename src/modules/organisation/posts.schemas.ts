import { Type, type Static, type TSchema } from 'typebox';
import { IsoDate, RoleType, UnitKind } from './organisation.schemas.js';

// Shared between server and web: posts and FTE (stillinger og årsverk) per unit, the budgeted
// posts, and the vacancy list (issue 15).

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const PostsQuery = Type.Object(
  {
    date: Type.Optional(IsoDate),
    unit: Type.Optional(
      Type.String({ format: 'uuid', description: 'The area: this unit and everything under it (default: the whole organisation)' }),
    ),
  },
  { additionalProperties: false },
);
export type PostsQuery = Static<typeof PostsQuery>;

export const VacanciesQuery = Type.Object(
  {
    ...PostsQuery.properties,
    format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('xlsx')], { description: 'Download the whole list instead' })),
  },
  { additionalProperties: false },
);
export type VacanciesQuery = Static<typeof VacanciesQuery>;

export const PostFigures = Type.Object({
  /** Σ the budgeted FTE of the units that have one; null when none has. */
  budgetedFte: nullable(Type.Number()),
  unitsWithBudget: Type.Integer(),
  units: Type.Integer(),
  positions: Type.Integer(),
  /** Σ the positions' recorded FTE. */
  positionsFte: Type.Number(),
  positionsWithoutFte: Type.Integer({ description: 'Positions whose size no source states: not in positionsFte' }),
  /** Σ the FTE of the assignments on the date. */
  filledFte: Type.Number(),
  /** Σ over positions with a recorded FTE of what no assignment fills: max(0, position FTE − assigned FTE). */
  vacantFte: Type.Number(),
  vacantPositions: Type.Integer({ description: 'Positions nobody holds on the date' }),
});
export type PostFigures = Static<typeof PostFigures>;

export const UnitBudget = Type.Object({
  validFrom: IsoDate,
  validTo: nullable(IsoDate),
  budgetedFte: Type.Number(),
  source: Type.String(),
  note: nullable(Type.String()),
});
export type UnitBudget = Static<typeof UnitBudget>;

export const PostsUnitRow = Type.Object({
  unitId: Type.String(),
  name: Type.String(),
  level: Type.Integer(),
  kind: UnitKind,
  parentId: nullable(Type.String()),
  /** The unit's own budget on the date. */
  budget: nullable(UnitBudget),
  /** The unit's own positions. */
  own: PostFigures,
  /** The unit and everything under it. */
  subtree: PostFigures,
});
export type PostsUnitRow = Static<typeof PostsUnitRow>;

export const PostsResponse = Type.Object({
  date: IsoDate,
  /** The area asked for and the units above it (for a path); null for the whole organisation. */
  area: nullable(PostsUnitRow),
  areaPath: Type.Array(Type.Object({ unitId: Type.String(), name: Type.String() })),
  /** The units directly under the area (or the top units), each with its subtree's figures. */
  rows: Type.Array(PostsUnitRow),
  /** The area's (or the whole organisation's) figures. */
  totals: PostFigures,
});
export type PostsResponse = Static<typeof PostsResponse>;

export const Vacancy = Type.Object({
  positionId: Type.String(),
  title: Type.String(),
  roleType: RoleType,
  unitId: Type.String(),
  unitName: Type.String(),
  /** The units above, top first, ending with the unit itself. */
  unitPath: Type.Array(Type.String()),
  /** The position's size; null when no source states it. */
  fte: nullable(Type.Number()),
  costCentre: nullable(Type.String()),
  /** The day after the last assignment ended, or the position's first day when nobody ever held it. */
  vacantSince: IsoDate,
});
export type Vacancy = Static<typeof Vacancy>;

export const VacanciesResponse = Type.Object({
  date: IsoDate,
  area: nullable(Type.Object({ unitId: Type.String(), name: Type.String() })),
  total: Type.Integer({ description: 'Vacant positions in the area; items holds at most the first 500 (the download holds all)' }),
  totalFte: Type.Number({ description: 'Σ the recorded FTE of the vacant positions' }),
  withoutFte: Type.Integer({ description: 'Vacant positions whose size no source states' }),
  items: Type.Array(Vacancy),
});
export type VacanciesResponse = Static<typeof VacanciesResponse>;

export const UnitBudgets = Type.Object({
  unitId: Type.String(),
  revision: Type.Integer({ description: 'The unit’s revision: send it with a budget change' }),
  items: Type.Array(UnitBudget, { description: 'Every budget version, oldest first' }),
});
export type UnitBudgets = Static<typeof UnitBudgets>;

export const SetUnitBudgetBody = Type.Object(
  {
    revision: Type.Integer({ minimum: 1, description: 'The unit’s revision as read; a different one is refused as stale' }),
    validFrom: Type.String({ format: 'date', description: 'First day the budget holds, YYYY-MM-DD' }),
    budgetedFte: nullable(Type.Number({ minimum: 0, maximum: 100000, description: 'Budgeted FTE; null ends the budget from validFrom' })),
    source: Type.Optional(nullable(Type.String({ maxLength: 1000 }))),
    note: Type.Optional(nullable(Type.String({ maxLength: 4000 }))),
  },
  { additionalProperties: false },
);
export type SetUnitBudgetBody = Static<typeof SetUnitBudgetBody>;
