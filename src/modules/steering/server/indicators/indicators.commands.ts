import { sql } from 'kysely';
import { AppError, can, type Actor, type WriteContext } from '../../../../kernel/index.js';
import type { CreateComment, CreateIndicator, IndicatorInput, PutTargets, PutValues, UpdateIndicator } from '../../indicators.schemas.js';
import type { SteeringDb } from '../steering.tables.js';
import { norwegianToday, parsePeriod, readPeriod } from './periods.js';
import { areaByCode, assertRevision, assertUnitsExist, audit, forbidden, invalid, notFound } from './shared.js';
import { thresholdsContradict } from './status.js';

// The indicator writes: each checks everything first, then writes in the caller's transaction and
// audits, so bad input changes nothing.

export interface IndicatorHead {
  id: string;
  key: string;
  frequency: 'month' | 'tertial' | 'year';
  data_source: string;
  revision: number;
}

export async function indicatorByKey(db: SteeringDb, key: string, lock = false): Promise<IndicatorHead> {
  let query = db.selectFrom('st_indicators').select(['id', 'key', 'frequency', 'data_source', 'revision']).where('key', '=', key);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound(`Fant ikke indikatoren «${key}».`, `Indicator “${key}” was not found.`);
  return row;
}

export async function ownerIds(db: SteeringDb, indicatorId: string): Promise<string[]> {
  const rows = await db.selectFrom('st_indicator_owners').select('unit_id').where('indicator_id', '=', indicatorId).execute();
  return rows.map((row) => row.unit_id);
}

/**
 * May the actor act for this owning unit: steering:write, or a leader of the unit (or above it)
 * today. `db` is the transaction's handle when asked inside one.
 */
export async function actsForUnit(db: SteeringDb, actor: Actor | null, unitId: string): Promise<boolean> {
  if (await can(actor, 'steering:write')) return true;
  return can(actor, 'steering:read', { kind: 'unit', id: unitId }, db);
}

/** The units (of those named) the actor may act for. */
export async function unitsActedFor(db: SteeringDb, actor: Actor | null, unitIds: (string | null | undefined)[]): Promise<Set<string>> {
  const allowed = new Set<string>();
  for (const unitId of new Set(unitIds)) if (unitId && (await actsForUnit(db, actor, unitId))) allowed.add(unitId);
  return allowed;
}

function thresholdMessage(direction: 'higher' | 'lower', greenAt: number | null, redAt: number | null): AppError {
  if (greenAt === null || redAt === null)
    return invalid(
      'Grensene for grønn og rød må settes begge eller ingen av dem.',
      'The thresholds for green and red must both be set, or neither.',
      { field: greenAt === null ? 'greenAt' : 'redAt' },
    );
  return direction === 'higher'
    ? invalid(
        `Grensene motsier hverandre: når høyere er bedre, må grønn-grensen (${greenAt}) være minst like høy som rød-grensen (${redAt}).`,
        `The thresholds contradict each other: when higher is better, the green threshold (${greenAt}) must be at least the red threshold (${redAt}).`,
        { field: 'greenAt' },
      )
    : invalid(
        `Grensene motsier hverandre: når lavere er bedre, må grønn-grensen (${greenAt}) være høyst like høy som rød-grensen (${redAt}).`,
        `The thresholds contradict each other: when lower is better, the green threshold (${greenAt}) must be at most the red threshold (${redAt}).`,
        { field: 'greenAt' },
      );
}

async function checkInput(trx: SteeringDb, input: IndicatorInput) {
  const greenAt = input.greenAt ?? null;
  const redAt = input.redAt ?? null;
  if (thresholdsContradict({ direction: input.direction, greenAt, redAt })) throw thresholdMessage(input.direction, greenAt, redAt);
  const area = input.areaCode ? await areaByCode(trx, input.areaCode) : null;
  await assertUnitsExist(trx, input.ownerUnitIds);
  const goalIds = [...new Set(input.goalIds ?? [])];
  if (goalIds.length) {
    const found = await trx.selectFrom('st_goals').select('id').where('id', 'in', goalIds).execute();
    if (found.length !== goalIds.length)
      throw invalid('Et av målene finnes ikke.', 'One of the goals does not exist.', { field: 'goalIds' });
  }
  if (!input.name.trim()) throw invalid('Skriv et navn på indikatoren.', 'Write a name for the indicator.', { field: 'name' });
  return {
    values: {
      name: input.name.trim(),
      definition: input.definition?.trim() || null,
      unit_of_measure: input.unitOfMeasure?.trim() ?? '',
      direction: input.direction,
      frequency: input.frequency,
      data_source: input.dataSource,
      green_at: greenAt,
      red_at: redAt,
      area_id: area?.id ?? null,
      source: input.source?.trim() || null,
    },
    owners: [...new Set(input.ownerUnitIds)],
    goalIds,
  };
}

async function writeLinks(trx: SteeringDb, indicatorId: string, owners: string[], goalIds: string[]) {
  await trx.deleteFrom('st_indicator_owners').where('indicator_id', '=', indicatorId).execute();
  await trx.deleteFrom('st_indicator_goals').where('indicator_id', '=', indicatorId).execute();
  await trx
    .insertInto('st_indicator_owners')
    .values(owners.map((unit_id) => ({ indicator_id: indicatorId, unit_id })))
    .execute();
  if (goalIds.length)
    await trx
      .insertInto('st_indicator_goals')
      .values(goalIds.map((goal_id) => ({ indicator_id: indicatorId, goal_id })))
      .execute();
}

export async function createIndicator(trx: SteeringDb, context: WriteContext, input: CreateIndicator): Promise<string> {
  const checked = await checkInput(trx, input);
  const exists = await trx.selectFrom('st_indicators').select('id').where('key', '=', input.key).executeTakeFirst();
  if (exists)
    throw new AppError('conflict', {
      message: {
        nb: `Det finnes alt en indikator med nøkkelen «${input.key}».`,
        en: `An indicator with key “${input.key}” already exists.`,
      },
      details: { field: 'key' },
    });
  const row = await trx
    .insertInto('st_indicators')
    .values({ key: input.key, ...checked.values })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeLinks(trx, row.id, checked.owners, checked.goalIds);
  await audit(trx, context, { action: 'create', entityType: 'st_indicator', entityId: row.id, after: { key: input.key, ...checked } });
  return row.id;
}

export async function updateIndicator(trx: SteeringDb, context: WriteContext, key: string, input: UpdateIndicator): Promise<void> {
  const head = await indicatorByKey(trx, key, true);
  assertRevision({ nb: 'indikatoren', en: 'the indicator' }, head.revision, input.revision);
  const checked = await checkInput(trx, input);
  const before = await trx.selectFrom('st_indicators').selectAll().where('id', '=', head.id).executeTakeFirstOrThrow();
  await trx
    .updateTable('st_indicators')
    .set({ ...checked.values, revision: head.revision + 1 })
    .where('id', '=', head.id)
    .execute();
  await writeLinks(trx, head.id, checked.owners, checked.goalIds);
  await audit(trx, context, { action: 'update', entityType: 'st_indicator', entityId: head.id, before, after: checked });
}

/** Values per period for the municipality, a unit or a district; null removes. Every period is checked first. */
export async function putValues(
  trx: SteeringDb,
  context: WriteContext,
  key: string,
  body: PutValues,
  actedFor: Set<string>,
  origin: 'manual' | 'leader_support' = 'manual',
): Promise<{ written: number; removed: number }> {
  const head = await indicatorByKey(trx, key);
  const owners = await ownerIds(trx, head.id);
  const writer = await can(context.actor, 'steering:write');
  const today = norwegianToday();
  const problems: { index: number; field: string; nb: string; en: string }[] = [];
  const unitIds = new Set<string>();
  for (const [index, entry] of body.values.entries()) {
    const parsed = parsePeriod(entry.period, head.frequency, today);
    if (!parsed.ok) problems.push({ index, field: 'period', ...parsed.message });
    if (entry.value !== null && !Number.isFinite(entry.value))
      problems.push({ index, field: 'value', nb: 'Verdien må være et tall.', en: 'The value must be a number.' });
    if (entry.unitId && entry.district != null)
      problems.push({
        index,
        field: 'district',
        nb: 'Velg enhet eller kommunedel, ikke begge.',
        en: 'Choose a unit or a district, not both.',
      });
    if (entry.district != null && (entry.district < 1 || entry.district > 10))
      problems.push({ index, field: 'district', nb: 'Kommunedelen må være 1–10.', en: 'The district must be 1–10.' });
    if (entry.unitId) unitIds.add(entry.unitId);
  }
  if (problems.length)
    throw invalid(
      `Ingenting er lagret: ${problems[0]!.nb}${problems.length > 1 ? ` (og ${problems.length - 1} problem til)` : ''}`,
      `Nothing was saved: ${problems[0]!.en}${problems.length > 1 ? ` (and ${problems.length - 1} more problem(s))` : ''}`,
      { problems },
    );
  if (unitIds.size) await assertUnitsExist(trx, [...unitIds]);
  if (!writer) {
    for (const entry of body.values) {
      const unitId = entry.unitId;
      if (!unitId || !owners.includes(unitId) || !actedFor.has(unitId))
        throw forbidden(
          'Du kan bare registrere verdier for din egen enhet, når den eier indikatoren.',
          'You can only enter values for your own unit, when it owns the indicator.',
        );
    }
  }
  let written = 0;
  let removed = 0;
  for (const entry of body.values) {
    const unitId = entry.unitId ?? null;
    const district = entry.district ?? null;
    await sql`delete from st_indicator_values where indicator_id = ${head.id} and period = ${entry.period} and region is null
      and unit_id is not distinct from ${unitId}::uuid and district is not distinct from ${district}::smallint`.execute(trx);
    if (entry.value === null) {
      removed += 1;
      continue;
    }
    await trx
      .insertInto('st_indicator_values')
      .values({
        indicator_id: head.id,
        period: entry.period,
        unit_id: unitId,
        district,
        value: entry.value,
        origin,
        updated_by: context.actor?.userId ?? null,
      })
      .execute();
    written += 1;
  }
  await audit(trx, context, { action: 'put_values', entityType: 'st_indicator', entityId: head.id, after: { key, values: body.values } });
  return { written, removed };
}

/** Targets per period (future periods allowed; the form must match the frequency); null removes. */
export async function putTargets(trx: SteeringDb, context: WriteContext, key: string, body: PutTargets) {
  const head = await indicatorByKey(trx, key);
  for (const entry of body.targets) {
    const period = readPeriod(entry.period);
    if (!period || period.frequency !== head.frequency) {
      const parsed = parsePeriod(entry.period, head.frequency, '9999-12-31');
      const message = parsed.ok ? { nb: '', en: '' } : parsed.message;
      throw invalid(`Ingenting er lagret: ${message.nb}`, `Nothing was saved: ${message.en}`, { field: 'period', period: entry.period });
    }
    if (entry.target !== null && !Number.isFinite(entry.target))
      throw invalid('Målet må være et tall.', 'The target must be a number.', { field: 'target' });
  }
  let written = 0;
  let removed = 0;
  for (const entry of body.targets) {
    await trx.deleteFrom('st_indicator_targets').where('indicator_id', '=', head.id).where('period', '=', entry.period).execute();
    if (entry.target === null) removed += 1;
    else {
      await trx.insertInto('st_indicator_targets').values({ indicator_id: head.id, period: entry.period, target: entry.target }).execute();
      written += 1;
    }
  }
  await audit(trx, context, {
    action: 'put_targets',
    entityType: 'st_indicator',
    entityId: head.id,
    after: { key, targets: body.targets },
  });
  return { written, removed };
}

/** A comment (and measure) by one of the owning units: its leader, or steering:write. */
export async function addComment(
  trx: SteeringDb,
  context: WriteContext,
  key: string,
  body: CreateComment,
  actedFor: Set<string>,
): Promise<string> {
  const head = await indicatorByKey(trx, key);
  const owners = await ownerIds(trx, head.id);
  const unitId = body.unitId ?? null;
  if (!context.actor) throw forbidden('Du må være logget inn.', 'You must be signed in.');
  if (unitId === null) {
    if (!(await can(context.actor, 'steering:write')))
      throw forbidden('Velg enheten du kommenterer for.', 'Choose the unit you comment for.');
  } else {
    if (!owners.includes(unitId)) {
      if (!(await can(context.actor, 'steering:write')))
        throw forbidden(
          'Bare enhetene som eier indikatoren kan kommentere den.',
          'Only the units that own the indicator can comment on it.',
        );
      throw invalid('Enheten eier ikke indikatoren.', 'The unit does not own the indicator.', { field: 'unitId' });
    }
    if (!actedFor.has(unitId))
      throw forbidden(
        'Bare ledere for enhetene som eier indikatoren kan kommentere den.',
        'Only leaders of the units that own the indicator can comment on it.',
      );
  }
  if (body.period) {
    const parsed = parsePeriod(body.period, head.frequency, norwegianToday());
    if (!parsed.ok) throw invalid(parsed.message.nb, parsed.message.en, { field: 'period' });
  }
  const text = body.body.trim();
  if (!text) throw invalid('Skriv en kommentar.', 'Write a comment.', { field: 'body' });
  const row = await trx
    .insertInto('st_indicator_comments')
    .values({
      indicator_id: head.id,
      unit_id: unitId,
      period: body.period || null,
      body: text,
      measure: body.measure?.trim() || null,
      author_id: context.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(trx, context, { action: 'comment', entityType: 'st_indicator', entityId: head.id, after: { key, ...body } });
  return row.id;
}
