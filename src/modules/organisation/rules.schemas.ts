import { Type, type Static } from 'typebox';
import { IsoDate } from './organisation.schemas.js';

// Shared between server and web: the organisation rules report, the span-of-control settings and
// the level exceptions.

/** The rules, by stable id. Clients may rely on them (labels, links, filters); never rename one. */
export const ruleIds = [
  'unit_parent_cycle',
  'personnel_line_cycle',
  'dangling_reference',
  'personnel_line_missing',
  'personnel_line_multiple',
  'chief_executive_personnel_line',
  'personnel_line_without_responsibility',
  'independent_position_professional_line',
  'span_of_control',
  'level_inconsistent',
  'leader_line_off_unit_chain',
  'person_fte_over_100',
  'rule_exception_stale',
  'unit_without_leader',
] as const;
export type RuleId = (typeof ruleIds)[number];

/** The rules a person judges, so an exception with a reason may excuse a unit from them. */
export const exceptedRuleIds = ['level_inconsistent', 'span_of_control', 'leader_line_off_unit_chain'] as const;
export type ExceptedRuleId = (typeof exceptedRuleIds)[number];
export const ExceptedRuleIdSchema = Type.Enum(exceptedRuleIds);

/** Role types whose span of control has a threshold (the leader types). */
export const spanRoleTypes = [
  'chief_executive',
  'director',
  'service_area_head',
  'staff_area_head',
  'unit_leader',
  'department_leader',
] as const;

export const RuleIdSchema = Type.Enum(ruleIds);
export const SpanRoleType = Type.Enum(spanRoleTypes);

export const RuleMessage = Type.Object({ nb: Type.String(), en: Type.String() });
export type RuleMessage = Static<typeof RuleMessage>;

export const RuleEntity = Type.Object({
  type: Type.Union([Type.Literal('unit'), Type.Literal('position'), Type.Literal('line'), Type.Literal('person')]),
  id: Type.String(),
  /** The unit's or position's key; for a line `type:fromKey->toKey`; for a person their id. */
  key: Type.String(),
  name: Type.String(),
});
export type RuleEntity = Static<typeof RuleEntity>;

export const RuleFinding = Type.Object({
  rule: RuleIdSchema,
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
  /** The offending entries, the one the finding is about first. */
  entities: Type.Array(RuleEntity),
  message: RuleMessage,
  details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});
export type RuleFinding = Static<typeof RuleFinding>;

/** A finding a person has accepted: an exception or an FTE override says why. */
export const AcceptedFinding = Type.Object({
  finding: RuleFinding,
  reason: Type.String(),
  /** The exception that excuses it; absent for an FTE override (stored on the assignment). */
  exceptionId: Type.Optional(Type.String()),
});
export type AcceptedFinding = Static<typeof AcceptedFinding>;

export const RulesReport = Type.Object({
  date: IsoDate,
  findings: Type.Array(RuleFinding),
  /** Findings excused by an exception or an override: shown, not counted. */
  accepted: Type.Optional(Type.Array(AcceptedFinding)),
  summary: Type.Object({
    errors: Type.Integer(),
    warnings: Type.Integer(),
    /** Every rule, with the number of findings (0 when the rule holds). */
    byRule: Type.Record(Type.String(), Type.Integer()),
  }),
});
export type RulesReport = Static<typeof RulesReport>;

export const RuleSetting = Type.Object({ roleType: SpanRoleType, maxSpan: Type.Integer(), revision: Type.Integer() });
export type RuleSetting = Static<typeof RuleSetting>;

export const RuleSettings = Type.Object({ settings: Type.Array(RuleSetting) });
export type RuleSettings = Static<typeof RuleSettings>;

export const RuleSettingParams = Type.Object({ roleType: SpanRoleType }, { additionalProperties: false });
export type RuleSettingParams = Static<typeof RuleSettingParams>;

export const UpdateRuleSettingBody = Type.Object(
  {
    maxSpan: Type.Integer({ minimum: 1, maximum: 1000, description: 'Direct personnel reports above this number are flagged' }),
    revision: Type.Integer({ minimum: 1, description: 'The revision you read; a different one is refused as stale' }),
  },
  { additionalProperties: false },
);
export type UpdateRuleSettingBody = Static<typeof UpdateRuleSettingBody>;

/** An exception for one rule on one unit (the level exceptions were the first kind). */
export const LevelException = Type.Object({
  id: Type.String(),
  rule: ExceptedRuleIdSchema,
  unit: Type.Object({
    id: Type.String(),
    key: Type.String(),
    /** The unit's name on the date asked for; null when the unit does not exist that day. */
    name: Type.Union([Type.String(), Type.Null()]),
  }),
  reason: Type.String(),
  source: Type.Union([Type.String(), Type.Null()]),
  validFrom: IsoDate,
  validTo: Type.Union([IsoDate, Type.Null()]),
  /** In force but excusing nothing on the date asked for: the situation it excused is gone. */
  stale: Type.Optional(Type.Boolean()),
});
export type LevelException = Static<typeof LevelException>;
export type RuleException = LevelException;

export const LevelExceptions = Type.Object({ date: IsoDate, exceptions: Type.Array(LevelException) });
export type LevelExceptions = Static<typeof LevelExceptions>;

// A reason must say something: at least one non-space character.
const Reason = Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S' });

export const CreateLevelExceptionBody = Type.Object(
  {
    unitId: Type.String({ format: 'uuid' }),
    rule: Type.Optional(ExceptedRuleIdSchema),
    reason: Reason,
    source: Type.Optional(Type.String({ maxLength: 500 })),
    validFrom: IsoDate,
  },
  { additionalProperties: false },
);
export type CreateLevelExceptionBody = Static<typeof CreateLevelExceptionBody>;

export const LevelExceptionParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
export type LevelExceptionParams = Static<typeof LevelExceptionParams>;

export const EndLevelExceptionBody = Type.Object({ validTo: IsoDate }, { additionalProperties: false });
export type EndLevelExceptionBody = Static<typeof EndLevelExceptionBody>;
