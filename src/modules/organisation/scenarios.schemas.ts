import { Type, type Static, type TProperties } from 'typebox';
import { AnalyticsSummary, LocalisedText, ScenarioProblem } from './analytics.schemas.js';
import { classifications, IsoDate, lineTypes, roleTypes, unitKinds } from './organisation.schemas.js';
import { RuleFinding } from './rules.schemas.js';

// Type.Enum keeps the literal types in Static<> (a union built with .map() does not).
const UnitKind = Type.Enum(unitKinds);
const Classification = Type.Enum(classifications);
const RoleType = Type.Enum(roleTypes);
const LineType = Type.Enum(lineTypes);

// Shared between server and web: reorganisation scenarios and the changes they hold.
// Changes name units, positions and people by their `key` (stable, readable, and known before a
// new unit has an id), so a scenario reads the same before and after it is applied.

const Key = Type.String({
  minLength: 1,
  maxLength: 100,
  pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]*$',
  description: 'A unit’s, position’s or person’s stable key',
});
const Name = Type.String({ minLength: 1, maxLength: 300, pattern: '\\S' });
const Level = Type.Integer({ minimum: 1, maximum: 5 });
const Fte = Type.Number({ exclusiveMinimum: 0, maximum: 1 });
const PostFte = Type.Number({ exclusiveMinimum: 0, maximum: 1000 });
const change = <K extends string, T extends TProperties>(type: K, description: string, properties: T) =>
  Type.Object(
    { id: Type.Optional(Type.String({ maxLength: 100 })), type: Type.Literal(type), ...properties },
    { additionalProperties: false, description },
  );

export const CreateUnitChange = change('create_unit', 'A new unit under a parent', {
  key: Key,
  name: Name,
  kind: UnitKind,
  level: Level,
  parentKey: Type.Union([Key, Type.Null()]),
  classification: Classification,
});
export const RenameUnitChange = change('rename_unit', 'A unit gets a new name', { unitKey: Key, name: Name });
export const MoveUnitChange = change('move_unit', 'A unit moves under another parent (and may change its declared level)', {
  unitKey: Key,
  parentKey: Key,
  level: Type.Optional(Level),
});
export const MergeUnitsChange = change(
  'merge_units',
  'The source units are merged into the target: their sub-units and positions move to the target, their leader positions are closed, and lines to those leaders go to the target’s leader',
  {
    sourceUnitKeys: Type.Array(Key, { minItems: 1, maxItems: 50 }),
    targetUnitKey: Key,
    name: Type.Optional(Name),
  },
);
export const SplitUnitChange = change('split_unit', 'New units are made beside a unit, and named sub-units and positions move into them', {
  unitKey: Key,
  into: Type.Array(
    Type.Object(
      {
        key: Key,
        name: Name,
        kind: Type.Optional(UnitKind),
        level: Type.Optional(Level),
        classification: Type.Optional(Classification),
        unitKeys: Type.Optional(Type.Array(Key, { maxItems: 500 })),
        positionKeys: Type.Optional(Type.Array(Key, { maxItems: 500 })),
      },
      { additionalProperties: false },
    ),
    { minItems: 1, maxItems: 50 },
  ),
  closeOriginal: Type.Optional(Type.Boolean({ description: 'Close the original unit; everything in it must have been moved' })),
});
export const CloseUnitChange = change('close_unit', 'A unit ends; it must have no sub-units or positions left', { unitKey: Key });
export const CreatePositionChange = change('create_position', 'A new position in a unit', {
  key: Key,
  title: Name,
  unitKey: Key,
  roleType: RoleType,
  personnelResponsibility: Type.Optional(Type.Boolean()),
  professionallyIndependent: Type.Optional(Type.Boolean()),
  fte: Type.Optional(Type.Union([PostFte, Type.Null()])),
  reportsToPositionKey: Type.Optional(Type.Union([Key, Type.Null()])),
});
export const MovePositionChange = change(
  'move_position',
  'A position moves to another unit (and may get a new personnel leader or title)',
  {
    positionKey: Key,
    unitKey: Key,
    reportsToPositionKey: Type.Optional(Key),
    title: Type.Optional(Name),
  },
);
export const ClosePositionChange = change('close_position', 'A position ends, with its assignments and lines', { positionKey: Key });
export const AssignPersonChange = change('assign_person', 'A person is placed in a position', {
  personKey: Key,
  positionKey: Key,
  fte: Type.Optional(Fte),
});
export const EndAssignmentChange = change('end_assignment', 'A person leaves a position', { personKey: Key, positionKey: Key });
export const AddLineChange = change('add_line', 'A reporting line from one position to another', {
  lineType: LineType,
  fromPositionKey: Key,
  toPositionKey: Key,
});
export const EndLineChange = change('end_line', 'A reporting line ends', { lineType: LineType, fromPositionKey: Key, toPositionKey: Key });

export const ScenarioChange = Type.Union([
  CreateUnitChange,
  RenameUnitChange,
  MoveUnitChange,
  MergeUnitsChange,
  SplitUnitChange,
  CloseUnitChange,
  CreatePositionChange,
  MovePositionChange,
  ClosePositionChange,
  AssignPersonChange,
  EndAssignmentChange,
  AddLineChange,
  EndLineChange,
]);
export type ScenarioChange = Static<typeof ScenarioChange>;
export const scenarioChangeTypes = [
  'create_unit',
  'rename_unit',
  'move_unit',
  'merge_units',
  'split_unit',
  'close_unit',
  'create_position',
  'move_position',
  'close_position',
  'assign_person',
  'end_assignment',
  'add_line',
  'end_line',
] as const;

/** A stored change always has an id, so it can be removed. */
export type StoredChange = ScenarioChange & { id: string };

/**
 * draft → submitted → approved → applied; submitted or approved → draft (withdrawn by the editors,
 * or sent back by the approver with a comment); submitted → rejected; draft → discarded.
 */
export const scenarioStatuses = ['draft', 'submitted', 'approved', 'applied', 'rejected', 'discarded'] as const;
export const ScenarioStatus = Type.Enum(scenarioStatuses);
export type ScenarioStatus = Static<typeof ScenarioStatus>;

/** What the caller may do with a scenario now (the server refuses the rest). */
export const scenarioActions = ['edit', 'submit', 'withdraw', 'return', 'approve', 'reject', 'apply', 'comment'] as const;
export const ScenarioAction = Type.Enum(scenarioActions);
export type ScenarioAction = Static<typeof ScenarioAction>;

const UserRef = Type.Object({ id: Type.String(), name: Type.String() });
const OptionalUserRef = Type.Union([UserRef, Type.Null()]);

export const ScenarioComment = Type.Object({
  id: Type.String(),
  author: OptionalUserRef,
  authorName: Type.String(),
  text: Type.String(),
  /** The transition the comment came with (send back needs one), or null for a plain comment. */
  action: Type.Union([Type.Enum(['submit', 'withdraw', 'return', 'approve', 'reject', 'apply'] as const), Type.Null()]),
  createdAt: Type.String(),
});
export type ScenarioComment = Static<typeof ScenarioComment>;

const scenarioSummaryProperties = {
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  effectiveDate: IsoDate,
  status: ScenarioStatus,
  changeCount: Type.Integer(),
  /** True when the organisation has been edited since the scenario was drafted (or last rebased). */
  baseChanged: Type.Boolean(),
  revision: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  appliedAt: Type.Union([Type.String(), Type.Null()]),
};
export const ScenarioSummary = Type.Object(scenarioSummaryProperties);
export type ScenarioSummary = Static<typeof ScenarioSummary>;

export const Scenario = Type.Object({
  ...scenarioSummaryProperties,
  baseRevision: Type.Integer({ description: 'The organisation’s change counter when the scenario was drafted' }),
  changes: Type.Array(ScenarioChange),
  /** Changes that do not fit the organisation as of the effective date (unknown keys and the like). */
  problems: Type.Array(ScenarioProblem),
  createdBy: OptionalUserRef,
  submittedBy: OptionalUserRef,
  submittedAt: Type.Union([Type.String(), Type.Null()]),
  approvedBy: OptionalUserRef,
  approvedAt: Type.Union([Type.String(), Type.Null()]),
  appliedBy: OptionalUserRef,
  comments: Type.Array(ScenarioComment),
  /** What the caller may do now. */
  actions: Type.Array(ScenarioAction),
  /** The caller drafted it: they may take it to submitted, never approve or apply it. */
  draftedByYou: Type.Boolean(),
});
export type Scenario = Static<typeof Scenario>;

export const ScenarioList = Type.Object({ items: Type.Array(ScenarioSummary) });
export type ScenarioList = Static<typeof ScenarioList>;

const Description = Type.String({ maxLength: 5000 });

export const ScenarioCreateBody = Type.Object(
  {
    name: Name,
    description: Type.Optional(Description),
    effectiveDate: IsoDate,
    changes: Type.Optional(Type.Array(ScenarioChange, { maxItems: 500 })),
  },
  { additionalProperties: false },
);
export type ScenarioCreateBody = Static<typeof ScenarioCreateBody>;

export const ScenarioUpdateBody = Type.Object(
  {
    revision: Type.Integer({ minimum: 1, description: 'The revision you read; a different one gives 409 stale' }),
    name: Type.Optional(Name),
    description: Type.Optional(Description),
    effectiveDate: Type.Optional(IsoDate),
    changes: Type.Optional(Type.Array(ScenarioChange, { maxItems: 500 })),
    rebase: Type.Optional(
      Type.Boolean({ description: 'Take the organisation as it is now as the new base (after reviewing what changed)' }),
    ),
  },
  { additionalProperties: false },
);
export type ScenarioUpdateBody = Static<typeof ScenarioUpdateBody>;

export const AddChangeBody = Type.Object(
  {
    revision: Type.Integer({ minimum: 1 }),
    change: ScenarioChange,
    /** Where to insert it (0 = first); at the end when left out. */
    index: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);
export type AddChangeBody = Static<typeof AddChangeBody>;

export const ScenarioRevisionBody = Type.Object({ revision: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export type ScenarioRevisionBody = Static<typeof ScenarioRevisionBody>;

const CommentText = Type.String({ minLength: 1, maxLength: 5000, pattern: '\\S' });

/** Submit, withdraw or approve: the revision read, and an optional comment. */
export const ScenarioTransitionBody = Type.Object(
  { revision: Type.Integer({ minimum: 1 }), comment: Type.Optional(CommentText) },
  { additionalProperties: false },
);
export type ScenarioTransitionBody = Static<typeof ScenarioTransitionBody>;

/** Send back or reject: the comment says why, so it is required. */
export const ScenarioCommentedTransitionBody = Type.Object(
  { revision: Type.Integer({ minimum: 1 }), comment: CommentText },
  { additionalProperties: false },
);
export type ScenarioCommentedTransitionBody = Static<typeof ScenarioCommentedTransitionBody>;

export const ScenarioCommentBody = Type.Object({ text: CommentText }, { additionalProperties: false });
export type ScenarioCommentBody = Static<typeof ScenarioCommentBody>;

export const ScenarioParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
export const ScenarioChangeParams = Type.Object(
  { id: Type.String({ format: 'uuid' }), changeId: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
);
export const ScenarioRevisionQuery = Type.Object({ revision: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

export const ScenarioListQuery = Type.Object({ status: Type.Optional(ScenarioStatus) }, { additionalProperties: false });

export const Difference = Type.Object({
  kind: Type.String({
    description:
      'unit_created, unit_closed, unit_renamed, unit_moved, unit_level_changed, unit_kind_changed, unit_classification_changed, position_created, position_closed, position_moved, position_retitled, line_added, line_ended, personnel_line_changed, assignment_added, assignment_ended',
  }),
  subjectId: Type.String(),
  message: LocalisedText,
});
export type Difference = Static<typeof Difference>;

const BeforeAfter = Type.Object({ before: Type.Union([Type.Number(), Type.Null()]), after: Type.Union([Type.Number(), Type.Null()]) });

export const Comparison = Type.Object({
  before: Type.Object({ date: IsoDate }),
  after: Type.Object({ date: IsoDate }),
  unitsPerLevel: Type.Array(Type.Object({ level: Type.Integer(), before: Type.Integer(), after: Type.Integer() })),
  units: BeforeAfter,
  positions: BeforeAfter,
  headcount: BeforeAfter,
  fte: BeforeAfter,
  postFte: BeforeAfter,
  layers: BeforeAfter,
  administrationShare: BeforeAfter,
  positionAdministrationShare: BeforeAfter,
  spans: Type.Object({
    maxBefore: Type.Integer(),
    maxAfter: Type.Integer(),
    overThresholdBefore: Type.Integer(),
    overThresholdAfter: Type.Integer(),
    /** Leader positions whose span changes, or that appear or end. */
    changed: Type.Array(
      Type.Object({
        positionId: Type.String(),
        title: Type.String(),
        unitName: Type.String(),
        before: Type.Union([Type.Integer(), Type.Null()]),
        after: Type.Union([Type.Integer(), Type.Null()]),
        threshold: Type.Union([Type.Integer(), Type.Null()]),
      }),
    ),
  }),
  differences: Type.Array(Difference),
});
export type Comparison = Static<typeof Comparison>;

/** Why a scenario cannot be submitted or applied now: the same list for the comparison and for apply. */
export const ScenarioBlocker = Type.Object({
  reason: Type.Enum(['base_changed', 'problems', 'rule_errors', 'fte_over_100', 'no_changes'] as const),
  message: LocalisedText,
});
export type ScenarioBlocker = Static<typeof ScenarioBlocker>;

/** What applying changes, per kind of difference, with the units it names. */
export const ChangeSummary = Type.Array(Type.Object({ kind: Type.String(), count: Type.Integer(), units: Type.Array(Type.String()) }));
export type ChangeSummary = Static<typeof ChangeSummary>;

export const ScenarioComparison = Type.Object({
  scenario: Type.Object({ id: Type.String(), name: Type.String(), effectiveDate: IsoDate, baseChanged: Type.Boolean() }),
  problems: Type.Array(ScenarioProblem),
  /** When the comparison was frozen (at submission); null: worked out now. */
  frozenAt: Type.Union([Type.String(), Type.Null()]),
  /** What stops the scenario being submitted or applied now; apply refuses exactly these. */
  blockers: Type.Array(ScenarioBlocker),
  summary: ChangeSummary,
  comparison: Comparison,
  /** The figures on both sides; per unit and per leader through GET /api/organisation/analytics (?scenario=…). */
  before: AnalyticsSummary,
  after: AnalyticsSummary,
});
export type ScenarioComparison = Static<typeof ScenarioComparison>;

export const ScenarioRulesReport = Type.Object({
  scenario: Type.Object({ id: Type.String(), name: Type.String(), effectiveDate: IsoDate, baseChanged: Type.Boolean() }),
  date: IsoDate,
  /** The rules checked on the organisation as the scenario makes it. */
  findings: Type.Array(RuleFinding),
  summary: Type.Object({ errors: Type.Integer(), warnings: Type.Integer(), byRule: Type.Record(Type.String(), Type.Integer()) }),
  /** The same rules on the organisation without the scenario, for comparison. */
  current: Type.Object({ errors: Type.Integer(), warnings: Type.Integer() }),
  /** Errors the scenario brings that the organisation does not have: these stop it being applied. */
  newErrors: Type.Array(RuleFinding),
  /** Errors the organisation has that the scenario removes. */
  resolvedErrors: Type.Array(RuleFinding),
  problems: Type.Array(ScenarioProblem),
});
export type ScenarioRulesReport = Static<typeof ScenarioRulesReport>;

export const AppliedScenario = Type.Object({ scenario: Scenario, steps: Type.Integer({ description: 'Dated edit commands run' }) });
export type AppliedScenario = Static<typeof AppliedScenario>;
