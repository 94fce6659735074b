import { Type, type Static, type TSchema } from 'typebox';

// Shared between server and web: the intake form, the portfolio overview, one initiative with its
// history, edits, merges and the roadmap.

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Id = Type.String({ format: 'uuid' });
const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'A month, YYYY-MM' });

export const initiativeCategories = ['mandated', 'strategy', 'efficiency', 'quality', 'innovation'] as const;
export const InitiativeCategory = Type.Enum(initiativeCategories);
export type InitiativeCategory = Static<typeof InitiativeCategory>;
export const initiativeSizes = ['small', 'medium', 'large'] as const;
export const InitiativeSize = Type.Enum(initiativeSizes);
export type InitiativeSize = Static<typeof InitiativeSize>;
export const initiativePhases = ['idea', 'concept', 'planning', 'execution', 'closing', 'realisation'] as const;
export const InitiativePhase = Type.Enum(initiativePhases);
export type InitiativePhase = Static<typeof InitiativePhase>;
export const initiativeStates = ['active', 'paused', 'stopped', 'merged', 'done'] as const;
export const InitiativeState = Type.Enum(initiativeStates);
export type InitiativeState = Static<typeof InitiativeState>;
export const TrafficLight = Type.Union([Type.Literal('green'), Type.Literal('yellow'), Type.Literal('red')]);
export type TrafficLight = Static<typeof TrafficLight>;

/** «INI-12», «ini-12», «12» or the id. */
export const InitiativeParams = Type.Object({ ref: Type.String({ minLength: 1, maxLength: 60 }) });

/** The intake form (also what an edit sends, with the revision read). */
export const InitiativeFields = Type.Object({
  title: Type.String({ maxLength: 200 }),
  problem: Type.String({ maxLength: 5000 }),
  need: Type.String({ maxLength: 5000 }),
  beneficiaries: Type.String({ maxLength: 2000 }),
  ownerUnitId: Type.String({ maxLength: 60 }),
  digitalAgentId: Type.Optional(nullable(Type.String({ maxLength: 60 }))),
  category: InitiativeCategory,
  size: InitiativeSize,
  estimatedCost: Type.Number({ minimum: 0, maximum: 1e12 }),
  estimatedMonths: Type.Optional(nullable(Type.Integer({ minimum: 1, maximum: 120 }))),
  plannedStart: Type.Optional(nullable(Month)),
  plannedEnd: Type.Optional(nullable(Month)),
  architectureNotes: Type.Optional(Type.String({ maxLength: 5000 })),
  personalData: Type.Boolean(),
  dpiaNeeded: Type.Optional(nullable(Type.Boolean())),
  privacyNotes: Type.Optional(Type.String({ maxLength: 5000 })),
  goalIds: Type.Array(Type.String({ maxLength: 60 }), { maxItems: 50 }),
  decisionIds: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 50 })),
});
export type InitiativeFields = Static<typeof InitiativeFields>;

export const ProposeInitiativeBody = Type.Object(InitiativeFields.properties, { additionalProperties: false });
export type ProposeInitiativeBody = Static<typeof ProposeInitiativeBody>;

export const EditInitiativeBody = Type.Object(
  { ...InitiativeFields.properties, revision: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export type EditInitiativeBody = Static<typeof EditInitiativeBody>;

export const MergeInitiativeBody = Type.Object(
  {
    into: Type.String({ minLength: 1, maxLength: 60, description: 'The initiative to keep (number, «INI-12» or id)' }),
    rationale: Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S' }),
    revision: Type.Integer({ minimum: 1, description: 'The revision of the initiative merged away, as read' }),
  },
  { additionalProperties: false },
);
export type MergeInitiativeBody = Static<typeof MergeInitiativeBody>;

const Named = Type.Object({ id: Type.String(), name: Type.String() });
/** A unit to choose; the parent's id gives the picker each unit's path, so two of the same name differ. */
export const UnitOption = Type.Object({
  id: Type.String(),
  name: Type.String(),
  level: Type.Integer(),
  parentId: Type.Union([Type.String(), Type.Null()]),
});
export type UnitOption = Static<typeof UnitOption>;

export const InitiativeOptions = Type.Object({
  units: Type.Array(UnitOption),
  /** The kommunalsjef/director areas (level 2), for the overview's area filter. */
  areas: Type.Array(UnitOption),
  users: Type.Array(Type.Object({ id: Type.String(), displayName: Type.String() })),
  goals: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), level: Type.String(), parentId: nullable(Type.String()) })),
  decisions: Type.Array(Type.Object({ id: Type.String(), caseNumber: Type.String(), title: Type.String(), meetingDate: Type.String() })),
  categories: Type.Array(InitiativeCategory),
  sizes: Type.Array(InitiativeSize),
  phases: Type.Array(InitiativePhase),
  states: Type.Array(InitiativeState),
});
export type InitiativeOptions = Static<typeof InitiativeOptions>;

export const Lights = Type.Object({
  period: Type.String(),
  scope: TrafficLight,
  time: TrafficLight,
  cost: TrafficLight,
  benefits: TrafficLight,
});
export type Lights = Static<typeof Lights>;

/** The overview's filters (also the export's). */
export const OverviewQuery = Type.Object({
  area: Type.Optional(Id),
  phase: Type.Optional(InitiativePhase),
  state: Type.Optional(InitiativeState),
  owner: Type.Optional(Id),
  agent: Type.Optional(Id),
  goal: Type.Optional(Id),
  decision: Type.Optional(Id),
  category: Type.Optional(InitiativeCategory),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});
export type OverviewQuery = Static<typeof OverviewQuery>;

export const ExportQuery = Type.Object({ ...OverviewQuery.properties, format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]) });
export type ExportQuery = Static<typeof ExportQuery>;

export const OverviewRow = Type.Object({
  id: Type.String(),
  number: Type.Integer(),
  title: Type.String(),
  ownerUnit: Named,
  area: nullable(Named),
  digitalAgent: nullable(Type.Object({ id: Type.String(), displayName: Type.String() })),
  category: InitiativeCategory,
  size: InitiativeSize,
  phase: InitiativePhase,
  state: InitiativeState,
  estimatedCost: Type.Number(),
  plannedStart: nullable(Type.String()),
  plannedEnd: nullable(Type.String()),
  lights: nullable(Lights),
});
export type OverviewRow = Static<typeof OverviewRow>;

export const Overview = Type.Object({
  rows: Type.Array(OverviewRow),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  /** Per phase, for the filtered set without the phase filter (so the summary shows the spread). */
  phaseCounts: Type.Array(Type.Object({ phase: InitiativePhase, count: Type.Integer() })),
});
export type Overview = Static<typeof Overview>;

const Ref = Type.Object({ id: Type.String(), number: Type.Integer(), title: Type.String() });
export type InitiativeRef = Static<typeof Ref>;

export const InitiativeEvent = Type.Object({
  id: Type.String(),
  type: Type.String(),
  data: Type.Record(Type.String(), Type.Unknown()),
  actorName: nullable(Type.String()),
  occurredAt: Type.String(),
  /** Set when the event was carried over from an initiative merged into this one. */
  fromInitiative: nullable(Ref),
});
export type InitiativeEvent = Static<typeof InitiativeEvent>;

export const InitiativeDetail = Type.Object({
  id: Type.String(),
  number: Type.Integer(),
  title: Type.String(),
  problem: Type.String(),
  need: Type.String(),
  beneficiaries: Type.String(),
  ownerUnit: Named,
  area: nullable(Named),
  digitalAgent: nullable(Type.Object({ id: Type.String(), displayName: Type.String() })),
  category: InitiativeCategory,
  size: InitiativeSize,
  estimatedCost: Type.Number(),
  estimatedMonths: nullable(Type.Integer()),
  plannedStart: nullable(Type.String()),
  plannedEnd: nullable(Type.String()),
  architectureNotes: Type.String(),
  personalData: Type.Boolean(),
  dpiaNeeded: nullable(Type.Boolean()),
  privacyNotes: Type.String(),
  phase: InitiativePhase,
  state: InitiativeState,
  mergedInto: nullable(Ref),
  mergedFrom: Type.Array(Ref),
  proposedBy: Type.Object({ id: Type.String(), displayName: Type.String() }),
  proposedAt: Type.String(),
  synthetic: Type.Boolean(),
  revision: Type.Integer(),
  goals: Type.Array(Type.Object({ id: Type.String(), title: Type.String() })),
  decisions: Type.Array(Type.Object({ id: Type.String(), caseNumber: Type.String(), title: Type.String(), meetingDate: Type.String() })),
  lights: nullable(Lights),
  history: Type.Array(InitiativeEvent),
  mayEdit: Type.Boolean(),
  mayMerge: Type.Boolean(),
});
export type InitiativeDetail = Static<typeof InitiativeDetail>;

export const RoadmapQuery = Type.Object({
  area: Type.Optional(Id),
  phase: Type.Optional(InitiativePhase),
});
export type RoadmapQuery = Static<typeof RoadmapQuery>;

export const Roadmap = Type.Object({
  rows: Type.Array(
    Type.Object({
      id: Type.String(),
      number: Type.Integer(),
      title: Type.String(),
      phase: InitiativePhase,
      state: InitiativeState,
      area: nullable(Named),
      ownerUnit: Named,
      plannedStart: Type.String({ description: 'YYYY-MM' }),
      plannedEnd: Type.String({ description: 'YYYY-MM' }),
    }),
  ),
  /** Initiatives (not merged or stopped) without planned dates, which the timeline cannot place. */
  undated: Type.Integer(),
});
export type Roadmap = Static<typeof Roadmap>;

/** «INI-12». */
export const initiativeLabel = (number: number) => `INI-${number}`;
