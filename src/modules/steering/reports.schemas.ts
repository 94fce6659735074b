import { Type, type Static, type TSchema } from 'typebox';

// The monthly, tertial and annual reports (server and web): a report is assembled from the data per
// programme area (indicators, budget, decisions) beside the units' written status, assessment and
// conclusion; units fill in, the analysts review, publishing freezes the content and locks it.

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Id = Type.String({ format: 'uuid' });
const Revision = Type.Integer({ minimum: 1, description: 'The revision the client read; a different one is refused as stale' });
const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const reportKinds = ['month', 'tertial', 'year'] as const;
export const ReportKind = Type.Enum(reportKinds);
export type ReportKind = Static<typeof ReportKind>;
export const reportStatuses = ['draft', 'in_review', 'published'] as const;
export const ReportStatus = Type.Enum(reportStatuses);
export type ReportStatus = Static<typeof ReportStatus>;
export const sectionStates = ['open', 'submitted', 'approved', 'returned'] as const;
export const SectionState = Type.Enum(sectionStates);
export type SectionState = Static<typeof SectionState>;
export const decisionStatuses = ['not_started', 'in_progress', 'completed', 'delayed', 'cannot_be_done'] as const;
export const decisionBodies = ['city_council', 'executive_committee', 'committee', 'joint_committee'] as const;

export const ReportIdParams = Type.Object({ id: Id });
export const SectionParams = Type.Object({ id: Id, areaId: Id });

export const CreateReportBody = Type.Object(
  {
    kind: ReportKind,
    period: Type.String({
      minLength: 4,
      maxLength: 7,
      description: "month 'YYYY-MM', tertial 'YYYY-T1' or 'YYYY-T2' (the third tertial is the annual report), year 'YYYY'",
    }),
  },
  { additionalProperties: false },
);
export type CreateReportBody = Static<typeof CreateReportBody>;

export const SaveSectionBody = Type.Object(
  {
    statusText: Type.String({ maxLength: 20000 }),
    assessment: Type.String({ maxLength: 20000 }),
    conclusion: Type.String({ maxLength: 20000 }),
    revision: Revision,
  },
  { additionalProperties: false },
);
export type SaveSectionBody = Static<typeof SaveSectionBody>;

export const RevisionBody = Type.Object({ revision: Revision }, { additionalProperties: false });
export type RevisionBody = Static<typeof RevisionBody>;
export const ReturnSectionBody = Type.Object(
  { revision: Revision, comment: Type.String({ minLength: 1, maxLength: 4000, pattern: '\\S' }) },
  { additionalProperties: false },
);
export type ReturnSectionBody = Static<typeof ReturnSectionBody>;
export const PublishBody = Type.Object({ revision: Revision }, { additionalProperties: false });

export const ExportQuery = Type.Object({
  /** csv/xlsx: the tables; docx: the whole report as a Word document (`table` does not apply). */
  format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx'), Type.Literal('docx')]),
  table: Type.Optional(Type.Union([Type.Literal('all'), Type.Literal('indicators'), Type.Literal('budget'), Type.Literal('decisions')])),
});
export type ExportQuery = Static<typeof ExportQuery>;

// --- Assembled content ----------------------------------------------------------------------------

export const IndicatorStatusName = Type.Union([Type.Literal('green'), Type.Literal('yellow'), Type.Literal('red'), Type.Literal('none')]);

export const ReportIndicator = Type.Object({
  id: Id,
  key: Type.String(),
  name: Type.String(),
  unitOfMeasure: Type.String(),
  direction: Type.Union([Type.Literal('higher'), Type.Literal('lower')]),
  /** The period the value is for (the latest that ended by the as-of date). */
  period: nullable(Type.String()),
  value: nullable(Type.Number()),
  target: nullable(Type.Number()),
  /** 'municipality': the municipality's own value; 'unit_mean': the mean of the units' values. */
  basis: nullable(Type.Union([Type.Literal('municipality'), Type.Literal('unit_mean')])),
  status: IndicatorStatusName,
});
export type ReportIndicator = Static<typeof ReportIndicator>;

export const IndicatorSummary = Type.Object({
  total: Type.Integer(),
  green: Type.Integer(),
  yellow: Type.Integer(),
  red: Type.Integer(),
  none: Type.Integer(),
  /** Every indicator of the area with its status (the red ones are listed in the report). */
  items: Type.Array(ReportIndicator),
});
export type IndicatorSummary = Static<typeof IndicatorSummary>;

export const ReportAdjustment = Type.Object({
  id: Id,
  title: Type.String(),
  reason: Type.String(),
  amount: Type.Number(),
  status: Type.Union([Type.Literal('proposed'), Type.Literal('adopted'), Type.Literal('rejected')]),
  /** The register's decision the measure follows (case number as in the archive and the meeting date)… */
  decisionCaseNumber: nullable(Type.String()),
  decisionMeetingDate: nullable(DateText),
  /** …or the reference given as text when the decision is not in the register («sak 53/17, 30.5.17»). */
  decisionReference: nullable(Type.String()),
});
export type ReportAdjustment = Static<typeof ReportAdjustment>;

export const BudgetStatus = Type.Object({
  year: Type.Integer(),
  asOfMonth: Type.Integer(),
  budget: nullable(Type.Number()),
  actualYtd: nullable(Type.Number()),
  forecast: nullable(Type.Number()),
  forecastComment: nullable(Type.String()),
  /** forecast − budget: positive is an overspend (merforbruk), negative an underspend (the module's convention). */
  deviation: nullable(Type.Number()),
  /** deviation / budget × 100, one decimal. */
  deviationPercent: nullable(Type.Number()),
  adjustments: Type.Array(ReportAdjustment),
  adjustmentsTotal: Type.Number(),
});
export type BudgetStatus = Static<typeof BudgetStatus>;

export const ReportDecision = Type.Object({
  id: Id,
  body: Type.Enum(decisionBodies),
  committeeName: nullable(Type.String()),
  meetingDate: DateText,
  caseNumber: Type.String(),
  title: Type.String(),
  responsibleUnit: nullable(Type.String()),
  deadline: nullable(DateText),
  status: Type.Enum(decisionStatuses),
  /** Past its deadline on the as-of date and not completed. */
  overdue: Type.Boolean(),
});
export type ReportDecision = Static<typeof ReportDecision>;

export const ReportSection = Type.Object({
  id: Id,
  statusText: Type.String(),
  assessment: Type.String(),
  conclusion: Type.String(),
  state: SectionState,
  reviewComment: nullable(Type.String()),
  revision: Type.Integer(),
  updatedAt: Type.String(),
  updatedBy: nullable(Type.String()),
});
export type ReportSection = Static<typeof ReportSection>;

export const ReportArea = Type.Object({
  areaId: Id,
  code: Type.String(),
  name: Type.String(),
  committee: nullable(Type.String()),
  section: ReportSection,
  indicators: IndicatorSummary,
  budget: BudgetStatus,
  decisions: Type.Array(ReportDecision),
  /** May the signed-in user write this area's texts now (leader of one of its units, or an analyst; not locked). */
  canEdit: Type.Boolean(),
});
export type ReportArea = Static<typeof ReportArea>;

export const ReportSummary = Type.Object({
  id: Id,
  kind: ReportKind,
  period: Type.String(),
  asOf: DateText,
  title: Type.String(),
  status: ReportStatus,
  revision: Type.Integer(),
  createdAt: Type.String(),
  publishedAt: nullable(Type.String()),
  publishedBy: nullable(Type.String()),
  sections: Type.Integer(),
  approved: Type.Integer(),
});
export type ReportSummary = Static<typeof ReportSummary>;

export const ReportList = Type.Object({ reports: Type.Array(ReportSummary), canCreate: Type.Boolean() });
export type ReportList = Static<typeof ReportList>;

export const ReportDetail = Type.Object({
  ...ReportSummary.properties,
  titleEn: Type.String(),
  /** True when the content is the frozen snapshot taken at publishing (not live data). */
  frozen: Type.Boolean(),
  areas: Type.Array(ReportArea),
  /** Sections not yet approved: publishing waits for them. */
  notApproved: Type.Array(Type.Object({ areaId: Id, code: Type.String(), name: Type.String(), state: SectionState })),
  canReview: Type.Boolean(),
});
export type ReportDetail = Static<typeof ReportDetail>;
