import { AppError, type WriteContext } from '../../../../kernel/index.js';
import type { CloseBody, WriteResult } from '../../records.schemas.js';
import { assertEndAfterStart, norwegianDate } from '../dated-versions.js';
import type { OrganisationDb } from '../organisation.tables.js';
import { isUuid } from '../records.queries.js';
import { audit, invalid, notFound } from './shared.js';
import { assertMayEditLine, lastDayBefore } from '../editor-area.js';

export type EndLineInput = CloseBody & { id: string };

/**
 * Ends a reporting line: `validTo` is the first day it no longer holds. Only shortens; an end on the
 * day the line starts removes it.
 */
export async function endLine(trx: OrganisationDb, context: WriteContext, input: EndLineInput): Promise<WriteResult> {
  const line = isUuid(input.id)
    ? await trx.selectFrom('org_reporting_lines').selectAll().where('id', '=', input.id).forUpdate().executeTakeFirst()
    : undefined;
  if (!line) throw notFound(`Fant ikke rapporteringslinjen (id ${input.id}).`, `The reporting line was not found (id ${input.id}).`);
  if (line.revision !== input.revision) {
    throw new AppError('stale', {
      message: {
        nb: `Noen andre har endret rapporteringslinjen i mellomtiden (du har versjon ${input.revision}, gjeldende er ${line.revision}). Last inn på nytt og prøv igjen.`,
        en: `Someone else changed the reporting line in the meantime (you have revision ${input.revision}, the current one is ${line.revision}). Reload and try again.`,
      },
      details: { revision: line.revision },
    });
  }
  const view = (l: typeof line) => ({
    type: l.line_type,
    fromPositionId: l.from_position_id,
    toPositionId: l.to_position_id,
    validFrom: l.valid_from,
    validTo: l.valid_to,
  });
  // Ended on the day it starts: the line never held, so it goes (a same-day change undone), audited.
  if (input.validTo === line.valid_from) {
    await assertMayEditLine(
      trx,
      context,
      { type: line.line_type, fromPositionId: line.from_position_id, toPositionId: line.to_position_id },
      line.valid_from,
    );
    await trx.deleteFrom('org_reporting_lines').where('id', '=', input.id).execute();
    await audit(trx, context, { action: 'delete', entityType: 'organisation_line', entityId: input.id, before: view(line) });
    return { id: input.id, revision: line.revision + 1 };
  }
  assertEndAfterStart({ validFrom: line.valid_from, validTo: input.validTo });
  await assertMayEditLine(
    trx,
    context,
    { type: line.line_type, fromPositionId: line.from_position_id, toPositionId: line.to_position_id },
    lastDayBefore(input.validTo),
  );
  if (line.valid_to !== null && line.valid_to <= input.validTo) {
    throw invalid(`Linjen er allerede avsluttet fra ${norwegianDate(line.valid_to)}.`, `The line already ends from ${line.valid_to}.`, {
      in: 'body',
      path: 'validTo',
    });
  }

  const ended = await trx
    .updateTable('org_reporting_lines')
    .set((eb) => ({ valid_to: input.validTo, revision: eb('revision', '+', 1) }))
    .where('id', '=', input.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit(trx, context, {
    action: 'end',
    entityType: 'organisation_line',
    entityId: input.id,
    before: view(line),
    after: { ...view(ended), revision: ended.revision },
  });
  return { id: input.id, revision: ended.revision };
}
