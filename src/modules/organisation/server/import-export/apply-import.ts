import { AppError, assertImportPlanned, isAppError, type WriteContext } from '../../../../kernel/index.js';
import type { ImportPlan, ImportProblem, LocalisedMessage } from '../../import-export.schemas.js';
import {
  addLine,
  assignPerson,
  changePosition,
  changeUnit,
  createPerson,
  createPosition,
  createUnit,
  endAssignment,
  endLine,
  type ChangePositionInput,
  type ChangeUnitInput,
} from '../commands/index.js';
import { audit } from '../commands/shared.js';
import type { OrganisationDb } from '../organisation.tables.js';
import { selectOrganisationBase, withScenarios } from '../scenarios.queries.js';
import {
  markImportApplied,
  selectIdsByKeys,
  selectImport,
  selectOrganisationState,
  selectRevisionOf,
  updateImportPlan,
  withImports,
  type ImportDb,
  type ImportResult,
  type ImportRow,
} from './import-export.queries.js';
import { message, type ParsedImport } from './organisation-format.js';
import { planImport, type ImportStep, type RowRef } from './plan-import.js';

// Applying an import: every step through the dated edit commands where one fits (they check,
// write versions, bump revisions and audit), in one transaction, so a refusal anywhere undoes
// all of it. Assignments and lines that get longer, and people who change name, have no command:
// they are updated here, audited the same way.

export const importEntityType = 'organisation_import';

/** A step the database refused, with the row of the file it came from. */
export class ImportStepError extends Error {
  constructor(
    readonly ref: RowRef,
    readonly userMessage: LocalisedMessage,
    readonly column: string | null,
    readonly error: unknown,
  ) {
    super(userMessage.en);
    this.name = 'ImportStepError';
  }
}

// The commands name the fields of their bodies; the file names the columns.
const columnOfField: Record<string, string> = {
  parentId: 'parentKey',
  unitId: 'unitKey',
  personId: 'personKey',
  positionId: 'positionKey',
  fromPositionId: 'fromPositionKey',
  toPositionId: 'toPositionKey',
};

function columnOf(error: AppError): string | null {
  const details = error.details as { path?: unknown } | { path?: unknown }[] | null | undefined;
  const first = Array.isArray(details) ? details[0] : details;
  const path = typeof first?.path === 'string' ? first.path.split('.')[0]! : null;
  return path === null ? null : (columnOfField[path] ?? path);
}

/** Runs the planned steps. Throws ImportStepError at the first step the commands or the database refuse. */
export async function runImportSteps(
  trx: OrganisationDb,
  context: WriteContext,
  steps: ImportStep[],
  validFrom: string,
): Promise<ImportResult> {
  const result: ImportResult = { created: 0, changed: 0, ended: 0 };
  const unitKeys = new Set<string>();
  const positionKeys = new Set<string>();
  const personKeys = new Set<string>();
  for (const step of steps) {
    if (step.op === 'createUnit' && step.record.parentKey) unitKeys.add(step.record.parentKey);
    if (step.op === 'changeUnit' && step.changes.parentKey) unitKeys.add(step.changes.parentKey);
    if (step.op === 'createPosition') unitKeys.add(step.record.unitKey);
    if (step.op === 'changePosition' && step.changes.unitKey) unitKeys.add(step.changes.unitKey);
    if (step.op === 'addLine') positionKeys.add(step.record.fromPositionKey).add(step.record.toPositionKey);
    if (step.op === 'assignPerson') {
      positionKeys.add(step.record.positionKey);
      personKeys.add(step.record.personKey);
    }
  }
  const [unitIds, positionIds, personIds] = await Promise.all([
    selectIdsByKeys(trx, 'org_units', [...unitKeys]),
    selectIdsByKeys(trx, 'org_positions', [...positionKeys]),
    selectIdsByKeys(trx, 'org_people', [...personKeys]),
  ]);
  const id = (ids: Map<string, string>, key: string) => ids.get(key) ?? key;

  for (const step of steps) {
    try {
      switch (step.op) {
        case 'createPerson': {
          const { id: created } = await createPerson(trx, context, {
            key: step.record.key,
            name: step.record.name,
            synthetic: step.record.synthetic,
            source: step.record.source,
          });
          personIds.set(step.record.key, created);
          result.created += 1;
          break;
        }
        case 'changePerson': {
          await changePersonDirectly(trx, context, step.id, step.changes);
          result.changed += 1;
          break;
        }
        case 'createUnit': {
          const { key, parentKey, ...fields } = step.record;
          const { id: created } = await createUnit(trx, context, {
            key,
            ...fields,
            parentId: parentKey === null ? null : id(unitIds, parentKey),
            validFrom,
          });
          unitIds.set(key, created);
          result.created += 1;
          break;
        }
        case 'changeUnit': {
          const { parentKey, key: _key, ...fields } = step.changes;
          const input: ChangeUnitInput = { id: step.id, revision: await selectRevisionOf(trx, 'org_units', step.id), validFrom, ...fields };
          if (parentKey !== undefined) input.parentId = parentKey === null ? null : id(unitIds, parentKey);
          await changeUnit(trx, context, input);
          result.changed += 1;
          break;
        }
        case 'createPosition': {
          const { key, unitKey, ...fields } = step.record;
          const { id: created } = await createPosition(trx, context, { key, ...fields, unitId: id(unitIds, unitKey), validFrom });
          positionIds.set(key, created);
          result.created += 1;
          break;
        }
        case 'changePosition': {
          const { unitKey, key: _key, ...fields } = step.changes;
          const input: ChangePositionInput = {
            id: step.id,
            revision: await selectRevisionOf(trx, 'org_positions', step.id),
            validFrom,
            ...fields,
          };
          if (unitKey !== undefined) input.unitId = id(unitIds, unitKey);
          await changePosition(trx, context, input);
          result.changed += 1;
          break;
        }
        case 'endAssignment':
          await endAssignment(trx, context, {
            id: step.id,
            revision: await selectRevisionOf(trx, 'org_assignments', step.id),
            validTo: step.validTo,
          });
          result.ended += 1;
          break;
        case 'updateAssignment':
          await updateAssignmentDirectly(trx, context, step.id, step.changes);
          result.changed += 1;
          break;
        case 'assignPerson':
          await assignPerson(trx, context, {
            personId: id(personIds, step.record.personKey),
            positionId: id(positionIds, step.record.positionKey),
            fte: step.record.fte,
            validFrom: step.record.validFrom,
            validTo: step.record.validTo,
            source: step.record.source,
          });
          result.created += 1;
          break;
        case 'endLine':
          await endLine(trx, context, {
            id: step.id,
            revision: await selectRevisionOf(trx, 'org_reporting_lines', step.id),
            validTo: step.validTo,
          });
          result.ended += 1;
          break;
        case 'updateLine':
          await updateLineDirectly(trx, context, step.id, step.changes);
          result.changed += 1;
          break;
        case 'addLine':
          await addLine(trx, context, {
            type: step.record.type,
            fromPositionId: id(positionIds, step.record.fromPositionKey),
            toPositionId: id(positionIds, step.record.toPositionKey),
            validFrom: step.record.validFrom,
            validTo: step.record.validTo,
            source: step.record.source,
            note: step.record.note,
          });
          result.created += 1;
          break;
      }
    } catch (error) {
      if (isAppError(error))
        throw new ImportStepError(step.ref, { nb: error.messageFor('nb'), en: error.messageFor('en') }, columnOf(error), error);
      // A constraint of the tables (SQLSTATE 22… or 23…): the row's data, not our fault.
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && /^2[23]/.test(code)) {
        throw new ImportStepError(
          step.ref,
          message(
            'Databasen avviste raden fordi en verdi ikke er tillatt.',
            'The database refused the row because a value is not allowed.',
          ),
          null,
          error,
        );
      }
      throw error;
    }
  }
  return result;
}

async function changePersonDirectly(
  trx: OrganisationDb,
  context: WriteContext,
  id: string,
  changes: { name?: string; synthetic?: boolean; source?: string | null },
) {
  const before = await trx
    .selectFrom('org_people')
    .select(['key', 'name', 'synthetic', 'source'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const after = await trx
    .updateTable('org_people')
    .set((eb) => ({ ...changes, revision: eb('revision', '+', 1) }))
    .where('id', '=', id)
    .returning(['key', 'name', 'synthetic', 'source', 'revision'])
    .executeTakeFirstOrThrow();
  await audit(trx, context, { action: 'change', entityType: 'organisation_person', entityId: id, before, after });
}

async function updateAssignmentDirectly(
  trx: OrganisationDb,
  context: WriteContext,
  id: string,
  changes: { fte?: number; validTo?: string | null; source?: string | null },
) {
  const view = ['person_id', 'position_id', 'fte', 'valid_from', 'valid_to', 'source'] as const;
  const before = await trx.selectFrom('org_assignments').select(view).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
  const after = await trx
    .updateTable('org_assignments')
    .set((eb) => ({
      ...(changes.fte !== undefined ? { fte: changes.fte } : {}),
      ...(changes.validTo !== undefined ? { valid_to: changes.validTo } : {}),
      ...(changes.source !== undefined ? { source: changes.source } : {}),
      revision: eb('revision', '+', 1),
    }))
    .where('id', '=', id)
    .returning([...view, 'revision'])
    .executeTakeFirstOrThrow();
  const shown = (row: typeof before) => ({
    personId: row.person_id,
    positionId: row.position_id,
    fte: Number(row.fte),
    validFrom: row.valid_from,
    validTo: row.valid_to,
    source: row.source,
  });
  await audit(trx, context, {
    action: 'change',
    entityType: 'organisation_assignment',
    entityId: id,
    before: shown(before),
    after: { ...shown(after), revision: after.revision },
  });
}

async function updateLineDirectly(
  trx: OrganisationDb,
  context: WriteContext,
  id: string,
  changes: { validTo?: string | null; source?: string | null; note?: string | null },
) {
  const view = ['line_type', 'from_position_id', 'to_position_id', 'valid_from', 'valid_to', 'source', 'note'] as const;
  const before = await trx.selectFrom('org_reporting_lines').select(view).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
  const after = await trx
    .updateTable('org_reporting_lines')
    .set((eb) => ({
      ...(changes.validTo !== undefined ? { valid_to: changes.validTo } : {}),
      ...(changes.source !== undefined ? { source: changes.source } : {}),
      ...(changes.note !== undefined ? { note: changes.note } : {}),
      revision: eb('revision', '+', 1),
    }))
    .where('id', '=', id)
    .returning([...view, 'revision'])
    .executeTakeFirstOrThrow();
  const shown = (row: typeof before) => ({
    type: row.line_type,
    fromPositionId: row.from_position_id,
    toPositionId: row.to_position_id,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    source: row.source,
    note: row.note,
  });
  await audit(trx, context, {
    action: 'change',
    entityType: 'organisation_line',
    entityId: id,
    before: shown(before),
    after: { ...shown(after), revision: after.revision },
  });
}

export function problemOfStep(fileName: string, error: ImportStepError): ImportProblem {
  return {
    file: fileName,
    sheet: error.ref.sheet,
    entity: error.ref.entity,
    row: error.ref.row,
    column: error.column,
    message: error.userMessage,
  };
}

/** Thrown to roll the dry run's trial back; carries what it found. */
class TrialDone extends Error {
  constructor(readonly plan: ImportPlan) {
    super('dry run rolled back');
  }
}

/**
 * The dry run: the file compared with the organisation, and, when the comparison finds no
 * problem, every step tried in a transaction that is then rolled back, so whatever the commands
 * would refuse is found now and not when applying. Returns the plan and the change counter it
 * was made on.
 */
export async function dryRunImport(
  db: OrganisationDb,
  context: WriteContext,
  parsed: ParsedImport,
  validFrom: string,
): Promise<{ plan: ImportPlan; baseRevision: number }> {
  let baseRevision = 0;
  try {
    await db.transaction().execute(async (trx) => {
      // Locked: the organisation cannot change between reading it and trying the steps.
      baseRevision = (await selectOrganisationBase(withScenarios(trx), true)).revision;
      const { plan, steps } = planImport(parsed, await selectOrganisationState(trx), validFrom);
      if (steps.length > 0) {
        try {
          await runImportSteps(trx, context, steps, validFrom);
        } catch (error) {
          if (!(error instanceof ImportStepError)) throw error;
          plan.problems.push(problemOfStep(parsed.fileName, error));
          plan.stoppedEarly = true;
        }
      }
      throw new TrialDone(plan);
    });
  } catch (error) {
    if (error instanceof TrialDone) return { plan: error.plan, baseRevision };
    throw error;
  }
  throw new Error('unreachable: the dry run always rolls back');
}

function importNotFound(id: string): AppError {
  return new AppError('not_found', { message: { nb: `Fant ikke importen (id ${id}).`, en: `The import was not found (id ${id}).` } });
}

/** The import, locked, at the revision the client read and not yet applied. */
async function lockPlanned(trx: ImportDb, id: string, revision: number): Promise<ImportRow> {
  const row = await selectImport(trx, id, true);
  if (!row) throw importNotFound(id);
  assertImportPlanned(row, revision);
  return row;
}

export async function findImport(db: OrganisationDb, id: string): Promise<ImportRow> {
  const row = await selectImport(withImports(db), id);
  if (!row) throw importNotFound(id);
  return row;
}

/** Runs the dry run again on the organisation as it is now (after someone changed it). */
export async function replanImport(db: OrganisationDb, context: WriteContext, id: string, revision: number): Promise<ImportRow> {
  const current = await lockPlanned(withImports(db), id, revision);
  const { plan, baseRevision } = await dryRunImport(db, context, current.content, current.validFrom);
  return db.transaction().execute(async (trx) => {
    await lockPlanned(withImports(trx), id, revision);
    return updateImportPlan(withImports(trx), id, plan, baseRevision);
  });
}

/**
 * Applies an import all or nothing: refused if it has problems, if the organisation changed since
 * the dry run, or if any step is refused now. Rows that already match are skipped, so applying the
 * same content twice changes nothing the second time.
 */
export async function applyImport(db: OrganisationDb, context: WriteContext, id: string, revision: number): Promise<ImportRow> {
  return db.transaction().execute(async (trx) => {
    const imports = withImports(trx);
    // The change counter first: no edit to the organisation can slip in before we are done.
    const base = await selectOrganisationBase(withScenarios(trx), true);
    const row = await lockPlanned(imports, id, revision);
    if (row.plan.problems.length > 0) {
      throw new AppError('conflict', {
        message: {
          nb: `Filen har ${row.plan.problems.length + row.plan.problemsLeftOut} problemer og kan ikke importeres. Rett dem i filen og last den opp på nytt.`,
          en: `The file has ${row.plan.problems.length + row.plan.problemsLeftOut} problems and cannot be imported. Correct them in the file and upload it again.`,
        },
        details: { reason: 'problems', problems: row.plan.problems.length + row.plan.problemsLeftOut },
      });
    }
    if (base.revision !== row.baseRevision) {
      throw new AppError('stale', {
        message: {
          nb: 'Organisasjonen er endret siden prøveimporten. Kjør prøveimporten på nytt og se over endringene før du importerer.',
          en: 'The organisation has changed since the dry run. Run the dry run again and review the changes before importing.',
        },
        details: { reason: 'base_changed', baseRevision: row.baseRevision, currentRevision: base.revision },
      });
    }
    const { plan, steps } = planImport(row.content, await selectOrganisationState(trx), row.validFrom);
    if (plan.problems.length > 0) {
      throw new AppError('conflict', {
        message: {
          nb: 'Prøveimporten finner nå problemer i filen. Kjør den på nytt.',
          en: 'The dry run now finds problems in the file. Run it again.',
        },
        details: { reason: 'problems', problems: plan.problems.length },
      });
    }
    let result: ImportResult;
    try {
      result = await runImportSteps(trx, context, steps, row.validFrom);
    } catch (error) {
      if (!(error instanceof ImportStepError)) throw error;
      const where = `${error.ref.sheet ? `${error.ref.sheet}, ` : ''}rad ${error.ref.row ?? '?'}`;
      const whereEn = `${error.ref.sheet ? `${error.ref.sheet}, ` : ''}row ${error.ref.row ?? '?'}`;
      // A row outside the editor's area is a refusal of the editor, not of the file: 403, as for one edit.
      const refused = isAppError(error.error) && error.error.code === 'forbidden' ? 'forbidden' : 'conflict';
      throw new AppError(refused, {
        message: {
          nb: `${where}${error.column ? `, kolonne ${error.column}` : ''} kunne ikke importeres: ${error.userMessage.nb} Ingenting er endret.`,
          en: `${whereEn}${error.column ? `, column ${error.column}` : ''} could not be imported: ${error.userMessage.en} Nothing was changed.`,
        },
        details: { reason: 'step_refused', problem: problemOfStep(row.fileName, error) },
        cause: error,
      });
    }
    const applied = await markImportApplied(imports, id, result, context.actor?.userId ?? null);
    await audit(trx, context, {
      action: 'apply',
      entityType: importEntityType,
      entityId: id,
      before: { fileName: row.fileName, format: row.format, validFrom: row.validFrom, status: row.status },
      after: {
        fileName: row.fileName,
        format: row.format,
        validFrom: row.validFrom,
        status: applied.status,
        ...result,
        steps: steps.length,
      },
    });
    return applied;
  });
}
