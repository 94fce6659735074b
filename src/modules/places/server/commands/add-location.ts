import type { WriteContext } from '../../../../kernel/index.js';
import type { CreateLocationBody, WriteResult } from '../../places.schemas.js';
import { asPeriod, describePeriod, overlaps, type Period } from '../dated.js';
import type { PlacesDb } from '../places.tables.js';
import {
  assertEndAfterStart,
  assertMayEditPlace,
  assertOrganisationCovers,
  assertPlaceCovers,
  audit,
  cleanText,
  conflict,
  invalid,
} from './shared.js';

/** Records that a unit or a position works at a site from `validFrom` (lokalisering). Co-location follows from these rows. */
export async function addLocation(trx: PlacesDb, context: WriteContext, input: CreateLocationBody): Promise<WriteResult> {
  const period: Period = { validFrom: input.validFrom, validTo: input.validTo ?? null };
  // Where a unit or position works is its area's to record.
  await assertMayEditPlace(
    trx,
    context,
    input.unitId !== undefined ? { units: [input.unitId] } : { positions: input.positionId === undefined ? [] : [input.positionId] },
    input.validFrom,
  );
  assertEndAfterStart(period);
  if ((input.unitId === undefined) === (input.positionId === undefined)) {
    throw invalid('Oppgi enten en enhet eller en stilling.', 'Give either a unit or a position.', [
      { in: 'body', path: 'unitId', problem: 'exactly one of unitId, positionId' },
    ]);
  }
  await assertPlaceCovers(trx, 'places_sites', input.siteId, period, 'siteId');
  const label = input.unitId
    ? await assertOrganisationCovers(trx, 'org_unit_versions', input.unitId, period, 'unitId')
    : await assertOrganisationCovers(trx, 'org_position_versions', input.positionId!, period, 'positionId');

  const existing = await trx
    .selectFrom('places_locations')
    .select(['id', 'valid_from', 'valid_to'])
    .where('site_id', '=', input.siteId)
    .where(input.unitId ? 'unit_id' : 'position_id', '=', (input.unitId ?? input.positionId)!)
    .forUpdate()
    .execute();
  const clash = existing.find((row) => overlaps(asPeriod(row), period));
  if (clash) {
    throw conflict(
      `«${label}» er allerede registrert på dette bygget i en overlappende periode (${describePeriod(asPeriod(clash))}).`,
      `"${label}" is already located at this site in an overlapping period.`,
      { in: 'body', path: 'validFrom', locationId: clash.id },
    );
  }
  const row = await trx
    .insertInto('places_locations')
    .values({
      site_id: input.siteId,
      unit_id: input.unitId ?? null,
      position_id: input.positionId ?? null,
      valid_from: period.validFrom,
      valid_to: period.validTo,
      source: cleanText(input.source),
      note: cleanText(input.note),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit(trx, context, { action: 'create', entityType: 'places_location', entityId: row.id, after: row });
  return { id: row.id, revision: row.revision };
}
