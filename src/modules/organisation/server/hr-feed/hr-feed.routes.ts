import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError, withRawBody, type App, type HrFeedConfig } from '../../../../kernel/index.js';
import {
  HrFeedPushQuery,
  HrFeedRunDetail,
  HrFeedRunList,
  HrFeedRunParams,
  HrFeedStarted,
  HrFeedStatus,
  type HrFeedRunSummary,
} from '../../hr-feed.schemas.js';
import { importMaxBytes } from '../../import-export.schemas.js';
import type { OrganisationDb } from '../organisation.tables.js';
import { HrFeedFolder, startHrFeedWorker, type HrFeedWorkerHandle } from './hr-feed-folder.js';
import { selectLastFinishedRun, selectRun, selectRuns, withHrFeed } from './hr-feed.queries.js';
import { runHrFeed } from './run-hr-feed.js';

const tags = ['organisation'];
const base = '/api/organisation/hr-feed';

/** Constant time whatever the lengths: both sides hashed first. */
function sameToken(sent: string, expected: string): boolean {
  const a = createHash('sha256').update(sent).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function bearer(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1]! : null;
}

const failing = (run: HrFeedRunSummary | null) => run !== null && (run.outcome === 'refused' || run.outcome === 'failed');

/**
 * The HR feed (docs/hr-feed.md): the status for organisation editors (organisation:write: the runs
 * hold names and employee numbers from the HR system), a run of the folder now (organisation:configure), and the API way in
 * for the HR system, with its own bearer token (HR_FEED_TOKEN) and no session.
 */
export function registerHrFeedRoutes(app: App, db: OrganisationDb, config: HrFeedConfig, options: { worker?: boolean } = {}): void {
  const feedDb = withHrFeed(db);
  const folder = new HrFeedFolder(db);
  const log = (message: string) => app.log.info(message);

  app.get(
    `${base}/runs`,
    {
      config: { access: 'organisation:write' },
      schema: {
        tags,
        summary: 'The HR feed: its settings, whether the last run failed, and the latest 50 runs',
        response: { 200: HrFeedRunList },
      },
    },
    async () => {
      const [runs, last] = await Promise.all([selectRuns(feedDb), selectLastFinishedRun(feedDb)]);
      return {
        settings: {
          folderConfigured: config.dir !== undefined,
          apiConfigured: config.token !== undefined,
          maxRemovalShare: config.maxRemovalShare,
          intervalSeconds: config.intervalSeconds,
        },
        failing: failing(last),
        runs,
      };
    },
  );

  app.get(
    `${base}/status`,
    {
      config: { access: 'organisation:write' },
      schema: {
        tags,
        summary: 'The last finished HR feed run, and whether it was refused or failed (the alert on the organisation pages)',
        response: { 200: HrFeedStatus },
      },
    },
    async () => {
      const last = await selectLastFinishedRun(feedDb);
      return { failing: failing(last), lastRun: last };
    },
  );

  app.get(
    `${base}/runs/:id`,
    {
      config: { access: 'organisation:write' },
      schema: {
        tags,
        summary: 'One HR feed run: what changed and every problem by row',
        params: HrFeedRunParams,
        response: { 200: HrFeedRunDetail },
      },
    },
    async (request) => {
      const run = await selectRun(feedDb, request.params.id);
      if (!run) throw new AppError('not_found', { message: { nb: 'Fant ikke kjøringen.', en: 'The run was not found.' } });
      return run;
    },
  );

  app.post(
    `${base}/runs/start`,
    {
      // Like applying a scenario: it changes the whole organisation, so not for an editor limited to an area.
      config: { access: 'organisation:configure' },
      schema: {
        tags,
        summary: 'Read the files waiting in HR_FEED_DIR now, instead of waiting for the timer',
        description: 'The runs apply as the HR feed, not as the editor who starts them: the files are what the HR system put there.',
        response: { 200: HrFeedStarted },
      },
    },
    async (request) => {
      if (!config.dir) {
        throw new AppError('conflict', {
          message: {
            nb: 'Ingen mappe er satt opp for HR-innlesingen (HR_FEED_DIR).',
            en: 'No folder is configured for the HR feed (HR_FEED_DIR).',
          },
          details: { reason: 'not_configured' },
        });
      }
      const runs = await folder.run({
        dir: config.dir,
        maxRemovalShare: config.maxRemovalShare,
        startedBy: request.actor?.userId ?? null,
        requestId: request.id,
        log,
      });
      return { runs: runs.map(({ changes: _changes, problems: _problems, ...summary }) => summary) };
    },
  );

  // The HR system's way in: the file is the raw body. Its content-type parser lives in its own
  // plugin scope, so the rest of the API still only reads JSON bodies of the usual size.
  withRawBody(app, importMaxBytes, (scope) => {
    scope.post(
      `${base}/runs`,
      {
        // No session: the token below is the check. Without a session there is nothing for CSRF to protect.
        config: { access: 'public', csrf: false },
        bodyLimit: importMaxBytes,
        schema: {
          tags,
          summary:
            'The HR system pushes its file (Visma CSV or the organisation format as JSON) with Authorization: Bearer <HR_FEED_TOKEN>',
          description:
            '201 with the run when applied (or checked, with dryRun); 409 `conflict` with the run id and the problems by row when refused: nothing is applied. 401 without the token, or when none is configured.',
          querystring: HrFeedPushQuery,
          response: { 201: HrFeedRunDetail },
        },
      },
      async (request, reply) => {
        const sent = bearer(request.headers.authorization);
        if (!config.token || sent === null || !sameToken(sent, config.token)) {
          throw new AppError('unauthenticated', {
            message: {
              nb: 'HR-innlesingen krever riktig token (Authorization: Bearer …).',
              en: 'The HR feed needs the right token (Authorization: Bearer …).',
            },
          });
        }
        const body = request.body as Buffer | undefined;
        if (!Buffer.isBuffer(body) || body.length === 0)
          throw new AppError('invalid', { message: { nb: 'Filen er tom.', en: 'The file is empty.' } });
        const run = await runHrFeed(
          db,
          {
            bytes: body,
            fileName: request.query.fileName?.trim() || 'api',
            source: 'api',
            startedBy: null,
            requestId: request.id,
            dryRun: request.query.dryRun ?? false,
            photoDir: config.dir,
          },
          { maxRemovalShare: config.maxRemovalShare },
        );
        if (run.outcome === 'refused' || run.outcome === 'failed') {
          throw new AppError(run.outcome === 'failed' ? 'invalid' : 'conflict', {
            message: run.summary ?? undefined,
            details: { runId: run.id, outcome: run.outcome, problems: run.problems.slice(0, 100) },
          });
        }
        return reply.code(201).send(run);
      },
    );
  });

  // The timer: started with the app, stopped on close; off under Vitest, where tests start runs themselves.
  if (config.dir && (options.worker ?? !process.env.VITEST)) {
    const dir = config.dir;
    let handle: HrFeedWorkerHandle | undefined;
    app.addHook('onReady', async () => {
      handle = startHrFeedWorker(folder, {
        dir,
        intervalMs: config.intervalSeconds * 1000,
        maxRemovalShare: config.maxRemovalShare,
        startedBy: null,
        requestId: null,
        log,
      });
    });
    app.addHook('onClose', async () => {
      await handle?.stop();
    });
  }
}
