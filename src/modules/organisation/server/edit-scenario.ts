import type { Kysely } from 'kysely';
import { AppError, recordAudit, type AuditEntry, type KernelTables, type WriteContext } from '../../../kernel/index.js';
import type { AddChangeBody, ScenarioCreateBody, ScenarioStatus, ScenarioUpdateBody, StoredChange } from '../scenarios.schemas.js';
import { withChangeIds } from './scenario-changes.js';
import {
  insertScenario,
  selectOrganisationBase,
  selectScenario,
  updateScenarioRow,
  type ScenarioDb,
  type ScenarioRow,
} from './scenarios.queries.js';

// Drafting a scenario: create, edit, add and remove changes, discard. Each command runs in its own
// transaction, refuses an edit made on an older read (stale) and audits before and after.

export const scenarioEntityType = 'organisation_scenario';

export function auditScenario(trx: ScenarioDb, context: WriteContext, entry: AuditEntry): Promise<void> {
  return recordAudit(trx as unknown as Kysely<KernelTables>, context, entry);
}

/** How a scenario is written to the audit log. */
export function scenarioAuditView(row: ScenarioRow) {
  return {
    name: row.name,
    description: row.description,
    effectiveDate: row.effectiveDate,
    status: row.status,
    baseRevision: row.baseRevision,
    changes: row.changes,
    revision: row.revision,
    submittedBy: row.submittedBy?.id ?? null,
    approvedBy: row.approvedBy?.id ?? null,
  };
}

export function scenarioNotFound(id: string): AppError {
  return new AppError('not_found', { message: { nb: `Fant ikke scenariet (id ${id}).`, en: `The scenario was not found (id ${id}).` } });
}

const statusNb: Record<ScenarioStatus, string> = {
  draft: 'er et utkast',
  submitted: 'er sendt til godkjenning',
  approved: 'er godkjent',
  applied: 'er allerede gjennomført',
  rejected: 'er avvist',
  discarded: 'er forkastet',
};
const statusEn: Record<ScenarioStatus, string> = {
  draft: 'is a draft',
  submitted: 'is submitted for approval',
  approved: 'is approved',
  applied: 'has already been applied',
  rejected: 'has been rejected',
  discarded: 'has been discarded',
};

/** The scenario, locked, at the revision the client read and still a draft. */
export async function lockDraft(trx: ScenarioDb, id: string, revision: number): Promise<ScenarioRow> {
  return lockScenario(trx, id, revision, ['draft'], { nb: 'kan ikke endres', en: 'cannot be changed' });
}

/**
 * The scenario, locked, at the revision the client read and in one of `statuses`: a transition
 * made on an older read (someone else moved it on in between) is refused as stale.
 */
export async function lockScenario(
  trx: ScenarioDb,
  id: string,
  revision: number,
  statuses: readonly ScenarioStatus[],
  refused: { nb: string; en: string },
): Promise<ScenarioRow> {
  const scenario = await selectScenario(trx, id, true);
  if (!scenario) throw scenarioNotFound(id);
  if (scenario.revision !== revision) {
    throw new AppError('stale', {
      message: {
        nb: `Noen andre har endret scenariet i mellomtiden (du har versjon ${revision}, gjeldende er ${scenario.revision}). Last inn på nytt og gjør endringen igjen.`,
        en: `Someone else changed the scenario in the meantime (you have revision ${revision}, the current one is ${scenario.revision}). Reload and make your change again.`,
      },
      details: { revision: scenario.revision },
    });
  }
  if (!statuses.includes(scenario.status)) {
    throw new AppError('conflict', {
      message: {
        nb: `Scenariet «${scenario.name}» ${statusNb[scenario.status]} og ${refused.nb}.`,
        en: `The scenario "${scenario.name}" ${statusEn[scenario.status]} and ${refused.en}.`,
      },
      details: { reason: `not_${statuses[0]}`, status: scenario.status },
    });
  }
  return scenario;
}

/** Change ids name changes for removal, so two with the same id would be ambiguous. */
function refuseDuplicateIds(changes: StoredChange[]): void {
  const seen = new Set<string>();
  for (const [index, change] of changes.entries()) {
    if (seen.has(change.id)) {
      throw new AppError('invalid', {
        message: { nb: `To endringer har samme id («${change.id}»).`, en: `Two changes have the same id ("${change.id}").` },
        details: [{ in: 'body', path: `changes.${index}.id`, problem: 'must be unique' }],
      });
    }
    seen.add(change.id);
  }
}

export async function createScenario(db: ScenarioDb, context: WriteContext, input: ScenarioCreateBody): Promise<ScenarioRow> {
  const changes = withChangeIds(input.changes ?? []);
  refuseDuplicateIds(changes);
  return db.transaction().execute(async (trx) => {
    const created = await insertScenario(trx, {
      name: input.name.trim(),
      description: input.description?.trim() ?? '',
      effectiveDate: input.effectiveDate,
      changes,
      base: await selectOrganisationBase(trx),
      createdBy: context.actor?.userId ?? null,
    });
    await auditScenario(trx, context, {
      action: 'create',
      entityType: scenarioEntityType,
      entityId: created.id,
      after: scenarioAuditView(created),
    });
    return created;
  });
}

/** Edits the name, description, date or the whole list of changes; `rebase` takes today's organisation as the new base. */
export async function updateScenario(db: ScenarioDb, context: WriteContext, id: string, input: ScenarioUpdateBody): Promise<ScenarioRow> {
  return db.transaction().execute(async (trx) => {
    const current = await lockDraft(trx, id, input.revision);
    const changes = input.changes === undefined ? undefined : withChangeIds(input.changes);
    if (changes) refuseDuplicateIds(changes);
    const updated = await updateScenarioRow(trx, id, {
      name: input.name?.trim(),
      description: input.description?.trim(),
      effectiveDate: input.effectiveDate,
      changes,
      base: input.rebase ? await selectOrganisationBase(trx) : undefined,
    });
    await auditScenario(trx, context, {
      action: input.rebase ? 'rebase' : 'change',
      entityType: scenarioEntityType,
      entityId: id,
      before: scenarioAuditView(current),
      after: scenarioAuditView(updated),
    });
    return updated;
  });
}

export async function addScenarioChange(db: ScenarioDb, context: WriteContext, id: string, input: AddChangeBody): Promise<ScenarioRow> {
  return db.transaction().execute(async (trx) => {
    const current = await lockDraft(trx, id, input.revision);
    const [change] = withChangeIds([input.change]);
    const changes = [...current.changes];
    changes.splice(Math.min(input.index ?? changes.length, changes.length), 0, change!);
    refuseDuplicateIds(changes);
    const updated = await updateScenarioRow(trx, id, { changes });
    await auditScenario(trx, context, {
      action: 'add_change',
      entityType: scenarioEntityType,
      entityId: id,
      before: { revision: current.revision },
      after: { change, revision: updated.revision },
    });
    return updated;
  });
}

export async function removeScenarioChange(
  db: ScenarioDb,
  context: WriteContext,
  id: string,
  changeId: string,
  revision: number,
): Promise<ScenarioRow> {
  return db.transaction().execute(async (trx) => {
    const current = await lockDraft(trx, id, revision);
    const removed = current.changes.find((c) => c.id === changeId);
    if (!removed) {
      throw new AppError('not_found', {
        message: { nb: `Scenariet har ingen endring med id «${changeId}».`, en: `The scenario has no change with the id "${changeId}".` },
      });
    }
    const updated = await updateScenarioRow(trx, id, { changes: current.changes.filter((c) => c.id !== changeId) });
    await auditScenario(trx, context, {
      action: 'remove_change',
      entityType: scenarioEntityType,
      entityId: id,
      before: { change: removed, revision: current.revision },
      after: { revision: updated.revision },
    });
    return updated;
  });
}

/** A discarded scenario stays for the record; it can no longer be edited or applied. */
export async function discardScenario(db: ScenarioDb, context: WriteContext, id: string, revision: number): Promise<ScenarioRow> {
  return db.transaction().execute(async (trx) => {
    const current = await lockDraft(trx, id, revision);
    const updated = await updateScenarioRow(trx, id, { status: 'discarded' });
    await auditScenario(trx, context, {
      action: 'discard',
      entityType: scenarioEntityType,
      entityId: id,
      before: scenarioAuditView(current),
      after: scenarioAuditView(updated),
    });
    return updated;
  });
}
