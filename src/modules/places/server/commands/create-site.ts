import type { WriteContext } from '../../../../kernel/index.js';
import type { CreateSiteBody, WriteResult } from '../../places.schemas.js';
import type { Period } from '../dated.js';
import type { PlacesDb } from '../places.tables.js';
import { assertCoordinates } from './site-rules.js';
import {
  assertEndAfterStart,
  assertMayEditPlace,
  assertPlaceCovers,
  assertTimesInOrder,
  audit,
  chooseKey,
  cleanText,
  municipalityWide,
} from './shared.js';

/** Creates a site (a building) from `validFrom`; unknown address and opening hours stay empty. */
export async function createSite(trx: PlacesDb, context: WriteContext, input: CreateSiteBody): Promise<WriteResult> {
  await assertMayEditPlace(trx, context, municipalityWide({ nb: 'bygget', en: 'the site' }), input.validFrom);
  const period: Period = { validFrom: input.validFrom, validTo: input.validTo ?? null };
  assertEndAfterStart(period);
  assertCoordinates(input.latitude ?? null, input.longitude ?? null);
  assertTimesInOrder(input.openingHours, 'openingHours');
  if (input.hubId) await assertPlaceCovers(trx, 'places_hubs', input.hubId, period, 'hubId');
  const name = input.name.trim();
  const key = await chooseKey(trx, 'places_sites', input.key, name);

  const site = await trx.insertInto('places_sites').values({ key }).returning(['id', 'revision']).executeTakeFirstOrThrow();
  const version = await trx
    .insertInto('places_site_versions')
    .values({
      site_id: site.id,
      valid_from: period.validFrom,
      valid_to: period.validTo,
      name,
      address: cleanText(input.address),
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      owner: cleanText(input.owner),
      accessibility_notes: cleanText(input.accessibilityNotes),
      opening_hours_text: cleanText(input.openingHoursText),
      opening_hours: input.openingHours ? JSON.stringify(input.openingHours) : null,
      hub_id: input.hubId ?? null,
      source: cleanText(input.source),
      note: cleanText(input.note),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit(trx, context, { action: 'create', entityType: 'places_site', entityId: site.id, after: { key, ...version } });
  return { id: site.id, revision: site.revision };
}
