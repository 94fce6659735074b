import { todayInNorway, type WriteContext } from '../../../../kernel/index.js';
import type { HrFeedCounts, HrFeedFormat, HrFeedOutcome, HrFeedRunDetail } from '../../hr-feed.schemas.js';
import type { ImportChange, ImportProblem, LocalisedMessage } from '../../import-export.schemas.js';
import { ImportStepError, problemOfStep, runImportSteps } from '../import-export/apply-import.js';
import { selectOrganisationState } from '../import-export/import-export.queries.js';
import { message } from '../import-export/organisation-format.js';
import { planImport } from '../import-export/plan-import.js';
import { audit } from '../commands/shared.js';
import type { OrganisationDb } from '../organisation.tables.js';
import { selectOrganisationBase, withScenarios } from '../scenarios.queries.js';
import { finishRun, insertRun, selectRun, withHrFeed } from './hr-feed.queries.js';
import { applyFeedContacts, readFeedContacts } from './hr-feed-contacts.js';
import { applyFeedPhotos, readFeedPhotos } from './hr-feed-photos.js';
import { planHrDelta } from './plan-hr-delta.js';
import { FeedFileError, readFeed } from './read-feed.js';

// One run of the HR feed: read the file, compare it with the organisation (the dry run: every
// check of plan-hr-delta.ts and of the import's own planner), and only when nothing is wrong apply
// it through the import's steps and the organisation's commands, all in one transaction. A refusal
// anywhere, a step the commands refuse included, rolls everything back. The run, its counts, what
// changed and every problem by row are kept (org_hr_feed_runs) and audited, applied or not.

export const hrFeedEntityType = 'organisation_hr_feed_run';

export interface HrFeedRunInput {
  bytes: Uint8Array;
  fileName: string;
  source: 'folder' | 'api';
  /** Who started it from the status page (the changes themselves are the feed's, not theirs). */
  startedBy: string | null;
  requestId: string | null;
  /** Compare and try every step, then roll back: nothing is applied. */
  dryRun?: boolean;
  /** HR_FEED_DIR: the «Bilde» column's files are read from its `bilder/` (hr-feed-photos.ts); none: photos left as they are. */
  photoDir?: string;
}

export interface HrFeedRunOptions {
  maxRemovalShare: number;
  /** The feed date; today in Oslo unless a test or the bench says otherwise. */
  date?: string;
}

interface Outcome {
  outcome: HrFeedOutcome;
  format: HrFeedFormat | null;
  counts: HrFeedCounts | null;
  changes: ImportChange[];
  problems: ImportProblem[];
}

/** Thrown inside the transaction to roll it back, carrying what was found. */
class RolledBack extends Error {
  constructor(readonly result: Outcome) {
    super('rolled back');
  }
}

const describeCounts = (c: HrFeedCounts): LocalisedMessage =>
  message(
    `${c.peopleNew} nye personer, ${c.peopleRenamed} nye navn, ${c.peopleGone} borte; ${c.assignmentsNew} nye tilknytninger, ${c.assignmentsChanged} endrede, ${c.assignmentsEnded} avsluttede`,
    `${c.peopleNew} new people, ${c.peopleRenamed} renamed, ${c.peopleGone} gone; ${c.assignmentsNew} new assignments, ${c.assignmentsChanged} changed, ${c.assignmentsEnded} ended`,
  );

function summaryOf(result: Outcome): LocalisedMessage {
  const n = result.problems.length;
  switch (result.outcome) {
    case 'applied': {
      const c = describeCounts(result.counts!);
      return message(`Lest inn: ${c.nb}.`, `Applied: ${c.en}.`);
    }
    case 'checked': {
      const c = describeCounts(result.counts!);
      return message(`Prøvd uten feil (ingenting endret): ${c.nb}.`, `Dry run without problems (nothing changed): ${c.en}.`);
    }
    case 'refused':
      return message(
        `Avvist: ${n} ${n === 1 ? 'problem' : 'problemer'} i filen. Ingenting er endret.`,
        `Refused: ${n} ${n === 1 ? 'problem' : 'problems'} in the file. Nothing was changed.`,
      );
    case 'failed':
      return message(
        `Filen kunne ikke leses: ${result.problems[0]?.message.nb ?? ''} Ingenting er endret.`,
        `The file could not be read: ${result.problems[0]?.message.en ?? ''} Nothing was changed.`,
      );
  }
}

/** Runs one file through the feed and returns the run as the status page shows it. */
export async function runHrFeed(db: OrganisationDb, input: HrFeedRunInput, options: HrFeedRunOptions): Promise<HrFeedRunDetail> {
  const date = options.date ?? todayInNorway();
  const feedDb = withHrFeed(db);
  const runId = await insertRun(feedDb, {
    source: input.source,
    fileName: input.fileName,
    startedBy: input.startedBy,
    dryRun: input.dryRun ?? false,
    feedDate: date,
  });
  const context: WriteContext = { actor: null, requestId: input.requestId };
  let result: Outcome;
  try {
    result = await compareAndApply(db, context, input, options, date, runId);
  } catch (error) {
    const reason =
      error instanceof FeedFileError
        ? error.userMessage
        : message(
            'Det oppsto en uventet feil under innlesingen; se serverloggen.',
            'An unexpected error occurred during the run; see the server log.',
          );
    result = {
      outcome: 'failed',
      format: null,
      counts: null,
      changes: [],
      problems: [{ file: input.fileName, sheet: null, entity: null, row: null, column: null, message: reason }],
    };
    await recordFinished(db, context, runId, input, result);
    if (!(error instanceof FeedFileError)) throw error;
    return (await selectRun(feedDb, runId))!;
  }
  if (result.outcome !== 'applied') await recordFinished(db, context, runId, input, result);
  return (await selectRun(feedDb, runId))!;
}

async function compareAndApply(
  db: OrganisationDb,
  context: WriteContext,
  input: HrFeedRunInput,
  options: HrFeedRunOptions,
  date: string,
  runId: string,
): Promise<Outcome> {
  const feed = readFeed(input.bytes, input.fileName);
  const photos = await readFeedPhotos(feed, input.photoDir);
  const contacts = readFeedContacts(feed);
  try {
    return await db.transaction().execute(async (trx) => {
      // The change counter locked first: no edit to the organisation slips in between the comparison and the writes.
      await selectOrganisationBase(withScenarios(trx), true);
      const state = await selectOrganisationState(trx);
      const delta = planHrDelta(feed, state, { date, maxRemovalShare: options.maxRemovalShare });
      const { plan, steps } = planImport(delta.parsed, state, date);
      const found: Outcome = {
        outcome: 'refused',
        format: feed.format,
        counts: delta.counts,
        changes: [...plan.changes, ...delta.endingChanges],
        problems: [...delta.problems, ...plan.problems, ...(photos?.problems ?? []), ...(contacts?.problems ?? [])],
      };
      if (found.problems.length > 0) throw new RolledBack(found);
      try {
        await runImportSteps(trx, context, [...delta.endings, ...steps], date);
      } catch (error) {
        if (!(error instanceof ImportStepError)) throw error;
        throw new RolledBack({ ...found, problems: [problemOfStep(input.fileName, error)] });
      }
      if (photos) found.changes.push(...(await applyFeedPhotos(trx, context, photos)));
      if (contacts) found.changes.push(...(await applyFeedContacts(trx, context, contacts)));
      if (input.dryRun) throw new RolledBack({ ...found, outcome: 'checked' });
      const applied: Outcome = { ...found, outcome: 'applied' };
      await recordFinished(trx, context, runId, input, applied);
      return applied;
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.result;
    throw error;
  }
}

/** The run's end and its audit entry, in one transaction (the apply's own, when it applied). */
async function recordFinished(
  db: OrganisationDb,
  context: WriteContext,
  runId: string,
  input: HrFeedRunInput,
  result: Outcome,
): Promise<void> {
  const write = async (trx: OrganisationDb) => {
    await finishRun(withHrFeed(trx), runId, { ...result, summary: summaryOf(result) });
    await audit(trx, context, {
      action:
        result.outcome === 'applied' ? 'apply' : result.outcome === 'checked' ? 'check' : result.outcome === 'refused' ? 'refuse' : 'fail',
      entityType: hrFeedEntityType,
      entityId: runId,
      after: {
        fileName: input.fileName,
        source: input.source,
        startedBy: input.startedBy,
        outcome: result.outcome,
        format: result.format,
        counts: result.counts,
        problems: result.problems.length,
      },
    });
  };
  if (result.outcome === 'applied') await write(db);
  else await db.transaction().execute(write);
}
