import type { ColumnType, Generated, Kysely } from 'kysely';
import { isUuid, type KernelTables } from '../../../../kernel/index.js';
import type { HrFeedCounts, HrFeedFormat, HrFeedOutcome, HrFeedRunDetail, HrFeedRunSummary } from '../../hr-feed.schemas.js';
import type { ImportChange, ImportProblem, LocalisedMessage } from '../../import-export.schemas.js';
import type { OrganisationDb, OrganisationTables } from '../organisation.tables.js';

/** Kysely types of migrations/0007_hr_feed.sql. */
export interface HrFeedTables {
  org_hr_feed_runs: {
    id: Generated<string>;
    started_at: Generated<Date>;
    finished_at: Date | null;
    source: 'folder' | 'api';
    file_name: string;
    format: string | null;
    started_by: string | null;
    dry_run: Generated<boolean>;
    outcome: string | null;
    feed_date: ColumnType<string, string, string>;
    counts: ColumnType<HrFeedCounts | Record<string, never>, string | undefined, string>;
    changes: ColumnType<ImportChange[], string | undefined, string>;
    problems: ColumnType<ImportProblem[], string | undefined, string>;
    summary: ColumnType<LocalisedMessage | null, string | null | undefined, string | null>;
  };
}

export type HrFeedDb = Kysely<KernelTables & OrganisationTables & HrFeedTables>;
export const withHrFeed = (db: OrganisationDb | HrFeedDb): HrFeedDb => db as unknown as HrFeedDb;

/** At most this many changes are kept with a run (the counts are always whole). */
export const maxKeptChanges = 2_000;
export const maxKeptProblems = 2_000;

export async function insertRun(
  db: HrFeedDb,
  values: { source: 'folder' | 'api'; fileName: string; startedBy: string | null; dryRun: boolean; feedDate: string },
): Promise<string> {
  const row = await db
    .insertInto('org_hr_feed_runs')
    .values({
      source: values.source,
      file_name: values.fileName,
      started_by: values.startedBy,
      dry_run: values.dryRun,
      feed_date: values.feedDate,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function finishRun(
  db: HrFeedDb,
  id: string,
  values: {
    outcome: HrFeedOutcome;
    format: HrFeedFormat | null;
    counts: HrFeedCounts | null;
    changes: ImportChange[];
    problems: ImportProblem[];
    summary: LocalisedMessage;
  },
): Promise<void> {
  await db
    .updateTable('org_hr_feed_runs')
    .set({
      finished_at: new Date(),
      outcome: values.outcome,
      format: values.format,
      counts: JSON.stringify(values.counts ?? {}),
      changes: JSON.stringify(values.changes.slice(0, maxKeptChanges)),
      problems: JSON.stringify(values.problems.slice(0, maxKeptProblems)),
      summary: JSON.stringify(values.summary),
    })
    .where('id', '=', id)
    .execute();
}

const parseJson = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

const summaryColumns = [
  'r.id',
  'r.started_at',
  'r.finished_at',
  'r.source',
  'r.file_name',
  'r.format',
  'r.dry_run',
  'r.outcome',
  'r.feed_date',
  'r.counts',
  'r.summary',
  'u.display_name as started_by_name',
] as const;

type SummaryRaw = {
  id: string;
  started_at: Date;
  finished_at: Date | null;
  source: 'folder' | 'api';
  file_name: string;
  format: string | null;
  dry_run: boolean;
  outcome: string | null;
  feed_date: string;
  counts: HrFeedCounts | Record<string, never>;
  summary: LocalisedMessage | null;
  started_by_name: string | null;
  problem_count: number | string;
};

function toSummary(raw: SummaryRaw): HrFeedRunSummary {
  const counts = parseJson(raw.counts);
  return {
    id: raw.id,
    startedAt: raw.started_at.toISOString(),
    finishedAt: raw.finished_at ? raw.finished_at.toISOString() : null,
    source: raw.source,
    fileName: raw.file_name,
    format: raw.format as HrFeedFormat | null,
    dryRun: raw.dry_run,
    outcome: raw.outcome as HrFeedOutcome | null,
    feedDate: raw.feed_date,
    startedBy: raw.started_by_name,
    counts: 'peopleInFile' in counts ? (counts as HrFeedCounts) : null,
    problemCount: Number(raw.problem_count),
    summary: raw.summary === null ? null : parseJson(raw.summary),
  };
}

function runs(db: HrFeedDb) {
  return db
    .selectFrom('org_hr_feed_runs as r')
    .leftJoin('users as u', 'u.id', 'r.started_by')
    .select(summaryColumns)
    .select((eb) => eb.fn<number>('jsonb_array_length', [eb.ref('r.problems')]).as('problem_count'));
}

/** The latest runs, newest first. */
export async function selectRuns(db: HrFeedDb, limit = 50): Promise<HrFeedRunSummary[]> {
  const rows = await runs(db).orderBy('r.started_at', 'desc').orderBy('r.id').limit(limit).execute();
  return rows.map((r) => toSummary(r as SummaryRaw));
}

/** The latest finished run: the alert shows while it was refused or failed. */
export async function selectLastFinishedRun(db: HrFeedDb): Promise<HrFeedRunSummary | null> {
  const row = await runs(db)
    .where('r.outcome', 'is not', null)
    .where('r.dry_run', '=', false)
    .orderBy('r.finished_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toSummary(row as SummaryRaw) : null;
}

export async function selectRun(db: HrFeedDb, id: string): Promise<HrFeedRunDetail | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await runs(db).select(['r.changes', 'r.problems']).where('r.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return { ...toSummary(row as SummaryRaw), changes: parseJson(row.changes), problems: parseJson(row.problems) };
}
