import type { WriteContext } from '../../../../kernel/index.js';
import type { ChangeDistrictBody, WriteResult } from '../../places.schemas.js';
import type { PlacesDb } from '../places.tables.js';
import { changeVersioned } from './change-versioned.js';
import { assertMayEditPlace, assertOrganisationCovers, cleanText, municipalityWide, notFound } from './shared.js';

export type ChangeDistrictInput = ChangeDistrictBody & { number: number };

/** Renames a district or changes its facts from `validFrom`, as a new dated version (names are dated). */
export async function changeDistrict(trx: PlacesDb, context: WriteContext, input: ChangeDistrictInput): Promise<WriteResult> {
  await assertMayEditPlace(trx, context, municipalityWide({ nb: 'kommunedelen', en: 'the district' }), input.validFrom);
  const district = await trx.selectFrom('places_districts').select('id').where('number', '=', input.number).executeTakeFirst();
  if (!district) throw notFound(`Kommunedel ${input.number} finnes ikke.`, `District ${input.number} does not exist.`);
  const text = (value: string | null | undefined) => (value === undefined ? undefined : cleanText(value));
  return changeVersioned(trx, context, {
    table: 'places_districts',
    id: district.id,
    revision: input.revision,
    validFrom: input.validFrom,
    entityType: 'places_district',
    wanted: {
      name: input.name?.trim(),
      short_name: text(input.shortName),
      population: input.population,
      population_year: input.populationYear,
      population_source: text(input.populationSource),
      local_committee_name: text(input.localCommitteeName),
      local_coordinator_position_id: input.localCoordinatorPositionId,
      source: text(input.source),
      note: text(input.note),
    },
    check: async (period, next, changes) => {
      if ('local_coordinator_position_id' in changes && next.local_coordinator_position_id) {
        await assertOrganisationCovers(
          trx,
          'org_position_versions',
          String(next.local_coordinator_position_id),
          period,
          'localCoordinatorPositionId',
        );
      }
    },
  });
}
