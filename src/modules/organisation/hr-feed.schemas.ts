import { Type, type Static } from 'typebox';
import { ImportChange, ImportProblem, LocalisedMessage } from './import-export.schemas.js';
import { IsoDate } from './organisation.schemas.js';

// Shared between server and web: the HR feed's runs (docs/hr-feed.md). A run is one file from the
// HR system, compared with the organisation as a delta and applied all or nothing.

export const hrFeedSources = ['folder', 'api'] as const;
export const hrFeedOutcomes = ['applied', 'checked', 'refused', 'failed'] as const;
export const hrFeedFormats = ['visma-csv', 'organisation-json'] as const;
export type HrFeedOutcome = (typeof hrFeedOutcomes)[number];
export type HrFeedFormat = (typeof hrFeedFormats)[number];

export const HrFeedCounts = Type.Object({
  peopleInFile: Type.Integer(),
  peopleToday: Type.Integer({ description: 'People holding an assignment on the feed date before the run' }),
  peopleNew: Type.Integer(),
  peopleRenamed: Type.Integer(),
  peopleGone: Type.Integer({ description: 'Held an assignment but are not in the file: their assignments end' }),
  assignmentsNew: Type.Integer(),
  assignmentsChanged: Type.Integer(),
  assignmentsEnded: Type.Integer(),
  unchanged: Type.Integer({ description: 'Assignments in the file that already match' }),
});
export type HrFeedCounts = Static<typeof HrFeedCounts>;

export const HrFeedRunSummary = Type.Object({
  id: Type.String(),
  startedAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  source: Type.Enum(hrFeedSources),
  fileName: Type.String(),
  format: Type.Union([Type.Enum(hrFeedFormats), Type.Null()]),
  dryRun: Type.Boolean(),
  outcome: Type.Union([Type.Enum(hrFeedOutcomes), Type.Null()], { description: 'Null while the run is in progress' }),
  feedDate: IsoDate,
  startedBy: Type.Union([Type.String(), Type.Null()], { description: 'Who started it from the status page' }),
  counts: Type.Union([HrFeedCounts, Type.Null()]),
  problemCount: Type.Integer(),
  summary: Type.Union([LocalisedMessage, Type.Null()]),
});
export type HrFeedRunSummary = Static<typeof HrFeedRunSummary>;

export const HrFeedRunDetail = Type.Object({
  ...HrFeedRunSummary.properties,
  changes: Type.Array(ImportChange),
  problems: Type.Array(ImportProblem),
});
export type HrFeedRunDetail = Static<typeof HrFeedRunDetail>;

export const HrFeedSettings = Type.Object({
  folderConfigured: Type.Boolean({ description: 'HR_FEED_DIR is set' }),
  apiConfigured: Type.Boolean({ description: 'HR_FEED_TOKEN is set' }),
  maxRemovalShare: Type.Number(),
  intervalSeconds: Type.Integer(),
});
export type HrFeedSettings = Static<typeof HrFeedSettings>;

export const HrFeedRunList = Type.Object({
  settings: HrFeedSettings,
  /** The last finished run was refused or failed: organisation editors see an alert. */
  failing: Type.Boolean(),
  runs: Type.Array(HrFeedRunSummary),
});
export type HrFeedRunList = Static<typeof HrFeedRunList>;

export const HrFeedStatus = Type.Object({
  failing: Type.Boolean(),
  lastRun: Type.Union([HrFeedRunSummary, Type.Null()]),
});
export type HrFeedStatus = Static<typeof HrFeedStatus>;

export const HrFeedStarted = Type.Object({ runs: Type.Array(HrFeedRunSummary) });
export type HrFeedStarted = Static<typeof HrFeedStarted>;

export const HrFeedRunParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });

export const HrFeedPushQuery = Type.Object(
  {
    fileName: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'The file name shown on the status page' })),
    dryRun: Type.Optional(Type.Boolean({ description: 'Compare and try only: nothing is applied' })),
  },
  { additionalProperties: false },
);
export type HrFeedPushQuery = Static<typeof HrFeedPushQuery>;
