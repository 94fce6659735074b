import { AppError, counted, isAppError, type WriteContext } from '../../../kernel/index.js';
import type { ScenarioChange } from '../scenarios.schemas.js';
import {
  addLine,
  assignPerson,
  changePosition,
  changeUnit,
  closePosition,
  closeUnit,
  createPosition,
  createUnit,
  endAssignment,
  endLine,
  type AddLineInput,
  type CreatePositionInput,
  type CreateUnitInput,
} from './commands/index.js';
import { norwegianDate } from './dated-versions.js';
import { auditScenario, lockScenario, scenarioAuditView, scenarioEntityType } from './edit-scenario.js';
import type { OrganisationDb } from './organisation.tables.js';
import { checkScenarioRules, planScenario, scenarioBlockers } from './plan-scenario.js';
import { assertNotOwn } from './scenario-approval.js';
import { isPlaceholder, type PlannedStep } from './scenario-changes.js';
import {
  selectOrganisationBase,
  selectOrganisationEditsSince,
  selectRevision,
  updateScenarioRow,
  type ScenarioDb,
  type ScenarioRow,
} from './scenarios.queries.js';

/**
 * Applies an approved scenario in one transaction: refused to the one who drafted it, if the
 * organisation changed since it was submitted, or for what its comparison shows as stopping it
 * (scenarioBlockers: changes that do not resolve, rule errors it brings, nothing to change);
 * otherwise every change is written through the dated edit commands from the effective date, so
 * the day before still shows the old organisation. Any refusal on the way undoes everything.
 */
export async function applyScenario(
  db: ScenarioDb,
  context: WriteContext,
  id: string,
  revision: number,
): Promise<{ scenario: ScenarioRow; steps: number }> {
  return db.transaction().execute(async (trx) => {
    // The counter is locked first: no edit to the organisation can slip in before we are done.
    const base = await selectOrganisationBase(trx, true);
    const scenario = await lockScenario(trx, id, revision, ['approved'], {
      nb: 'kan ikke gjennomføres før det er sendt inn og godkjent',
      en: 'cannot be applied until it is submitted and approved',
    });
    assertNotOwn(scenario, context, 'apply');

    if (base.revision !== scenario.baseRevision) {
      const edits = await selectOrganisationEditsSince(trx, scenario.baseAuditId);
      const latest = edits.items[0];
      const who = latest ? ` (sist ${latest.actorName ? `av ${latest.actorName} ` : ''}${norwegianDate(latest.at.slice(0, 10))})` : '';
      throw new AppError('conflict', {
        message: {
          nb: `Organisasjonen er endret siden scenariet «${scenario.name}» ble sendt inn${edits.total > 0 ? `: ${counted('nb', edits.total, 'endring', 'endringer')}${who}` : ''}. Send scenariet tilbake, se over endringene, ta dagens organisasjon som nytt utgangspunkt og send det inn på nytt.`,
          en: `The organisation has changed since the scenario "${scenario.name}" was submitted${edits.total > 0 ? `: ${counted('en', edits.total, 'edit', 'edits')}` : ''}. Send it back, review the edits, take today's organisation as the new base and submit it again.`,
        },
        details: {
          reason: 'base_changed',
          baseRevision: scenario.baseRevision,
          currentRevision: base.revision,
          editCount: edits.total,
          edits: edits.items,
        },
      });
    }

    // Exactly what the comparison refuses, nothing more: the same list, checked on the same plan.
    const plan = await planScenario(trx, scenario);
    const [blocker] = scenarioBlockers(scenario, plan, false);
    if (blocker) {
      const details =
        blocker.reason === 'problems'
          ? { problems: plan.problems }
          : blocker.reason === 'rule_errors'
            ? { findings: checkScenarioRules(plan).newErrors }
            : {};
      throw new AppError('conflict', { message: blocker.message, details: { reason: blocker.reason, ...details } });
    }

    await runSteps(trx, context, scenario, plan.steps);

    const applied = await updateScenarioRow(trx, id, { status: 'applied', appliedBy: context.actor?.userId ?? null });
    await auditScenario(trx, context, {
      action: 'apply',
      entityType: scenarioEntityType,
      entityId: id,
      before: scenarioAuditView(scenario),
      after: { ...scenarioAuditView(applied), steps: plan.steps.length },
    });
    return { scenario: applied, steps: plan.steps.length };
  });
}

/** Runs the planned steps through the commands; new entities' placeholder ids are replaced as they are created. */
async function runSteps(trx: ScenarioDb, context: WriteContext, scenario: ScenarioRow, steps: PlannedStep[]): Promise<void> {
  const orgTrx = trx as unknown as OrganisationDb;
  const date = scenario.effectiveDate;
  const source = `Scenario «${scenario.name}»`;
  const created = new Map<string, string>();
  const real = (id: string): string => {
    if (!isPlaceholder(id)) return id;
    const found = created.get(id);
    if (!found) throw new Error(`Scenario step refers to ${id} before it was created`);
    return found;
  };
  const unitRevision = async (id: string) => ({ id: real(id), revision: await selectRevision(trx, 'org_units', real(id)) });
  const positionRevision = async (id: string) => ({ id: real(id), revision: await selectRevision(trx, 'org_positions', real(id)) });

  for (const step of steps) {
    try {
      switch (step.op) {
        case 'createUnit': {
          const result = await createUnit(orgTrx, context, {
            key: step.key,
            name: step.name,
            kind: step.kind as CreateUnitInput['kind'],
            level: step.level,
            parentId: step.parentId === null ? null : real(step.parentId),
            classification: step.classification as CreateUnitInput['classification'],
            validFrom: date,
            source,
          });
          created.set(step.unitId, result.id);
          break;
        }
        case 'changeUnit':
          await changeUnit(orgTrx, context, {
            ...(await unitRevision(step.unitId)),
            validFrom: date,
            ...(step.name !== undefined ? { name: step.name } : {}),
            ...(step.parentId !== undefined ? { parentId: step.parentId === null ? null : real(step.parentId) } : {}),
            ...(step.level !== undefined ? { level: step.level } : {}),
          });
          break;
        case 'closeUnit':
          await closeUnit(orgTrx, context, { ...(await unitRevision(step.unitId)), validTo: date });
          break;
        case 'createPosition': {
          const result = await createPosition(orgTrx, context, {
            key: step.key,
            title: step.title,
            unitId: real(step.unitId),
            roleType: step.roleType as CreatePositionInput['roleType'],
            personnelResponsibility: step.personnelResponsibility,
            professionallyIndependent: step.professionallyIndependent,
            fte: step.fte,
            validFrom: date,
            source,
          });
          created.set(step.positionId, result.id);
          break;
        }
        case 'changePosition':
          await changePosition(orgTrx, context, {
            ...(await positionRevision(step.positionId)),
            validFrom: date,
            ...(step.unitId !== undefined ? { unitId: real(step.unitId) } : {}),
            ...(step.title !== undefined ? { title: step.title } : {}),
          });
          break;
        case 'closePosition':
          await closePosition(orgTrx, context, { ...(await positionRevision(step.positionId)), validTo: date });
          break;
        case 'assignPerson': {
          const result = await assignPerson(orgTrx, context, {
            personId: step.personId,
            positionId: real(step.positionId),
            fte: step.fte,
            validFrom: date,
            source,
          });
          created.set(step.assignmentId, result.id);
          break;
        }
        case 'endAssignment': {
          const assignmentId = real(step.assignmentId);
          await endAssignment(orgTrx, context, {
            id: assignmentId,
            revision: await selectRevision(trx, 'org_assignments', assignmentId),
            validTo: date,
          });
          break;
        }
        case 'addLine': {
          const result = await addLine(orgTrx, context, {
            type: step.type as AddLineInput['type'],
            fromPositionId: real(step.fromPositionId),
            toPositionId: real(step.toPositionId),
            validFrom: date,
            source,
          });
          created.set(step.lineId, result.id);
          break;
        }
        case 'endLine': {
          const lineId = real(step.lineId);
          await endLine(orgTrx, context, { id: lineId, revision: await selectRevision(trx, 'org_reporting_lines', lineId), validTo: date });
          break;
        }
      }
    } catch (error) {
      if (!isAppError(error)) throw error;
      const change = scenario.changes[step.changeIndex];
      throw new AppError('conflict', {
        message: {
          nb: `Endring ${step.changeIndex + 1} (${describeChangeNb(change)}) kunne ikke gjennomføres: ${error.messageFor('nb')} Ingenting er endret.`,
          en: `Change ${step.changeIndex + 1} (${describeChangeEn(change)}) could not be applied: ${error.messageFor('en')} Nothing was changed.`,
        },
        details: {
          reason: 'command_refused',
          changeIndex: step.changeIndex,
          changeId: change?.id ?? null,
          step: step.op,
          error: { code: error.code, details: error.details ?? null },
        },
        cause: error,
      });
    }
  }
}

const changeNamesNb: Record<ScenarioChange['type'], string> = {
  create_unit: 'opprett enhet',
  rename_unit: 'gi enhet nytt navn',
  move_unit: 'flytt enhet',
  merge_units: 'slå sammen enheter',
  split_unit: 'del enhet',
  close_unit: 'avvikle enhet',
  create_position: 'opprett stilling',
  move_position: 'flytt stilling',
  close_position: 'avvikle stilling',
  assign_person: 'plasser person',
  end_assignment: 'avslutt tilknytning',
  add_line: 'legg til linje',
  end_line: 'avslutt linje',
};

function describeChangeNb(change: ScenarioChange | undefined): string {
  return change ? changeNamesNb[change.type] : 'ukjent';
}

function describeChangeEn(change: ScenarioChange | undefined): string {
  return change ? change.type.replace('_', ' ') : 'unknown';
}
