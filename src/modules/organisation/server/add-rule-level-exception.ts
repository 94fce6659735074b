import { AppError, recordAudit, type KernelTables, type WriteContext } from '../../../kernel/index.js';
import type { Kysely } from 'kysely';
import type { CreateLevelExceptionBody, LevelException } from '../rules.schemas.js';
import type { OrganisationDb } from './organisation.tables.js';
import { excuses, rawFindings } from './rules.js';
import { findLevelException, findUnitOn, lockUnit, selectExceptionsHoldingFrom } from './rules.queries.js';
import { norwegianDay } from './rules-dates.js';
import { readSnapshot } from './snapshot.js';

/** The rule an exception excuses, as the refusals name it. */
const ruleWords = {
  level_inconsistent: { nb: 'nivåregelen', en: 'the level rule' },
  span_of_control: { nb: 'grensen for lederspenn', en: 'the span-of-control threshold' },
  leader_line_off_unit_chain: {
    nb: 'regelen om personallinjen til lederen over',
    en: 'the rule on the personnel line to the leader above',
  },
} as const;

/**
 * Records that a unit is excused from one rule a person judges (its level, its leader's span of
 * control, its leader's line) from `validFrom` on, with the reason: the rules report then shows the
 * finding as accepted. Refused when the unit follows the rule that day: there is nothing to excuse.
 * Open-ended; ended with end-rule-level-exception.
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
          nb: `Enheten finnes ikke ${norwegianDay(input.validFrom)}. Et unntak kan bare starte en dag enheten finnes.`,
          en: `The unit does not exist on ${input.validFrom}. An exception can only start on a day the unit exists.`,
        },
        details: [{ in: 'body', path: 'validFrom', problem: 'the unit does not exist on this date' }],
      });
    }
    const rule = input.rule ?? 'level_inconsistent';
    const words = ruleWords[rule];
    const holding = await selectExceptionsHoldingFrom(trx, input.unitId, rule, input.validFrom);
    if (holding.length > 0) {
      throw new AppError('conflict', {
        message: {
          nb: `Enheten «${unit.name}» har allerede et unntak fra ${words.nb} som gjelder fra ${norwegianDay(holding[0]!.valid_from)}. Avslutt det først.`,
          en: `The unit “${unit.name}” already has an exception from ${words.en} in force from ${holding[0]!.valid_from}. End it first.`,
        },
        details: { exceptionIds: holding.map((e) => e.id) },
      });
    }
    // Checked against the rule itself: an exception for a unit that follows it would hide nothing
    // today and silently hide a real problem later.
    const findings = rawFindings(await readSnapshot(trx, input.validFrom));
    if (!findings.some((f) => excuses({ unitId: input.unitId, rule }, f))) {
      throw new AppError('invalid', {
        message: {
          nb: `Enheten «${unit.name}» følger ${words.nb} ${norwegianDay(input.validFrom)}, så det er ingenting å gjøre unntak fra.`,
          en: `The unit “${unit.name}” follows ${words.en} on ${input.validFrom}, so there is nothing to make an exception from.`,
        },
        details: [{ in: 'body', path: 'unitId', problem: 'the unit follows the rule on this date' }],
      });
    }
    const reason = input.reason.trim();
    const source = input.source?.trim() || null;
    const { id } = await trx
      .insertInto('org_level_exceptions')
      .values({ unit_id: input.unitId, rule, reason, source, valid_from: input.validFrom, valid_to: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx as unknown as Kysely<KernelTables>, context, {
      action: 'create',
      entityType: 'org_level_exception',
      entityId: id,
      after: { rule, unitId: input.unitId, unitKey: unit.key, reason, source, validFrom: input.validFrom, validTo: null },
    });
    return (await findLevelException(trx, id, input.validFrom))!;
  });
}
