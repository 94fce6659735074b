import { AppError, CsvError, parseCsv, type WriteContext } from '../../../../kernel/index.js';
import type {
  Adjustment,
  AdjustmentCreate,
  AdjustmentUpdate,
  AreaInput,
  AreaUpdate,
  ImportActualsBody,
  ImportActualsResult,
  ImportProblem,
  ProgrammeArea,
  PutBudgetsBody,
  PutForecastBody,
} from '../../budget.schemas.js';
import { assertRevision, audit, type DecisionsDb, existingUnits, invalid, isUuid, lockById, notFound } from '../decisions/shared.js';
import { selectAdjustments, selectAreaByCode } from './budget.queries.js';

// Writes of the budget programme areas. Each runs inside the caller's transaction: everything is
// checked first (a clear 400 listing the problems, nothing written), then written and audited.

type FieldProblem = { path: string; problem: { nb: string; en: string } };
const field = (path: string, nb: string, en: string): FieldProblem => ({ path, problem: { nb, en } });
const fail = (problems: FieldProblem[]): never => {
  throw invalid(problems[0]!.problem.nb, problems[0]!.problem.en, problems);
};

const codePattern = /^[A-Z0-9][A-Z0-9.-]{0,15}$/;
/** Amounts are whole kroner; anything beyond ±10^13 is a typing error. */
const maxAmount = 1e13;
const amountOk = (value: number) => Number.isFinite(value) && Math.abs(value) < maxAmount;
const trimOrNull = (value: string | null | undefined) =>
  value === null || value === undefined || value.trim() === '' ? null : value.trim();

async function areaOrThrow(trx: DecisionsDb, code: string): Promise<ProgrammeArea> {
  const area = await selectAreaByCode(trx, code);
  if (!area) throw notFound(`Fant ikke programområdet ${code}.`, `Programme area ${code} not found.`);
  return area;
}

async function cleanArea(trx: DecisionsDb, input: AreaInput, exceptId?: string) {
  const problems: FieldProblem[] = [];
  const code = input.code.trim().toUpperCase();
  if (!codePattern.test(code))
    problems.push(
      field(
        'code',
        'Koden skrives med store bokstaver og tall, for eksempel «P01» (høyst 16 tegn).',
        'Write the code in capitals and digits, e.g. "P01" (at most 16 characters).',
      ),
    );
  const name = input.name.trim();
  if (!name) problems.push(field('name', 'Skriv et navn.', 'Enter a name.'));
  const unitIds = [...new Set(input.unitIds ?? [])];
  const known = await existingUnits(trx, unitIds);
  const missing = unitIds.filter((id) => !known.has(id));
  if (missing.length)
    problems.push(field('unitIds', `Enheten finnes ikke: ${missing.join(', ')}.`, `Unit not found: ${missing.join(', ')}.`));
  if (codePattern.test(code)) {
    let query = trx.selectFrom('st_programme_areas').select('id').where('code', '=', code);
    if (exceptId) query = query.where('id', '<>', exceptId);
    if (await query.executeTakeFirst())
      throw new AppError('conflict', {
        message: { nb: `Koden ${code} er allerede i bruk.`, en: `The code ${code} is already in use.` },
        details: [field('code', 'Allerede i bruk.', 'Already in use.')],
      });
  }
  if (problems.length) fail(problems);
  return { code, name, committee: trimOrNull(input.committee), unitIds, source: trimOrNull(input.source) };
}

export async function createArea(trx: DecisionsDb, context: WriteContext, input: AreaInput): Promise<ProgrammeArea> {
  const values = await cleanArea(trx, input);
  const row = await trx
    .insertInto('st_programme_areas')
    .values({
      code: values.code,
      name: values.name,
      committee: values.committee,
      active: input.active ?? true,
      sort_order: input.sortOrder ?? 0,
      source: values.source,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (values.unitIds.length)
    await trx
      .insertInto('st_area_units')
      .values(values.unitIds.map((unit_id) => ({ area_id: row.id, unit_id })))
      .execute();
  const created = (await selectAreaByCode(trx, values.code))!;
  await audit(trx, context, { action: 'create', entityType: 'st_programme_area', entityId: row.id, after: created });
  return created;
}

export async function updateArea(trx: DecisionsDb, context: WriteContext, code: string, input: AreaUpdate): Promise<ProgrammeArea> {
  const before = await areaOrThrow(trx, code);
  await lockById(trx, 'st_programme_areas', before.id);
  const locked = await trx.selectFrom('st_programme_areas').select('revision').where('id', '=', before.id).executeTakeFirstOrThrow();
  assertRevision({ nb: 'programområdet', en: 'the programme area' }, locked.revision, input.revision);
  const values = await cleanArea(trx, input, before.id);
  await trx
    .updateTable('st_programme_areas')
    .set({
      code: values.code,
      name: values.name,
      committee: values.committee,
      active: input.active ?? before.active,
      sort_order: input.sortOrder ?? before.sortOrder,
      source: input.source === undefined ? before.source : values.source,
      revision: locked.revision + 1,
    })
    .where('id', '=', before.id)
    .execute();
  if (input.unitIds !== undefined) {
    await trx.deleteFrom('st_area_units').where('area_id', '=', before.id).execute();
    if (values.unitIds.length)
      await trx
        .insertInto('st_area_units')
        .values(values.unitIds.map((unit_id) => ({ area_id: before.id, unit_id })))
        .execute();
  }
  const after = (await selectAreaByCode(trx, values.code))!;
  await audit(trx, context, { action: 'update', entityType: 'st_programme_area', entityId: before.id, before, after });
  return after;
}

/** The annual budget for `year` and the four-year financial plan decided that year (years year..year+3). */
export async function putBudgets(trx: DecisionsDb, context: WriteContext, code: string, input: PutBudgetsBody): Promise<void> {
  const area = await areaOrThrow(trx, code);
  const problems: FieldProblem[] = [];
  if (!amountOk(input.budget)) problems.push(field('budget', 'Budsjettet er ikke et gyldig beløp.', 'The budget is not a valid amount.'));
  const seen = new Set<number>();
  input.plan.forEach((p, i) => {
    if (p.year < input.year || p.year > input.year + 3)
      problems.push(
        field(
          `plan/${i}/year`,
          `Økonomiplanen vedtatt i ${input.year} gjelder årene ${input.year}–${input.year + 3}; ${p.year} er utenfor.`,
          `The financial plan adopted in ${input.year} covers ${input.year}–${input.year + 3}; ${p.year} is outside it.`,
        ),
      );
    if (seen.has(p.year)) problems.push(field(`plan/${i}/year`, `Året ${p.year} står to ganger.`, `The year ${p.year} is given twice.`));
    seen.add(p.year);
    if (!amountOk(p.amount)) problems.push(field(`plan/${i}/amount`, 'Beløpet er ikke gyldig.', 'The amount is not valid.'));
  });
  if (problems.length) fail(problems);
  const before = await trx
    .selectFrom('st_budgets')
    .selectAll()
    .where('area_id', '=', area.id)
    .where('plan_year', '=', input.year)
    .execute();
  await trx.deleteFrom('st_budgets').where('area_id', '=', area.id).where('plan_year', '=', input.year).execute();
  const source = trimOrNull(input.source);
  await trx
    .insertInto('st_budgets')
    .values([
      { area_id: area.id, year: input.year, kind: 'budget', plan_year: input.year, amount: input.budget, source },
      ...input.plan.map((p) => ({
        area_id: area.id,
        year: p.year,
        kind: 'plan' as const,
        plan_year: input.year,
        amount: p.amount,
        source,
      })),
    ])
    .execute();
  await audit(trx, context, { action: 'put_budgets', entityType: 'st_programme_area', entityId: area.id, before, after: input });
}

export async function putForecast(trx: DecisionsDb, context: WriteContext, code: string, input: PutForecastBody): Promise<void> {
  const area = await areaOrThrow(trx, code);
  if (!amountOk(input.amount)) fail([field('amount', 'Prognosen er ikke et gyldig beløp.', 'The forecast is not a valid amount.')]);
  const values = {
    area_id: area.id,
    year: input.year,
    as_of_month: input.asOfMonth,
    amount: input.amount,
    comment: trimOrNull(input.comment),
    updated_by: context.actor?.userId ?? null,
    updated_at: new Date(),
  };
  await trx
    .insertInto('st_forecasts')
    .values(values)
    .onConflict((oc) =>
      oc
        .columns(['area_id', 'year', 'as_of_month'])
        .doUpdateSet({ amount: values.amount, comment: values.comment, updated_by: values.updated_by, updated_at: values.updated_at }),
    )
    .execute();
  await audit(trx, context, { action: 'put_forecast', entityType: 'st_programme_area', entityId: area.id, after: input });
}

/** A Norwegian or plain amount: «1 234 567», «-1234,50», «1.234,5», «−500». */
export function parseAmount(text: string): number | null {
  let t = text.replace(/[\s\u00a0\u202f]/g, '').replace(/\u2212/g, '-');
  if (t.includes(',') && t.includes('.')) t = t.replace(/\./g, '').replace(',', '.');
  else if (t.includes(',')) t = t.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  const value = Number(t);
  return amountOk(value) ? value : null;
}

const p = (row: number | null, column: string | null, nb: string, en: string): ImportProblem => ({ row, column, message: { nb, en } });

/**
 * Actuals from the accounting system, CSV: area code; year; month; amount (a header line is
 * allowed). All or nothing: every bad row and column is reported (400, details = the problems)
 * and nothing is written. Re-importing the same file changes nothing (upsert per area, year, month).
 */
export async function importActuals(trx: DecisionsDb, context: WriteContext, input: ImportActualsBody): Promise<ImportActualsResult> {
  let records: { row: number; fields: string[] }[];
  try {
    records = parseCsv(input.csv);
  } catch (error) {
    if (error instanceof CsvError)
      throw invalid(error.userMessage.nb, error.userMessage.en, [p(error.row, null, error.userMessage.nb, error.userMessage.en)]);
    throw error;
  }
  records = records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  if (records.length && !/^\d{4}$/.test(records[0]!.fields[1]?.trim() ?? '')) records = records.slice(1); // header line
  const problems: ImportProblem[] = [];
  if (records.length === 0) problems.push(p(null, null, 'Filen har ingen rader med regnskapstall.', 'The file has no rows of actuals.'));
  const areas = new Map((await trx.selectFrom('st_programme_areas').select(['id', 'code']).execute()).map((a) => [a.code, a.id] as const));
  const seen = new Map<string, number>();
  const rows: { area_id: string; year: number; month: number; amount: number }[] = [];
  for (const { row, fields } of records) {
    if (fields.length !== 4) {
      problems.push(
        p(
          row,
          null,
          `Raden har ${fields.length} kolonner; forventet 4 (område; år; måned; beløp).`,
          `The row has ${fields.length} columns; expected 4 (area; year; month; amount).`,
        ),
      );
      continue;
    }
    const [codeText, yearText, monthText, amountText] = fields.map((f) => f.trim()) as [string, string, string, string];
    let ok = true;
    const areaId = areas.get(codeText.toUpperCase());
    if (!areaId) {
      problems.push(p(row, 'område', `Programområdet «${codeText}» finnes ikke.`, `Programme area "${codeText}" does not exist.`));
      ok = false;
    }
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
    if (!(year >= 2000 && year <= 2100)) {
      problems.push(p(row, 'år', `Året «${yearText}» er ikke gyldig (2000–2100).`, `The year "${yearText}" is not valid (2000–2100).`));
      ok = false;
    }
    const month = /^\d{1,2}$/.test(monthText) ? Number(monthText) : NaN;
    if (!(month >= 1 && month <= 12)) {
      problems.push(p(row, 'måned', `Måneden «${monthText}» er ikke gyldig (1–12).`, `The month "${monthText}" is not valid (1–12).`));
      ok = false;
    }
    const amount = parseAmount(amountText);
    if (amount === null) {
      problems.push(p(row, 'beløp', `Beløpet «${amountText}» er ikke et tall.`, `The amount "${amountText}" is not a number.`));
      ok = false;
    }
    if (!ok) continue;
    const key = `${areaId}|${year}|${month}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push(
        p(row, null, `Samme område, år og måned står også på rad ${earlier}.`, `The same area, year and month is also on row ${earlier}.`),
      );
      continue;
    }
    seen.set(key, row);
    rows.push({ area_id: areaId!, year, month, amount: amount! });
  }
  if (problems.length) {
    throw invalid(
      `Importen ble avvist: ${problems.length} problem(er) i filen. Ingenting er lagret; rett filen og prøv igjen.`,
      `The import was refused: ${problems.length} problem(s) in the file. Nothing was saved; correct the file and try again.`,
      problems,
    );
  }
  const existing = await trx
    .selectFrom('st_actuals')
    .select(['area_id', 'year', 'month', 'amount'])
    .where('area_id', 'in', [...new Set(rows.map((r) => r.area_id))])
    .where('year', 'in', [...new Set(rows.map((r) => r.year))])
    .execute();
  const current = new Map(existing.map((e) => [`${e.area_id}|${e.year}|${e.month}`, Number(e.amount)] as const));
  const changed = rows.filter((r) => current.get(`${r.area_id}|${r.year}|${r.month}`) !== r.amount);
  const record = await trx
    .insertInto('st_imports')
    .values({
      kind: 'actuals_csv',
      file_name: input.fileName.trim() || 'regnskap.csv',
      status: 'done',
      bytes_total: input.csv.length,
      bytes_done: input.csv.length,
      rows_written: changed.length,
      problems: JSON.stringify([]),
      created_by: context.actor!.userId,
      finished_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (let i = 0; i < changed.length; i += 500) {
    const chunk = changed.slice(i, i + 500).map((r) => ({ ...r, import_id: record.id }));
    await trx
      .insertInto('st_actuals')
      .values(chunk)
      .onConflict((oc) =>
        oc
          .columns(['area_id', 'year', 'month'])
          .doUpdateSet((eb) => ({ amount: eb.ref('excluded.amount'), import_id: eb.ref('excluded.import_id') })),
      )
      .execute();
  }
  await audit(trx, context, {
    action: 'import_actuals',
    entityType: 'st_import',
    entityId: record.id,
    after: { fileName: input.fileName, rows: rows.length, changed: changed.length },
  });
  return {
    importId: record.id,
    rowsWritten: changed.length,
    areas: new Set(rows.map((r) => r.area_id)).size,
    unchanged: rows.length - changed.length,
  };
}

async function cleanAdjustment(trx: DecisionsDb, input: AdjustmentCreate | AdjustmentUpdate) {
  const problems: FieldProblem[] = [];
  const title = input.title.trim();
  if (!title) problems.push(field('title', 'Skriv en tittel på tiltaket.', 'Enter a title for the measure.'));
  if (!amountOk(input.amount)) problems.push(field('amount', 'Beløpet er ikke gyldig.', 'The amount is not valid.'));
  const decisionId = trimOrNull(input.decisionId);
  if (decisionId) {
    const found = isUuid(decisionId)
      ? await trx.selectFrom('st_political_decisions').select('id').where('id', '=', decisionId).executeTakeFirst()
      : undefined;
    if (!found) problems.push(field('decisionId', 'Vedtaket finnes ikke i registeret.', 'The decision is not in the register.'));
  }
  if (problems.length) fail(problems);
  return {
    year: input.year,
    title,
    reason: (input.reason ?? '').trim(),
    amount: input.amount,
    decision_id: decisionId,
    decision_reference: trimOrNull(input.decisionReference),
    status: input.status ?? ('proposed' as const),
  };
}

export async function createAdjustment(trx: DecisionsDb, context: WriteContext, input: AdjustmentCreate): Promise<Adjustment> {
  const area = await areaOrThrow(trx, input.areaCode.trim().toUpperCase());
  const values = await cleanAdjustment(trx, input);
  const row = await trx
    .insertInto('st_adjustments')
    .values({ ...values, area_id: area.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  const [created] = await selectAdjustments(trx, { id: row.id });
  await audit(trx, context, { action: 'create', entityType: 'st_adjustment', entityId: row.id, after: created });
  return created!;
}

async function lockAdjustment(trx: DecisionsDb, id: string, revision: number) {
  const locked = isUuid(id) ? await lockById(trx, 'st_adjustments', id) : null;
  if (!locked) throw notFound('Fant ikke tiltaket.', 'Measure not found.');
  assertRevision({ nb: 'tiltaket', en: 'the measure' }, locked.revision, revision);
  return locked;
}

export async function updateAdjustment(trx: DecisionsDb, context: WriteContext, id: string, input: AdjustmentUpdate): Promise<Adjustment> {
  const locked = await lockAdjustment(trx, id, input.revision);
  const values = await cleanAdjustment(trx, input);
  const [before] = await selectAdjustments(trx, { id });
  await trx
    .updateTable('st_adjustments')
    .set({ ...values, revision: locked.revision + 1 })
    .where('id', '=', id)
    .execute();
  const [after] = await selectAdjustments(trx, { id });
  await audit(trx, context, { action: 'update', entityType: 'st_adjustment', entityId: id, before, after });
  return after!;
}

export async function deleteAdjustment(trx: DecisionsDb, context: WriteContext, id: string, revision: number): Promise<void> {
  await lockAdjustment(trx, id, revision);
  const [before] = await selectAdjustments(trx, { id });
  await trx.deleteFrom('st_adjustments').where('id', '=', id).execute();
  await audit(trx, context, { action: 'delete', entityType: 'st_adjustment', entityId: id, before });
}
