import type { WriteContext } from '../../../../kernel/index.js';
import type { CreateHubBody, WriteResult } from '../../places.schemas.js';
import type { Period } from '../dated.js';
import type { PlacesDb } from '../places.tables.js';
import {
  assertEndAfterStart,
  assertMayEditPlace,
  assertOnlyHubInDistrict,
  assertOrganisationCovers,
  audit,
  chooseKey,
  cleanText,
  districtCovering,
  municipalityWide,
} from './shared.js';

/** Creates a district's local hub from `validFrom`: the district must exist all that time and have no other hub then. */
export async function createHub(trx: PlacesDb, context: WriteContext, input: CreateHubBody): Promise<WriteResult> {
  await assertMayEditPlace(trx, context, municipalityWide({ nb: 'det lokale knutepunktet', en: 'the local hub' }), input.validFrom);
  const period: Period = { validFrom: input.validFrom, validTo: input.validTo ?? null };
  assertEndAfterStart(period);
  const districtId = await districtCovering(trx, input.districtNumber, period);
  await assertOnlyHubInDistrict(trx, districtId, period, input.districtNumber);
  if (input.pilotUnitId) await assertOrganisationCovers(trx, 'org_unit_versions', input.pilotUnitId, period, 'pilotUnitId');
  const name = input.name.trim();
  const key = await chooseKey(trx, 'places_hubs', input.key, name);

  const hub = await trx.insertInto('places_hubs').values({ key }).returning(['id', 'revision']).executeTakeFirstOrThrow();
  const version = await trx
    .insertInto('places_hub_versions')
    .values({
      hub_id: hub.id,
      valid_from: period.validFrom,
      valid_to: period.validTo,
      district_id: districtId,
      name,
      functions: input.functions ?? [],
      pilot_unit_id: input.pilotUnitId ?? null,
      success_criteria: cleanText(input.successCriteria),
      evaluation_notes: cleanText(input.evaluationNotes),
      source: cleanText(input.source),
      note: cleanText(input.note),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit(trx, context, { action: 'create', entityType: 'places_hub', entityId: hub.id, after: { key, ...version } });
  return { id: hub.id, revision: hub.revision };
}
