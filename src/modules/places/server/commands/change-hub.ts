import type { WriteContext } from '../../../../kernel/index.js';
import type { ChangeHubBody, WriteResult } from '../../places.schemas.js';
import type { PlacesDb } from '../places.tables.js';
import { changeVersioned } from './change-versioned.js';
import {
  assertMayEditPlace,
  assertOnlyHubInDistrict,
  assertOrganisationCovers,
  cleanText,
  districtCovering,
  municipalityWide,
} from './shared.js';

export type ChangeHubInput = ChangeHubBody & { id: string };

/** Changes a hub from `validFrom` (name, district, functions, pilot unit, success criteria, evaluation) as a new version. */
export async function changeHub(trx: PlacesDb, context: WriteContext, input: ChangeHubInput): Promise<WriteResult> {
  await assertMayEditPlace(trx, context, municipalityWide({ nb: 'det lokale knutepunktet', en: 'the local hub' }), input.validFrom);
  const text = (value: string | null | undefined) => (value === undefined ? undefined : cleanText(value));
  // The district is named by number in the body; its id is what the version stores.
  const districtId =
    input.districtNumber === undefined
      ? undefined
      : ((await trx.selectFrom('places_districts').select('id').where('number', '=', input.districtNumber).executeTakeFirst())?.id ??
        `missing:${input.districtNumber}`);
  return changeVersioned(trx, context, {
    table: 'places_hubs',
    id: input.id,
    revision: input.revision,
    validFrom: input.validFrom,
    entityType: 'places_hub',
    wanted: {
      name: input.name?.trim(),
      district_id: districtId,
      functions: input.functions,
      pilot_unit_id: input.pilotUnitId,
      success_criteria: text(input.successCriteria),
      evaluation_notes: text(input.evaluationNotes),
      source: text(input.source),
      note: text(input.note),
    },
    check: async (period, next, changes) => {
      if ('district_id' in changes) {
        await districtCovering(trx, input.districtNumber!, period);
        await assertOnlyHubInDistrict(trx, String(next.district_id), period, input.districtNumber!, input.id);
      }
      if ('pilot_unit_id' in changes && next.pilot_unit_id) {
        await assertOrganisationCovers(trx, 'org_unit_versions', String(next.pilot_unit_id), period, 'pilotUnitId');
      }
    },
  });
}
