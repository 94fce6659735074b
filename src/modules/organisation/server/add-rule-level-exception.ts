import { AppError, recordAudit, type KernelTables, type WriteContext } from '../../../kernel/index.js';
import type { Kysely } from 'kysely';
import type { CreateLevelExceptionBody, LevelException } from '../rules.schemas.js';
import type { OrganisationDb } from './organisation.tables.js';
import { findLevelException, findUnitOn, lockUnit, selectExceptionsHoldingFrom } from './rules.queries.js';
import { norwegianDay } from './rules-dates.js';

/**
 * Records that a unit's declared level is deliberate from `validFrom` on, with the reason: the
 * level rule then leaves the unit alone. Open-ended; ended with end-rule-level-exception.
 */
export async function addLevelException(
  db: OrganisationDb,
  input: CreateLevelExceptionBody,
  context: WriteContext,
): Promise<LevelException> {
  return db.transaction().execute(async (trx) => {
    if (!(await lockUnit(trx, input.unitId))) {
      throw new AppError('invalid', {
        message: {
          nb: 'Enheten finnes ikke. Velg en enhet fra organisasjonen.',
          en: 'The unit does not exist. Choose a unit from the organisation.',
        },
        details: [{ in: 'body', path: 'unitId', problem: 'unknown unit' }],
      });
    }
    const unit = await findUnitOn(trx, input.unitId, input.validFrom);
    if (!unit?.name) {
      throw new AppError('invalid', {
        message: {
          nb: `Enheten finnes ikke ${norwegianDay(input.validFrom)}. Et nivåunntak kan bare starte en dag enheten finnes.`,
          en: `The unit does not exist on ${input.validFrom}. A level exception can only start on a day the unit exists.`,
        },
        details: [{ in: 'body', path: 'validFrom', problem: 'the unit does not exist on this date' }],
      });
    }
    const holding = await selectExceptionsHoldingFrom(trx, input.unitId, input.validFrom);
    if (holding.length > 0) {
      throw new AppError('conflict', {
        message: {
          nb: `Enheten «${unit.name}» har allerede et nivåunntak som gjelder fra ${norwegianDay(holding[0]!.valid_from)}. Avslutt det først.`,
          en: `The unit “${unit.name}” already has a level exception in force from ${holding[0]!.valid_from}. End it first.`,
        },
        details: { exceptionIds: holding.map((e) => e.id) },
      });
    }
    const reason = input.reason.trim();
    const source = input.source?.trim() || null;
    const { id } = await trx
      .insertInto('org_level_exceptions')
      .values({ unit_id: input.unitId, reason, source, valid_from: input.validFrom, valid_to: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx as unknown as Kysely<KernelTables>, context, {
      action: 'create',
      entityType: 'org_level_exception',
      entityId: id,
      after: { unitId: input.unitId, unitKey: unit.key, reason, source, validFrom: input.validFrom, validTo: null },
    });
    return (await findLevelException(trx, id, input.validFrom))!;
  });
}
