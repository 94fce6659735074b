import type { WriteContext } from '../../../../kernel/index.js';
import type { AddLineBody, WriteResult } from '../../records.schemas.js';
import {
  asPeriod,
  assertEndAfterStart,
  describePeriod,
  findCycle,
  norwegianDate,
  overlaps,
  type Period,
  type VersionRow,
} from '../dated-versions.js';
import { breaksIndependence } from '../independence.js';
import type { OrganisationDb } from '../organisation.tables.js';
import { overlapping, selectPersonnelEdgesAbove, selectPositionTitles } from '../records.queries.js';
import { audit, cleanText, conflict, invalid, labelOf, referencedVersions } from './shared.js';
import { assertMayEditLine } from '../editor-area.js';

export type AddLineInput = AddLineBody;

const lineNames = {
  personnel: { nb: 'personalmessig linje', en: 'personnel line' },
  professional: { nb: 'faglig linje', en: 'professional line' },
  coordination: { nb: 'koordineringslinje', en: 'coordination line' },
} as const;

/**
 * Adds a reporting line: `fromPositionId` reports to `toPositionId` for the period. A position has
 * one personnel line at a time, to a position with personnel responsibility, and personnel lines
 * never go round in a circle; and a professionally independent position has no professional line from it (independence.ts).
 */
export async function addLine(trx: OrganisationDb, context: WriteContext, input: AddLineInput): Promise<WriteResult> {
  const period: Period = { validFrom: input.validFrom, validTo: input.validTo ?? null };
  // Both ends in the editor's area (editor-area.ts says which one line may leave it, and why).
  await assertMayEditLine(
    trx,
    context,
    { type: input.type, fromPositionId: input.fromPositionId, toPositionId: input.toPositionId },
    input.validFrom,
  );
  assertEndAfterStart(period);
  if (input.fromPositionId === input.toPositionId) {
    throw invalid('En stilling kan ikke rapportere til seg selv.', 'A position cannot report to itself.', {
      in: 'body',
      path: 'toPositionId',
    });
  }
  const name: { nb: string; en: string } = lineNames[input.type];

  // Both ends are locked in id order, so two lines between the same positions cannot deadlock.
  const ends = [
    { id: input.fromPositionId, field: 'fromPositionId' },
    { id: input.toPositionId, field: 'toPositionId' },
  ].sort((a, b) => a.id.localeCompare(b.id));
  const locked = new Map<string, VersionRow[]>();
  for (const end of ends) locked.set(end.field, await referencedVersions(trx, 'org_positions', end.id, period, end.field));
  const fromTitle = labelOf(locked.get('fromPositionId')!, period.validFrom);
  const target = locked.get('toPositionId')!;
  const toTitle = labelOf(target, period.validFrom);
  const targetDuring = target.filter((v) => overlaps(asPeriod(v), period));

  if (input.type === 'personnel') {
    const without = targetDuring.find((v) => !v.personnel_responsibility);
    if (without) {
      throw invalid(
        `«${toTitle}» har ikke personalansvar ${describePeriod(asPeriod(without))}, så ingen kan rapportere personalmessig til den.`,
        `"${toTitle}" has no personnel responsibility from ${without.valid_from}, so no position can have a personnel line to it.`,
        { in: 'body', path: 'toPositionId' },
      );
    }
  }
  // The rules report's definition (independence.ts): a professional line from an independent position directs its work.
  const independent = locked
    .get('fromPositionId')!
    .filter((v) => overlaps(asPeriod(v), period))
    .find((v) => breaksIndependence(input.type, { professionallyIndependent: v.professionally_independent === true }));
  if (independent) {
    throw invalid(
      `«${fromTitle}» er faglig selvstendig ${describePeriod(asPeriod(independent))} og kan ikke ha en faglig linje til «${toTitle}»: ingen kan styre stillingens faglige arbeid. Den kan ta imot faglige linjer fra andre.`,
      `"${fromTitle}" is professionally independent from ${independent.valid_from} and cannot have a professional line to "${toTitle}": nobody may direct its professional work. It can receive professional lines from others.`,
      { in: 'body', path: 'fromPositionId' },
    );
  }

  // A position has one personnel line at a time; other kinds may be several, but not the same one twice.
  let clashQuery = trx
    .selectFrom('org_reporting_lines')
    .select(['id', 'to_position_id', 'valid_from', 'valid_to'])
    .where('line_type', '=', input.type)
    .where('from_position_id', '=', input.fromPositionId)
    .where(overlapping(period));
  if (input.type !== 'personnel') clashQuery = clashQuery.where('to_position_id', '=', input.toPositionId);
  const clash = await clashQuery.orderBy('valid_from').executeTakeFirst();
  if (clash) {
    const other =
      (await selectPositionTitles(trx, [clash.to_position_id], clash.valid_from)).get(clash.to_position_id) ?? clash.to_position_id;
    const existing = describePeriod({ validFrom: clash.valid_from, validTo: clash.valid_to });
    throw conflict(
      input.type === 'personnel'
        ? `«${fromTitle}» har allerede en personalmessig linje til «${other}» ${existing}. En stilling kan bare ha én personalmessig linje om gangen; avslutt den eksisterende først.`
        : `«${fromTitle}» har allerede en ${name.nb} til «${other}» ${existing}.`,
      input.type === 'personnel'
        ? `"${fromTitle}" already has a personnel line to "${other}" from ${clash.valid_from}. A position has one personnel line at a time; end the existing one first.`
        : `"${fromTitle}" already has a ${name.en} to "${other}" from ${clash.valid_from}.`,
      { lineId: clash.id },
    );
  }

  if (input.type === 'personnel') {
    const cycle = findCycle(await selectPersonnelEdgesAbove(trx, input.toPositionId, period), {
      from: input.fromPositionId,
      to: input.toPositionId,
      ...period,
    });
    if (cycle) {
      const titles = await selectPositionTitles(trx, cycle.path, cycle.date);
      throw conflict(
        `Linjen ville gitt en sirkel i personallinjene ${norwegianDate(cycle.date)}: ${cycle.path.map((id) => `«${titles.get(id)}»`).join(' → ')}.`,
        `The line would make the personnel lines go round in a circle on ${cycle.date}: ${cycle.path.map((id) => `"${titles.get(id)}"`).join(' → ')}.`,
        { cycle: cycle.path },
      );
    }
  }

  const line = await trx
    .insertInto('org_reporting_lines')
    .values({
      line_type: input.type,
      from_position_id: input.fromPositionId,
      to_position_id: input.toPositionId,
      valid_from: period.validFrom,
      valid_to: period.validTo,
      source: cleanText(input.source),
      note: cleanText(input.note),
    })
    .returningAll()
    .executeTakeFirstOrThrow();

  await audit(trx, context, {
    action: 'create',
    entityType: 'organisation_line',
    entityId: line.id,
    after: {
      type: line.line_type,
      fromPositionId: line.from_position_id,
      fromTitle,
      toPositionId: line.to_position_id,
      toTitle,
      validFrom: line.valid_from,
      validTo: line.valid_to,
      source: line.source,
      note: line.note,
    },
  });
  return { id: line.id, revision: line.revision };
}
