import type { WriteContext } from '../../../../kernel/index.js';
import type { ChangeSiteBody, WriteResult } from '../../places.schemas.js';
import type { PlacesDb } from '../places.tables.js';
import { changeVersioned } from './change-versioned.js';
import { assertCoordinates } from './site-rules.js';
import { assertMayEditPlace, assertPlaceCovers, assertTimesInOrder, cleanText, municipalityWide } from './shared.js';

export type ChangeSiteInput = ChangeSiteBody & { id: string };

/** Changes a site from `validFrom` (address, opening hours, hub cluster …) as a new version. */
export async function changeSite(trx: PlacesDb, context: WriteContext, input: ChangeSiteInput): Promise<WriteResult> {
  await assertMayEditPlace(trx, context, municipalityWide({ nb: 'bygget', en: 'the site' }), input.validFrom);
  const text = (value: string | null | undefined) => (value === undefined ? undefined : cleanText(value));
  assertTimesInOrder(input.openingHours, 'openingHours');
  return changeVersioned(trx, context, {
    table: 'places_sites',
    id: input.id,
    revision: input.revision,
    validFrom: input.validFrom,
    entityType: 'places_site',
    wanted: {
      name: input.name?.trim(),
      address: text(input.address),
      latitude: input.latitude,
      longitude: input.longitude,
      owner: text(input.owner),
      accessibility_notes: text(input.accessibilityNotes),
      opening_hours_text: text(input.openingHoursText),
      opening_hours: input.openingHours,
      hub_id: input.hubId,
      source: text(input.source),
      note: text(input.note),
    },
    check: async (period, next, changes) => {
      assertCoordinates(next.latitude, next.longitude);
      if ('hub_id' in changes && next.hub_id) await assertPlaceCovers(trx, 'places_hubs', String(next.hub_id), period, 'hubId');
    },
  });
}
