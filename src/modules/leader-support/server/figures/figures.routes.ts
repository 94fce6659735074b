import { AppError, can, exportContentTypes, type Actor, type App, type ModuleContext } from '../../../../kernel/index.js';
import { Figures, FiguresQuery } from '../../figures.schemas.js';
import type { LeaderSupportDb } from '../leader-support.tables.js';
import { figuresCsv } from './figures-csv.js';
import { readFigures } from './figures.js';

const tags = ['leader-support'];

/**
 * May the actor see these figures? The desk, analysts and administrators (leader_support:report)
 * see all; a leader sees those of a unit they lead (or lead above), so the ordering unit sees its costs.
 */
async function mayRead(db: LeaderSupportDb, actor: Actor | null, query: FiguresQuery): Promise<void> {
  if (await can(actor, 'leader_support:report')) return;
  if (query.unitId && (await can(actor, 'leader_support:submit', { kind: 'unit', id: query.unitId }, db))) return;
  throw new AppError('forbidden', {
    message: query.unitId
      ? {
          nb: 'Du kan bare se tallene for enheter du er leder for.',
          en: 'You can only see the figures of units you lead.',
        }
      : {
          nb: 'Du har ikke tilgang til tallene for hele lederstøtten. Som leder kan du se tallene for din egen enhet.',
          en: 'You do not have access to the figures for all of leader support. As a leader you can see those of your own unit.',
        },
  });
}

/** GET /api/leader-support/figures and /figures.csv: the dashboard's figures (docs/support-metrics.md). */
export function registerFiguresRoutes(app: App, { database }: ModuleContext): void {
  const db = database.db as unknown as LeaderSupportDb;
  const description =
    'Definitions in docs/support-metrics.md. Period: Norwegian calendar days from–to, both included (default: the last 12 months). ' +
    'Open to leader_support:report; a leader (leader_support:submit) may ask for unitId of a unit they lead.';

  app.get(
    '/api/leader-support/figures',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The figures: first-line rate, self-service, volumes, times per line, SLA, backlog, satisfaction, cost per unit',
        description,
        querystring: FiguresQuery,
        response: { 200: Figures },
      },
    },
    async (request) => {
      await mayRead(db, request.actor, request.query);
      return readFigures(db, request.query);
    },
  );

  app.get(
    '/api/leader-support/figures.csv',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The same figures as CSV (long format: section;key;label;measure;value, UTF-8 with BOM, decimal comma)',
        description,
        querystring: FiguresQuery,
      },
    },
    async (request, reply) => {
      await mayRead(db, request.actor, request.query);
      const figures = await readFigures(db, request.query);
      return reply
        .header('content-type', exportContentTypes.csv)
        .header('content-disposition', `attachment; filename="lederstotte-tall-${figures.from}-${figures.to}.csv"`)
        .header('cache-control', 'no-store')
        .send(figuresCsv(figures));
    },
  );
}
