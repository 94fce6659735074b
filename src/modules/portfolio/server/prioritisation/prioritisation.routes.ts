import {
  AppError,
  sendSerialised,
  sendTableExport,
  serialisedOnce,
  writeContext,
  type App,
  type ExportColumn,
  type ModuleContext,
} from '../../../../kernel/index.js';
import {
  CriteriaResponse,
  ExportQuery,
  InitiativeRefParams,
  InitiativeScoresResponse,
  PortfolioSettings,
  PrioritisationResponse,
  PutCriteriaBody,
  PutScoresBody,
  PutSettingsBody,
  WhatIfBody,
  WhatIfResponse,
  type RankedInitiative,
} from '../../prioritisation.schemas.js';
import { mustFindInitiativeId } from '../initiatives/shared.js';
import type { PortfolioDb } from '../portfolio.tables.js';
import { putCriteria, putScores, putSettings } from './commands.js';
import { criteriaSource } from './prioritisation.dataset.js';
import { savedPrioritisation, selectCriteria, selectSettings, toResponse, toScoring } from './prioritisation.queries.js';
import { compareRankings, rank, weightedScore } from './scoring.js';

const tags = ['portfolio'];
const base = '/api/portfolio';

/** Prioritisation: criteria, scores, ranking with the capacity line, what-if — under /api/portfolio. */
export function registerPrioritisationRoutes(app: App, context: ModuleContext): void {
  const db = context.database.db as unknown as PortfolioDb;
  const inTransaction = <T>(run: (trx: PortfolioDb) => Promise<T>) => db.transaction().execute(run);

  const criteriaResponse = async () => ({ ...(await selectCriteria(db)), source: criteriaSource });

  app.get(
    `${base}/criteria`,
    {
      config: { access: 'portfolio:read' },
      schema: { tags, summary: 'The weighted prioritisation criteria', response: { 200: CriteriaResponse } },
    },
    criteriaResponse,
  );

  app.put(
    `${base}/criteria`,
    {
      config: { access: 'portfolio:decide' },
      schema: {
        tags,
        summary: 'Re-weight the criteria (board members): weights 0–100, at least one above 0; a stale revision is refused',
        body: PutCriteriaBody,
        response: { 200: CriteriaResponse },
      },
    },
    async (request) => {
      await inTransaction((trx) => putCriteria(trx, writeContext(request), request.body));
      return criteriaResponse();
    },
  );

  app.get(
    `${base}/settings`,
    {
      config: { access: 'portfolio:read' },
      schema: {
        tags,
        summary: 'The portfolio settings: capacity line (kroner of estimated cost) and report due day',
        response: { 200: PortfolioSettings },
      },
    },
    async () => selectSettings(db),
  );

  app.put(
    `${base}/settings`,
    {
      config: { access: 'portfolio:decide' },
      schema: {
        tags,
        summary: 'Move the capacity line (kroner of estimated cost; board members); a stale revision is refused',
        body: PutSettingsBody,
        response: { 200: PortfolioSettings },
      },
    },
    async (request) => {
      await inTransaction((trx) => putSettings(trx, writeContext(request), request.body));
      return selectSettings(db);
    },
  );

  const scoresOf = async (initiativeId: string) => {
    const [{ criteria }, initiative, rows, saved] = await Promise.all([
      selectCriteria(db),
      db.selectFrom('pf_initiatives').select(['id', 'number']).where('id', '=', initiativeId).executeTakeFirstOrThrow(),
      db.selectFrom('pf_scores').select(['criterion_id', 'score']).where('initiative_id', '=', initiativeId).execute(),
      savedPrioritisation(db),
    ]);
    const scores = Object.fromEntries(rows.map((r) => [r.criterion_id, r.score]));
    const { score, scoredCount } = weightedScore(toScoring(criteria), scores);
    const place = saved.ranked.find((r) => r.candidate.id === initiativeId);
    return {
      initiativeId,
      number: initiative.number,
      criteria: criteria.map((c) => ({
        key: c.key,
        labelNb: c.labelNb,
        labelEn: c.labelEn,
        weight: c.weight,
        higherIsBetter: c.higherIsBetter,
        score: scores[c.id] ?? null,
      })),
      weightedScore: score,
      scoredCount,
      rank: place?.rank ?? null,
      fits: place?.fits ?? null,
    };
  };

  app.get(
    `${base}/initiatives/:ref/scores`,
    {
      config: { access: 'portfolio:read' },
      schema: {
        tags,
        summary: "An initiative's score per criterion, its weighted score and its place in the ranking",
        params: InitiativeRefParams,
        response: { 200: InitiativeScoresResponse },
      },
    },
    async (request) => scoresOf(await mustFindInitiativeId(db, request.params.ref)),
  );

  app.put(
    `${base}/initiatives/:ref/scores`,
    {
      config: { access: 'portfolio:decide' },
      schema: {
        tags,
        summary: 'Score an initiative (board members): 1–5 per criterion key, null removes a score',
        params: InitiativeRefParams,
        body: PutScoresBody,
        response: { 200: InitiativeScoresResponse },
      },
    },
    async (request) => {
      const id = await inTransaction((trx) => putScores(trx, writeContext(request), request.params.ref, request.body));
      return scoresOf(id);
    },
  );

  const savedResponse = async () => {
    const saved = await savedPrioritisation(db);
    return toResponse(saved.ranked, saved.settings.capacityLine, saved.criteria.length, {
      criteria: saved.criteriaRevision,
      settings: saved.settings.revision,
    });
  };

  app.get(
    `${base}/prioritisation`,
    {
      config: { access: 'portfolio:read' },
      schema: {
        tags,
        summary:
          'The ranked candidates (active, idea to execution) with score, demand, cumulative demand and whether each fits within the capacity line',
        response: { 200: PrioritisationResponse },
      },
    },
    async (request, reply) => {
      // The kept ranking's JSON is made once and sent again while nothing changed.
      const saved = await savedPrioritisation(db);
      const body = serialisedOnce(saved, () =>
        toResponse(saved.ranked, saved.settings.capacityLine, saved.criteria.length, {
          criteria: saved.criteriaRevision,
          settings: saved.settings.revision,
        }),
      );
      return sendSerialised(request, reply, body);
    },
  );

  app.post(
    `${base}/prioritisation/what-if`,
    {
      config: { access: 'portfolio:read' },
      schema: {
        tags,
        summary: 'The ranking with proposed weights and/or capacity line, and which initiatives fall in or out — writes nothing',
        body: WhatIfBody,
        response: { 200: WhatIfResponse },
      },
    },
    async (request) => {
      const saved = await savedPrioritisation(db);
      const weights = request.body.weights;
      if (weights) {
        const known = new Set(saved.criteria.map((c) => c.key));
        const unknown = Object.keys(weights).filter((key) => !known.has(key));
        if (unknown.length)
          throw new AppError('invalid', {
            message: { nb: `Ukjent kriterium: ${unknown.join(', ')}.`, en: `Unknown criterion: ${unknown.join(', ')}.` },
            details: unknown.map((key) => ({ in: 'body', path: `/weights/${key}`, problem: 'unknown' })),
          });
      }
      const scoring = toScoring(saved.criteria, weights);
      if (!scoring.some((c) => c.weight > 0))
        throw new AppError('invalid', {
          message: { nb: 'Minst ett kriterium må ha vekt over 0.', en: 'At least one criterion must have a weight above 0.' },
          details: [{ in: 'body', path: '/weights', problem: 'all_zero' }],
        });
      const capacityLine = request.body.capacityLine ?? saved.settings.capacityLine;
      const proposed = rank(scoring, saved.candidates, capacityLine);
      const moved = compareRankings(saved.ranked, proposed);
      const item = (m: (typeof moved.fallsIn)[number]) => ({
        id: m.candidate.id,
        number: m.candidate.number,
        title: m.candidate.title,
        savedRank: m.savedRank,
        proposedRank: m.proposedRank,
      });
      return {
        saved: false as const,
        proposed: toResponse(proposed, capacityLine, saved.criteria.length, {
          criteria: saved.criteriaRevision,
          settings: saved.settings.revision,
        }),
        fallsIn: moved.fallsIn.map(item),
        fallsOut: moved.fallsOut.map(item),
      };
    },
  );

  app.get(
    `${base}/prioritisation/export`,
    {
      config: { access: 'portfolio:read' },
      schema: { tags, summary: 'The ranked list as CSV or XLSX', querystring: ExportQuery },
    },
    async (request, reply) => {
      const response = await savedResponse();
      const columns: ExportColumn<RankedInitiative>[] = [
        { header: 'Rangering', value: (r) => r.rank },
        { header: 'Nummer', value: (r) => `INI-${r.number}` },
        { header: 'Tittel', value: (r) => r.title },
        { header: 'Kategori', value: (r) => r.category },
        { header: 'Lovpålagt', value: (r) => (r.mandated ? 'ja' : 'nei') },
        { header: 'Fase', value: (r) => r.phase },
        { header: 'Poeng (0–100)', value: (r) => r.score },
        { header: 'Scorede kriterier', value: (r) => r.scoredCount },
        { header: 'Estimert kostnad (kr)', value: (r) => r.demand },
        { header: 'Kumulativ kostnad (kr)', value: (r) => r.cumulative },
        { header: 'Innenfor kapasitet', value: (r) => (r.fits ? 'ja' : 'nei') },
        { header: 'Syntetisk', value: (r) => (r.synthetic ? 'ja' : 'nei') },
      ];
      return sendTableExport(reply, request.query.format, 'prioritering', columns, response.items);
    },
  );
}
