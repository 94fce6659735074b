import type { WriteContext } from '../../../kernel/index.js';
import type { SetUnitBudgetBody } from '../posts.schemas.js';
import type { WriteResult } from '../records.schemas.js';
import { lockVersions } from './dated-versions.js';
import { assertRevision, audit, bumpRevision, cleanText, invalid, lockIdentity, versionOn } from './commands/shared.js';
import { assertMayEditUnits } from './editor-area.js';
import type { OrganisationDb } from './organisation.tables.js';
import { lockBudgets } from './posts.queries.js';

export type SetUnitBudgetInput = SetUnitBudgetBody & { id: string };

/**
 * Sets a unit's budgeted FTE from `validFrom` until the next recorded change (or ends it, with
 * `budgetedFte: null`). The version holding that day ends there; one starting that day is
 * replaced. A budget needs its source. The unit's revision guards against edits made meanwhile.
 */
export async function setUnitBudget(trx: OrganisationDb, context: WriteContext, input: SetUnitBudgetInput): Promise<WriteResult> {
  const identity = await lockIdentity(trx, 'org_units', input.id);
  await assertMayEditUnits(trx, context, [input.id], input.validFrom);
  assertRevision('org_units', identity.revision, input.revision);
  versionOn(await lockVersions(trx, 'org_unit_versions', input.id), input.validFrom, 'org_units', input.id);

  const source = cleanText(input.source);
  const note = cleanText(input.note);
  if (input.budgetedFte !== null && source === null) {
    throw invalid(
      'Oppgi kilden til budsjettet (for eksempel vedtatt årsbudsjett).',
      'Give the budget’s source (for example the adopted annual budget).',
      {
        in: 'body',
        path: 'source',
      },
    );
  }

  const budgets = await lockBudgets(trx, input.id);
  const holding = budgets.find((b) => b.valid_from <= input.validFrom && (b.valid_to === null || b.valid_to > input.validFrom));
  const next = budgets.find((b) => b.valid_from > input.validFrom);
  if (input.budgetedFte === null && !holding) {
    throw invalid('Enheten har ikke noe budsjett å avslutte på denne datoen.', 'The unit has no budget to end on this date.', {
      in: 'body',
      path: 'budgetedFte',
    });
  }
  if (
    holding &&
    input.budgetedFte !== null &&
    Number(holding.budgeted_fte) === input.budgetedFte &&
    holding.source === source &&
    holding.note === note
  ) {
    throw invalid(
      'Endringen endrer ingenting: budsjettet har allerede disse verdiene.',
      'The change changes nothing: the budget already has these values.',
    );
  }

  const validTo = holding ? holding.valid_to : (next?.valid_from ?? null);
  if (holding) {
    if (holding.valid_from === input.validFrom) await trx.deleteFrom('org_unit_budgets').where('id', '=', holding.id).execute();
    else await trx.updateTable('org_unit_budgets').set({ valid_to: input.validFrom }).where('id', '=', holding.id).execute();
  }
  const after =
    input.budgetedFte === null
      ? null
      : await trx
          .insertInto('org_unit_budgets')
          .values({
            unit_id: input.id,
            valid_from: input.validFrom,
            valid_to: validTo,
            budgeted_fte: input.budgetedFte,
            source: source!,
            note,
          })
          .returning(['valid_from', 'valid_to', 'budgeted_fte', 'source', 'note'])
          .executeTakeFirstOrThrow();
  const revision = await bumpRevision(trx, 'org_units', input.id);

  const view = (row: { valid_from: string; valid_to: string | null; budgeted_fte: string; source: string; note: string | null }) => ({
    validFrom: row.valid_from,
    validTo: row.valid_to,
    budgetedFte: Number(row.budgeted_fte),
    source: row.source,
    note: row.note,
  });
  await audit(trx, context, {
    action: 'change',
    entityType: 'organisation_unit_budget',
    entityId: input.id,
    before: holding ? view(holding) : null,
    after: { key: identity.key, budget: after ? view(after) : null, endedFrom: after ? null : input.validFrom, revision },
  });
  return { id: input.id, revision };
}
