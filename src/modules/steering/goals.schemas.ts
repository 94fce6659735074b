import { Type, type Static } from 'typebox';
import { AreaRef, Id, nullable, Status, UnitRef } from './indicators.schemas.js';

// Contracts of the goals part (/api/steering/goals): the hierarchy with a red thread, community
// plan goals → area goals → unit goals, each owned by one or more units, with strategies and measures.

export const GoalLevel = Type.Union([Type.Literal('community'), Type.Literal('area'), Type.Literal('unit')]);
export type GoalLevel = Static<typeof GoalLevel>;

export const GoalInput = Type.Object(
  {
    level: GoalLevel,
    /** Must be a goal one level up: an area goal under a community goal, a unit goal under an area goal. */
    parentId: Type.Optional(nullable(Id)),
    title: Type.String({ minLength: 1, maxLength: 500 }),
    description: Type.Optional(nullable(Type.String({ maxLength: 4000 }))),
    strategies: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 1000 }), { maxItems: 50 })),
    areaCode: Type.Optional(nullable(Type.String({ maxLength: 16 }))),
    ownerUnitIds: Type.Array(Id, { minItems: 1, maxItems: 50 }),
    source: Type.Optional(nullable(Type.String({ maxLength: 1000 }))),
  },
  { additionalProperties: false },
);
export type GoalInput = Static<typeof GoalInput>;
export const UpdateGoal = Type.Object({ revision: Type.Integer({ minimum: 1 }), ...GoalInput.properties }, { additionalProperties: false });
export type UpdateGoal = Static<typeof UpdateGoal>;
export const DeactivateGoal = Type.Object({ revision: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

export const Goal = Type.Object({
  id: Id,
  key: nullable(Type.String()),
  parentId: nullable(Id),
  level: GoalLevel,
  title: Type.String(),
  description: nullable(Type.String()),
  strategies: Type.Array(Type.String()),
  area: nullable(AreaRef),
  owners: Type.Array(UnitRef),
  indicators: Type.Array(Type.Object({ key: Type.String(), name: Type.String(), status: Status })),
  source: nullable(Type.String()),
  synthetic: Type.Boolean(),
  revision: Type.Integer(),
});
export type Goal = Static<typeof Goal>;

/** The tree as a flat list in display order (parents before children); `depth` is 0 for roots. */
export const GoalTree = Type.Object({ goals: Type.Array(Type.Object({ ...Goal.properties, depth: Type.Integer() })) });
export type GoalTree = Static<typeof GoalTree>;
