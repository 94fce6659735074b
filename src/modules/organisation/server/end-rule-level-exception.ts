import { AppError, recordAudit, type KernelTables, type WriteContext } from '../../../kernel/index.js';
import type { Kysely } from 'kysely';
import type { LevelException } from '../rules.schemas.js';
import type { OrganisationDb } from './organisation.tables.js';
import { findLevelException, lockLevelException } from './rules.queries.js';
import { norwegianDay } from './rules-dates.js';

/**
 * Ends a rule exception: from `validTo` (the first day it no longer holds) its rule checks the
 * unit again. The history stays. An exception is ended once; ending it again is a conflict.
 */
export async function endLevelException(db: OrganisationDb, id: string, validTo: string, context: WriteContext): Promise<LevelException> {
  return db.transaction().execute(async (trx) => {
    const current = await lockLevelException(trx, id);
    if (!current) {
      throw new AppError('not_found', { message: { nb: 'Fant ikke unntaket.', en: 'The exception was not found.' } });
    }
    if (current.valid_to !== null) {
      throw new AppError('conflict', {
        message: {
          nb: `Unntaket er allerede avsluttet (gjelder ikke fra ${norwegianDay(current.valid_to)}).`,
          en: `The exception has already been ended (no longer in force from ${current.valid_to}).`,
        },
        details: { validTo: current.valid_to },
      });
    }
    if (validTo <= current.valid_from) {
      throw new AppError('invalid', {
        message: {
          nb: `Sluttdatoen (${norwegianDay(validTo)}) må være etter startdatoen (${norwegianDay(current.valid_from)}).`,
          en: `The end date (${validTo}) must be after the start date (${current.valid_from}).`,
        },
        details: [{ in: 'body', path: 'validTo', problem: 'must be after validFrom' }],
      });
    }
    await trx.updateTable('org_level_exceptions').set({ valid_to: validTo }).where('id', '=', id).where('valid_to', 'is', null).execute();
    await recordAudit(trx as unknown as Kysely<KernelTables>, context, {
      action: 'end',
      entityType: 'org_level_exception',
      entityId: id,
      before: { rule: current.rule, unitId: current.unit_id, validTo: null },
      after: { validTo },
    });
    return (await findLevelException(trx, id, current.valid_from))!;
  });
}
