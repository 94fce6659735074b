import { AppError, type WriteContext } from '../../../../kernel/index.js';
import type { PutCriteriaBody, PutScoresBody, PutSettingsBody } from '../../prioritisation.schemas.js';
import type { PortfolioDb } from '../portfolio.tables.js';
import { audit, mustFindInitiativeId } from '../initiatives/shared.js';

// Prioritisation writes: the criteria's weights, the capacity line, an initiative's scores.
// Each runs inside the caller's transaction, checks first, then writes and audits.

const invalid = (nb: string, en: string, details?: unknown) => new AppError('invalid', { message: { nb, en }, details });
const stale = (nb: string, en: string, details?: unknown) => new AppError('stale', { message: { nb, en }, details });

/** Weights 0–100 (the schema checks), every key known, no key twice, at least one weight above 0 after the change. */
export async function putCriteria(trx: PortfolioDb, context: WriteContext, body: PutCriteriaBody): Promise<void> {
  const rows = await trx.selectFrom('pf_criteria').selectAll().orderBy('sort_order').forUpdate().execute();
  const current = rows.reduce((max, r) => Math.max(max, r.revision), 1);
  if (body.revision !== current)
    throw stale(
      'Kriteriene er endret av noen andre siden du åpnet dem. Last inn på nytt og gjør endringen igjen.',
      'The criteria were changed by someone else since you opened them. Reload and make your change again.',
      { currentRevision: current },
    );
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const seen = new Set<string>();
  const problems: { in: 'body'; path: string; problem: string }[] = [];
  body.criteria.forEach((c, index) => {
    if (!byKey.has(c.key)) problems.push({ in: 'body', path: `/criteria/${index}/key`, problem: 'unknown' });
    else if (seen.has(c.key)) problems.push({ in: 'body', path: `/criteria/${index}/key`, problem: 'duplicate' });
    seen.add(c.key);
  });
  if (problems.length) throw invalid('Ukjent eller gjentatt kriterium.', 'Unknown or repeated criterion.', problems);
  const weights = new Map(rows.map((r) => [r.key, Number(r.weight)]));
  for (const c of body.criteria) weights.set(c.key, c.weight);
  if (![...weights.values()].some((w) => w > 0))
    throw invalid('Minst ett kriterium må ha vekt over 0.', 'At least one criterion must have a weight above 0.', [
      { in: 'body', path: '/criteria', problem: 'all_zero' },
    ]);
  const next = current + 1;
  for (const row of rows) {
    const change = body.criteria.find((c) => c.key === row.key);
    await trx
      .updateTable('pf_criteria')
      .set({
        weight: change?.weight ?? row.weight,
        label_nb: change?.labelNb?.trim() ?? row.label_nb,
        label_en: change?.labelEn?.trim() ?? row.label_en,
        revision: next,
      })
      .where('id', '=', row.id)
      .execute();
  }
  await audit(trx, context, {
    action: 'portfolio.criteria.update',
    entityType: 'pf_criteria',
    entityId: null,
    before: rows.map((r) => ({ key: r.key, weight: Number(r.weight) })),
    after: [...weights].map(([key, weight]) => ({ key, weight })),
  });
}

export async function putSettings(trx: PortfolioDb, context: WriteContext, body: PutSettingsBody): Promise<void> {
  const row = await trx.selectFrom('pf_settings').selectAll().forUpdate().executeTakeFirstOrThrow();
  if (body.revision !== row.revision)
    throw stale(
      'Kapasitetslinjen er endret av noen andre siden du åpnet siden. Last inn på nytt.',
      'The capacity line was changed by someone else since you opened the page. Reload.',
      { currentRevision: row.revision },
    );
  await trx
    .updateTable('pf_settings')
    .set({ capacity_line: body.capacityLine, report_due_day: body.reportDueDay ?? row.report_due_day, revision: row.revision + 1 })
    .execute();
  await audit(trx, context, {
    action: 'portfolio.settings.update',
    entityType: 'pf_settings',
    entityId: null,
    before: { capacityLine: Number(row.capacity_line), reportDueDay: row.report_due_day },
    after: { capacityLine: body.capacityLine, reportDueDay: body.reportDueDay ?? row.report_due_day },
  });
}

/** Sets (1–5) or removes (null) scores by criterion key. */
export async function putScores(trx: PortfolioDb, context: WriteContext, ref: string, body: PutScoresBody): Promise<string> {
  const initiativeId = await mustFindInitiativeId(trx, ref);
  const criteria = await trx.selectFrom('pf_criteria').select(['id', 'key']).execute();
  const byKey = new Map(criteria.map((c) => [c.key, c.id]));
  const unknown = Object.keys(body.scores).filter((key) => !byKey.has(key));
  if (unknown.length)
    throw invalid(
      `Ukjent kriterium: ${unknown.join(', ')}.`,
      `Unknown criterion: ${unknown.join(', ')}.`,
      unknown.map((key) => ({ in: 'body', path: `/scores/${key}`, problem: 'unknown' })),
    );
  const before = await trx.selectFrom('pf_scores').select(['criterion_id', 'score']).where('initiative_id', '=', initiativeId).execute();
  for (const [key, score] of Object.entries(body.scores)) {
    const criterionId = byKey.get(key)!;
    if (score === null) {
      await trx.deleteFrom('pf_scores').where('initiative_id', '=', initiativeId).where('criterion_id', '=', criterionId).execute();
    } else {
      await trx
        .insertInto('pf_scores')
        .values({ initiative_id: initiativeId, criterion_id: criterionId, score, scored_by: context.actor?.userId ?? null })
        .onConflict((oc) =>
          oc
            .columns(['initiative_id', 'criterion_id'])
            .doUpdateSet({ score, scored_by: context.actor?.userId ?? null, scored_at: new Date() }),
        )
        .execute();
    }
  }
  const keyOf = new Map(criteria.map((c) => [c.id, c.key]));
  await audit(trx, context, {
    action: 'portfolio.scores.update',
    entityType: 'pf_initiative',
    entityId: initiativeId,
    before: Object.fromEntries(before.map((s) => [keyOf.get(s.criterion_id), s.score])),
    after: body.scores,
  });
  return initiativeId;
}
