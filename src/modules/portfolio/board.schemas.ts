import { Type, type Static, type TSchema } from 'typebox';

// The portfolio board, shared by server and web: decisions at the decision points (Digdir's
// Prosjektveiviseren), the checklist per decision point, monthly status reports, board meetings.

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Id = Type.String({ format: 'uuid' });
const Revision = Type.Integer({ minimum: 1, description: 'The revision the client read; a different one is refused as stale' });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
const Localised = Type.Object({ nb: Type.String(), en: Type.String() });
const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Timestamp = Type.String({ format: 'date-time' });

export const boardPhases = ['idea', 'concept', 'planning', 'execution', 'closing', 'realisation'] as const;
export const Phase = Type.Enum(boardPhases);
export type Phase = Static<typeof Phase>;
export const boardDecisionPoints = ['BP1', 'BP2', 'BP3', 'BP4', 'BP5'] as const;
export const DecisionPoint = Type.Enum(boardDecisionPoints);
export type DecisionPoint = Static<typeof DecisionPoint>;
export const decisionOutcomes = ['approve', 'return', 'pause', 'stop'] as const;
export const DecisionOutcome = Type.Enum(decisionOutcomes);
export type DecisionOutcome = Static<typeof DecisionOutcome>;
export const initiativeStates = ['active', 'paused', 'stopped', 'merged', 'done'] as const;
export const InitiativeState = Type.Enum(initiativeStates);
export type InitiativeState = Static<typeof InitiativeState>;
export const lights = ['green', 'yellow', 'red'] as const;
export const Light = Type.Enum(lights);
export type Light = Static<typeof Light>;
export const meetingStatuses = ['planned', 'held'] as const;
export const MeetingStatus = Type.Enum(meetingStatuses);
export type MeetingStatus = Static<typeof MeetingStatus>;
/** A month: YYYY-MM. */
export const Period = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });

/** An initiative is named by its number («12») or its id. */
export const InitiativeRefParams = Type.Object({ ref: Type.String({ minLength: 1, maxLength: 60 }) });
export const IdParams = Type.Object({ id: Id });
export const ExportQuery = Type.Object({ format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]) });

// --- Decisions ------------------------------------------------------------------------------------

export const DecisionBody = Type.Object(
  {
    decisionPoint: DecisionPoint,
    outcome: DecisionOutcome,
    rationale: Text(5000),
    /** The day of the decision: not in the future. */
    decidedOn: DateText,
    meetingId: Type.Optional(nullable(Id)),
    /** The checklist's answers, by item key. Approving needs every active item answered true. */
    checklist: Type.Optional(Type.Record(Type.String({ maxLength: 64 }), Type.Boolean())),
    /** The initiative's revision the decider read. */
    revision: Revision,
  },
  { additionalProperties: false },
);
export type DecisionBody = Static<typeof DecisionBody>;

export const Decision = Type.Object({
  id: Id,
  initiativeId: Id,
  initiativeNumber: Type.Integer(),
  initiativeTitle: Type.String(),
  decisionPoint: DecisionPoint,
  outcome: DecisionOutcome,
  rationale: Type.String(),
  decidedOn: DateText,
  decidedBy: Type.Object({ id: Id, name: Type.String() }),
  meetingId: nullable(Id),
  checklist: Type.Record(Type.String(), Type.Boolean()),
  phaseBefore: Phase,
  phaseAfter: Phase,
  createdAt: Timestamp,
});
export type Decision = Static<typeof Decision>;

/** Where the initiative stands on the board's road: its phase, state and the next decision point. */
export const BoardPosition = Type.Object({
  initiativeId: Id,
  number: Type.Integer(),
  title: Type.String(),
  phase: Phase,
  state: InitiativeState,
  revision: Type.Integer(),
  /** The decision point the board decides next; null when none can be taken (final phase, stopped, merged, done). */
  nextDecisionPoint: nullable(DecisionPoint),
});
export type BoardPosition = Static<typeof BoardPosition>;

export const DecisionList = Type.Object({
  initiative: BoardPosition,
  decisions: Type.Array(Decision),
  /** The checklist for the next decision point (active items), to answer in the form. */
  nextChecklist: Type.Array(Type.Object({ key: Type.String(), label: Localised })),
});
export type DecisionList = Static<typeof DecisionList>;

export const DecisionResult = Type.Object({
  decision: Decision,
  initiative: BoardPosition,
});
export type DecisionResult = Static<typeof DecisionResult>;

// --- Checklists -----------------------------------------------------------------------------------

export const ChecklistItem = Type.Object({
  key: Type.String(),
  label: Localised,
  order: Type.Integer(),
  active: Type.Boolean(),
  source: nullable(Type.String()),
});
export type ChecklistItem = Static<typeof ChecklistItem>;

export const Checklists = Type.Object({
  points: Type.Array(
    Type.Object({
      decisionPoint: DecisionPoint,
      items: Type.Array(ChecklistItem),
      /** A fingerprint of the list as read: send it back with a change, so a concurrent change is detected. */
      version: Type.String(),
    }),
  ),
});
export type Checklists = Static<typeof Checklists>;

export const ChecklistParams = Type.Object({ decisionPoint: DecisionPoint });
export const PutChecklistBody = Type.Object(
  {
    /** The `version` of the list the change was made from (stale → 409). */
    version: Type.String({ maxLength: 64 }),
    /** The whole list for the point: items left out are made inactive (past decisions keep their answers). */
    items: Type.Array(
      Type.Object(
        {
          key: Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,63}$' }),
          label: Type.Object({ nb: Text(300), en: Text(300) }, { additionalProperties: false }),
          order: Type.Integer({ minimum: 0, maximum: 10000 }),
          active: Type.Boolean(),
        },
        { additionalProperties: false },
      ),
      { maxItems: 50 },
    ),
  },
  { additionalProperties: false },
);
export type PutChecklistBody = Static<typeof PutChecklistBody>;

// --- Status reports -------------------------------------------------------------------------------

const statusReportFields = {
  progress: Type.String({ maxLength: 10000 }),
  scopeLight: Light,
  timeLight: Light,
  costLight: Light,
  benefitsLight: Light,
  risks: Type.String({ maxLength: 10000 }),
  issues: Type.String({ maxLength: 10000 }),
  nextSteps: Type.String({ maxLength: 10000 }),
  percentComplete: Type.Optional(nullable(Type.Integer({ minimum: 0, maximum: 100 }))),
};

export const CreateStatusReportBody = Type.Object({ period: Period, ...statusReportFields }, { additionalProperties: false });
export type CreateStatusReportBody = Static<typeof CreateStatusReportBody>;
export const UpdateStatusReportBody = Type.Object({ ...statusReportFields, revision: Revision }, { additionalProperties: false });
export type UpdateStatusReportBody = Static<typeof UpdateStatusReportBody>;
export const StatusReportParams = Type.Object({ ref: Type.String({ minLength: 1, maxLength: 60 }), id: Id });

export const StatusReport = Type.Object({
  id: Id,
  initiativeId: Id,
  period: Type.String(),
  progress: Type.String(),
  scopeLight: Light,
  timeLight: Light,
  costLight: Light,
  benefitsLight: Light,
  risks: Type.String(),
  issues: Type.String(),
  nextSteps: Type.String(),
  percentComplete: nullable(Type.Integer()),
  reportedBy: Type.Object({ id: Id, name: Type.String() }),
  reportedAt: Timestamp,
  synthetic: Type.Boolean(),
  revision: Type.Integer(),
});
export type StatusReport = Static<typeof StatusReport>;

export const StatusReportList = Type.Object({
  initiative: BoardPosition,
  /** Newest period first. */
  reports: Type.Array(StatusReport),
  /** May the signed-in user report on this initiative? */
  canReport: Type.Boolean(),
  /** The report that is due now and missing (the previous month), or null. */
  due: nullable(Type.Object({ period: Type.String(), dueDay: Type.Integer() })),
});
export type StatusReportList = Static<typeof StatusReportList>;

export const DueReports = Type.Object({
  /** The month the reports are for (the previous month). */
  period: Type.String(),
  /** The day of the month from which a missing report is due (pf_settings.report_due_day). */
  dueDay: Type.Integer(),
  today: DateText,
  /** Whether today is on or after the due day; when false the list is empty. */
  isDue: Type.Boolean(),
  initiatives: Type.Array(
    Type.Object({
      initiativeId: Id,
      number: Type.Integer(),
      title: Type.String(),
      phase: Phase,
      lastPeriod: nullable(Type.String()),
    }),
  ),
});
export type DueReports = Static<typeof DueReports>;

// --- Meetings -------------------------------------------------------------------------------------

export const CreateMeetingBody = Type.Object({ date: DateText, title: Text(200) }, { additionalProperties: false });
export type CreateMeetingBody = Static<typeof CreateMeetingBody>;
export const UpdateMeetingBody = Type.Object(
  {
    date: Type.Optional(DateText),
    title: Type.Optional(Text(200)),
    minutes: Type.Optional(Type.String({ maxLength: 50000 })),
    status: Type.Optional(MeetingStatus),
    revision: Revision,
  },
  { additionalProperties: false },
);
export type UpdateMeetingBody = Static<typeof UpdateMeetingBody>;

export const MeetingSummary = Type.Object({
  id: Id,
  date: DateText,
  title: Type.String(),
  status: MeetingStatus,
  agendaCount: Type.Integer(),
  revision: Type.Integer(),
});
export type MeetingSummary = Static<typeof MeetingSummary>;
export const MeetingList = Type.Object({
  /** Today and later, soonest first. */
  upcoming: Type.Array(MeetingSummary),
  /** Before today, newest first. */
  past: Type.Array(MeetingSummary),
});
export type MeetingList = Static<typeof MeetingList>;

export const AgendaItem = Type.Object({
  initiativeId: Id,
  number: Type.Integer(),
  title: Type.String(),
  problem: Type.String(),
  need: Type.String(),
  phase: Phase,
  state: InitiativeState,
  nextDecisionPoint: nullable(DecisionPoint),
  position: Type.Integer(),
  note: Type.String(),
  latestReport: nullable(
    Type.Object({
      period: Type.String(),
      scopeLight: Light,
      timeLight: Light,
      costLight: Light,
      benefitsLight: Light,
      progress: Type.String(),
    }),
  ),
  /** The active checklist items for the next decision point (for the board pack). */
  checklist: Type.Array(Type.Object({ key: Type.String(), label: Localised })),
});
export type AgendaItem = Static<typeof AgendaItem>;

export const Meeting = Type.Object({
  id: Id,
  date: DateText,
  title: Type.String(),
  minutes: Type.String(),
  status: MeetingStatus,
  revision: Type.Integer(),
  agenda: Type.Array(AgendaItem),
  decisions: Type.Array(Decision),
});
export type Meeting = Static<typeof Meeting>;

export const AddAgendaItemBody = Type.Object(
  {
    /** The initiative's id or number. */
    initiative: Type.String({ minLength: 1, maxLength: 60 }),
    position: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type AddAgendaItemBody = Static<typeof AddAgendaItemBody>;
export const AgendaItemParams = Type.Object({ id: Id, initiativeId: Id });

/** A dated seat on the portfolio board: the board's role follows it (from valid_from to the day before valid_to). */
export const BoardMember = Type.Object({
  id: Id,
  person: Type.Object({ id: Id, key: Type.String(), name: Type.String() }),
  validFrom: DateText,
  validTo: nullable(DateText),
  note: Type.String(),
  /** Holds on the day asked for. */
  current: Type.Boolean(),
  revision: Type.Integer(),
});
export type BoardMember = Static<typeof BoardMember>;
export const BoardMemberList = Type.Object({ date: DateText, members: Type.Array(BoardMember) });
export type BoardMemberList = Static<typeof BoardMemberList>;
export const AddBoardMemberBody = Type.Object(
  {
    /** The person's id or key (employee number). */
    person: Type.String({ minLength: 1, maxLength: 200 }),
    validFrom: DateText,
    validTo: Type.Optional(nullable(DateText)),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type AddBoardMemberBody = Static<typeof AddBoardMemberBody>;
export const EndBoardMemberBody = Type.Object(
  {
    /** The first day without the seat. */
    validTo: DateText,
    revision: Revision,
  },
  { additionalProperties: false },
);
export type EndBoardMemberBody = Static<typeof EndBoardMemberBody>;
