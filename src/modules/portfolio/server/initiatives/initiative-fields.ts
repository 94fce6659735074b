import { selectGoalOptions } from '../../../steering/index.js';
import type { SteeringDb } from '../../../steering/index.js';
import type { InitiativeFields } from '../../initiatives.schemas.js';
import type { PortfolioDb } from '../portfolio.tables.js';
import { invalid, isUuid, monthToDate, validOn, type Problem } from './shared.js';

/** The intake fields checked against the database and normalised for the table. */
export interface CheckedFields {
  values: {
    title: string;
    problem: string;
    need: string;
    beneficiaries: string;
    owner_unit_id: string;
    digital_agent_id: string | null;
    category: InitiativeFields['category'];
    size: InitiativeFields['size'];
    estimated_cost: number;
    estimated_months: number | null;
    planned_start: string | null;
    planned_end: string | null;
    architecture_notes: string;
    personal_data: boolean;
    dpia_needed: boolean | null;
    privacy_notes: string;
  };
  goalIds: string[];
  decisionIds: string[];
}

const problem = (path: string, what: string, nb: string, en: string): Problem => ({ in: 'body', path, problem: what, message: { nb, en } });

/**
 * Checks every field at once (the form shows all problems together): the owning unit exists today,
 * the digital agent is an active user, goals are steering's active goals, decisions are in the
 * register, the planned end is not before the start. Throws `invalid` with one detail per problem.
 */
export async function checkInitiativeFields(db: PortfolioDb, input: InitiativeFields, date: string): Promise<CheckedFields> {
  const problems: Problem[] = [];
  const title = input.title.trim();
  if (title.length === 0) problems.push(problem('/title', 'required', 'Skriv en tittel.', 'Enter a title.'));

  const ownerUnitId = input.ownerUnitId.trim();
  if (ownerUnitId.length === 0) {
    problems.push(problem('/ownerUnitId', 'required', 'Velg eierenheten.', 'Choose the owning unit.'));
  } else {
    const unit = isUuid(ownerUnitId)
      ? await db
          .selectFrom('org_unit_versions as uv')
          .select('uv.unit_id')
          .where('uv.unit_id', '=', ownerUnitId)
          .where(validOn('uv', date))
          .executeTakeFirst()
      : undefined;
    if (!unit)
      problems.push(
        problem(
          '/ownerUnitId',
          'unknown unit',
          'Eierenheten finnes ikke i organisasjonen i dag.',
          'The owning unit does not exist in the organisation today.',
        ),
      );
  }

  const agentId = input.digitalAgentId?.trim() || null;
  if (agentId) {
    const user = isUuid(agentId)
      ? await db.selectFrom('users').select('id').where('id', '=', agentId).where('disabled_at', 'is', null).executeTakeFirst()
      : undefined;
    if (!user)
      problems.push(
        problem(
          '/digitalAgentId',
          'unknown user',
          'Fant ikke den digitale agenten blant brukerne.',
          'The digital agent was not found among the users.',
        ),
      );
  }

  const goalIds = [...new Set(input.goalIds.map((g) => g.trim()).filter(Boolean))];
  if (goalIds.length > 0) {
    const known = new Set((await selectGoalOptions(db as unknown as SteeringDb)).map((g) => g.id));
    goalIds.forEach((id, index) => {
      if (!known.has(id))
        problems.push(
          problem(
            `/goalIds/${index}`,
            'unknown goal',
            `Målet «${id}» finnes ikke (eller er ikke aktivt).`,
            `The goal "${id}" does not exist (or is not active).`,
          ),
        );
    });
  }

  const decisionIds = [...new Set((input.decisionIds ?? []).map((d) => d.trim()).filter(Boolean))];
  if (decisionIds.length > 0) {
    const valid = decisionIds.filter(isUuid);
    const known = new Set(
      valid.length > 0
        ? (await db.selectFrom('st_political_decisions').select('id').where('id', 'in', valid).execute()).map((r) => r.id)
        : [],
    );
    decisionIds.forEach((id, index) => {
      if (!known.has(id))
        problems.push(
          problem(
            `/decisionIds/${index}`,
            'unknown decision',
            `Det politiske vedtaket «${id}» finnes ikke.`,
            `The political decision "${id}" does not exist.`,
          ),
        );
    });
  }

  const start = input.plannedStart ?? null;
  const end = input.plannedEnd ?? null;
  if (start && end && end < start)
    problems.push(
      problem(
        '/plannedEnd',
        'before start',
        'Planlagt slutt kan ikke være før planlagt start.',
        'The planned end cannot be before the planned start.',
      ),
    );
  if (!Number.isFinite(input.estimatedCost) || input.estimatedCost < 0)
    problems.push(problem('/estimatedCost', 'negative', 'Kostnaden kan ikke være negativ.', 'The cost cannot be negative.'));

  if (problems.length > 0) {
    throw invalid(
      problems.length === 1 ? 'Ett felt må rettes.' : `${problems.length} felt må rettes.`,
      problems.length === 1 ? 'One field needs correcting.' : `${problems.length} fields need correcting.`,
      problems,
    );
  }
  return {
    values: {
      title,
      problem: input.problem.trim(),
      need: input.need.trim(),
      beneficiaries: input.beneficiaries.trim(),
      owner_unit_id: ownerUnitId,
      digital_agent_id: agentId,
      category: input.category,
      size: input.size,
      estimated_cost: input.estimatedCost,
      estimated_months: input.estimatedMonths ?? null,
      planned_start: monthToDate(start),
      planned_end: monthToDate(end),
      architecture_notes: (input.architectureNotes ?? '').trim(),
      personal_data: input.personalData,
      dpia_needed: input.dpiaNeeded ?? null,
      privacy_notes: (input.privacyNotes ?? '').trim(),
    },
    goalIds,
    decisionIds,
  };
}
